"""CSV: exactly the rows of `Event.to_row()`, UTF-8, one header line, one row per event.

Several sources: the first source's provenance fills the named columns (`document_id`,
`sentence`, ...), `document_ids` lists every source's document joined with " | " for people, and
`more_sources` holds the other sources as JSON so an import reads the event back whole.

Spreadsheet formulas are neutralised with one unambiguous rule, applied to text cells only:
on export, a cell that starts with = + - @ tab, carriage return *or an apostrophe* gets one more
apostrophe in front; on import, a text cell that starts with an apostrophe loses exactly one. So
"=1+1" is written "'=1+1", "'quoted" is written "''quoted", and both read back as they were.
Numeric and boolean columns (offsets, counts, confidence, version, flags) and ISO dates are not
text: they are written as they are and never carry an apostrophe.

Speed: the store keeps each event's line (`csv_line`) next to its JSON, made when the event is
written and keyed by `ROW_KEY` (columns, `Event.to_row` source, this rule), so an export streams
lines (`write_lines(store.iter_event_csv(q), fp)`) and remakes only lines of another format.

What a CSV does not keep exactly: `confidence` is rounded to 3 decimals by `to_row`, and actors or
tags that themselves contain "; " are split there on import. JSON Lines keeps everything.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import csv
import datetime as dt
import hashlib
import inspect
import io
import json
from collections.abc import Iterable
from typing import IO, Any

from pydantic import ValidationError

from events.batching import chunks
from events.errors import InputError
from events.models import Event, Source, TimeSpan

_SAMPLE = Event(
    id="x", title="x", when=TimeSpan(start=dt.date(2000, 1, 1), end=dt.date(2000, 1, 1), value="x")
)
COLUMNS: tuple[str, ...] = tuple(_SAMPLE.to_row())
NON_TEXT = frozenset(
    {
        "start", "end", "published",
        "approximate", "relative", "unresolved",
        "sentence_start", "sentence_end", "date_start", "date_end",
        "n_sources", "confidence", "version",
    }
)  # fmt: skip
TEXT_COLUMNS = frozenset(c for c in COLUMNS if c not in NON_TEXT)
REQUIRED = ("id", "title", "start", "end", "granularity", "value")
DERIVED = frozenset({"document_ids"})  # recomputed from the sources, ignored on import
_DANGER = ("=", "+", "-", "@", "\t", "\r", "'")
MAX_FIELD = csv.field_size_limit()
HEADER_LINE = ",".join(COLUMNS) + "\r\n"  # plain names: none needs quoting
_RULE = "neutralise: = + - @ tab CR ' -> one more leading apostrophe; v1"
# A stored row is served only when it was made by exactly this format.
try:
    _TO_ROW_SOURCE = inspect.getsource(Event.to_row)
except (OSError, TypeError):  # no source shipped: columns and rule still key the format
    _TO_ROW_SOURCE = "unknown"
ROW_KEY = hashlib.sha256("\n".join([*COLUMNS, _TO_ROW_SOURCE, _RULE]).encode()).hexdigest()[:32]


def neutralise(cell: str) -> str:
    """Export side of the rule: one apostrophe before a text cell a spreadsheet could evaluate."""
    return "'" + cell if cell.startswith(_DANGER) else cell


def restore(cell: str) -> str:
    """Import side: exactly one leading apostrophe removed."""
    return cell[1:] if cell.startswith("'") else cell


_TEXT_INDEX = tuple(i for i, c in enumerate(COLUMNS) if c in TEXT_COLUMNS)


def _cells(row: dict[str, Any]) -> list[Any]:
    # The csv module writes None as "" and other values with str(); only text cells need a look.
    out = [row.get(c, "") for c in COLUMNS]
    for i in _TEXT_INDEX:
        v = out[i]
        if v.__class__ is str and v.startswith(_DANGER):
            out[i] = "'" + v
    return out


def csv_line(ev: Event) -> str:
    """One event's CSV row as text (with its line end): what the store keeps in `csv_row`."""
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerow(_cells(ev.to_row()))
    return buf.getvalue()


