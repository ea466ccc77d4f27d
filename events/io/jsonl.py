"""JSON Lines: one `Event.model_dump_json()` per line. Lossless: every source, every field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from pydantic import ValidationError

from events.errors import InputError
from events.models import Event


def write_events(events: Iterable[Event], fp: IO[str]) -> int:
    n = 0
    for ev in events:
        fp.write(ev.model_dump_json())
        fp.write("\n")
        n += 1
    return n


def write_event_json(lines: Iterable[str], fp: IO[str]) -> int:
    """The fast path for stored events: their JSON text as the store holds it, one per line."""
    n = 0
    for raw in lines:
        fp.write(raw)
        fp.write("\n")
        n += 1
    return n


def read_events(fp: IO[str], name: str = "input") -> list[tuple[int, Event]]:
    """Every event of the file with its line number; InputError for the first bad line."""
    out: list[tuple[int, Event]] = []
    lineno = 0
    try:
        for lineno, line in enumerate(fp, 1):
            if not line.strip():
                continue
            if "\x00" in line or "\\u0000" in line:
                raise InputError(f"{name} line {lineno}: a field holds a NUL character (a corrupted file?)")
            try:
                out.append((lineno, Event.model_validate_json(line)))
            except ValidationError as err:
                first = err.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ()))
                reason = first.get("msg", "invalid")
                raise InputError(f"{name} line {lineno}: {where + ': ' if where else ''}{reason}") from None
    except UnicodeDecodeError:
        raise InputError(f"{name} line {lineno + 1}: not UTF-8 text") from None
    return out
