"""Bounded fuzz run of `events.tag` and `events.extract`: random texts mixing dates, numbers,
month names, relative phrases, punctuation and any Unicode, with published dates from year 1 to
9999 (or none). A case *crashes* when either function raises or breaks an invariant (offsets
inside the text and matching it, spans ordered). Reports cases run, crashes, distinct crash sites
and a reproducer for each; exit status 1 when anything crashed.

    .venv/bin/python bench/fuzz.py --cases 1000000 --workers 2 --minutes 10
    .venv/bin/python bench/fuzz.py --growth          # time at n, 2n, 4n for pathological inputs

A custom generator rather than atheris: no native build, runs on both cores with multiprocessing,
and is deterministic per (seed, case number), so any reported case can be replayed with
`--replay SEED:CASE`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Sept.", "Dec", "mars", "März", "mayo",
]  # fmt: skip
DAYS = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "today", "yesterday",
    "tomorrow", "tonight", "this morning", "last night",
]  # fmt: skip
RELATIVE = [
    "a day earlier", "two weeks later", "last year", "next month", "the previous decade",
    "three years ago", "in the 1990s", "early 2014", "mid-March", "late in the century",
    "the following Tuesday", "between 2007 and 2011", "from May to June", "Q3 2020",
    "the summer of 1969", "the 21st century", "every Monday", "for six months",
    "the past 24 hours", "since 1066", "by 2050", "BC 44", "the 3rd", "the 31st of February",
]  # fmt: skip
WORDS = [
    "the", "council", "said", "voted", "on", "in", "and", "would", "will", "was", "has", "Apple", "Jobs",
    "announced", "before", "after", "about", "around", "until", "Iraq", "which", "who", "however",
    ",", ".", ";", ":", "—", "-", "(", ")", '"', "'", "\n", "\n\n",
]  # fmt: skip
PUNCT = [*".,;:!?-–—/\\()[]{}\"'`~@#$%^&*_+=<>|", "...", "--", "\t", "\r\n", "\u200b", "\u00a0"]
SCRIPTS = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x6FF),
           (0x900, 0x97F), (0x3040, 0x30FF), (0x4E00, 0x4FFF), (0xAC00, 0xAD00), (0x1F300, 0x1F64F),
           (0x660, 0x669), (0xFF10, 0xFF19), (0x0, 0x1F)]  # fmt: skip


def _number(r: random.Random) -> str:
    kind = r.randrange(8)
    if kind == 0:
        return str(r.randint(0, 99999999999))
    if kind == 1:
        return f"{r.randint(1, 9999):04d}-{r.randint(0, 13):02d}-{r.randint(0, 32):02d}"
    if kind == 2:
        return f"{r.randint(0, 13)}/{r.randint(0, 32)}/{r.randint(0, 9999)}"
    if kind == 3:
        return f"{r.randint(0, 31)}{r.choice(['st', 'nd', 'rd', 'th'])}"
    if kind == 4:
        return f"{r.randint(0, 24)}:{r.randint(0, 60):02d}{r.choice(['', ' a.m.', 'pm', ' GMT'])}"
    if kind == 5:
        return f"{r.randint(0, 9999)}s"
    if kind == 6:
        return f"'{r.randint(0, 99):02d}"
    return str(r.randint(-5000, 5000)) + r.choice(["", ".5", ",000", "%", "m"])


def _date_phrase(r: random.Random) -> str:
    kind = r.randrange(6)
    d, m, y = r.randint(0, 32), r.choice(MONTHS), r.randint(0, 10000)
    if kind == 0:
        return f"{d} {m} {y}"
    if kind == 1:
        return f"{m} {d}, {y}"
    if kind == 2:
        return f"{r.choice(DAYS)}, {m} {d}"
    if kind == 3:
        return f"{r.choice(['early', 'mid-', 'late', 'about', 'around', 'circa'])} {y}"
    if kind == 4:
        return f"{m} {y}"
    return r.choice(RELATIVE)


def _unicode(r: random.Random, n: int) -> str:
    lo, hi = r.choice(SCRIPTS)
    return "".join(chr(r.randint(lo, hi)) for _ in range(n))


def make_case(seed: int, case: int, max_len: int) -> tuple[str, dt.date | None]:
    """The text and published date of case number `case`: a pure function of (seed, case)."""
    r = random.Random(seed * 1_000_003 + case)
    parts: list[str] = []
    target = r.randint(0, max_len)
    size = 0
    while size < target:
        kind = r.randrange(10)
        if kind < 3:
            piece = r.choice(WORDS)
        elif kind == 3:
            piece = _number(r)
        elif kind < 6:
            piece = _date_phrase(r)
        elif kind == 6:
            piece = r.choice(PUNCT)
        elif kind == 7:
            piece = _unicode(r, r.randint(1, 12))
        elif kind == 8:
            piece = r.choice(MONTHS + DAYS)
        else:  # a burst of repetition, the food of backtracking regular expressions
            piece = r.choice(["7", "-", "January ", "1 ", "., ", "(", "the ", "2020-", "/"]) * r.randint(
                2, 60
            )
        parts.append(piece)
        parts.append(r.choice([" ", " ", " ", "", "\n", ", "]))
        size += len(piece) + 1
    text = "".join(parts)[: max_len * 2]
    roll = r.random()
    if roll < 0.2:
        dct = None
    elif roll < 0.25:
        dct = r.choice([dt.date(1, 1, 1), dt.date(1, 12, 31), dt.date(9999, 12, 31), dt.date(9999, 1, 1)])
    else:
        dct = dt.date(r.randint(1, 9999), r.randint(1, 12), r.randint(1, 28))
    return text, dct


def check(text: str, dct: dt.date | None) -> None:
    """Run tag and extract on one case; raise on any failure or broken invariant."""
    from events import extract, tag

    timexes = tag(text, dct)
    for t in timexes:
        if not (0 <= t.start <= t.end <= len(text)) or text[t.start : t.end] != t.text:
            raise AssertionError(f"timex offsets {t.start}:{t.end} do not give {t.text!r}")
        if t.span is not None and t.span.start and t.span.end and t.span.start > t.span.end:
            raise AssertionError("timex span ends before it starts")
    for ev in extract(text, dct):
        w = ev.when
        if w.start is not None and w.end is not None and w.start > w.end:
            raise AssertionError("event ends before it starts")
        for s in ev.sources:
            if text[s.sentence_start : s.sentence_end] != s.sentence:
                raise AssertionError("sentence offsets do not give the sentence")
            dated = s.date_start is not None and s.date_end is not None and s.date_text is not None
            if dated and text[s.date_start : s.date_end] != s.date_text:  # type: ignore[misc]
                raise AssertionError("date offsets do not give the date text")


def _site(err: BaseException) -> str:
    """Where it broke: exception type and the innermost frame inside our packages."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if "/events/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(err).__name__} at {where}"


