"""The commands that use the database: ingest, add, edit, accept, reject, merge, dedupe, delete,
restore, list, export, import, history. Each parses its options, calls the library, prints.

Every command takes `--db URL` (or TIMELINE_DB_URL; default an SQLite file in the user's data
folder) and, when it changes something, `--by NAME` (or TIMELINE_USER) for the audit trail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Annotated, Any, TypeVar

import typer
from sqlalchemy.exc import DBAPIError

from events.curation import describe, manual_event, parse_date, parse_range
from events.errors import InputError
from events.models import Event
from events.query import EventQuery
from events.store import Store
from timeline.cli import app, parse_cli_date
from timeline.settings import load_settings

F = TypeVar("F", bound=Callable[..., Any])

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        envvar="TIMELINE_DB_URL",
        help="Database URL (SQLAlchemy), e.g. sqlite:///events.sqlite.",
    ),
]
By = Annotated[
    str | None,
    typer.Option(
        "--by", metavar="NAME", envvar="TIMELINE_USER", help="Your name, recorded in the change history."
    ),
]
Version = Annotated[
    int | None,
    typer.Option(
        "--version",
        metavar="N",
        help="The version you read (from `list`/`history`); refused if it changed since.",
    ),
]
EventId = Annotated[str, typer.Argument(help="Event id (see `timeline list`).")]

# Filters shared by list and export.
From = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help='Window start, e.g. "2014" or "March 2020".')
]
To = Annotated[str | None, typer.Option("--to", metavar="DATE", help="Window end (inclusive).")]
Text = Annotated[
    str | None, typer.Option("--text", metavar="WORDS", help="Words in the title or source sentence.")
]
Docs = Annotated[
    list[str] | None, typer.Option("--document", metavar="ID", help="Document id (repeat for several).")
]
Actors = Annotated[
    list[str] | None, typer.Option("--actor", metavar="NAME", help="Actor (repeat for several).")
]
Tags = Annotated[list[str] | None, typer.Option("--tag", metavar="TAG", help="Tag (repeat for several).")]
Statuses = Annotated[
    list[str] | None, typer.Option("--status", metavar="STATUS", help="review, accepted or rejected.")
]
Grans = Annotated[
    list[str] | None, typer.Option("--granularity", metavar="GRANULARITY", help="day, month, year ...")
]
Origins = Annotated[list[str] | None, typer.Option("--origin", metavar="ORIGIN", help="extracted or manual.")]
Deleted = Annotated[bool, typer.Option("--deleted", help="Include deleted and merged-away events.")]
NoUnresolved = Annotated[bool, typer.Option("--dated-only", help="Leave out events with no known date.")]


class ExportFormat(enum.StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    timelinejs = "timelinejs"


class ImportFormat(enum.StrEnum):
    csv = "csv"
    jsonl = "jsonl"


class ListFormat(enum.StrEnum):
    table = "table"
    jsonl = "jsonl"


def command(name: str | None = None) -> Callable[[F], F]:
    """`app.command`, plus: a database error becomes one line on stderr (exit code 1). A
    TimelineError needs nothing here: the app's group (timeline.cli) turns it into one line and
    its exit code for every command."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except DBAPIError as err:  # locked, disconnected, out of space ...: one line, not a traceback
                reason = str(err.orig or err).strip().splitlines()[0]
                typer.echo(f"timeline: database error: {reason}", err=True)
                raise typer.Exit(1) from None

        app.command(name)(run)
        return fn

    return wrap


@contextlib.contextmanager
def open_store(db: str | None) -> Iterator[Store]:
    store = Store.open(load_settings(db_url=db).db_url)
    try:
        yield store
    finally:
        store.close()


def _user(by: str | None) -> str | None:
    return load_settings(user=by).user


