"""Load test: concurrent clients against the figure and table callbacks of a real `timeline serve`
(waitress) on loopback. Reports throughput, latency percentiles, payload sizes and errors.

    .venv/bin/python bench/load.py --clients 50 --requests 40
    .venv/bin/python bench/load.py --clients 50 --requests 40 --events 20000 --threads 8

Each client holds one keep-alive connection and alternates the two callbacks the dashboard fires on
every view change (figure; table), each time for a different random window, so nothing is served
from a cache. The callback bodies are built from the server's own /_dash-dependencies, as the
browser does. Bounded: `--requests` per client and `--max-seconds` overall.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dash._utils import split_callback_id  # noqa: E402

from timeline import ids  # noqa: E402

UPDATE = "/_dash-update-component"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fill_store(url: str, extra_events: int) -> tuple[dt.date, dt.date]:
    """The seeds through the real ingest, plus `extra_events` synthetic ones; returns the date range."""
    from events.ingest import ingest
    from events.models import Event, Source, TimeSpan
    from events.query import EventQuery
    from events.store import Store

    with Store.open(url) as store:
        ingest([str(ROOT / "seeds")], store, progress=False)
        r = random.Random(3)
        batch = []
        for i in range(extra_events):
            start = dt.date(1990, 1, 1) + dt.timedelta(days=r.randint(0, 12_000))
            gran = r.choice(["day", "day", "day", "month", "year"])
            end = start if gran == "day" else start + dt.timedelta(days=30 if gran == "month" else 364)
            batch.append(
                Event(
                    id=f"load-{i:07d}",
                    title=f"Synthetic event {i} about the bridge",
                    when=TimeSpan(start=start, end=end, granularity=gran, value=start.isoformat()),
                    sources=[Source(document_id=f"doc{i % 500}", sentence=f"Sentence {i}.", sentence_end=12)],
                    actors=[r.choice(["Council", "Mayor", "Union", "Apple"])],
                    tags=[r.choice(["roads", "budget", "strike"])],
                )
            )
        if batch:
            store.bulk_add_events(batch)
        dated = store.query(EventQuery(include_unresolved=False))
        lo = min(e.when.start for e in dated if e.when.start)
        hi = max(e.when.end for e in dated if e.when.end)
    return lo, hi


def outputs_of(dep: dict[str, Any]) -> list[dict[str, str]]:
    parts = split_callback_id(dep["output"])
    parts = parts if isinstance(parts, list) else [parts]
    return [{"id": p["id"], "property": p["property"]} for p in parts]


def find(deps: list[dict[str, Any]], component: str, prop: str) -> dict[str, Any]:
    for dep in deps:
        if any(o["id"] == component and o["property"].split("@")[0] == prop for o in outputs_of(dep)):
            return dep
    raise LookupError(f"{component}.{prop}")


def body_for(dep: dict[str, Any], view: dict[str, Any]) -> bytes:
    values = {(ids.VIEW, "data"): view, (ids.REVISION, "data"): 0, (ids.SELECTED, "data"): []}

    def item(spec: dict[str, Any]) -> Any:
        if spec["id"].startswith("{"):
            return []
        return {
            "id": spec["id"],
            "property": spec["property"],
            "value": values.get((spec["id"], spec["property"])),
        }

    outs = outputs_of(dep)
    return json.dumps(
        {
            "output": dep["output"],
            "outputs": outs if dep["output"].startswith("..") else outs[0],
            "inputs": [item(i) for i in dep["inputs"]],
            "state": [item(s) for s in dep.get("state", [])],
            "changedPropIds": [f"{ids.VIEW}.data"],
        }
    ).encode()


def random_view(r: random.Random, lo: dt.date, hi: dt.date) -> dict[str, Any]:
    span = (hi - lo).days
    if r.random() < 0.2:
        return {}  # the full view
    a = lo + dt.timedelta(days=r.randint(0, span))
    b = a + dt.timedelta(days=r.randint(30, max(31, span // 3)))
    view: dict[str, Any] = {"start": a.isoformat(), "end": min(b, hi).isoformat() if b > a else None}
    if r.random() < 0.2:
        view["text"] = r.choice(["apple", "iphone", "bridge", "jobs", "iraq"])
    return view


class Client(threading.Thread):
    def __init__(self, k: int, port: int, bodies: list[bytes], n: int, deadline: float) -> None:
        super().__init__(daemon=True)
        self.port, self.bodies, self.n, self.deadline = port, bodies, n, deadline
        self.latencies: list[float] = []
        self.sizes: list[int] = []
        self.errors: list[str] = []
        self.k = k

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        for i in range(self.n):
            if time.monotonic() > self.deadline:
                break
            body = self.bodies[(self.k * 7 + i) % len(self.bodies)]
            t0 = time.perf_counter()
            try:
                conn.request("POST", UPDATE, body=body, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                took = time.perf_counter() - t0
                if resp.status != 200 or b'"response"' not in data[:200]:
                    self.errors.append(f"HTTP {resp.status}: {data[:120]!r}")
                else:
                    self.latencies.append(took)
                    self.sizes.append(len(data))
            except (OSError, http.client.HTTPException) as err:
                self.errors.append(f"{type(err).__name__}: {err}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.close()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * len(s)) - 1))]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--requests", type=int, default=40, help="per client")
    p.add_argument("--max-seconds", type=float, default=300)
    p.add_argument("--events", type=int, default=0, help="synthetic events on top of the seeds")
    p.add_argument("--threads", type=int, default=8, help="waitress threads (timeline serve --threads)")
    p.add_argument("--db", help="use this database as it is instead of a fresh one")
    p.add_argument("--json", type=Path, help="write the result as JSON")
    a = p.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="timeline-load-"))
    url = a.db or f"sqlite:///{tmp / 'load.sqlite'}"
    t0 = time.perf_counter()
    lo, hi = fill_store(url, a.events) if not a.db else (dt.date(1990, 1, 1), dt.date(2025, 1, 1))
    print(f"store ready in {time.perf_counter() - t0:.1f} s ({url}); dates {lo}..{hi}", file=sys.stderr)

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIMELINE_")}
    log = open(tmp / "server.log", "wb")  # noqa: SIM115 (closed at the end)
    cmd = ["serve", "--db", url, "--port", str(port), "--threads", str(a.threads)]
    server = subprocess.Popen(
        [sys.executable, "-m", "timeline", *cmd], stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"server did not start: {(tmp / 'server.log').read_text()}") from None
                time.sleep(0.1)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/_dash-dependencies")
        deps = json.loads(conn.getresponse().read())
        conn.close()
        figure, table = find(deps, ids.GRAPH, "figure"), find(deps, ids.GRID, "rowData")
        r = random.Random(11)
        bodies = []
        for _ in range(200):
            view = random_view(r, lo, hi)
            bodies += [body_for(figure, view), body_for(table, view)]

        clients = [
            Client(k, port, bodies, a.requests, time.monotonic() + a.max_seconds) for k in range(a.clients)
        ]
        start = time.perf_counter()
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()

    lat = [x for c in clients for x in c.latencies]
    sizes = [x for c in clients for x in c.sizes]
    errors = [e for c in clients for e in c.errors]
    result = {
        "clients": a.clients,
        "requests": len(lat) + len(errors),
        "ok": len(lat),
        "errors": len(errors),
        "seconds": round(wall, 2),
        "throughput_rps": round(len(lat) / wall, 1) if wall else None,
        "p50_ms": round(percentile(lat, 50) * 1000, 1),
        "p90_ms": round(percentile(lat, 90) * 1000, 1),
        "p99_ms": round(percentile(lat, 99) * 1000, 1),
        "max_ms": round(max(lat) * 1000, 1) if lat else None,
        "mean_payload_kb": round(statistics.mean(sizes) / 1024, 1) if sizes else None,
        "waitress_threads": a.threads,
        "events_in_store": "seeds" + (f" + {a.events:,} synthetic" if a.events else ""),
        "first_errors": errors[:5],
    }
    print(json.dumps(result, indent=2))
    if a.json:
        a.json.write_text(json.dumps(result, indent=2) + "\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
