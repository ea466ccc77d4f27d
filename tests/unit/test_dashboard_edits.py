"""The dashboard's write-side helpers: what a table edit changes, upload limits, form errors."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from pydantic import ValidationError

from events.errors import InputError
from timeline.curate import export_bytes, manual_event, parse_typed_date, split_list
from timeline.edits import cell_change, field_errors, read_upload


def data_url(raw: bytes) -> str:
    return "data:text/plain;base64," + base64.b64encode(raw).decode()


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("title", "  New title ", {"title": "New title"}),
        ("tags", "iraq; us forces ;; ", {"tags": ["iraq", "us forces"]}),
        ("tags", "", {"tags": []}),
    ],
)
def test_cell_change(column: str, value: str, expected: dict) -> None:  # type: ignore[type-arg]
    assert cell_change(column, value) == expected


def test_a_typed_date_becomes_a_span() -> None:
    when = cell_change("date", "early 2014")["when"]
    assert (when.start, when.granularity, when.approximate) == (dt.date(2014, 1, 1), "year", True)


@pytest.mark.parametrize(("column", "value"), [("title", "   "), ("date", "someday"), ("status", "accepted")])
def test_bad_cells_are_refused_with_one_line(column: str, value: str) -> None:
    with pytest.raises(InputError) as err:
        cell_change(column, value)
    assert "\n" not in str(err.value)


def test_uploads_are_capped_and_typed() -> None:
    assert read_upload(data_url(b"hello"), "a.md", 10) == ("a.md", b"hello")
    with pytest.raises(InputError, match="limit"):
        read_upload(data_url(b"x" * 11), "a.txt", 10)
    with pytest.raises(InputError, match=r"\.txt, \.md or \.html"):
        read_upload(data_url(b"x"), "a.exe", 10)
    with pytest.raises(InputError, match="could not be read"):
        read_upload("no comma here", "a.txt", 10)


def test_form_errors_name_their_field() -> None:
    with pytest.raises(ValidationError) as err:
        manual_event(title="", when=parse_typed_date("2014"))
    assert list(field_errors(err.value)) == ["title"]


def test_manual_events_keep_their_citation() -> None:
    ev = manual_event(
        title="Vote", when=parse_typed_date("Jan 3 2020"), url="https://x.y/a", quote="it passed", tags="a; b"
    )
    assert ev.origin == "manual" and ev.tags == ["a", "b"]
    assert ev.source is not None and ev.source.url == "https://x.y/a" and ev.source.quote == "it passed"
    assert split_list(" a ;b; ") == ["a", "b"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "timelinejs"])
def test_exports_are_the_library_writers(fmt: str) -> None:
    ev = manual_event(title="Vote", when=parse_typed_date("2014"))
    name, data = export_bytes([ev], fmt)
    assert name.endswith((".csv", ".jsonl", ".json")) and ev.id.encode() in data


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "timelinejs"])
def test_downloads_are_the_cli_export(tmp_path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from events.query import EventQuery
    from events.store import Store
    from timeline.cli_store import export
    from timeline.curate import export_query

    store = Store.open(f"sqlite:///{tmp_path / 'x.sqlite'}")
    store.add_event(manual_event(title="Vote <b>", when=parse_typed_date("Jan 3 2020"), tags="a"))
    cli_file = tmp_path / "cli.out"
    export(store, EventQuery(), fmt, cli_file)
    assert export_query(store, EventQuery(), fmt)[1] == cli_file.read_bytes()
    store.close()