def build_query(
    start: str | None = None,
    end: str | None = None,
    text: str | None = None,
    documents: list[str] | None = None,
    actors: list[str] | None = None,
    tags: list[str] | None = None,
    statuses: list[str] | None = None,
    granularities: list[str] | None = None,
    origins: list[str] | None = None,
    deleted: bool = False,
    dated_only: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> EventQuery:
    """Filters as typed on the command line -> EventQuery ("--from 2014" starts on 2014-01-01)."""
    try:
        return EventQuery(
            start=parse_date(start).start if start else None,
            end=parse_date(end).end if end else None,
            text=text or None,
            document_ids=documents or [],
            actors=actors or [],
            tags=tags or [],
            statuses=statuses or [],
            granularities=granularities or [],
            origins=origins or [],
            include_deleted=deleted,
            include_unresolved=not dated_only,
            limit=limit,
            offset=offset,
        )
    except ValueError as err:
        first = err.errors()[0] if hasattr(err, "errors") else {"msg": str(err), "loc": ()}
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise InputError(f"bad filter {where + ': ' if where else ''}{first.get('msg')}") from None


def _when(ev: Event) -> str:
    w = ev.when
    if w.start is None:
        return "unresolved"
    return str(w.start) if w.start == w.end else f"{w.start}..{w.end}"


def _line(ev: Event) -> str:
    return f"{ev.id}  v{ev.version}  {_when(ev)} ({ev.when.granularity})  [{ev.status}]  {ev.title}"


@command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), globs of .txt/.md/.html, URLs.")
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published", metavar="DATE", help="Published date (YYYY-MM-DD) for files that carry none."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", metavar="N", envvar="TIMELINE_WORKERS", min=1, help="Extraction processes."
        ),
    ] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar.")] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            envvar="TIMELINE_DASK",
            help='Extract on a Dask cluster: a scheduler address (tcp://host:8786) or "local".',
        ),
    ] = None,
    dask_workers: Annotated[
        int | None, typer.Option("--dask-workers", min=1, help="Worker processes for --dask local.")
    ] = None,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge/--no-merge",
            envvar="TIMELINE_AUTO_MERGE",
            help="Afterwards, merge the same event reported by several articles (see `timeline dedupe`).",
        ),
    ] = True,
    db: Db = None,
    by: By = None,
) -> None:
    """Read articles, extract their events and store both. The same content twice adds nothing."""
    from events.ingest import ingest as run

    day = parse_cli_date(published, "--published")
    n = load_settings(workers=workers).workers
    backend = None
    if dask:  # imported only here: dask is slow to import and most runs are local
        from events.distributed import dask_backend

        backend = dask_backend(dask, dask_workers)
    elif dask_workers is not None:
        raise InputError("--dask-workers needs --dask local")
    with open_store(db) as store:
        report = run(
            paths,
            store,
            published=day,
            workers=n,
            backend=backend,
            progress=progress,
            actor=_user(by),
            merge=merge,
        )
    for name, reason in sorted(report.failed.items()):
        typer.echo(f"failed: {reason if reason.startswith(name) else f'{name}: {reason}'}", err=True)
    typer.echo(report.summary())
    if not report.ok:
        raise typer.Exit(1)


@command()
def add(
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="What happened, in a few words.")],
    date: Annotated[
        str,
        typer.Option(
            "--date", metavar="DATE", help='When, as you would write it: "January 2020", "early 2014".'
        ),
    ],
    end: Annotated[
        str | None, typer.Option("--end", metavar="DATE", help="End of a range, same style.")
    ] = None,
    source_url: Annotated[
        str | None, typer.Option("--source-url", metavar="URL", help="Where you read it.")
    ] = None,
    quote: Annotated[
        str | None, typer.Option("--quote", metavar="TEXT", help="The passage that says so.")
    ] = None,
    tag: Tags = None,
    actor: Actors = None,
    description: Annotated[str | None, typer.Option("--description", metavar="TEXT")] = None,
    db: Db = None,
    by: By = None,
) -> None:
    """Add an event by hand; the date is read as people write it and echoed back."""
    when = parse_range(date, end)
    typer.echo(describe(f"{date}{f' to {end}' if end else ''}", when))
    ev = manual_event(
        title, when, source_url=source_url, quote=quote, tags=tag, actors=actor, description=description
    )
    with open_store(db) as store:
        store.add_event(ev, actor=_user(by))
    typer.echo(f"added {ev.id}")


