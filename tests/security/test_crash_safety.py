"""Crash safety: `timeline ingest` killed with SIGKILL at random points, at least 20 times.

After every kill the SQLite database must be consistent (integrity and foreign-key checks pass,
every stored document has exactly the events an uninterrupted run gives it, no event lacks its
document) and a re-run must finish the job with nothing lost or doubled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pytest
from sec_helpers import REPO, cli_env, timeline_cmd

from events.ingest import ingest
from events.store import Store

pytestmark = pytest.mark.slow

N_DOCS = 50
KILLS = 20  # kills that interrupt a running ingest
KILLS_PER_DATABASE = 5
HANG_GUARD_S = 300.0
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip


def make_docs(folder: Path, n: int, seed: int = 7) -> None:
    r = random.Random(seed)
    folder.mkdir()
    for i in range(n):
        y = r.randint(1990, 2023)
        (folder / f"doc{i:03d}.txt").write_text(
            f"Report number {i} from the town of Exampleville-{i}.\n\n"
            f"The committee met on {r.randint(1, 28)} {r.choice(MONTHS)} {y} to discuss the bridge. "
            f"A week later the mayor resigned. In {y - r.randint(1, 9)} the council had approved the plan, "
            f"officials said on Tuesday. The works will start in {r.choice(MONTHS)} {y + 1}.\n",
            encoding="utf-8",
        )


def snapshot(path: Path) -> tuple[dict[str, set[tuple[int, ...]]], list[str]]:
    """(document id -> the provenance of its events, problems found), read with sqlite3 directly.

    Provenance (sentence and date offsets) rather than event ids: cross-article merging moves a
    document's sources onto an event first reported elsewhere, but never adds or drops one.
    """
    con = sqlite3.connect(path)
    try:
        problems = []
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:  # killed while the schema was being created: all rolled back
            if tables:
                problems.append(f"half-created schema: {sorted(tables)}")
            return {}, problems
        docs = {row[0] for row in con.execute("SELECT id FROM documents")}
        by_doc: dict[str, set[tuple[int, ...]]] = defaultdict(set)
        rows = con.execute(
            "SELECT document_id, sentence_start, sentence_end, date_start, date_end FROM event_sources"
        )
        for doc_id, *where in rows:
            by_doc[doc_id].add(tuple(where))
        orphans = set(by_doc) - docs
        if orphans:
            problems.append(f"events whose document is missing: {sorted(orphans)[:5]}")
        unsourced = con.execute(
            "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_sources)"
        ).fetchone()[0]
        if unsourced:
            problems.append(f"{unsourced} extracted events without a source row")
        dupes = con.execute("SELECT count(*) - count(DISTINCT content_hash) FROM documents").fetchone()[0]
        if dupes:
            problems.append(f"{dupes} documents stored twice")
        return {d: by_doc.get(d, set()) for d in docs}, problems
    finally:
        con.close()


def run_ingest(folder: Path, url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        timeline_cmd("ingest", str(folder), "--db", url, "--no-progress", "--published", "2024-01-01"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=cli_env(),
        cwd=REPO,
        start_new_session=True,  # its own process group, so the kill takes any worker with it
    )


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have finished on its own
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_sigkill_during_ingest_never_leaves_a_half_written_document(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    make_docs(folder, N_DOCS)
    # The reference: one uninterrupted run, in process, through the same pipeline.
    ref_path = tmp_path / "reference.sqlite"
    with Store.open(f"sqlite:///{ref_path}") as store:
        report = ingest([str(folder)], store, published=dt.date(2024, 1, 1), progress=False)
    assert report.ok and len(report.added) == N_DOCS
    expected, problems = snapshot(ref_path)
    assert not problems and sum(len(v) for v in expected.values()) > N_DOCS

    # How long a full run takes, and when it first writes: kills are drawn from that window.
    timing_path = tmp_path / "timing.sqlite"
    t0 = time.monotonic()
    proc = run_ingest(folder, f"sqlite:///{timing_path}")
    first_write = None
    while proc.poll() is None:
        if first_write is None and timing_path.exists():
            first_write = time.monotonic() - t0
        time.sleep(0.02)
        assert time.monotonic() - t0 < HANG_GUARD_S
    full = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    first_write = first_write or full / 2

    rng = random.Random(20261125)
    kills = interrupted = attempts = 0
    d = 0
    # Kill until KILLS runs were really interrupted (a run may finish before its kill when the
    # machine speeds up), a fresh database every KILLS_PER_DATABASE kills or after a completed run.
    while interrupted < KILLS and attempts < 3 * KILLS:
        d += 1
        path = tmp_path / f"crash{d}.sqlite"
        url = f"sqlite:///{path}"
        stored = 0
        for _ in range(KILLS_PER_DATABASE):
            attempts += 1
            proc = run_ingest(folder, url)
            # Kills land between the first write and the expected end of what is left to do;
            # a few (the 0.8) before the database is opened.
            left = first_write + (full - first_write) * (N_DOCS - stored) / N_DOCS
            try:
                proc.wait(timeout=rng.uniform(first_write * 0.8, left))
                completed = True
            except subprocess.TimeoutExpired:
                completed = False
                interrupted += 1
            kill_group(proc)
            kills += 1
            if not path.exists():
                continue
            state, problems = snapshot(path)
            assert not problems, (kills, problems)
            for doc_id, events in state.items():
                assert events == expected[doc_id], f"document {doc_id} stored with a partial set of events"
            stored = len(state)
            if completed:
                break
        # A re-run completes the job: everything in, once.
        done = run_ingest(folder, url)
        _, err = done.communicate(timeout=HANG_GUARD_S)
        assert done.returncode == 0, err.decode(errors="replace")
        state, problems = snapshot(path)
        assert not problems
        assert state == expected
        with Store.open(url) as store:
            assert len(store.list_documents()) == N_DOCS
    assert interrupted >= KILLS, f"only {interrupted} of {kills} kills interrupted a running ingest"
