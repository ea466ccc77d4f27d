"""Ingest on a Dask LocalCluster (2 worker processes) into a throw-away PostgreSQL.

What the issue promises: a worker killed mid-run loses no document and duplicates nothing; an
interrupted run re-run with the same arguments does only the rest; Dask and local processes give
the same events; a document whose extraction fails is reported by name and tried once; one that
kills every worker it lands on is isolated and reported while the rest of its batch goes in.

The extractors below are module-level functions so that workers import them by name (spawned
workers inherit pytest's sys.path).
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster
from newsgen import write_corpus
from pg import Cluster

from events import sources
from events.distributed import dask_backend, extract_batch
from events.errors import InputError, TimelineError
from events.ingest import Backend, Extractor, Outcome, extract_one, ingest, local_backend
from events.models import Document, Event
from events.query import EventQuery
from events.store import Store

pytestmark = [pytest.mark.dask, pytest.mark.postgres]

N_DOCS = 300
POISON = "report number 7-0."  # in exactly one generated article


def slow_extract(doc: Document) -> tuple[Document, list[Event]]:
    """extract_one, slowed so that a worker is surely busy when the test kills it."""
    time.sleep(0.01)
    return extract_one(doc)


def failing_extract(calls: str, doc: Document) -> tuple[Document, list[Event]]:
    """Raises on the poison article and notes each attempt in the file `calls`."""
    if POISON in doc.text:
        with open(calls, "a") as fp:
            fp.write("x\n")
        raise ValueError("the tagger choked")
    return extract_one(doc)


def crashing_extract(doc: Document) -> tuple[Document, list[Event]]:
    """Takes down the worker process on the poison article, as a segfault would."""
    if POISON in doc.text:
        os._exit(1)
    return extract_one(doc)


def local_cluster() -> LocalCluster:
    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.CRITICAL,
    )


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with local_cluster() as c:
        yield c


@pytest.fixture
def client(cluster: LocalCluster) -> Iterator[Client]:
    """The test's own client (the backend opens another), with both workers up."""
    with Client(cluster, set_as_default=False) as c:
        c.wait_for_workers(2, timeout=60)
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, N_DOCS)
    return folder


@pytest.fixture(scope="module")
def expected(corpus: Path) -> tuple[set[str], set[str]]:
    """Document ids and event ids that the corpus must end up as, extracted in this process."""
    docs = [sources.read(p) for p in sources.iter_paths([str(corpus)])]
    events = [e.id for d in docs for e in extract_one(d)[1]]
    assert len(events) == len(set(events)) > 3 * N_DOCS  # the generator yields several each
    return {d.id for d in docs}, set(events)


@pytest.fixture
def pg_db(pg_cluster: Cluster) -> Callable[[], str]:
    """A fresh, empty PostgreSQL database per call (tests that compare two stores need two)."""
    return lambda: pg_cluster.create_database(f"dask_{uuid.uuid4().hex[:12]}")


def all_events(store: Store) -> list[Event]:
    return store.query(EventQuery(include_deleted=True))


def assert_exactly_once(store: Store, expected: tuple[set[str], set[str]]) -> None:
    doc_ids = [d.id for d in store.list_documents()]
    event_ids = [e.id for e in all_events(store)]
    assert len(doc_ids) == len(set(doc_ids)) and set(doc_ids) == expected[0]
    assert len(event_ids) == len(set(event_ids)) and set(event_ids) == expected[1]
    assert store.count(EventQuery(include_deleted=True)) == len(expected[1])


def stop_after(backend: Backend, n: int) -> Backend:
    """The backend, interrupted (as by Ctrl-C) after `n` outcomes have been handed over."""

    def run(fn: Extractor, items: Iterable[tuple[str, Document]]) -> Iterator[Outcome]:
        outcomes = backend(fn, items)
        for i, outcome in enumerate(outcomes):
            if i == n:
                outcomes.close()  # as the interpreter would on the way out: the cluster is closed
                raise KeyboardInterrupt
            yield outcome

    return run


def test_a_killed_worker_loses_nothing(
    cluster: LocalCluster, client: Client, corpus: Path, expected: tuple[set[str], set[str]], pg_db
) -> None:
    backend = dask_backend(cluster.scheduler_address, batch_size=5)
    killed: list[int] = []

    def kill_midway(fn: Extractor, items: Iterable[tuple[str, Document]]) -> Iterator[Outcome]:
        for i, outcome in enumerate(backend(fn, items)):
            if i == 40:
                killed.append(kill_a_busy_worker(client))
            yield outcome

    with Store.open(pg_db()) as store:
        report = ingest([str(corpus)], store, backend=kill_midway, extractor=slow_extract, progress=False)
        assert report.ok, report.failed
        assert len(report.added) == N_DOCS
        assert_exactly_once(store, expected)
    client.wait_for_workers(2, timeout=60)  # the nanny starts a new process in its place
    assert killed and killed[0] not in client.run(os.getpid).values()


def kill_a_busy_worker(client: Client) -> int:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            return pid
        time.sleep(0.005)
    raise AssertionError("no worker was busy")