@command()
def edit(
    event_id: EventId,
    version: Version = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="New date, as people write it.")
    ] = None,
    end: Annotated[str | None, typer.Option("--end")] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", metavar="TAG", help="Replaces the tags (repeat for several).")
    ] = None,
    actor: Annotated[
        list[str] | None, typer.Option("--actor", metavar="NAME", help="Replaces the actors.")
    ] = None,
    description: Annotated[str | None, typer.Option("--description", metavar="TEXT")] = None,
    db: Db = None,
    by: By = None,
) -> None:
    """Change an event. With --version, refused if someone changed it after you read it."""
    changes: dict[str, Any] = {}
    if title is not None:
        changes["title"] = title
    if date is not None:
        when = parse_range(date, end)
        typer.echo(describe(f"{date}{f' to {end}' if end else ''}", when))
        changes["when"] = when
    elif end is not None:
        raise InputError("--end needs --date (give the whole range)")
    if tag is not None:
        changes["tags"] = tag
    if actor is not None:
        changes["actors"] = actor
    if description is not None:
        changes["description"] = description
    if not changes:
        raise InputError("nothing to change: give --title, --date, --tag, --actor or --description")
    with open_store(db) as store:
        expected = version if version is not None else store.get_event(event_id).version
        ev = store.update_event(event_id, expected, changes, actor=_user(by))
    typer.echo(f"edited {_line(ev)}")


def _status(event_id: str, status: str, version: int | None, db: str | None, by: str | None) -> None:
    with open_store(db) as store:
        ev = store.set_status(event_id, status, version, actor=_user(by))  # type: ignore[arg-type]
    typer.echo(f"{status} {_line(ev)}")


@command()
def accept(event_id: EventId, version: Version = None, db: Db = None, by: By = None) -> None:
    """Mark an event as checked and right."""
    _status(event_id, "accepted", version, db, by)


@command()
def reject(event_id: EventId, version: Version = None, db: Db = None, by: By = None) -> None:
    """Mark an event as wrong (kept, and shown as rejected)."""
    _status(event_id, "rejected", version, db, by)


@command()
def merge(
    event_ids: Annotated[list[str], typer.Argument(help="Two or more ids of the same happening.")],
    db: Db = None,
    by: By = None,
) -> None:
    """Merge reports of one event: the finest date survives with all sources; the rest are hidden."""
    with open_store(db) as store:
        ev = store.merge_events(event_ids, actor=_user(by))
    typer.echo(f"merged into {_line(ev)}")
    if ev.conflict:
        typer.echo(f"note: {ev.conflict}")


@command()
def dedupe(db: Db = None) -> None:
    """Merge the same event reported by several articles, over the whole store.

    Extracted events in review that nobody has changed become one event with all their sources
    (the others are hidden, recoverable with `timeline restore`); alike reports whose dates cannot
    both be true are flagged as a conflict instead. Recorded in the history as "auto-merge"."""
    from events.dedupe import merge_all

    with open_store(db) as store:
        report = merge_all(store)
    n = report.candidates
    typer.echo(f"{n} event{'s' * (n != 1)} looked at: {report.summary()}")


@command()
def delete(event_id: EventId, version: Version = None, db: Db = None, by: By = None) -> None:
    """Delete an event (recoverable with `timeline restore`)."""
    with open_store(db) as store:
        ev = store.delete_event(event_id, version, actor=_user(by))
    typer.echo(f"deleted {ev.id} (undo: timeline restore {ev.id})")


@command()
def restore(event_id: EventId, db: Db = None, by: By = None) -> None:
    """Bring back a deleted or merged-away event."""
    with open_store(db) as store:
        ev = store.restore_event(event_id, actor=_user(by))
    typer.echo(f"restored {_line(ev)}")


