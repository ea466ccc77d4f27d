"""Store benchmark: ingest throughput, date-window queries at 10k / 100k / 1M events, CSV export.

    .venv/bin/python bench/store.py                       # SQLite and PostgreSQL, 10k..1M
    .venv/bin/python bench/store.py --backends sqlite --sizes 10000,100000

Ingest: synthetic news articles (a few dated sentences each, all different) through the real
pipeline (read, hash, extract, one transaction per document) with 1 and 2 worker processes.
Windows: events spread over 1990-2025 with realistic spans (days, months, years, a few decades),
bulk-inserted (not through per-event calls); the database grows 10k -> 100k -> 1M and at each size
we time, over random windows: one year with `limit=500` (what the dashboard asks for), the count
of that year, its 120-bin density, and a one-month window with no limit. Median and p95 in ms.
PostgreSQL is a throw-away cluster (tests/pg.py); it is skipped when its binaries are missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from events.ingest import ingest  # noqa: E402
from events.io import csv as csv_io  # noqa: E402
from events.models import Event, Source, TimeSpan  # noqa: E402
from events.query import EventQuery  # noqa: E402
from events.store import Store  # noqa: E402

FIRST, LAST = dt.date(1990, 1, 1), dt.date(2025, 12, 31)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
ACTORS = ["the ministry", "rebels", "the council", "the union", "the court", "police", "the army"]


def gen_events(n: int, offset: int, rng: random.Random) -> Iterator[Event]:
    days = (LAST - FIRST).days
    for i in range(offset, offset + n):
        start = FIRST + dt.timedelta(days=rng.randrange(days))
        kind = rng.random()
        if kind < 0.6:
            end, gran = start, "day"
        elif kind < 0.85:
            start = start.replace(day=1)
            nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            end, gran = nxt - dt.timedelta(days=1), "month"
        elif kind < 0.99:
            start, end, gran = start.replace(month=1, day=1), start.replace(month=12, day=31), "year"
        else:
            y = start.year // 10 * 10
            start, end, gran = dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"
        doc = f"doc{i // 10:07d}"
        sentence = f"On that day {rng.choice(ACTORS)} reported event number {i} in the region."
        yield Event(
            id=f"e{i:08d}",
            title=f"Event {i} reported",
            when=TimeSpan(
                start=start, end=end, granularity=gran, value=start.isoformat(), edtf=start.isoformat()
            ),
            sources=[
                Source(
                    document_id=doc,
                    sentence=sentence,
                    sentence_start=0,
                    sentence_end=len(sentence),
                    date_text="that day",
                    url=f"https://news.example/{doc}",
                )
            ],
            actors=[rng.choice(ACTORS)],
            tags=[rng.choice(["politics", "conflict", "economy"])],
            confidence=round(rng.random(), 3),
        )


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and p95 wall time in ms (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def bench_windows(store: Store, sizes: list[int], repeat: int, out: list[str], label: str) -> None:
    rng = random.Random(42)
    have = 0
    for size in sizes:
        t = time.perf_counter()
        have += store.bulk_add_events(gen_events(size - have, have, rng), batch=10_000)
        store.optimize()
        load = time.perf_counter() - t
        qrng = random.Random(7)

        def year_q(qrng: random.Random = qrng) -> EventQuery:
            y = qrng.randrange(1991, 2025)
            return EventQuery(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31))

        def month_q(qrng: random.Random = qrng) -> EventQuery:
            d = dt.date(qrng.randrange(1991, 2025), qrng.randrange(1, 13), 1)
            return EventQuery(start=d, end=d + dt.timedelta(days=30))

        page = timed(lambda: store.query(year_q().page(500)), repeat)
        count = timed(lambda: store.count(year_q()), repeat)
        dens = timed(lambda: store.density(year_q(), 120), repeat)
        month = timed(lambda: store.query(month_q()), repeat)
        n_month = store.count(month_q())
        # What a dashboard's first, unfiltered view asks (no window): every live event counted,
        # binned over the whole extent, and the filter drop-downs' values.
        count_all = timed(lambda: store.count(EventQuery(include_unresolved=False)), min(repeat, 5))
        dens_all = timed(lambda: store.density(EventQuery(include_unresolved=False), 120), min(repeat, 5))
        facets = timed(store.facets, min(repeat, 5))
        # The same answer computed from the event tables (before migration 0007): one call.
        exact = timed(store._exact_facets, 1)
        assert store.facets() == store._exact_facets()
        print(
            f"| {label} | {size:,} | full view: count {count_all[0]:.1f} ms | density {dens_all[0]:.1f} ms "
            f"| facets {facets[0]:.1f} / {facets[1]:.1f} ms (from the events: {exact[0]:.0f} ms) |",
            flush=True,
        )
        out.append(
            f"| {label} | {size:,} | {page[0]:.1f} / {page[1]:.1f} | {count[0]:.1f} / {count[1]:.1f} "
            f"| {dens[0]:.1f} / {dens[1]:.1f} | {month[0]:.1f} / {month[1]:.1f} (~{n_month} events) "
            f"| {load:.1f} s |"
        )
        print(out[-1], flush=True)


def bench_export(store: Store, label: str, out: list[str]) -> None:
    n_total = store.count(EventQuery())
    t = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8", newline="") as fp:
        n = csv_io.write_lines(store.iter_event_csv(EventQuery()), fp)  # what `timeline export` does
    stored_s = time.perf_counter() - t
    assert n == n_total
    t = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8", newline="") as fp:
        n = csv_io.write_event_json(store.iter_event_json(EventQuery()), fp, workers=2)
    remade_s = time.perf_counter() - t
    t = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as fp:
        for raw in store.iter_event_json(EventQuery()):
            fp.write(raw)
    jsonl_s = time.perf_counter() - t
    out.append(f"| {label} | {n_total:,} | {stored_s:.1f} s | {remade_s:.1f} s | {jsonl_s:.1f} s |")
    print(out[-1], flush=True)


ARTICLE = (
    "{city}, {month} {day}, {year} -- Officials in {city} announced on {weekday} that talks would resume. "
    "The previous round collapsed in {month2} {year2}, after {n} days of negotiation. "
    "A spokesman said a decision was expected by early {year3}. "
    "Protests had begun on {day2} {month3} {year} and continued for weeks, according to witnesses. "
    "The council met again last week and will vote next Tuesday."
)


def write_articles(folder: Path, n: int) -> None:
    rng = random.Random(3)
    cities = ["Geneva", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Riga"]
    for i in range(n):
        year = rng.randrange(1995, 2024)
        text = ARTICLE.format(
            city=rng.choice(cities), month=rng.choice(MONTHS), day=rng.randrange(1, 28), year=year,
            weekday=rng.choice(["Monday", "Tuesday", "Friday"]), month2=rng.choice(MONTHS), year2=year - 1,
            n=rng.randrange(2, 90), year3=year + 1, day2=rng.randrange(1, 28), month3=rng.choice(MONTHS),
        )  # fmt: skip
        (folder / f"article-{i:05d}.txt").write_text(f"{text}\n\nRef {i}.\n", encoding="utf-8")


def bench_ingest(url_for: Callable[[str], str], n_docs: int, label: str, out: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, n_docs)
        for workers in (1, 2):
            with Store.open(url_for(f"ingest{workers}")) as store:
                t = time.perf_counter()
                report = ingest([str(folder)], store, published=dt.date(2024, 1, 1), workers=workers,
                                progress=False)  # fmt: skip
                secs = time.perf_counter() - t
                assert report.ok, report.failed
                out.append(
                    f"| {label} | {workers} | {n_docs} | {n_docs / secs:.1f} docs/s | {report.events_added} |"
                )
                print(out[-1], flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--docs", type=int, default=300, help="articles for the ingest benchmark")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--skip-ingest", action="store_true")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    windows: list[str] = []
    exports: list[str] = []
    ingests: list[str] = []
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            cluster = None
            if backend == "sqlite":

                def url_for(name: str, tmp: str = tmp) -> str:
                    return f"sqlite:///{tmp}/{name}.sqlite"
            else:
                from pg import Cluster, find_bin

                bindir = find_bin()
                if bindir is None:
                    print("PostgreSQL binaries missing: skipped", file=sys.stderr)
                    continue
                cluster = Cluster(bindir, port=55432).start()

                def url_for(name: str, cluster: Cluster = cluster) -> str:
                    return cluster.create_database(name)

            try:
                if not args.skip_ingest:
                    bench_ingest(url_for, args.docs, backend, ingests)
                with Store.open(url_for("windows")) as store:
                    bench_windows(store, sizes, args.repeat, windows, backend)
                    bench_export(store, backend, exports)
            finally:
                if cluster is not None:
                    cluster.stop()
    print("\nIngest\n| back end | workers | documents | throughput | events |\n|---|---|---|---|---|")
    print("\n".join(ingests))
    print(
        "\nWindow queries, median / p95 ms\n| back end | events | 1 year, limit 500 | count 1 year "
        "| density 1 year, 120 bins | 1 month, no limit | bulk load |\n|---|---|---|---|---|---|---|"
    )
    print("\n".join(windows))
    print(
        "\nExport of every event\n| back end | events | CSV (stored lines) | CSV remade, 2 processes "
        "| JSON Lines |"
        "\n|---|---|---|---|---|"
    )
    print("\n".join(exports))


if __name__ == "__main__":
    main()