def write_lines(lines: Iterable[str], fp: IO[str]) -> int:
    """Header plus ready-made rows (`Store.iter_event_csv`): the fast path of an export."""
    fp.write(HEADER_LINE)
    n = 0
    for line in lines:
        fp.write(line)
        n += 1
    return n


def write_events(events: Iterable[Event], fp: IO[str]) -> int:
    """Header plus one row per event; returns the number of rows. Open `fp` with newline=""."""
    w = csv.writer(fp, lineterminator="\r\n")
    w.writerow(COLUMNS)
    n = 0
    for ev in events:
        w.writerow(_cells(ev.to_row()))
        n += 1
    return n


def rows_of_json(raw_events: list[str]) -> str:
    """CSV rows (no header) for events given as their JSON text: the unit of parallel export."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    for raw in raw_events:
        w.writerow(_cells(Event.model_validate_json(raw).to_row()))
    return buf.getvalue()


def write_event_json(raw_events: Iterable[str], fp: IO[str], *, workers: int = 1, batch: int = 5000) -> int:
    """`write_events` for events as stored JSON text (`Store.iter_event_json`), the rows made by
    `workers` processes in batches; output order is input order. Returns the number of rows."""
    fp.write(HEADER_LINE)
    n = 0
    batches = chunks(raw_events, batch)
    if workers <= 1:
        for chunk in batches:
            fp.write(rows_of_json(chunk))
            n += len(chunk)
        return n
    pending: collections.deque[tuple[int, cf.Future[str]]] = collections.deque()
    with cf.ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk in batches:
            pending.append((len(chunk), pool.submit(rows_of_json, chunk)))
            if len(pending) >= 2 * workers:
                size, fut = pending.popleft()
                fp.write(fut.result())
                n += size
        while pending:
            size, fut = pending.popleft()
            fp.write(fut.result())
            n += size
    return n


def _bool(v: str, col: str) -> bool:
    low = v.strip().lower()
    if low in ("true", "1", "yes"):
        return True
    if low in ("false", "0", "no", ""):
        return False
    raise ValueError(f"{col} should be true or false, not {v!r}")


def _int(v: str, col: str) -> int | None:
    if v.strip() == "":
        return None
    try:
        return int(v)
    except ValueError:
        raise ValueError(f"{col} should be a whole number, not {v!r}") from None


def _date(v: str, col: str) -> dt.date | None:
    if v.strip() == "":
        return None
    try:
        return dt.date.fromisoformat(v.strip())
    except ValueError:
        raise ValueError(f"{col} {v!r} is not a date (YYYY-MM-DD)") from None


def _split(v: str) -> list[str]:
    return [p for p in v.split("; ") if p] if v else []


def row_to_event(row: dict[str, str]) -> Event:
    """One CSV row (as read, apostrophes still on) -> Event. ValueError says what is wrong."""
    g = {k: (restore(v) if k in TEXT_COLUMNS else v) for k, v in row.items()}
    start, end = _date(g.get("start", ""), "start"), _date(g.get("end", ""), "end")
    unresolved = _bool(g.get("unresolved", ""), "unresolved") or start is None or end is None
    when = TimeSpan(
        start=start,
        end=end,
        granularity=g.get("granularity") or "day",  # type: ignore[arg-type]
        value=g.get("value", ""),
        edtf=g.get("edtf", ""),
        approximate=_bool(g.get("approximate", ""), "approximate"),
        relative=_bool(g.get("relative", ""), "relative"),
        unresolved=unresolved,
        anchor=g.get("anchor") or None,
        mod=g.get("mod") or None,
    )
    n_sources = _int(g.get("n_sources", ""), "n_sources")
    first_fields = ("document_id", "sentence", "url", "quote", "date_text", "source_title")
    has_first = n_sources > 0 if n_sources is not None else any(g.get(k) for k in first_fields)
    sources: list[Source] = []
    if has_first:
        sources.append(
            Source(
                document_id=g.get("document_id", ""),
                sentence=g.get("sentence", ""),
                sentence_start=_int(g.get("sentence_start", ""), "sentence_start") or 0,
                sentence_end=_int(g.get("sentence_end", ""), "sentence_end") or 0,
                date_text=g.get("date_text") or None,
                date_start=_int(g.get("date_start", ""), "date_start"),
                date_end=_int(g.get("date_end", ""), "date_end"),
                url=g.get("url") or None,
                title=g.get("source_title") or None,
                published=_date(g.get("published", ""), "published"),
                quote=g.get("quote") or None,
            )
        )
    more = g.get("more_sources", "")
    if more:
        try:
            extra = json.loads(more)
        except json.JSONDecodeError as err:
            raise ValueError(f"more_sources is not valid JSON ({err.msg})") from None
        if not isinstance(extra, list):
            raise ValueError("more_sources should be a JSON list of sources")
        sources.extend(Source.model_validate(s) for s in extra)
    if n_sources is not None and n_sources != len(sources):
        raise ValueError(f"n_sources says {n_sources} but the row holds {len(sources)}")
    confidence = g.get("confidence", "").strip()
    version = _int(g.get("version", ""), "version")
    return Event(
        id=g.get("id", ""),
        title=g.get("title", ""),
        when=when,
        sources=sources,
        origin=g.get("origin") or "extracted",  # type: ignore[arg-type]
        status=g.get("status") or "review",  # type: ignore[arg-type]
        confidence=float(confidence) if confidence else 1.0,
        description=g.get("description") or None,
        actors=_split(g.get("actors", "")),
        tags=_split(g.get("tags", "")),
        conflict=g.get("conflict") or None,
        extractor_version=g.get("extractor_version") or None,
        version=version if version is not None else 1,
    )


def _reason(err: Exception) -> str:
    if isinstance(err, ValidationError):
        first = err.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where + ': ' if where else ''}{first.get('msg', 'invalid')}"
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def read_events(fp: IO[str], name: str = "input") -> list[tuple[int, Event]]:
    """Every row of a CSV as (line number, Event). The first problem refuses the whole file:
    InputError "NAME line N: reason" (wrong or missing columns, broken quoting, a field over
    the size limit, bad dates or values)."""
    reader = csv.reader(fp, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{name}: the file is empty; expected a header line")
        header = [h.strip() for h in header]
        unknown = [h for h in header if h not in COLUMNS]
        missing = [c for c in REQUIRED if c not in header]
        dupes = sorted({h for h in header if header.count(h) > 1})
        if unknown or missing or dupes:
            parts = []
            if unknown:
                parts.append(f"unknown column(s) {', '.join(map(repr, unknown[:5]))}")
            if missing:
                parts.append(f"missing column(s) {', '.join(missing)}")
            if dupes:
                parts.append(f"repeated column(s) {', '.join(dupes)}")
            raise InputError(f"{name} line 1: {'; '.join(parts)} (expected the columns of `timeline export`)")
        out: list[tuple[int, Event]] = []
        for cells in reader:
            line = reader.line_num
            if not cells or cells == [""]:
                continue
            if len(cells) != len(header):
                raise InputError(
                    f"{name} line {line}: {len(cells)} fields where the header has {len(header)}"
                )
            if any("\x00" in c for c in cells):  # Python's csv accepts NUL; PostgreSQL text cannot hold it
                raise InputError(f"{name} line {line}: a field holds a NUL character (a corrupted file?)")
            try:
                out.append((line, row_to_event(dict(zip(header, cells, strict=True)))))
            except (ValueError, TypeError) as err:
                raise InputError(f"{name} line {line}: {_reason(err)}") from None
        return out
    except csv.Error as err:
        msg = str(err)
        if "field larger than field limit" in msg:
            msg = f"a field is longer than {MAX_FIELD} characters"
        raise InputError(f"{name} line {reader.line_num}: broken CSV ({msg})") from None
    except UnicodeDecodeError:
        raise InputError(f"{name} line {reader.line_num + 1}: not UTF-8 text") from None
