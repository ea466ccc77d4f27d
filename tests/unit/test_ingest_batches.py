"""Batched ingest: `Store.ingest_many` writes a batch of documents in one transaction and agrees
with `Store.ingest` one at a time; `StoreWriter` flushes every N documents, after T seconds, at the
end and on an interruption; a batch that fails is written one document at a time so only the bad
document is lost, and it is reported by name. On SQLite and PostgreSQL (the `store` fixture)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from store_helpers import make_event

from events.ingest import Extractor, Outcome, StoreWriter, extract_one, ingest, serial_backend
from events.models import Document, Event
from events.query import EventQuery
from events.store import IngestResult, Store
from events.store import schema as t

A = Document(text="Article A.", id="doc-a")
B = Document(text="Article B.", id="doc-b")
C = Document(text="Article C.", id="doc-c")
# The same id as A with other text: its row breaks the documents' primary key.
CLASH = Document(text="Another article that claims A's id.", id="doc-a")


def ev(i: str, doc: Document) -> Event:
    return make_event(i, doc=doc.id)


def counts(store: Store) -> tuple[int, int, int]:
    with store._read() as conn:
        n_docs = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
        n_changes = conn.execute(select(func.count()).select_from(t.changes)).scalar_one()
    return n_docs, store.count(EventQuery(include_deleted=True)), n_changes


@pytest.mark.parametrize(
    ("stored_first", "batch", "expected"),
    [
        pytest.param(
            [],
            [(A, ["a1", "a2"]), (B, ["b1"])],
            [("doc-a", True, 2, 0), ("doc-b", True, 1, 0)],
            id="all new",
        ),
        pytest.param(
            [(A, ["a1"])],
            [(A, ["a1", "a2"]), (B, ["b1"])],
            [("doc-a", False, 0, 0), ("doc-b", True, 1, 0)],
            id="a stored document is unchanged",
        ),
        pytest.param(
            [],
            [(A, ["a1"]), (A, ["a1"]), (B, ["b1"])],
            [("doc-a", True, 1, 0), ("doc-a", False, 0, 0), ("doc-b", True, 1, 0)],
            id="the same text twice in a batch",
        ),
        pytest.param(
            [(C, ["c1"])],
            [(A, ["a1", "c1"]), (B, ["a1", "b1"])],
            [("doc-a", True, 1, 1), ("doc-b", True, 1, 1)],
            id="event ids stored before or earlier in the batch are skipped",
        ),
        pytest.param([], [], [], id="empty"),
    ],
)
def test_ingest_many_agrees_with_ingest_one_at_a_time(
    store: Store,
    tmp_path: Path,
    stored_first: list[tuple[Document, list[str]]],
    batch: list[tuple[Document, list[str]]],
    expected: list[tuple[str, bool, int, int]],
) -> None:
    for doc, ids in stored_first:
        store.ingest(doc, [ev(i, doc) for i in ids])
    items = [(doc, [ev(i, doc) for i in ids]) for doc, ids in batch]
    results = store.ingest_many(items, actor="tester")
    assert [(r.document_id, r.added, r.events_added, r.events_skipped) for r in results] == expected
    # The reference: the same calls one document at a time, on a fresh SQLite store.
    with Store.open(f"sqlite:///{tmp_path / 'one-by-one.sqlite'}") as ref:
        for doc, ids in stored_first:
            ref.ingest(doc, [ev(i, doc) for i in ids])
        assert [ref.ingest(doc, evs, actor="tester") for doc, evs in items] == results
        assert counts(store) == counts(ref)
    for r in results:
        if r.added and r.events_added:
            assert store.history(next(e for d, es in items if d.id == r.document_id for e in es).id)


def test_ingest_many_is_one_transaction(store: Store) -> None:
    store.ingest(A, [ev("a1", A)])
    before = counts(store)
    with pytest.raises(Exception):  # noqa: B017 - the driver's own IntegrityError
        store.ingest_many([(B, [ev("b1", B)]), (CLASH, [ev("x1", CLASH)]), (C, [ev("c1", C)])])
    assert counts(store) == before, "a failed batch leaves nothing behind"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def outcome(doc: Document, *ids: str) -> Outcome:
    return Outcome(f"{doc.id}.txt", doc, events=[ev(i, doc) for i in ids])


def test_writer_flushes_every_n_documents_after_t_seconds_and_on_demand(store: Store) -> None:
    clock = FakeClock()
    writer = StoreWriter(store, batch_size=2, max_wait=5.0, clock=clock)
    assert writer.add(outcome(A, "a1")) == []
    assert counts(store)[0] == 0 and writer.pending == 1
    written = writer.add(outcome(B, "b1"))  # the second document fills the batch
    assert [w.outcome.name for w in written] == ["doc-a.txt", "doc-b.txt"]
    assert all(isinstance(w.result, IngestResult) and w.result.added for w in written)
    assert counts(store)[0] == 2 and writer.pending == 0
    D = Document(text="Article D.", id="doc-d")
    assert writer.add(outcome(C, "c1")) == []
    clock.now = 6.0  # the oldest buffered document has waited longer than max_wait
    assert [w.outcome.name for w in writer.add(outcome(D, "d1"))] == ["doc-c.txt", "doc-d.txt"]
    assert writer.flush() == [] and counts(store)[:2] == (4, 4)


def test_a_bad_document_fails_alone_and_is_reported_by_name(store: Store) -> None:
    store.ingest(A, [ev("a1", A)])
    writer = StoreWriter(store, batch_size=10)
    for o in (outcome(B, "b1"), outcome(CLASH, "x1"), outcome(C, "c1")):
        assert writer.add(o) == []
    written = {w.outcome.name: w for w in writer.flush()}
    assert written["doc-b.txt"].result and written["doc-b.txt"].result.added
    assert written["doc-c.txt"].result and written["doc-c.txt"].result.added
    assert written["doc-a.txt"].result is None and written["doc-a.txt"].error
    assert counts(store)[:2] == (3, 3)
    assert store.get_document("doc-a") == A


def backend_yielding(extra: list[Outcome]) -> object:
    """serial_backend, then `extra` outcomes (built by hand, e.g. a document that cannot be written)."""

    def run(fn: Extractor, items: Iterable[tuple[str, Document]]) -> Iterator[Outcome]:
        yield from serial_backend(fn, items)
        yield from extra

    return run


def write_articles(folder: Path, n: int, place: str = "town") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"a{i:02d}.txt"
        p.write_text(f"Officials in {place} {i} opened bridge number {i} on 3 March 2020.", encoding="utf-8")
        paths.append(p)
    return paths


def test_ingest_reports_a_document_that_cannot_be_written_and_keeps_the_rest(
    store: Store, tmp_path: Path
) -> None:
    write_articles(tmp_path / "in", 5)
    first = ingest([str(tmp_path / "in")], store, progress=False)
    assert first.ok and len(first.added) == 5
    stored = store.list_documents()[0]
    clash = Document(text="Not the text stored under this id.", id=stored.id)
    write_articles(tmp_path / "more", 3, place="city")
    (tmp_path / "in").rename(tmp_path / "done")
    report = ingest(
        [str(tmp_path / "more")],
        store,
        backend=backend_yielding([Outcome("clash.txt", clash, events=[])]),  # type: ignore[arg-type]
        progress=False,
    )
    assert list(report.failed) == ["clash.txt"]
    assert len(report.added) == 3 and len(store.list_documents()) == 8


def test_an_interrupted_run_keeps_whole_documents_and_a_rerun_does_only_the_rest(
    store: Store, tmp_path: Path
) -> None:
    write_articles(tmp_path / "in", 12)
    seen: list[str] = []

    def interrupted(fn: Extractor, items: Iterable[tuple[str, Document]]) -> Iterator[Outcome]:
        for out in serial_backend(fn, items):
            if len(seen) == 7:
                raise KeyboardInterrupt  # Ctrl-C while the 8th document is being extracted
            seen.append(out.name)
            yield out

    with pytest.raises(KeyboardInterrupt):
        ingest([str(tmp_path / "in")], store, backend=interrupted, progress=False)  # type: ignore[arg-type]
    # The 7 extracted documents were buffered (batch of 50) and written on the way out.
    assert len(store.list_documents()) == 7
    n_events = store.count(EventQuery())
    assert n_events > 0
    rerun = ingest([str(tmp_path / "in")], store, progress=False)
    assert len(rerun.added) == 5 and len(rerun.unchanged) == 7
    with Store.open(f"sqlite:///{tmp_path / 'ref.sqlite'}") as ref:
        ingest([str(tmp_path / "in")], ref, extractor=extract_one, progress=False)
        assert sorted(e.id for e in store.query(EventQuery())) == sorted(
            e.id for e in ref.query(EventQuery())
        )