@command("list")
def list_events(
    start: From = None,
    end: To = None,
    text: Text = None,
    document: Docs = None,
    actor: Actors = None,
    tag: Tags = None,
    status: Statuses = None,
    granularity: Grans = None,
    origin: Origins = None,
    deleted: Deleted = False,
    dated_only: NoUnresolved = False,
    limit: Annotated[
        int, typer.Option("--limit", metavar="N", min=0, help="At most this many (0: all).")
    ] = 50,
    offset: Annotated[int, typer.Option("--offset", metavar="N", min=0)] = 0,
    fmt: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    db: Db = None,
) -> None:
    """List stored events in date order, with filters."""
    q = build_query(
        start, end, text, document, actor, tag, status, granularity, origin, deleted, dated_only,
        limit or None, offset,
    )  # fmt: skip
    with open_store(db) as store:
        events = store.query(q)
        total = store.count(q)
    for ev in events:
        typer.echo(ev.model_dump_json() if fmt is ListFormat.jsonl else _line(ev))
    if fmt is ListFormat.table:
        typer.echo(
            f"{len(events)} of {total} events" if total != len(events) else f"{total} events", err=True
        )


@command("export")
def export_events(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, jsonl (lossless) or timelinejs.")] = (
        ExportFormat.csv
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="File to write (default: stdout).")
    ] = None,
    title: Annotated[
        str, typer.Option("--title", metavar="TEXT", help="TimelineJS title.")
    ] = "News timeline",
    start: From = None,
    end: To = None,
    text: Text = None,
    document: Docs = None,
    actor: Actors = None,
    tag: Tags = None,
    status: Statuses = None,
    granularity: Grans = None,
    origin: Origins = None,
    deleted: Deleted = False,
    dated_only: NoUnresolved = False,
    db: Db = None,
) -> None:
    """Write the (filtered) events as CSV, JSON Lines or TimelineJS JSON."""
    q = build_query(start, end, text, document, actor, tag, status, granularity, origin, deleted, dated_only)
    with open_store(db) as store:
        n = export(store, q, fmt.value, output, title=title)
    if output is not None:
        typer.echo(f"wrote {n} events to {output}", err=True)


def export(
    store: Store,
    q: EventQuery,
    fmt: str,
    output: Path | None,
    *,
    title: str = "News timeline",
) -> int:
    """Stream the matching events to `output` (or stdout); returns how many were written."""
    from events.io import csv as csv_io
    from events.io import jsonl, timelinejs

    with _output(output) as fp:
        if fmt == "csv":
            return csv_io.write_lines(store.iter_event_csv(q), fp)
        if fmt == "jsonl":
            return jsonl.write_event_json(store.iter_event_json(q), fp)
        doc = timelinejs.to_timelinejs(store.iter_events(q), title=title)
        json.dump(doc, fp, ensure_ascii=False, indent=1)
        fp.write("\n")
        return len(doc["events"])


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    try:
        fp = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from None
    with fp:
        yield fp


@command("import")
def import_events(
    file: Annotated[Path, typer.Argument(help="A .csv or .jsonl written by `timeline export` (or alike).")],
    fmt: Annotated[ImportFormat | None, typer.Option("--format", help="Default: from the extension.")] = None,
    db: Db = None,
    by: By = None,
) -> None:
    """Read events from a file, all or nothing: a bad line refuses the whole file."""
    from events.io import read_file

    rows = read_file(file, fmt.value if fmt else None)
    with open_store(db) as store:
        res = store.import_events(
            [ev for _, ev in rows], labels=[f"{file} line {n}" for n, _ in rows], actor=_user(by)
        )
    typer.echo(f"imported {file}: {res.added} added, {res.updated} updated, {res.unchanged} unchanged")


@command()
def history(event_id: EventId, db: Db = None) -> None:
    """Every change of an event: when, by whom, what changed."""
    with open_store(db) as store:
        changes = store.history(event_id)
    for c in changes:
        who = c.actor or "unknown"
        at = c.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        version = (c.after or {}).get("version", "")
        typer.echo(f"{at}  v{version}  {c.action:<8} by {who}{_diff(c.before, c.after)}")


def _diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    if before is None or after is None:
        return ""
    changed = [k for k in after if k != "version" and before.get(k) != after.get(k)]
    if not changed:
        return ""
    parts = []
    for k in changed:
        a, b = before.get(k), after.get(k)
        if isinstance(a, str | int | float | bool | None) and isinstance(b, str | int | float | bool | None):
            parts.append(f"{k}: {a!r} -> {b!r}")
        else:
            parts.append(k)
    return ": " + "; ".join(parts)
