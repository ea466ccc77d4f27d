"""The ingest pipeline: paths and URLs in, documents and their events stored, failures reported.

Three parts, so another execution backend (e.g. Dask) can replace the middle one:

1. `read_documents` (main process, I/O): expand folders and globs, read each article into a
   Document, skip content the store already has (idempotent: hashing comes before extraction).
2. A *backend* maps the pure function `extract_one(Document) -> (Document, [Event])` over the
   documents and yields `Outcome`s as they finish, in any order: `serial_backend` in-process,
   `process_backend(n)` with a ProcessPoolExecutor. A backend is any callable with the signature
   of `Backend` below.
3. `StoreWriter` buffers outcomes as they arrive and writes them in batched transactions
   (`Store.ingest_many`): every `batch_size` documents, when `max_wait` seconds have passed since
   the oldest buffered one, and at the end or on an interruption. A document is never half
   written (its batch is one transaction), and a re-run skips every stored one. A batch that
   fails is written again one document at a time, so only the bad document is lost.

A document that fails at any step is reported with its name and the reason; the rest go in.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from events.errors import TimelineError
from events.models import Document, Event
from events.store import IngestResult, Store

if TYPE_CHECKING:
    from events.dedupe import MergeReport

Extractor = Callable[[Document], tuple[Document, list[Event]]]

# Documents per write transaction, and the longest a buffered document waits for its batch: big
# enough that the commit (an fsync on SQLite, a round trip on PostgreSQL) is paid once per many
# documents, small enough that an interruption loses little extraction work.
BATCH_DOCS = 50
BATCH_SECONDS = 2.0


@dataclass(frozen=True)
class Outcome:
    """One document after extraction: its events, or the error that stopped it."""

    name: str
    document: Document
    events: list[Event] | None = None
    error: str | None = None


class Backend(Protocol):
    def __call__(self, fn: Extractor, items: Iterable[tuple[str, Document]]) -> Iterator[Outcome]: ...


@dataclass
class IngestReport:
    """What an ingest run did, per document name."""

    added: dict[str, IngestResult] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    merged: MergeReport | None = None  # the cross-article merge after the writes, when asked for

    @property
    def events_added(self) -> int:
        return sum(r.events_added for r in self.added.values())

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} document{'s' * (len(self.added) != 1)} added ({self.events_added} events)",
            f"{len(self.unchanged)} already stored",
        ]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        merged = self.merged
        if merged is not None and (merged.merged_away or merged.conflicts or merged.skipped):
            parts.append(merged.summary())
        return ", ".join(parts)


def extract_one(doc: Document) -> tuple[Document, list[Event]]:
    """The pure step: a document and the events read from it (runs in worker processes)."""
    from events.extract import extract_document

    return doc, extract_document(doc)


def failure_reason(err: BaseException) -> str:
    """An exception as the one-line reason a failed document is reported with (public: the Dask
    backend reports its failures the same way)."""
    if isinstance(err, TimelineError):
        return str(err)
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


def serial_backend(fn: Extractor, items: Iterable[tuple[str, Document]]) -> Iterator[Outcome]:
    for name, doc in items:
        try:
            _, events = fn(doc)
        except Exception as err:  # one bad article must not stop the others
            yield Outcome(name, doc, error=failure_reason(err))
        else:
            yield Outcome(name, doc, events=events)


def process_backend(workers: int) -> Backend:
    """Extraction in `workers` processes, at most 2 x workers documents in flight."""

    def run(fn: Extractor, items: Iterable[tuple[str, Document]]) -> Iterator[Outcome]:
        pending: dict[cf.Future[tuple[Document, list[Event]]], tuple[str, Document]] = {}
        it = iter(items)
        with cf.ProcessPoolExecutor(max_workers=workers) as pool:
            exhausted = False
            while pending or not exhausted:
                while not exhausted and len(pending) < 2 * workers:
                    try:
                        name, doc = next(it)
                    except StopIteration:
                        exhausted = True
                        break
                    pending[pool.submit(fn, doc)] = (name, doc)
                if not pending:
                    break
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for fut in done:
                    name, doc = pending.pop(fut)
                    try:
                        _, events = fut.result()
                    except Exception as err:
                        yield Outcome(name, doc, error=failure_reason(err))
                    else:
                        yield Outcome(name, doc, events=events)

    return run


def local_backend(workers: int = 1) -> Backend:
    return serial_backend if workers <= 1 else process_backend(workers)


@dataclass(frozen=True)
class Written:
    """An outcome after its write: the store's result, or why it could not be written."""

    outcome: Outcome
    result: IngestResult | None = None
    error: str | None = None