def test_an_interrupted_run_resumes_where_it_stopped(
    cluster: LocalCluster, client: Client, corpus: Path, expected: tuple[set[str], set[str]], pg_db
) -> None:
    backend = dask_backend(cluster.scheduler_address, batch_size=8)
    with Store.open(pg_db()) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([str(corpus)], store, backend=stop_after(backend, 100), progress=False)
        assert len(store.list_documents()) == 100
        again = ingest([str(corpus)], store, backend=backend, progress=False)
        assert again.ok, again.failed
        assert (len(again.added), len(again.unchanged)) == (N_DOCS - 100, 100)
        assert_exactly_once(store, expected)
        third = ingest([str(corpus)], store, backend=backend, progress=False)
        assert (len(third.added), len(third.unchanged)) == (0, N_DOCS)
    assert not client.processing() or not any(client.processing().values())  # nothing left running


def test_dask_and_local_processes_give_the_same_events(corpus: Path, pg_db) -> None:
    """Through the whole path, `--dask local` included: a LocalCluster started and closed by the
    backend itself."""
    paths = [str(p) for p in sorted(corpus.iterdir())[:120]]
    found = []
    for backend in (local_backend(2), dask_backend("local", workers=2, batch_size=7)):
        with Store.open(pg_db()) as store:
            report = ingest(paths, store, backend=backend, progress=False)
            assert report.ok and len(report.added) == len(paths)
            found.append(sorted(all_events(store), key=lambda e: e.id))
    local, dask_ = found
    assert [(e.id, e.when.start, e.when.end, e.title) for e in dask_] == [
        (e.id, e.when.start, e.when.end, e.title) for e in local
    ]
    assert [e.model_dump() for e in dask_] == [e.model_dump() for e in local]


def test_a_failing_document_is_reported_once(
    cluster: LocalCluster, corpus: Path, tmp_path: Path, pg_db
) -> None:
    calls = tmp_path / "calls"
    fn = functools.partial(failing_extract, str(calls))
    backend = dask_backend(cluster.scheduler_address, batch_size=16, retries=3)
    with Store.open(pg_db()) as store:
        report = ingest([str(corpus)], store, backend=backend, extractor=fn, progress=False)
    assert list(report.failed) == [str(corpus / "article-0-00007.txt")]
    assert report.failed[str(corpus / "article-0-00007.txt")] == "ValueError: the tagger choked"
    assert len(report.added) == N_DOCS - 1
    assert calls.read_text() == "x\n"  # tried once: a raising document is not a lost worker


def test_a_document_that_kills_its_worker_is_isolated(corpus: Path, pg_db) -> None:
    """KilledWorker after a few crashes; the batch is split, the poison reported, the rest in.
    One task per worker and no second chance keep this quick; the logic is the same with Dask's
    defaults (3 allowed failures)."""
    paths = [str(p) for p in sorted(corpus.iterdir())[:40]]
    config = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(config), local_cluster() as c:
        backend = dask_backend(c.scheduler_address, batch_size=10)
        with Store.open(pg_db()) as store:
            report = ingest(paths, store, backend=backend, extractor=crashing_extract, progress=False)
            assert list(report.failed) == [str(corpus / "article-0-00007.txt")]
            assert "KilledWorker" in report.failed[str(corpus / "article-0-00007.txt")]
            assert len(report.added) == len(paths) - 1 == len(store.list_documents())


def test_extract_batch_keeps_each_failure_with_its_document(tmp_path: Path) -> None:
    docs = [Document(text="The vote was held on 3 May 2020."), Document(text=f"Then {POISON} it broke.")]
    out = extract_batch(functools.partial(failing_extract, str(tmp_path / "calls")), docs)
    assert out[0][1] is None and out[0][0] and out[0][0][0].when.value == "2020-05-03"
    assert out[1] == (None, "ValueError: the tagger choked")


def test_the_ingest_command_runs_on_a_local_dask_cluster(corpus: Path, tmp_path: Path, pg_db) -> None:
    folder = tmp_path / "some"
    folder.mkdir()
    for p in sorted(corpus.iterdir())[:30]:
        (folder / p.name).write_bytes(p.read_bytes())
    args = ["ingest", str(folder), "--dask", "local", "--dask-workers", "2", "--db", pg_db(), "--no-progress"]
    first, again = timeline(*args), timeline(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("30 documents added (")
    assert again.stdout.strip() == "0 documents added (0 events), 30 already stored"


def timeline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"address": "tcp://scheduler:8786", "workers": 2}, "--dask-workers applies to --dask local only"),
        ({"address": "local", "workers": 0}, "--dask-workers must be at least 1"),
        ({"address": "local", "batch_size": 0}, "batch size must be at least 1"),
        ({"address": "local", "retries": -1}, "retries cannot be negative"),
    ],
)
def test_bad_settings_are_refused_before_any_work(kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        dask_backend(**kwargs)


def test_workers_with_another_extractor_are_refused(
    cluster: LocalCluster, corpus: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("events.distributed.EXTRACTOR_VERSION", "9.9.9")
    backend = dask_backend(cluster.scheduler_address)
    with (
        Store.open(sqlite_url) as store,
        pytest.raises(TimelineError, match=r"runs extractor 0\.1\.0, this machine 9\.9\.9"),
    ):
        ingest([str(corpus)], store, backend=backend, progress=False)
