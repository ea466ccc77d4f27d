"""Concurrent editors and readers on the Store itself, on SQLite and PostgreSQL (the `store`
fixture of tests/conftest.py): the second of two edits based on the same version is refused with a
conflict, retried edits lose nothing, and readers keep working while an ingest writes."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest
from sec_helpers import REPO, cli_env, manual, timeline_cmd

from events.errors import ConflictError
from events.query import EventQuery
from events.store import Store


def test_two_editors_same_version_one_wins_one_conflicts(store: Store, store_url: str) -> None:
    store.add_event(manual("shared", "Original title"))
    version = store.get_event("shared").version
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def editor(name: str) -> None:
        own = Store.open(store_url)
        try:
            barrier.wait(timeout=30)
            try:
                results[name] = own.update_event("shared", version, {"title": f"Title by {name}"}, actor=name)
            except ConflictError as err:
                results[name] = err
        finally:
            own.close()

    threads = [threading.Thread(target=editor, args=(n,)) for n in ("alice", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    winners = [n for n, r in results.items() if not isinstance(r, ConflictError)]
    losers = [n for n, r in results.items() if isinstance(r, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "changed by someone else" in str(results[losers[0]])
    ev = store.get_event("shared")
    assert ev.title == f"Title by {winners[0]}" and ev.version == version + 1
    updates = [c for c in store.history("shared") if c.action == "update"]
    assert [c.actor for c in updates] == winners


def test_editors_who_retry_on_conflict_lose_no_update(store: Store, store_url: str) -> None:
    """Six threads each add five tags by read-modify-write with the version; on a conflict they
    re-read and apply again. Every one of the 30 tags must be there at the end."""
    store.add_event(manual("counter", "Tagged by many"))
    n_threads, per_thread = 6, 5
    conflicts = 0
    lock = threading.Lock()
    errors: list[BaseException] = []

    def editor(k: int) -> None:
        nonlocal conflicts
        own = Store.open(store_url)
        try:
            for i in range(per_thread):
                tag = f"t{k}-{i}"
                for _attempt in range(200):
                    ev = own.get_event("counter")
                    try:
                        own.update_event("counter", ev.version, {"tags": [*ev.tags, tag]}, actor=f"e{k}")
                        break
                    except ConflictError:
                        with lock:
                            conflicts += 1
                else:
                    raise AssertionError(f"{tag}: gave up after 200 conflicts")
        except BaseException as err:  # reported by the main thread
            errors.append(err)
        finally:
            own.close()

    threads = [threading.Thread(target=editor, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    ev = store.get_event("counter")
    want = {f"t{k}-{i}" for k in range(n_threads) for i in range(per_thread)}
    assert set(ev.tags) == want and len(ev.tags) == len(want)
    assert ev.version == 1 + len(want)
    assert len([c for c in store.history("counter") if c.action == "update"]) == len(want)


def _articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(
            f"Article {i}. The regional assembly of district {i} voted on {1 + i % 28} May 2019. "
            f"The new law took effect a month later, officials said.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_readers_keep_working_while_an_ingest_writes(store: Store, store_url: str, tmp_path: Path) -> None:
    """`timeline ingest` in another process writes document after document; three reader threads
    query all the while. No read fails or waits for the writer's transactions, and every event a
    reader sees has its document (no half-written document is ever visible)."""
    folder = tmp_path / "articles"
    _articles(folder, 40)
    url = store_url
    writer = subprocess.Popen(
        # --no-merge: the count must only grow while documents are written; merging afterwards
        # would rightly fold reports of one event together and lower it.
        timeline_cmd(
            "ingest", str(folder), "--db", url, "--no-progress", "--no-merge", "--published", "2019-06-01"
        ),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), cwd=REPO,
    )  # fmt: skip
    stop = threading.Event()
    errors: list[BaseException] = []
    seen_counts: list[list[int]] = [[] for _ in range(3)]
    slowest = [0.0]

    def reader(k: int) -> None:
        own = Store.open(url)
        try:
            while not stop.is_set():
                t0 = time.monotonic()
                events = own.query(EventQuery(limit=500))
                n = own.count(EventQuery())
                own.density(EventQuery(), 20)
                for ev in events:
                    for s in ev.sources:
                        assert own.get_document(s.document_id) is not None, s.document_id
                slowest[0] = max(slowest[0], time.monotonic() - t0)
                seen_counts[k].append(n)
                time.sleep(0.01)
        except BaseException as err:
            errors.append(err)
        finally:
            own.close()

    readers = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
    for t in readers:
        t.start()
    try:
        out, err = writer.communicate(timeout=300)
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=60)
    assert writer.returncode == 0, err.decode(errors="replace")
    assert not errors, errors
    assert "40 documents added" in out.decode()
    for counts in seen_counts:
        assert counts, "a reader never completed a read"
        assert counts == sorted(counts), "a reader saw the event count go down"
    # The readers really overlapped the writes: some saw a partly filled store.
    assert (
        any(0 < c < max(counts) for counts in seen_counts for c in counts)
        or len({c for counts in seen_counts for c in counts}) > 1
    )
