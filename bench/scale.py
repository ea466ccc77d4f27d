"""Scale benchmark: ingest throughput with 1 process, 2 local processes and a 2-worker Dask
LocalCluster, and how the time grows from 1k to 10k documents.

    .venv/bin/python bench/scale.py                          # 1k and 10k, SQLite and PostgreSQL
    .venv/bin/python bench/scale.py --sizes 1000,5000 --db sqlite --backends serial,dask

Each run is the whole `timeline ingest` path on a fresh, empty store: read and hash the files,
extract (in the backend), one transaction per document. The corpus is tests/newsgen.py (short
wire stories, ~4.5 events each), written once per size before timing. The Dask time includes
starting and closing the LocalCluster, as `--dask local` would; "running Dask cluster" is a
`dask scheduler` and a `dask worker --nworkers 2 --nthreads 1` started beforehand as separate
processes, as on real machines. PostgreSQL is a throw-away cluster (tests/pg.py), skipped when its
binaries are missing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from newsgen import write_corpus  # noqa: E402

from events.distributed import dask_backend  # noqa: E402
from events.ingest import Backend, ingest, process_backend, serial_backend  # noqa: E402
from events.store import Store  # noqa: E402

BACKENDS: dict[str, tuple[str, Callable[[str], Backend]]] = {
    "serial": ("1 process", lambda _: serial_backend),
    "processes": ("2 local processes", lambda _: process_backend(2)),
    "dask": ("Dask LocalCluster, 2 workers", lambda _: dask_backend("local", workers=2)),
    "dask-running": ("running Dask cluster, 2 workers", lambda address: dask_backend(address)),
}
SCHEDULER_PORT = 18786


@contextmanager
def running_cluster() -> Iterator[str]:
    """`dask scheduler` and `dask worker --nworkers 2` as separate processes, as on real machines
    (a LocalCluster keeps its scheduler in the client's process, competing for its GIL)."""
    from distributed import Client

    dask_cli = str(Path(sys.executable).parent / "dask")
    address = f"tcp://127.0.0.1:{SCHEDULER_PORT}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [
        subprocess.Popen([dask_cli, "scheduler", "--port", str(SCHEDULER_PORT), "--no-dashboard"], **quiet)
    ]
    try:
        time.sleep(2)
        procs.append(
            subprocess.Popen(
                [dask_cli, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"], **quiet
            )
        )
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                p.wait(timeout=30)


@dataclass
class Row:
    db: str
    backend: str
    docs: int
    events: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.docs / self.seconds


@contextmanager
def databases(kind: str, tmp: Path) -> Iterator[Callable[[str], str] | None]:
    """A factory of fresh, empty database URLs of `kind` (None: PostgreSQL is not installed)."""
    if kind == "sqlite":
        yield lambda name: f"sqlite:///{tmp / name}.sqlite"
        return
    from pg import Cluster, find_bin

    bindir = find_bin()
    if bindir is None:
        yield None
        return
    cluster = Cluster(bindir, port=55433).start()
    try:
        yield cluster.create_database
    finally:
        cluster.stop()


def run_one(url: str, corpus: Path, backend: Backend) -> tuple[int, int, float]:
    with Store.open(url) as store:
        t0 = time.perf_counter()
        report = ingest([str(corpus)], store, backend=backend, progress=False)
        seconds = time.perf_counter() - t0
    if not report.ok:
        raise SystemExit(f"ingest failed: {next(iter(report.failed.items()))}")
    return len(report.added), report.events_added, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    ap.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql or both")
    ap.add_argument("--backends", default=",".join(BACKENDS), help=", ".join(BACKENDS))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.backends.split(",")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="tl-scale-") as tmp:
        corpora = {n: Path(tmp) / f"corpus-{n}" for n in sizes}
        for n, folder in corpora.items():
            write_corpus(folder, n)
        for kind in args.db.split(","):
            with databases(kind, Path(tmp)) as fresh:
                if fresh is None:
                    print(f"skipped {kind}: no PostgreSQL binaries", file=sys.stderr)
                    continue
                with running_cluster() if "dask-running" in names else contextlib.nullcontext("") as address:
                    for n, folder in corpora.items():
                        for name in names:
                            label, make = BACKENDS[name]
                            docs, events, seconds = run_one(
                                fresh(f"{name}_{n}".replace("-", "_")), folder, make(address)
                            )
                            rows.append(Row(kind, label, docs, events, seconds))
                            print(
                                f"  {kind:<10} {label:<32} {docs:>6} docs {seconds:7.1f} s", file=sys.stderr
                            )
    print_table(rows, sizes)
    # Other work on the machine skews every figure; say how busy it was.
    print(f"\nload average at the end (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


def print_table(rows: list[Row], sizes: list[int]) -> None:
    print("| store | backend | documents | events | seconds | docs/s |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r.db} | {r.backend} | {r.docs} | {r.events} | {r.seconds:.1f} | {r.rate:.0f} |")
    if len(sizes) > 1:
        lo, hi = min(sizes), max(sizes)
        print(f"\n| store | backend | time for {hi} / time for {lo} (documents x{hi / lo:g}) |")
        print("| --- | --- | ---: |")
        by = {(r.db, r.backend, r.docs): r.seconds for r in rows}
        for r in rows:
            if r.docs == lo and (r.db, r.backend, hi) in by:
                print(f"| {r.db} | {r.backend} | x{by[(r.db, r.backend, hi)] / r.seconds:.1f} |")


if __name__ == "__main__":
    main()
