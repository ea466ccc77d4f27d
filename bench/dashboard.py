"""Dashboard benchmark: the figure callback through Dash's HTTP endpoint at 1k / 100k / 1M events.

    .venv/bin/python bench/dashboard.py                      # 1k, 100k, 1M (the 1M store takes minutes)
    .venv/bin/python bench/dashboard.py --sizes 1000,100000 --repeat 5

Events come from bench/store.py's generator (1990-2025; days, months, years, a few decades) and are
bulk-inserted into a SQLite file per size, cached under --cache so reruns skip the build. For each
size the real app (`create_app`) answers POST /_dash-update-component through Flask's test client,
exactly the request the browser sends when the view changes; we time the figure callback for

- full: no window (the page as it opens),
- year: a one-year window (zoomed in once),
- week: a 7-day window (zoomed in far enough to see single events; coarse spans overlapping it,
  years and decades, are counted but not drawn when the window would otherwise stay binned),

Each round builds a fresh app (empty answer cache) and sends the same view twice: "cold" is the first
call (a first visitor, or the first view after a write: the count, the bins or events, and the
undated count), "repeat" the second (answered from the app's cache until the data changes). Medians
and p95 over --repeat rounds after one warm-up round, and the largest JSON response.
Targets: < 300 ms and < 2 MB at 1M events.

--live-index first adds a partial index on (start_day, end_day) of live (not deleted) events to
the bench database, the store change this benchmark argued for; without it, that extra index is
dropped. Since migration 0006 the store has the same index itself (ix_events_live_span), so the
flag now only adds a duplicate: the figures in bench/README.md are without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.query import EventQuery  # noqa: E402
from events.store import Store  # noqa: E402
from timeline import ids  # noqa: E402
from timeline.app import create_app  # noqa: E402
from timeline.view import View  # noqa: E402


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "tests"))
    spec.loader.exec_module(module)
    return module.gen_events


LIVE_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_bench_live_span ON events (start_day, end_day) WHERE deleted_at IS NULL"
)


def set_live_index(path: Path, on: bool) -> None:
    """The partial index we propose to the store: counts and density bins of live events become
    index-only scans instead of reads of every row (each row carries the event's JSON)."""
    with sqlite3.connect(path) as conn:
        conn.execute(LIVE_INDEX if on else "DROP INDEX IF EXISTS ix_bench_live_span")


def build_store(n: int, cache: Path, live_index: bool = False) -> Store:
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"dashboard-{n}.sqlite"
    store = Store.open(f"sqlite:///{path}")
    have = store.count(EventQuery())
    if have != n:
        store.close()
        path.unlink()
        for extra in path.parent.glob(path.name + "-*"):
            extra.unlink()
        store = Store.open(f"sqlite:///{path}")
        gen = _generator()
        t0 = time.perf_counter()
        store.bulk_add_events(gen(n, 0, random.Random(42)))
        print(f"  built {n:,} events in {time.perf_counter() - t0:.1f} s -> {path}", file=sys.stderr)
    store.close()
    set_live_index(path, live_index)
    return Store.open(f"sqlite:///{path}")


def figure_request(client: Any, view: View, revision: int) -> tuple[float, int, dict[str, Any]]:
    outputs = [(ids.GRAPH, "figure"), (ids.GRAPH_STATUS, "children"), (ids.UNDATED, "children")]
    body = {
        "output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + "..",  # Dash's multi-output key
        "outputs": [{"id": i, "property": p} for i, p in outputs],
        "inputs": [
            {"id": ids.VIEW, "property": "data", "value": view.model_dump(mode="json")},
            {"id": ids.REVISION, "property": "data", "value": revision},
            {"id": ids.SELECTED, "property": "data", "value": []},
        ],
        "changedPropIds": [f"{ids.VIEW}.data"],
        "state": [],
    }
    t0 = time.perf_counter()
    response = client.post("/_dash-update-component", json=body)
    elapsed = time.perf_counter() - t0
    assert response.status_code == 200, response.data[:300]
    return elapsed, len(response.data), json.loads(response.data)


def views(rng: random.Random) -> dict[str, View]:
    day = dt.date(1991, 1, 1) + dt.timedelta(days=rng.randrange(12_000))
    return {
        "full": View(),
        "year": View(start=day, end=day + dt.timedelta(days=364)),
        "week": View(start=day, end=day + dt.timedelta(days=6)),
    }


def bench_size(n: int, cache: Path, repeat: int, out: list[str], live_index: bool) -> None:
    store = build_store(n, cache, live_index)
    rng = random.Random(7)
    for name in ("full", "year", "week"):
        cold_times, times, sizes, kinds = [], [], [], set()
        for i in range(repeat + 1):
            # A fresh app per round: its cache is empty, so the first call is what a first visitor
            # (or the first view after a write) costs; the second is a repeat of the same view.
            app = create_app({"max_points": 2_000, "density_bins": 120}, store)
            client = app.server.test_client()
            client.get("/_dash-layout")  # sets the app up; not part of the callback
            view = views(rng)[name]
            cold, _, _ = figure_request(client, view, revision=i)
            elapsed, size, payload = figure_request(client, view, revision=i)
            fig = payload["response"][ids.GRAPH]["figure"]
            kinds.add(
                "density" if fig["data"] and fig["data"][0].get("name") == "events per period" else "events"
            )
            if i:  # the first round warms imports and SQLite's page cache
                cold_times.append(cold)
                times.append(elapsed)
                sizes.append(size)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        out.append(
            f"| {n:,} | {name} | {'/'.join(sorted(kinds))} | {statistics.median(cold_times) * 1000:.0f} | "
            f"{statistics.median(times) * 1000:.0f} | {p95 * 1000:.0f} | {max(sizes) / 1024:.0f} |"
        )
        print(out[-1], file=sys.stderr)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the dashboard's figure callback.")
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/timeline-bench"))
    parser.add_argument(
        "--live-index", action="store_true", help="add the proposed partial index on live events first"
    )
    args = parser.parse_args()
    out = [
        "| events | view | drawn as | cold median ms | repeat median ms | repeat p95 ms | max payload KiB |",
        "|---:|---|---|---:|---:|---:|---:|",
    ]
    for n in (int(s) for s in args.sizes.split(",")):
        bench_size(n, args.cache, args.repeat, out, args.live_index)
    print("\n".join(out))


if __name__ == "__main__":
    main()