class StoreWriter:
    """Writes outcomes in batched transactions (see the module docstring).

    `add` buffers an outcome and returns what a flush it triggered wrote (often nothing);
    `flush` writes the buffer now. The time limit is checked when an outcome arrives: the
    writer runs in the caller's thread, between outcomes, never concurrently with it.
    """

    def __init__(
        self,
        store: Store,
        actor: str | None = None,
        *,
        batch_size: int = BATCH_DOCS,
        max_wait: float = BATCH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.actor = actor
        self.batch_size = max(1, batch_size)
        self.max_wait = max_wait
        self._clock = clock
        self._buffer: list[Outcome] = []
        self._since = 0.0

    def write(self, outcome: Outcome) -> IngestResult:
        """Write one outcome now, in its own transaction."""
        assert outcome.events is not None
        return self.store.ingest(outcome.document, outcome.events, actor=self.actor)

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def add(self, outcome: Outcome) -> list[Written]:
        assert outcome.events is not None
        if not self._buffer:
            self._since = self._clock()
        self._buffer.append(outcome)
        if len(self._buffer) >= self.batch_size or self._clock() - self._since >= self.max_wait:
            return self.flush()
        return []

    def flush(self) -> list[Written]:
        batch, self._buffer = self._buffer, []
        if not batch:
            return []
        try:
            results = self.store.ingest_many([(o.document, o.events or []) for o in batch], actor=self.actor)
        except Exception:
            if len(batch) == 1:
                return [self._one(batch[0])]
            # The batch rolled back whole; one transaction per document finds the bad one.
            return [self._one(o) for o in batch]
        return [Written(o, result=r) for o, r in zip(batch, results, strict=True)]

    def _one(self, outcome: Outcome) -> Written:
        try:
            return Written(outcome, result=self.write(outcome))
        except Exception as err:
            return Written(outcome, error=failure_reason(err))


def read_documents(
    items: Iterable[str],
    store: Store,
    report: IngestReport,
    published: dt.date | None = None,
    on_skip: Callable[[], None] = lambda: None,
) -> Iterator[tuple[str, Document]]:
    """(name, Document) for each article not yet stored; unreadable ones go to `report.failed`."""
    from events import sources

    for name in items:
        try:
            doc = sources.read(name, published)
        except Exception as err:
            report.failed[name] = failure_reason(err)
            on_skip()
            continue
        if store.has_document(doc.content_hash):
            report.unchanged.append(name)
            on_skip()
            continue
        yield name, doc


def ingest(
    items: Iterable[str],
    store: Store,
    *,
    published: dt.date | None = None,
    workers: int = 1,
    backend: Backend | None = None,
    extractor: Extractor = extract_one,
    progress: bool | None = None,
    actor: str | None = None,
    merge: bool = False,
) -> IngestReport:
    """Ingest files, folders (recursive), globs and URLs. `progress` None: a bar on a terminal.

    `merge`: afterwards, merge the same event reported by several documents (`events.dedupe`):
    this run's documents, and any an earlier, interrupted run left unmerged, with the stored
    events around them."""
    from tqdm import tqdm

    from events import sources

    names = list(sources.iter_paths(items))
    report = IngestReport()
    writer = StoreWriter(store, actor)
    backend = backend or local_backend(workers)
    disable = None if progress is None else not progress

    def record(written: list[Written]) -> None:
        for w in written:
            name = w.outcome.name
            if w.result is None:
                report.failed[name] = w.error or "not written"
            elif w.result.added:
                report.added[name] = w.result
            else:  # the same text twice in one run
                report.unchanged.append(name)

    with tqdm(total=len(names), unit="doc", file=sys.stderr, disable=disable, desc="ingest") as bar:
        docs = read_documents(names, store, report, published, on_skip=lambda: bar.update(1))
        try:
            for outcome in backend(extractor, docs):
                if outcome.error is not None:
                    report.failed[outcome.name] = outcome.error
                else:
                    record(writer.add(outcome))
                bar.update(1)
        except BrokenProcessPool as err:
            record(writer.flush())
            for name in names:
                if name not in report.added and name not in report.failed and name not in report.unchanged:
                    report.failed[name] = f"extraction worker died ({err})"
        finally:
            # At the end, and when interrupted (Ctrl-C, a lost cluster): what was extracted is
            # stored, whole documents only, so a re-run does just the rest.
            record(writer.flush())
    if merge:  # after every write: an interrupted run leaves its documents to the next one
        from events.dedupe import merge_pending

        report.merged = merge_pending(store)
    return report
