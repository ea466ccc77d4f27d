"""`Store`: the SQLAlchemy 2 repository. Every public method takes and returns pydantic models.

Writes are short transactions. Edits use optimistic concurrency: the caller says which version it
read; the store bumps the version with `UPDATE ... WHERE version = :expected` and refuses the
edit (ConflictError) when someone else changed the event first. Every change to an event writes
one row to the audit table with the state before and after. Every write transaction also keeps
the facet counts (events/store/facets.py) in step with the live events it adds, changes or hides.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import ValidationError
from sqlalchemy import (
    ColumnElement,
    Connection,
    Text,
    case,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError

from events.batching import chunks
from events.errors import ConflictError, InputError, NotFoundError, TimelineError
from events.io.csv import ROW_KEY, csv_line
from events.models import GRANULARITY_RANK, Document, Event, Source, Status
from events.query import EventQuery
from events.store import schema as t
from events.store.facets import FacetDelta, exact_facets, read_facets
from events.store.models import Change, DocumentSummary, ImportResult, IngestResult

APP_NAME = "news-timeline"
# The widest span class: 2**22 days is longer than the whole proleptic Gregorian calendar (1..9999).
MAX_SPAN_CLASS = 22
EDITABLE = frozenset(
    {"title", "when", "sources", "status", "confidence", "description", "actors", "tags", "conflict"}
)


def default_url() -> str:
    """An SQLite file in the user's data directory (created on first open)."""
    return f"sqlite:///{Path(platformdirs.user_data_dir(APP_NAME)) / 'timeline.sqlite'}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _one_line(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "value"
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{where}: {first.get('msg', 'invalid')}{more}"


def _span_class(start_day: int | None, end_day: int | None) -> int | None:
    if start_day is None or end_day is None:
        return None
    return (end_day - start_day).bit_length()


def _event_row(ev: Event, now: dt.datetime, created_at: dt.datetime | None = None) -> dict[str, Any]:
    w = ev.when
    sd = w.start.toordinal() if w.start is not None else None
    ed = w.end.toordinal() if w.end is not None else None
    if sd is None or ed is None:  # half-known spans cannot be placed on a window either
        sd = ed = None
    search = "\n".join([ev.title, *(s.sentence for s in ev.sources), *(s.quote or "" for s in ev.sources)])
    return {
        "id": ev.id,
        "title": ev.title,
        "start": w.start,
        "end": w.end,
        "start_day": sd,
        "end_day": ed,
        "span_class": _span_class(sd, ed),
        "sort_day": t.UNRESOLVED_SORT_DAY if sd is None else sd,
        "granularity": w.granularity,
        "value": w.value,
        "edtf": w.edtf,
        "approximate": w.approximate,
        "unresolved": w.unresolved or sd is None,
        "origin": ev.origin,
        "status": ev.status,
        "confidence": ev.confidence,
        "document_id": ev.sources[0].document_id if ev.sources else None,
        "search_text": search.lower(),
        "version": ev.version,
        "deleted_at": None,
        "merged_into": None,
        "created_at": created_at or now,
        "updated_at": now,
        "data": ev.model_dump(mode="json"),
        "csv_row": csv_line(ev),
        "csv_key": ROW_KEY,
    }


def _document_row(doc: Document, content_hash: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": doc.id,
        "content_hash": content_hash,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": doc.published,
        "text": doc.text,
        "meta": json.loads(json.dumps(doc.metadata, default=str)),
        "ingested_at": now,
    }


def _source_rows(ev: Event) -> list[dict[str, Any]]:
    return [
        {
            "event_id": ev.id,
            "position": i,
            **s.model_dump(exclude={"document_id"}),
            "document_id": s.document_id,
        }
        for i, s in enumerate(ev.sources)
    ]


def _doc_from_row(r: Any) -> Document:
    return Document(
        text=r.text,
        id=r.id,
        title=r.title,
        url=r.url,
        source=r.source,
        published=r.published,
        metadata=r.meta or {},
    )


def _snapshot(ev: Event, deleted: bool = False, merged_into: str | None = None) -> dict[str, Any]:
    """The audit trail's view of an event: the record plus its life-cycle state."""
    return {**ev.model_dump(mode="json"), "deleted": deleted, "merged_into": merged_into}


