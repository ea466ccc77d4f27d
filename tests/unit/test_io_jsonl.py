"""JSON Lines: lossless, one event per line; a bad line refuses the file with its number."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from store_helpers import make_event

from events.errors import InputError
from events.io import jsonl, read_file
from events.query import EventQuery
from events.store import Store


def test_round_trip_keeps_every_source_and_field(store: Store, tmp_path: Path) -> None:
    events = [
        make_event("a", n_sources=4, confidence=0.123456, actors=["x; y"], tags=["t"]),
        make_event("b", None),
    ]
    store.bulk_add_events(events)
    path = tmp_path / "out.jsonl"
    with open(path, "w", encoding="utf-8") as fp:
        assert jsonl.write_event_json(store.iter_event_json(EventQuery()), fp) == 2
    assert [e for _, e in read_file(path)] == events
    buf = io.StringIO()
    jsonl.write_events(events, buf)
    assert [e for _, e in jsonl.read_events(io.StringIO(buf.getvalue()))] == events


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json}\n", "line 2"),
        ('{"id": "x"}\n', "line 2: title"),
        (
            '{"id": "x", "title": "t", "when": {"start": "2020-02-30", "end": "2020-03-01", "value": "x"}}\n',
            "line 2",
        ),
    ],
)
def test_bad_line_refuses_the_file(tmp_path: Path, content: str, reason: str) -> None:
    good = make_event("ok").model_dump_json()
    path = tmp_path / "bad.jsonl"
    path.write_text(good + "\n" + content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read_file(path)


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the format"):
        read_file(tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "missing.csv")


def test_a_nul_character_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    line = make_event("x", title="a-b").model_dump_json().replace("a-b", "a\\u0000b")
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: a field holds a NUL"):
        read_file(path)