def run_chunk(args: tuple[int, int, int, int, float]) -> dict[str, Any]:
    seed, first, count, max_len, deadline = args
    ran = 0
    crashes: list[dict[str, Any]] = []
    slowest = (0.0, -1)
    for case in range(first, first + count):
        if time.time() > deadline:
            break
        text, dct = make_case(seed, case, max_len)
        t0 = time.perf_counter()
        try:
            check(text, dct)
        except Exception as err:
            crashes.append({"case": case, "site": _site(err), "error": str(err)[:300],
                            "text": text[:2000], "dct": dct.isoformat() if dct else None})  # fmt: skip
        took = time.perf_counter() - t0
        if took > slowest[0]:
            slowest = (took, case)
        ran += 1
    return {"ran": ran, "crashes": crashes, "slowest": slowest}


def fuzz(cases: int, workers: int, seed: int, max_len: int, minutes: float, report: Path | None) -> int:
    chunk = 2_000
    deadline = time.time() + minutes * 60
    jobs = [(seed, first, min(chunk, cases - first), max_len, deadline) for first in range(0, cases, chunk)]
    ran, crashes, slowest = 0, [], (0.0, -1)
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(workers) as pool:
        for i, out in enumerate(pool.imap_unordered(run_chunk, jobs)):
            ran += out["ran"]
            crashes.extend(out["crashes"])
            slowest = max(slowest, tuple(out["slowest"]))  # type: ignore[assignment]
            if i % 25 == 0:
                rate = ran / max(1e-9, time.perf_counter() - t0)
                print(
                    f"  {ran:,} cases, {len(crashes)} crashes, {rate:,.0f} cases/s",
                    file=sys.stderr,
                    flush=True,
                )
    wall = time.perf_counter() - t0
    sites = Counter(c["site"] for c in crashes)
    summary = {
        "cases_requested": cases,
        "cases_run": ran,
        "crashes": len(crashes),
        "distinct_sites": dict(sites),
        "seconds": round(wall, 1),
        "cases_per_second": round(ran / wall, 1) if wall else None,
        "workers": workers,
        "seed": seed,
        "max_len": max_len,
        "slowest_case": {"seconds": round(slowest[0], 3), "replay": f"{seed}:{slowest[1]}"},
        "stopped_by_time_limit": ran < cases,
        "examples": [next(c for c in crashes if c["site"] == s) for s in sites],
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    if report:
        report.write_text(text + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "examples"}, indent=2))
    for ex in summary["examples"]:
        print(f"crash {ex['site']}: replay with --replay {seed}:{ex['case']}", file=sys.stderr)
    return 1 if crashes else 0