class Store:
    """Documents, events, their sources, actors, tags and the audit trail, behind one URL."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # -- life cycle ---------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect to `url` (default: `default_url()`) and migrate the schema to head.

        SQLite gets WAL journaling, a busy timeout and foreign keys; its write transactions start
        with BEGIN IMMEDIATE so two writers queue instead of failing half-way.
        """
        url = url or default_url()
        try:
            parsed = make_url(url)
        except ArgumentError as err:
            raise InputError(f"not a database URL: {url!r} (e.g. sqlite:///events.sqlite)") from err
        is_sqlite = parsed.get_backend_name() == "sqlite"
        if is_sqlite and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            engine = create_engine(parsed, pool_pre_ping=not is_sqlite)
        except (NoSuchModuleError, ImportError) as err:
            raise InputError(f"no database driver for {parsed.drivername!r}: {err}") from err
        if is_sqlite:
            _configure_sqlite(engine, memory=parsed.database in (None, "", ":memory:"))
        store = cls(engine)
        try:
            store._migrate()
        except OperationalError as err:
            engine.dispose()
            reason = str(err.orig).splitlines()[0] if err.orig else str(err).splitlines()[0]
            raise TimelineError(f"cannot open the database {parsed.render_as_string()}: {reason}") from err
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def optimize(self) -> None:
        """Refresh the planner's statistics (after a bulk load). PostgreSQL also gets a VACUUM,
        which lets window counts be answered from the index alone."""
        if self.dialect == "postgresql":
            with self._engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        elif self.dialect == "sqlite":
            with self._engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    def _migrate(self) -> None:
        from events.migrations import upgrade_to_head

        with self._write() as conn:
            if self.dialect == "postgresql":  # two processes opening a fresh database at once
                conn.execute(text("SELECT pg_advisory_xact_lock(727274)"))
            upgrade_to_head(conn)

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(timeline_write=True)
            with conn.begin():
                delta = conn.info[_FACET_DELTA] = FacetDelta()
                try:
                    yield conn
                    delta.apply(conn)  # last, so the shared counts are locked only until commit
                finally:
                    conn.info.pop(_FACET_DELTA, None)

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn, conn.begin():
            yield conn

    # -- documents ----------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """True when a document with exactly this content (sha256 of its text) is stored."""
        with self._read() as conn:
            return (
                conn.execute(
                    select(t.documents.c.id).where(t.documents.c.content_hash == content_hash)
                ).first()
                is not None
            )

    def add_document(self, doc: Document) -> bool:
        """Store a document; False when the same content is already there (nothing changes)."""
        with self._write() as conn:
            return self._insert_document(conn, doc)

    def _insert_document(self, conn: Connection, doc: Document) -> bool:
        h = doc.content_hash
        if conn.execute(select(t.documents.c.id).where(t.documents.c.content_hash == h)).first():
            return False
        conn.execute(insert(t.documents).values(**_document_row(doc, h, _now())))
        return True

    def get_document(self, doc_id: str) -> Document | None:
        with self._read() as conn:
            r = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).first()
        return _doc_from_row(r) if r else None

    def list_documents(self) -> list[Document]:
        """All documents, oldest ingest first."""
        with self._read() as conn:
            rows = conn.execute(
                select(t.documents).order_by(t.documents.c.ingested_at, t.documents.c.id)
            ).all()
        return [_doc_from_row(r) for r in rows]

    def document_summaries(self, ids: Iterable[str] | None = None) -> list[DocumentSummary]:
        """Id, title, source, URL and published date of the documents (None: all), oldest ingest
        first: a listing that never reads the documents' text (`list_documents` does)."""
        d = t.documents.c
        cols = select(d.id, d.title, d.source, d.url, d.published)
        with self._read() as conn:
            if ids is None:
                rows = list(conn.execute(cols.order_by(d.ingested_at, d.id)))
            else:
                rows = [
                    r
                    for chunk in chunks(dict.fromkeys(ids), 500)
                    for r in conn.execute(cols.where(d.id.in_(chunk)))
                ]
        return [
            DocumentSummary(id=r.id, title=r.title, source=r.source, url=r.url, published=r.published)
            for r in rows
        ]

    def ingest(self, doc: Document, events: list[Event], *, actor: str | None = None) -> IngestResult:
        """Store a document and the events read from it in one transaction.

        Idempotent by content: a document whose text is already stored adds nothing. An event whose
        id is already stored (the same sentence read before) is skipped and counted.
        """
        try:
            return self._ingest(doc, events, actor)
        except IntegrityError:  # the same text stored by another process just now: try once more
            return self._ingest(doc, events, actor)

    def _ingest(self, doc: Document, events: list[Event], actor: str | None) -> IngestResult:
        with self._write() as conn:
            if not self._insert_document(conn, doc):
                existing = conn.execute(
                    select(t.documents.c.id).where(t.documents.c.content_hash == doc.content_hash)
                ).scalar_one()
                return IngestResult(document_id=existing, added=False)
            fresh = self._without_existing(conn, events)
            self._insert_events(conn, fresh, action="ingest", actor=actor)
        return IngestResult(
            document_id=doc.id, added=True, events_added=len(fresh), events_skipped=len(events) - len(fresh)
        )

    def ingest_many(
        self, items: list[tuple[Document, list[Event]]], *, actor: str | None = None
    ) -> list[IngestResult]:
        """`ingest` for a batch: every document and its events in ONE transaction, a result per
        item in order. Idempotent by content like `ingest`: a document already stored (or given
        twice in the batch) is reported unchanged. All or nothing: if any row fails (e.g. a
        constraint), nothing of the batch is stored and the error is raised, so a caller can
        write the batch one document at a time to find the bad one.
        """
        if not items:
            return []
        try:
            return self._ingest_many(items, actor)
        except IntegrityError:  # the same text stored by another process just now: try once more
            return self._ingest_many(items, actor)

    def _ingest_many(
        self, items: list[tuple[Document, list[Event]]], actor: str | None
    ) -> list[IngestResult]:
        d = t.documents.c
        with self._write() as conn:
            hashes = [doc.content_hash for doc, _ in items]
            stored: dict[str, str] = {}
            for chunk in chunks(dict.fromkeys(hashes), 500):
                rows = conn.execute(select(d.content_hash, d.id).where(d.content_hash.in_(chunk)))
                stored.update((r.content_hash, r.id) for r in rows)
            now = _now()
            doc_rows: list[dict[str, Any]] = []
            results: list[IngestResult | None] = []
            fresh: list[tuple[int, list[Event]]] = []
            for i, ((doc, evs), h) in enumerate(zip(items, hashes, strict=True)):
                if h in stored:
                    results.append(IngestResult(document_id=stored[h], added=False))
                    continue
                stored[h] = doc.id
                doc_rows.append(_document_row(doc, h, now))
                results.append(None)
                fresh.append((i, evs))
            if doc_rows:
                conn.execute(insert(t.documents), doc_rows)
            # One look-up for every event id of the batch; `seen` then also catches an id that
            # two documents of the batch share, exactly as writing them one after the other would.
            seen = self._existing_ids(conn, [e.id for _, evs in fresh for e in evs])
            new_events: list[Event] = []
            for i, evs in fresh:
                mine = self._fresh(evs, seen)
                new_events.extend(mine)
                results[i] = IngestResult(
                    document_id=items[i][0].id,
                    added=True,
                    events_added=len(mine),
                    events_skipped=len(evs) - len(mine),
                )
            self._insert_events(conn, new_events, action="ingest", actor=actor)
        return [r for r in results if r is not None]

    def _existing_ids(self, conn: Connection, ids: list[str]) -> set[str]:
        seen: set[str] = set()
        for chunk in chunks(dict.fromkeys(ids), 500):
            seen.update(conn.execute(select(t.events.c.id).where(t.events.c.id.in_(chunk))).scalars())
        return seen

    @staticmethod
    def _fresh(events: list[Event], seen: set[str]) -> list[Event]:
        """The events whose id is not in `seen`, adding theirs to it."""
        fresh = []
        for ev in events:
            if ev.id not in seen:
                seen.add(ev.id)
                fresh.append(ev)
        return fresh

    def _without_existing(self, conn: Connection, events: list[Event]) -> list[Event]:
        return self._fresh(events, self._existing_ids(conn, [e.id for e in events]))

    # -- events: create, read -----------------------------------------------------------------

    def add_event(self, event: Event, *, actor: str | None = None) -> Event:
        """Store a new event (e.g. one typed by a person). ConflictError when the id is taken."""
        taken = ConflictError(f"an event with id {event.id} already exists")
        try:
            with self._write() as conn:
                if conn.execute(select(t.events.c.id).where(t.events.c.id == event.id)).first():
                    raise taken
                self._insert_events(conn, [event], action="create", actor=actor)
        except IntegrityError:  # added by someone else between our check and our insert
            raise taken from None
        return event

    def bulk_add_events(self, events: Iterable[Event], *, audit: bool = False, batch: int = 5000) -> int:
        """Insert many new events fast (benchmarks, imports of fresh stores). No id checks."""
        n = 0
        for chunk in chunks(events, batch):
            with self._write() as conn:
                self._insert_events(conn, chunk, action="import", actor=None, audit=audit)
            n += len(chunk)
        return n

    def _insert_events(
        self, conn: Connection, evs: list[Event], *, action: str, actor: str | None, audit: bool = True
    ) -> None:
        if not evs:
            return
        now = _now()
        conn.execute(insert(t.events), [_event_row(e, now) for e in evs])
        self._insert_children(conn, evs)
        delta = _facet_delta(conn)
        for e in evs:
            delta.add(e, +1)
        if audit:
            conn.execute(
                insert(t.changes),
                [
                    {
                        "event_id": e.id,
                        "at": now,
                        "actor": actor,
                        "action": action,
                        "before": None,
                        "after": _snapshot(e),
                    }
                    for e in evs
                ],
            )

    def _insert_children(self, conn: Connection, evs: list[Event]) -> None:
        sources = [r for e in evs for r in _source_rows(e)]
        actors = [{"event_id": e.id, "actor": a} for e in evs for a in dict.fromkeys(e.actors)]
        tags = [{"event_id": e.id, "tag": g} for e in evs for g in dict.fromkeys(e.tags)]
        if sources:
            conn.execute(insert(t.event_sources), sources)
        if actors:
            conn.execute(insert(t.event_actors), actors)
        if tags:
            conn.execute(insert(t.event_tags), tags)

    def get_event(self, event_id: str) -> Event:
        """The event with this id, deleted or not. NotFoundError when there is none."""
        with self._read() as conn:
            return self._load(conn, event_id)[0]

    def is_deleted(self, event_id: str) -> bool:
        """True when the event is soft-deleted or merged into another one."""
        with self._read() as conn:
            return self._load(conn, event_id)[1] is not None

    def merged_into(self, event_id: str) -> str | None:
        with self._read() as conn:
            return self._load(conn, event_id)[2]

    def _load(self, conn: Connection, event_id: str) -> tuple[Event, dt.datetime | None, str | None]:
        r = conn.execute(
            select(t.events.c.data, t.events.c.deleted_at, t.events.c.merged_into).where(
                t.events.c.id == event_id
            )
        ).first()
        if r is None:
            raise NotFoundError(f"no event with id {event_id} (see `timeline list`)")
        return Event.model_validate(r.data), r.deleted_at, r.merged_into

    # -- events: change -----------------------------------------------------------------------

    def update_event(
        self, event_id: str, expected_version: int, changes: dict[str, Any], *, actor: str | None = None
    ) -> Event:
        """Apply `changes` (Event field -> new value) to the event read at `expected_version`.

        ConflictError when the stored version is not `expected_version` (someone else changed it:
        reload and edit again). The version goes up by one. Editable fields: title, when, sources,
        status, confidence, description, actors, tags, conflict.
        """
        unknown = set(changes) - EDITABLE
        if unknown:
            raise InputError(
                f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(sorted(EDITABLE))}"
            )

        def apply(ev: Event) -> Event:
            data = {**ev.model_dump(), **changes}
            try:
                return Event.model_validate(data)
            except ValidationError as err:
                raise InputError(f"invalid edit of {event_id}: {_one_line(err)}") from err

        return self._mutate(event_id, expected_version, apply, action="update", actor=actor)

    def set_status(
        self, event_id: str, status: Status, expected_version: int | None = None, *, actor: str | None = None
    ) -> Event:
        """Accept, reject or send back to review. `expected_version` None: whatever is current."""
        if status not in ("review", "accepted", "rejected"):
            raise InputError(f"unknown status {status!r}: use review, accepted or rejected")
        return self._mutate(
            event_id,
            expected_version,
            lambda ev: ev.model_copy(update={"status": status}),
            action="status",
            actor=actor,
        )

    def delete_event(
        self, event_id: str, expected_version: int | None = None, *, actor: str | None = None
    ) -> Event:
        """Soft delete: hidden from queries, kept with its history, back with `restore_event`."""
        return self._mutate(
            event_id, expected_version, lambda ev: ev, action="delete", actor=actor, state="delete"
        )

    def restore_event(self, event_id: str, *, actor: str | None = None) -> Event:
        """Undo a delete (or a merge of this event into another one)."""
        return self._mutate(event_id, None, lambda ev: ev, action="restore", actor=actor, state="restore")

    def _mutate(
        self,
        event_id: str,
        expected_version: int | None,
        fn: Callable[[Event], Event],
        *,
        action: str,
        actor: str | None,
        state: str | None = None,
        merged_into: str | None = None,
        conn: Connection | None = None,
    ) -> Event:
        if conn is None:
            with self._write() as c:
                return self._mutate(
                    event_id,
                    expected_version,
                    fn,
                    action=action,
                    actor=actor,
                    state=state,
                    merged_into=merged_into,
                    conn=c,
                )
        v = t.events.c.version
        if expected_version is None:
            # "Whatever is current": bump under the row lock, then read which version that was.
            res = conn.execute(update(t.events).where(t.events.c.id == event_id).values(version=v + 1))
            if res.rowcount == 0:
                raise NotFoundError(f"no event with id {event_id} (see `timeline list`)")
            expected_version = conn.execute(select(v).where(t.events.c.id == event_id)).scalar_one() - 1
        else:
            # The conditional UPDATE is the row lock and the version check in one.
            res = conn.execute(
                update(t.events)
                .where(t.events.c.id == event_id, v == expected_version)
                .values(version=expected_version + 1)
            )
            if res.rowcount == 0:
                current = conn.execute(select(v).where(t.events.c.id == event_id)).scalar()
                if current is None:
                    raise NotFoundError(f"no event with id {event_id} (see `timeline list`)")
                raise ConflictError(
                    f"event {event_id} was changed by someone else (now version {current}, your change is "
                    f"based on version {expected_version}); reload it and apply your change again"
                )
        before, deleted_at, was_merged = self._load(conn, event_id)
        deleted = deleted_at is not None
        if state == "restore":
            if not deleted:
                raise InputError(f"event {event_id} is not deleted; nothing to restore")
            deleted, was_merged_after = False, None
        elif state in ("delete", "merged"):
            if deleted:
                raise InputError(f"event {event_id} is already deleted (restore it with `timeline restore`)")
            deleted, was_merged_after = True, merged_into
        else:
            if deleted:
                raise InputError(f"event {event_id} is deleted; restore it before changing it")
            was_merged_after = was_merged
        after = fn(before).model_copy(update={"version": expected_version + 1})
        now = _now()
        row = _event_row(after, now)
        row.pop("id")
        row.pop("created_at")
        row["deleted_at"] = (deleted_at or now) if deleted else None
        row["merged_into"] = was_merged_after
        conn.execute(update(t.events).where(t.events.c.id == event_id).values(**row))
        delta = _facet_delta(conn)
        if deleted_at is None:
            delta.add(before, -1)
        if not deleted:
            delta.add(after, +1)
        if fn is not _identity and (after.sources, after.actors, after.tags) != (
            before.sources,
            before.actors,
            before.tags,
        ):
            for table in (t.event_sources, t.event_actors, t.event_tags):
                conn.execute(delete(table).where(table.c.event_id == event_id))
            self._insert_children(conn, [after])
        conn.execute(
            insert(t.changes).values(
                event_id=event_id,
                at=now,
                actor=actor,
                action=action,
                before=_snapshot(before, deleted_at is not None, was_merged),
                after=_snapshot(after, deleted, was_merged_after),
            )
        )
        return after

    def merge_events(
        self, ids: list[str], *, actor: str | None = None, versions: dict[str, int] | None = None
    ) -> Event:
        """Merge reports of one happening: the finest-dated event survives with every source, actor
        and tag; the others are marked merged into it (hidden, recoverable with `restore_event`).
        When the dates do not overlap, the survivor's `conflict` says so. `versions` (id -> the
        version the caller read): refused with a ConflictError, nothing merged, when one changed."""
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2:
            raise InputError("merge needs at least two different event ids")
        with self._write() as conn:
            loaded = []
            for i in ids:
                ev, deleted_at, _ = self._load(conn, i)
                if deleted_at is not None:
                    raise InputError(f"event {i} is deleted; restore it before merging")
                if versions is not None and i in versions and versions[i] != ev.version:
                    raise ConflictError(
                        f"event {i} was changed by someone else (now version {ev.version}, the merge "
                        f"was planned on version {versions[i]})"
                    )
                loaded.append(ev)
            # Finest date wins; on a tie, the first id given.
            target = max(loaded, key=_precision_key)
            others = [e for e in loaded if e.id != target.id]
            sources = list(target.sources)
            keys = {_source_key(s) for s in sources}
            for e in others:
                for s in e.sources:
                    if _source_key(s) not in keys:
                        keys.add(_source_key(s))
                        sources.append(s)
            disagree = [
                e
                for e in others
                if not e.when.unresolved and not target.when.unresolved and not e.when.overlaps(target.when)
            ]
            conflict = target.conflict
            if disagree:
                note = "merged reports disagree on the date: " + "; ".join(
                    f"{e.id} says {e.when.start}..{e.when.end}" for e in disagree
                )
                conflict = f"{conflict}; {note}" if conflict else note
            merged = target.model_copy(
                update={
                    "sources": sources,
                    "actors": list(dict.fromkeys([a for e in [target, *others] for a in e.actors])),
                    "tags": list(dict.fromkeys([g for e in [target, *others] for g in e.tags])),
                    "confidence": max(e.confidence for e in loaded),
                    "conflict": conflict,
                }
            )
            result = self._mutate(
                target.id, target.version, lambda _ev: merged, action="merge", actor=actor, conn=conn
            )
            for e in others:
                self._mutate(
                    e.id,
                    e.version,
                    _identity,
                    action="merge",
                    actor=actor,
                    state="merged",
                    merged_into=target.id,
                    conn=conn,
                )
        return result

    # -- cross-article merging (events.dedupe) ---------------------------------------------

    def unmerged_documents(self) -> tuple[list[str], list[tuple[dt.date, dt.date]]]:
        """Documents whose events have not been through the cross-article merge yet, and the
        (start, end) of their live dated events (what a merge pass must look around)."""
        d, e = t.documents.c, t.events.c
        with self._read() as conn:
            ids = list(conn.execute(select(d.id).where(d.merged_at.is_(None)).order_by(d.id)).scalars())
            spans: list[tuple[dt.date, dt.date]] = []
            for chunk in chunks(ids, 500):
                rows = conn.execute(
                    select(e.start, e.end)
                    .where(e.document_id.in_(chunk), e.deleted_at.is_(None), e.start_day.is_not(None))
                    .distinct()
                )
                spans.extend((r.start, r.end) for r in rows)
        return ids, spans

    def mark_merged(self, document_ids: Iterable[str] | None = None) -> None:
        """Record that these documents' events (None: every document's) went through a merge."""
        d = t.documents.c
        now = _now()
        with self._write() as conn:
            if document_ids is None:
                conn.execute(update(t.documents).where(d.merged_at.is_(None)).values(merged_at=now))
                return
            for chunk in chunks(document_ids, 500):
                conn.execute(update(t.documents).where(d.id.in_(chunk)).values(merged_at=now))

    def mergeable_events(self, windows: list[tuple[dt.date, dt.date]] | None, *, machine: str) -> list[Event]:
        """Live extracted events still in review that no person has changed, overlapping any of
        `windows` (None: all of them), by date. "No person": every change recorded for the event
        is its ingest or was made by the actor `machine` (the automatic merge itself), so an
        event a person accepted, rejected, edited, merged or restored is never among them."""
        base = EventQuery(origins=["extracted"], statuses=["review"], include_unresolved=False)
        found: dict[str, Event] = {}
        for q in [base] if windows is None else [base.window(a, b) for a, b in windows]:
            for ev in self.iter_events(q):
                found.setdefault(ev.id, ev)
        c = t.changes.c
        touched: set[str] = set()
        with self._read() as conn:
            for chunk in chunks(found, 500):
                touched.update(
                    conn.execute(
                        select(c.event_id)
                        .where(
                            c.event_id.in_(chunk),
                            c.action != "ingest",
                            func.coalesce(c.actor, "") != machine,
                        )
                        .distinct()
                    ).scalars()
                )
        return [ev for i, ev in found.items() if i not in touched]

    # -- import -------------------------------------------------------------------------------

    def import_events(
        self, events: list[Event], *, labels: list[str] | None = None, actor: str | None = None
    ) -> ImportResult:
        """Bring events from a file in, all or nothing (one transaction).

        A new id is added as it is. A known id with the same content is left alone. A known id with
        other content is an edit: applied when the file's version is not older than the stored one,
        otherwise the whole import is refused with a ConflictError naming the line.
        """
        labels = labels or [f"event {i + 1}" for i in range(len(events))]
        added = updated = unchanged = 0
        with self._write() as conn:
            stored: dict[str, tuple[int, dict[str, Any]]] = {}
            for chunk in chunks([e.id for e in events], 500):
                for r in conn.execute(
                    select(t.events.c.id, t.events.c.version, t.events.c.data).where(t.events.c.id.in_(chunk))
                ):
                    stored[r.id] = (r.version, r.data)
            fresh: list[Event] = []
            seen: set[str] = set()
            for ev, label in zip(events, labels, strict=True):
                if ev.id in seen:
                    raise InputError(f"{label}: event id {ev.id} appears twice in the file")
                seen.add(ev.id)
                if ev.id not in stored:
                    fresh.append(ev)
                    continue
                version, data = stored[ev.id]
                mine = ev.model_dump(mode="json")
                if {**data, "version": 0} == {**mine, "version": 0}:
                    unchanged += 1
                    continue
                if ev.version < version:
                    raise ConflictError(
                        f"{label}: event {ev.id} was changed in the store after this file was written "
                        f"(store version {version}, file version {ev.version}); export again, redo the edit"
                    )
                new = ev
                try:
                    self._mutate(
                        ev.id, version, lambda _e, new=new: new, action="import", actor=actor, conn=conn
                    )
                except TimelineError as err:
                    raise type(err)(f"{label}: {err}") from None
                updated += 1
            self._insert_events(conn, fresh, action="import", actor=actor)
            added = len(fresh)
        return ImportResult(added=added, updated=updated, unchanged=unchanged)

    # -- queries ------------------------------------------------------------------------------

    def _filters(self, q: EventQuery) -> list[ColumnElement[bool]]:
        """Every condition except the window."""
        e = t.events.c
        conds: list[ColumnElement[bool]] = []
        if not q.include_deleted:
            conds.append(e.deleted_at.is_(None))
        if q.has_window or not q.include_unresolved:
            conds.append(e.start_day.is_not(None))
        if q.unresolved_only:
            conds.append(e.sort_day == t.UNRESOLVED_SORT_DAY)
        if q.text:
            conds.append(e.search_text.contains(q.text.lower(), autoescape=True))
        if q.granularities:
            conds.append(e.granularity.in_(q.granularities))
        if q.origins:
            conds.append(e.origin.in_(q.origins))
        if q.statuses:
            conds.append(e.status.in_(q.statuses))
        if q.document_ids:
            sources = t.event_sources.c
            conds.append(e.id.in_(select(sources.event_id).where(sources.document_id.in_(q.document_ids))))
        if q.actors:
            conds.append(
                e.id.in_(select(t.event_actors.c.event_id).where(t.event_actors.c.actor.in_(q.actors)))
            )
        if q.tags:
            conds.append(e.id.in_(select(t.event_tags.c.event_id).where(t.event_tags.c.tag.in_(q.tags))))
        return conds

    def _span_classes(self, conn: Connection) -> list[int]:
        """The span classes present, by a loose index scan (one index seek per class)."""
        return [int(x) for x in conn.execute(_SPAN_CLASSES).scalars() if x is not None]

    def _candidates(self, conn: Connection, q: EventQuery, *, limit: int | None = None) -> Any:
        """(id, start_day, end_day) of the matching events, as a subquery.

        With a window start `a` the overlap test is split by span class (see schema.py): one branch
        per class, `span_class = c and start_day between a - (2**c - 1) and b and end_day >= a`, a
        tight range on the index (span_class, start_day, end_day, id, deleted_at), read without
        touching the table when no other filter is given. With `limit`, each branch stops
        after `limit` rows in date order, so a page costs O(classes x limit), not O(window).
        """
        e = t.events.c
        cols = (e.id, e.start_day, e.end_day)
        filters = self._filters(q)
        b = q.end.toordinal() if q.end else None
        if q.start is None:
            stmt = select(*cols).where(*filters)
            if b is not None:
                stmt = stmt.where(e.sort_day <= b)
            if limit is not None:
                stmt = stmt.order_by(e.sort_day, e.end_day, e.id).limit(limit)
            return stmt.subquery("w")
        a = q.start.toordinal()
        branches = []
        for c in self._span_classes(conn) or [0]:
            stmt = select(*cols).where(
                e.span_class == c, e.start_day >= a - (2**c - 1), e.end_day >= a, *filters
            )
            if b is not None:
                stmt = stmt.where(e.start_day <= b)
            if limit is not None:
                stmt = stmt.order_by(e.start_day, e.end_day, e.id).limit(limit)
            branches.append(select(stmt.subquery().c))
        return union_all(*branches).subquery("w")

    def _page(self, conn: Connection, q: EventQuery) -> Any:
        """The stored JSON text of the page of events `q` asks for, in date order (unresolved
        last). With a window, the page's ids are chosen from the index alone and only those rows
        are read; without one, the (sort_day, end_day, id) index is read in order."""
        e = t.events.c
        if q.start is None:
            stmt = select(cast(e.data, Text)).where(*self._filters(q))
            if q.end is not None:
                stmt = stmt.where(e.sort_day <= q.end.toordinal())
            stmt = stmt.order_by(e.sort_day, e.end_day, e.id)
        else:
            k = q.offset + q.limit if q.limit is not None else None
            w = self._candidates(conn, q, limit=k)
            ids = select(w.c.id, w.c.start_day, w.c.end_day).order_by(w.c.start_day, w.c.end_day, w.c.id)
            if q.limit is not None:
                ids = ids.limit(q.limit)
            if q.offset:
                ids = ids.offset(q.offset)
            p = ids.subquery("p")
            return (
                select(cast(e.data, Text))
                .select_from(t.events.join(p, e.id == p.c.id))
                .order_by(p.c.start_day, p.c.end_day, p.c.id)
            )
        if q.limit is not None:
            stmt = stmt.limit(q.limit)
        if q.offset:
            stmt = stmt.offset(q.offset)
        return stmt

    def query(self, q: EventQuery) -> list[Event]:
        """The events matching `q`, ordered by start (see events.query for the semantics)."""
        with self._read() as conn:
            return [Event.model_validate_json(raw) for raw in conn.execute(self._page(conn, q)).scalars()]

    def iter_events(self, q: EventQuery, *, batch: int = 5000) -> Iterator[Event]:
        """Like `query`, streamed (exports of millions of events in constant memory)."""
        for raw in self.iter_event_json(q, batch=batch):
            yield Event.model_validate_json(raw)

    def iter_event_json(self, q: EventQuery, *, batch: int = 5000) -> Iterator[str]:
        """The stored JSON text of each matching event (`Event.model_dump_json` equivalent),
        streamed and never decoded here: the fast path for exports."""
        with self._engine.connect() as conn, conn.begin():
            stmt = self._page(conn, q)
            yield from conn.execution_options(yield_per=batch).execute(stmt).scalars()

    def iter_event_csv(self, q: EventQuery, *, batch: int = 5000) -> Iterator[str]:
        """Each matching event's CSV export line (`events.io.csv.csv_line`), streamed: the line
        stored with the event when it was made by the current row format, else made now."""
        e = t.events.c
        with self._engine.connect() as conn, conn.begin():
            stmt = self._page(conn, q).with_only_columns(e.csv_row, e.csv_key, cast(e.data, Text))
            for row, key, raw in conn.execution_options(yield_per=batch).execute(stmt):
                yield row if key == ROW_KEY and row is not None else csv_line(Event.model_validate_json(raw))

    def count(self, q: EventQuery, *, at_most: int | None = None) -> int:
        """How many events match `q` (ignores limit and offset). With `at_most`, counting stops
        there (the answer is min(count, at_most)): for "are there more than N?", which then
        costs N rows, not every match (e.g. a filter the window index does not cover)."""
        with self._read() as conn:
            w = self._candidates(conn, q)
            if at_most is not None:
                w = select(w.c.id).limit(max(0, at_most)).subquery("n")
            return conn.execute(select(func.count()).select_from(w)).scalar_one()

    def density(self, q: EventQuery, bins: int) -> list[tuple[dt.date, dt.date, int]]:
        """Counts of matching events in `bins` equal slices of the window, computed in the database.

        Each event counts once, in the slice where it starts (an event that began before the
        window counts in the first slice). Without a window, the slices cover the matching events'
        extent. Returns (first day, last day, count) per slice, empty slices included; fewer slices
        than asked when the window has fewer days than `bins`.
        """
        if bins < 1:
            raise InputError("density needs at least one bin")
        dated = q.model_copy(update={"include_unresolved": False, "limit": None, "offset": 0})
        e = t.events.c
        with self._read() as conn:
            lo = q.start.toordinal() if q.start else None
            hi = q.end.toordinal() if q.end else None
            if lo is None or hi is None:
                # The extent from the two ends of the (sort_day) and (end_day) indexes.
                filters = self._filters(dated)
                first = select(e.start_day).where(*filters).order_by(e.sort_day).limit(1)
                last = select(e.end_day).where(*filters).order_by(e.end_day.desc()).limit(1)
                mn, mx = conn.execute(first).scalar(), conn.execute(last).scalar()
                if mn is None or mx is None:
                    return []
                lo = mn if lo is None else lo
                hi = mx if hi is None else hi
                if hi < lo:
                    return []
            window = dated.model_copy(
                update={"start": dt.date.fromordinal(lo), "end": dt.date.fromordinal(hi)}
            )
            width = hi - lo + 1
            bins = min(bins, width)
            edges = [(lo + (i * width) // bins, lo + ((i + 1) * width) // bins - 1) for i in range(bins)]
            if q.start is None:
                # No event starts before `lo` (the first start), so an event is in the bin where
                # it starts with no overlap test: one range count per bin on the (start_day)
                # indexes, live-span (0006) when nothing else filters, in one statement: about
                # twice as fast as a GROUP BY over every row at 1M.
                filters = self._filters(dated)
                per_bin = [
                    select(func.count()).where(*filters, e.start_day >= a, e.start_day <= b).scalar_subquery()
                    for a, b in edges
                ]
                counts = dict(enumerate(int(n) for n in conn.execute(select(*per_bin)).one()))
            else:
                w = self._candidates(conn, window)
                clipped = case((w.c.start_day < lo, lo), else_=w.c.start_day)
                idx = ((clipped - lo) * bins // width).label("bin")
                stmt = select(idx, func.count()).group_by(idx)
                counts = {int(b): int(n) for b, n in conn.execute(stmt)}
        return [
            (dt.date.fromordinal(a), dt.date.fromordinal(b), counts.get(i, 0))
            for i, (a, b) in enumerate(edges)
        ]

    def facets(self) -> dict[str, list[str]]:
        """Values present among live events, sorted, for filter drop-downs: documents (ids),
        actors, tags, granularities, origins and statuses.

        Read from `facet_counts` (migration 0007), which every write keeps in step: one small
        table, as long as the number of distinct values, whatever the number of events."""
        with self._read() as conn:
            return read_facets(conn)

    def _exact_facets(self) -> dict[str, list[str]]:
        """`facets` computed from the event tables themselves (one probe per distinct value;
        seconds at 1M): the oracle the facet counts are tested against."""
        with self._read() as conn:
            return exact_facets(conn)

    def history(self, event_id: str) -> list[Change]:
        """Every recorded change of the event, oldest first. NotFoundError for an unknown id."""
        with self._read() as conn:
            rows = conn.execute(
                select(t.changes).where(t.changes.c.event_id == event_id).order_by(t.changes.c.id)
            ).all()
            if (
                not rows
                and conn.execute(select(t.events.c.id).where(t.events.c.id == event_id)).first() is None
            ):
                raise NotFoundError(f"no event with id {event_id} (see `timeline list`)")
        return [
            Change(
                id=r.id,
                event_id=r.event_id,
                at=_aware(r.at),
                actor=r.actor,
                action=r.action,
                before=r.before,
                after=r.after,
            )
            for r in rows
        ]


_SPAN_CLASSES = text(
    "WITH RECURSIVE c(x) AS ("
    " SELECT MIN(span_class) FROM events"
    " UNION ALL"
    " SELECT (SELECT MIN(span_class) FROM events WHERE span_class > c.x) FROM c WHERE c.x IS NOT NULL"
    ") SELECT x FROM c"
)


_FACET_DELTA = "timeline_facet_delta"  # Connection.info key: the FacetDelta of a write transaction


def _facet_delta(conn: Connection) -> FacetDelta:
    try:
        delta: FacetDelta = conn.info[_FACET_DELTA]
    except KeyError:
        raise RuntimeError("event writes go through Store._write (it applies the facet counts)") from None
    return delta


def _identity(ev: Event) -> Event:
    return ev


def _aware(ts: dt.datetime) -> dt.datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=dt.UTC)


def _precision_key(ev: Event) -> tuple[int, int]:
    w = ev.when
    rank = -1 if w.unresolved or w.start is None else GRANULARITY_RANK.get(w.granularity, 0)
    length = (w.end - w.start).days if w.start and w.end else 10**9
    return (rank, -length)


def _source_key(s: Source) -> tuple[Any, ...]:
    return (s.document_id, s.sentence_start, s.sentence_end, s.sentence, s.quote, s.url)


def _configure_sqlite(engine: Engine, *, memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we send BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=15000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the lock up front so it waits (busy_timeout) instead of failing mid-way.
        write = conn.get_execution_options().get("timeline_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
