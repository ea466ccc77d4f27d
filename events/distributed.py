"""Extraction on a Dask cluster: an ingest `Backend` like `serial_backend` and `process_backend`.

The client (the `timeline ingest` process) reads and hashes every document once and skips those
the store already has (events.ingest.read_documents); only the pure extractor runs on the
workers, in batches, so a worker needs the package but no database and no access to the files.
Outcomes come back in any order as batches finish and the caller writes them; the client is the
only writer, so a re-run with the same arguments skips whatever was stored before an interruption.

Failures, from the inside out:
- a document whose extraction raises: caught inside the task and returned as an error Outcome,
  reported by name and never retried (it would fail the same way again);
- a worker lost mid-task: the scheduler reruns its tasks on another worker, up to
  `distributed.scheduler.allowed-failures` times; a task that raised outside the per-document
  guard (e.g. it could not be unpickled) is rerun `retries` times (Dask's `retries=`);
- a batch that still fails (KilledWorker: it took down several workers, as a document that
  crashes the interpreter would): its documents are sent again one per task, so the poison
  document is isolated and reported and the rest of its batch still goes in.
So every document ends as exactly one Outcome and none is retried forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING

from events.errors import InputError, TimelineError
from events.ingest import Backend, Extractor, Outcome, failure_reason
from events.models import EXTRACTOR_VERSION, Document, Event

if TYPE_CHECKING:
    from distributed import Client, Future

Item = tuple[str, Document]
# Per document: its events, or why extraction failed.
Result = tuple[list[Event] | None, str | None]

DEFAULT_BATCH = 32
DEFAULT_RETRIES = 2
# Long enough for an autoscaling cluster to bring up its first worker.
WORKER_WAIT_S = 120.0
# How often the number of worker threads (and so of batches in flight) is counted again.
RECOUNT_S = 10.0


def extract_batch(fn: Extractor, docs: list[Document]) -> list[Result]:
    """The task: extract each document; a failure stays with its document (runs on a worker)."""
    out: list[Result] = []
    for doc in docs:
        try:
            _, events = fn(doc)
        except Exception as err:  # one bad article must not fail (and re-run) its whole batch
            out.append((None, failure_reason(err)))
        else:
            out.append((events, None))
    return out


def worker_version() -> str:
    """The extractor version a worker runs (fails to unpickle where the package is missing)."""
    from events.models import EXTRACTOR_VERSION as version

    return version


def dask_backend(
    address: str,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    retries: int = DEFAULT_RETRIES,
) -> Backend:
    """Extraction on the Dask scheduler at `address` ("local": a LocalCluster of `workers`
    processes on this machine, default one per core). At most two batches per worker thread
    are in flight, so only a few batches of documents are in memory at a time."""
    if batch_size < 1:
        raise InputError("the Dask batch size must be at least 1")
    if retries < 0:
        raise InputError("Dask retries cannot be negative")
    if workers is not None and workers < 1:
        raise InputError("--dask-workers must be at least 1")
    if workers is not None and address != "local":
        raise InputError("--dask-workers applies to --dask local only; a running cluster has its own workers")

    def run(fn: Extractor, items: Iterable[Item]) -> Iterator[Outcome]:
        it = iter(items)
        first = next(it, None)
        if first is None:  # everything already stored: no cluster to start or reach
            return
        with connect(address, workers) as client:
            check_workers(client, address)
            yield from _map(client, fn, chain([first], it), batch_size, retries)

    return run


@contextlib.contextmanager
def connect(address: str, workers: int | None = None) -> Iterator[Client]:
    """A Client to `address` (or to a new LocalCluster), closed with its cluster at the end."""
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,  # the extractor is pure Python: threads would share one GIL
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout="30s")
    except (OSError, TimeoutError, ValueError) as err:
        raise TimelineError(
            f"cannot reach the Dask scheduler at {address} ({failure_reason(err)}); "
            "start one with `dask scheduler` or use --dask local"
        ) from None
    with client:
        yield client


def check_workers(client: Client, address: str) -> None:
    """Fail early, in one line, when no worker answers or a worker runs another extractor version
    (results must not depend on which worker read a document)."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_S)
    except TimeoutError:
        raise TimelineError(
            f"no Dask worker joined {address} within {WORKER_WAIT_S:.0f} s; "
            f"start workers with `dask worker {address}`"
        ) from None
    try:
        versions: dict[str, str] = client.run(worker_version)
    except Exception as err:
        raise TimelineError(
            f"the Dask workers at {address} cannot run the extractor ({failure_reason(err)}); "
            "install news-timeline on every worker"
        ) from None
    for worker, version in sorted(versions.items()):
        if version != EXTRACTOR_VERSION:
            raise TimelineError(
                f"the Dask worker {worker} runs extractor {version}, this machine {EXTRACTOR_VERSION}; "
                "install the same news-timeline version on every machine"
            )


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _map(
    client: Client, fn: Extractor, items: Iterable[Item], batch_size: int, retries: int
) -> Iterator[Outcome]:
    from distributed import as_completed

    batches = _batches(items, batch_size)
    singles: deque[list[Item]] = deque()  # documents of a failed batch, to be sent one by one
    pending: dict[Future, list[Item]] = {}
    done = as_completed()

    def submit(batch: list[Item]) -> None:
        fut = client.submit(
            extract_batch,
            fn,
            [doc for _, doc in batch],
            key=f"extract-{uuid.uuid4().hex}",  # unique: a resubmitted batch is a new task
            retries=retries,
            pure=False,
        )
        pending[fut] = batch
        done.add(fut)

    limit, counted = 2, -RECOUNT_S

    def refill() -> None:
        nonlocal limit, counted
        if time.monotonic() - counted >= RECOUNT_S:  # an autoscaling cluster grows and shrinks
            # Two batches per worker thread keep every thread busy while the client writes.
            limit, counted = max(2, 2 * sum(client.nthreads().values())), time.monotonic()
        while len(pending) < limit:
            if singles:
                submit(singles.popleft())
            elif (batch := next(batches, None)) is not None:
                submit(batch)
            else:
                return

    try:
        refill()
        while pending:
            fut = next(done)
            batch = pending.pop(fut)
            try:
                results: list[Result] = fut.result()
            except (Exception, asyncio.CancelledError) as err:
                fut.release()
                yield from _failed(client, batch, err, singles)
                refill()
                continue
            fut.release()
            refill()  # before yielding: the cluster works while the caller writes
            for (name, doc), (events, error) in zip(batch, results, strict=True):
                yield Outcome(name, doc, events=events, error=error)
    finally:
        # Interrupted (Ctrl-C, the caller stopped reading): drop the rest, nothing half-written.
        if pending:
            client.cancel(list(pending))


def _failed(
    client: Client, batch: list[Item], err: BaseException, singles: deque[list[Item]]
) -> Iterator[Outcome]:
    """A task that failed as a whole: split its batch, or report its one document."""
    if client.status not in ("running", "connecting"):
        raise TimelineError(
            f"lost the Dask scheduler ({failure_reason(err)}); what was stored stays stored: "
            "run the same command again to do the rest"
        ) from None
    if len(batch) > 1:
        singles.extend([item] for item in batch)
        return
    name, doc = batch[0]
    yield Outcome(name, doc, error=f"extraction failed on the cluster: {failure_reason(err)}")