# -- growth -------------------------------------------------------------------------------------

GROWTH = {
    "digits": lambda n: "7" * n,
    "digits-spaced": lambda n: ("1 2 3 4 5 6 7 8 9 " * n)[:n],
    "dashes": lambda n: "-" * n,
    "iso-dashes": lambda n: ("2020-" * n)[:n],
    "months": lambda n: ("January " * n)[:n],
    "prose-one-line": lambda n: ("the council talked about the bridge and the budget again " * n)[:n],
    "dates-one-line": lambda n: ("the talks that began on 3 March 2021 and ended a day later went on " * n)[
        :n
    ],
    "prose-with-stops": lambda n: ("The council met on 3 March 2021. It voted a day later. " * n)[:n],
}


def growth(base: int, only: list[str] | None) -> int:
    """CPU time of tag and extract at n, 2n, 4n; a ratio near 2 per doubling is linear."""
    from events import extract, tag

    extract("warm up on 3 May 2020.", dt.date(2021, 1, 1))
    print(
        f"| input | {base // 1000} KB | {2 * base // 1000} KB | {4 * base // 1000} KB | growth per doubling |"
    )
    print("| --- | --- | --- | --- | --- |")
    for name, make in GROWTH.items():
        if only and name not in only:
            continue
        times = []
        for n in (base, 2 * base, 4 * base):
            text = make(n)
            t0 = time.process_time()
            tag(text, dt.date(2021, 3, 4))
            extract(text, dt.date(2021, 3, 4))
            times.append(time.process_time() - t0)
        ratio = (times[2] / times[0]) ** 0.5 if times[0] > 0 else float("nan")
        print(
            f"| {name} | {times[0]:.2f} s | {times[1]:.2f} s | {times[2]:.2f} s | x{ratio:.1f} |", flush=True
        )
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=100_000, help="cases to run (default 100,000)")
    p.add_argument("--workers", type=int, default=mp.cpu_count(), help="processes (default: all cores)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-len", type=int, default=300, help="target text length per case, in characters")
    p.add_argument(
        "--minutes", type=float, default=float("inf"), help="stop after this long, report what ran"
    )
    p.add_argument("--report", type=Path, help="write the full report (with reproducers) as JSON")
    p.add_argument("--replay", help="SEED:CASE: run one case in process and show the traceback")
    p.add_argument("--growth", action="store_true", help="time pathological inputs at n, 2n, 4n")
    p.add_argument("--growth-base", type=int, default=50_000, help="n for --growth, in characters")
    p.add_argument("--only", nargs="*", help="with --growth: these inputs only")
    a = p.parse_args()
    if a.growth:
        return growth(a.growth_base, a.only)
    if a.replay:
        seed, case = (int(x) for x in a.replay.split(":"))
        text, dct = make_case(seed, case, a.max_len)
        print(f"dct={dct} text={text!r}")
        check(text, dct)
        print("ok")
        return 0
    return fuzz(a.cases, a.workers, a.seed, a.max_len, a.minutes, a.report)


if __name__ == "__main__":
    sys.exit(main())
