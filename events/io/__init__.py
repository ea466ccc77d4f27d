"""Export and import: CSV (spreadsheets), JSON Lines (lossless), TimelineJS JSON (export only).

    >>> from events.io import csv as csv_io
    >>> csv_io.write_events(events, fp)          # header = Event.to_row() keys
    >>> csv_io.read_events(fp, name="x.csv")     # [(line, Event)], InputError names the line

`read_file(path)` picks the reader by extension; each reader refuses a malformed file whole
(InputError naming the line and the reason) before anything reaches the store.
"""

from __future__ import annotations

from pathlib import Path

from events.errors import InputError
from events.models import Event

FORMATS = ("csv", "jsonl", "timelinejs")


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    raise InputError(f"{path}: cannot tell the format from {suffix or 'no extension'!r}; use .csv or .jsonl")


def read_file(path: str | Path, fmt: str | None = None) -> list[tuple[int, Event]]:
    """(line number, Event) for each event in a CSV or JSON Lines file; all or nothing."""
    from events.io import csv as csv_io
    from events.io import jsonl

    fmt = fmt or format_of(path)
    if fmt not in ("csv", "jsonl"):
        raise InputError(f"cannot import {fmt!r}; import reads csv or jsonl")
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fp:
            return csv_io.read_events(fp, name) if fmt == "csv" else jsonl.read_events(fp, name)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
