"""The dashboard's adapter to the library's curation and export functions.

It exists so the callbacks have one small, typed surface: parse a date a person typed, build a
manual event, write an export file. Each function prefers the library's implementation
(`events.curation`, `events.io`) so the dashboard and the CLI agree byte for byte, and keeps a
minimal fallback for when that module is absent.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from events.errors import InputError
from events.models import Event, Source, TimeSpan
from events.query import EventQuery
from events.store import Store


def split_list(text: str | None) -> list[str]:
    """'a; b ;; c' -> ['a', 'b', 'c'] (commas are common inside names, so ';' separates)."""
    return [p.strip() for p in (text or "").split(";") if p.strip()]


def parse_typed_date(text: str | None, end: str | None = None, *, today: dt.date | None = None) -> TimeSpan:
    """A date as a person types it ("early 2014", "Jan 3 2020") -> TimeSpan; InputError if not a date."""
    text = (text or "").strip()
    end = (end or "").strip() or None
    if not text:
        raise InputError("type a date, e.g. 'early 2014' or 'Jan 3 2020'")
    try:
        from events.curation import parse_range
    except ImportError:
        return _fallback_parse(text, end, today or dt.date.today())
    return parse_range(text, end, today)


def _fallback_parse(text: str, end: str | None, today: dt.date) -> TimeSpan:
    from events import tag

    def one(words: str) -> TimeSpan:
        spans = [t.span for t in tag(words, today) if t.span is not None and not t.span.unresolved]
        if not spans:
            raise InputError(f"not a date: {words!r} (try 'early 2014', 'Jan 3 2020' or 2014-03-01)")
        first, last = spans[0], spans[-1]
        if len(spans) == 1:
            return first
        return _range(first, last)

    start = one(text)
    return start if end is None else _range(start, one(end))


def _range(a: TimeSpan, b: TimeSpan) -> TimeSpan:
    if a.start is None or b.end is None or b.end < a.start:
        raise InputError("the end date is before the start date")
    from events.models import GRANULARITY_RANK

    coarser = (
        a.granularity if GRANULARITY_RANK[a.granularity] <= GRANULARITY_RANK[b.granularity] else b.granularity
    )
    return TimeSpan(
        start=a.start,
        end=b.end,
        granularity=coarser,
        value=f"{a.value}/{b.value}",
        edtf=f"{a.edtf or a.value}/{b.edtf or b.value}",
        approximate=a.approximate or b.approximate,
    )


def manual_event(
    *,
    title: str | None,
    when: TimeSpan,
    description: str | None = None,
    actors: str | None = None,
    tags: str | None = None,
    url: str | None = None,
    quote: str | None = None,
) -> Event:
    """An event typed by a person. pydantic's ValidationError names the field that is wrong."""
    # Same shape as events.curation.manual_event (the CLI's `timeline add`), built here directly so
    # pydantic's ValidationError keeps the field name the form shows the error next to.
    sources = []
    if url or quote:
        sources.append(
            Source(
                document_id="",
                sentence=(quote or "").strip(),
                url=(url or "").strip() or None,
                quote=(quote or "").strip() or None,
            )
        )
    return Event(
        id=_new_id(),
        title=(title or "").strip(),
        when=when,
        sources=sources,
        origin="manual",
        status="accepted",
        confidence=1.0,
        description=(description or "").strip() or None,
        actors=split_list(actors),
        tags=split_list(tags),
        extractor_version=None,
    )


def _new_id() -> str:
    try:
        from events.curation import new_event_id
    except ImportError:
        return f"m-{uuid.uuid4().hex[:16]}"
    return new_event_id()


EXPORT_FORMATS = {"csv": "events.csv", "jsonl": "events.jsonl", "timelinejs": "timeline.json"}


def export_query(
    store: Store, query: EventQuery, fmt: str, *, title: str = "News timeline"
) -> tuple[str, bytes]:
    """(file name, content) of `timeline export` for this query: the CLI's own function writes it,
    so a download from the dashboard and a file from the command line are the same bytes."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use csv, jsonl or timelinejs")
    try:
        from timeline.cli_store import export
    except ImportError:
        return export_bytes(store.iter_events(query), fmt, title=title)
    with tempfile.TemporaryDirectory(prefix="timeline-export-") as tmp:
        path = Path(tmp) / EXPORT_FORMATS[fmt]
        export(store, query, fmt, path, title=title)
        return path.name, path.read_bytes()


def export_bytes(events: Iterable[Event], fmt: str, *, title: str = "News timeline") -> tuple[str, bytes]:
    """(file name, content) of an export in `fmt`, written by the same events.io writers as the CLI."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use csv, jsonl or timelinejs")
    name = EXPORT_FORMATS[fmt]
    try:
        from events.io import csv as csv_io
        from events.io import jsonl
        from events.io.timelinejs import to_timelinejs
    except ImportError:
        return name, _fallback_export(list(events), fmt)
    buf = io.StringIO(newline="")
    if fmt == "csv":
        csv_io.write_events(events, buf)
    elif fmt == "jsonl":
        jsonl.write_events(events, buf)
    else:
        json.dump(to_timelinejs(events, title=title), buf, ensure_ascii=False, indent=1)
        buf.write("\n")
    return name, buf.getvalue().encode("utf-8")


def _fallback_export(events: list[Event], fmt: str) -> bytes:
    if fmt == "jsonl":
        return "".join(e.model_dump_json() + "\n" for e in events).encode("utf-8")
    if fmt == "timelinejs":
        return json.dumps({"events": [_tljs(e) for e in events if e.when.start]}, ensure_ascii=False).encode()
    rows = [e.to_row() for e in events]
    buf = io.StringIO()
    fields = list(rows[0]) if rows else list(_EMPTY_ROW_KEYS)
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


_EMPTY_ROW_KEYS = ("id", "title", "start", "end", "granularity", "value", "edtf")


def _tljs(e: Event) -> dict[str, Any]:
    def date(d: dt.date) -> dict[str, str]:
        return {"year": str(d.year), "month": str(d.month), "day": str(d.day)}

    assert e.when.start and e.when.end
    return {
        "unique_id": e.id,
        "start_date": date(e.when.start),
        "end_date": date(e.when.end),
        "text": {"headline": e.title, "text": e.source.sentence if e.source else ""},
    }
