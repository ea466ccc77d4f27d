"""CSV export/import: exactly Event.to_row(), lossless round trip, formula neutralisation, and
malformed files refused whole with the line and the reason."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from store_helpers import make_event

from events.curation import manual_event, parse_date
from events.errors import InputError
from events.io import csv as csv_io
from events.io import read_file
from events.models import Event, Source
from events.query import EventQuery
from events.store import Store

D2014 = __import__("datetime").date(2014, 1, 1)


def _tricky_events() -> list[Event]:
    return [
        make_event("multi", n_sources=3, actors=["Ann", "Bo"], tags=["war", "peace"], confidence=0.5),
        make_event("formula", title='=HYPERLINK("http://evil")', sentence="+1 said -2 @home\tand\rmore"),
        make_event("apostrophe", title="'quoted' title", description="'=already", conflict="-5 vs 6"),
        make_event(
            "unicode", title="Élection à Marseille — “quoted”, 日本", sentence='A "comma, quote"\nnewline.'
        ),
        make_event("unresolved", None, title="Wednesday talks"),
        make_event("nosource", "2014-01-01", "2014-12-31", granularity="year").model_copy(
            update={"sources": []}
        ),
        manual_event(
            "Manual one", parse_date("early 2014"), source_url="https://x.org", quote="@someone said"
        ),
        make_event(
            "range", "2007-01-01", "2011-12-31", granularity="year", status="rejected", description="d"
        ),
    ]


def _write(events: list[Event]) -> str:
    buf = io.StringIO(newline="")
    csv_io.write_events(events, buf)
    return buf.getvalue()


def test_header_is_exactly_the_to_row_keys_and_one_row_per_event() -> None:
    events = _tricky_events()
    rows = list(csv.reader(io.StringIO(_write(events), newline="")))
    assert tuple(rows[0]) == tuple(events[0].to_row())
    assert len(rows) == 1 + len(events)
    design_keys = {"id", "title", "start", "end", "granularity", "value", "edtf", "date_text", "sentence",
                   "sentence_start", "sentence_end", "document_id", "origin", "confidence"}  # fmt: skip
    assert design_keys <= set(rows[0])
    multi = dict(zip(rows[0], rows[1], strict=True))
    assert multi["document_ids"] == "doc1 | doc1-1 | doc1-2" and multi["n_sources"] == "3"


def test_round_trip_of_our_own_export_is_lossless() -> None:
    events = _tricky_events()
    back = [ev for _, ev in csv_io.read_events(io.StringIO(_write(events), newline=""))]
    assert back == events


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("''", "'''"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_neutralisation_is_reversible(cell: str, written: str) -> None:
    assert csv_io.neutralise(cell) == written
    assert csv_io.restore(written) == cell


def test_text_cells_are_neutralised_in_the_file_and_numbers_are_not() -> None:
    ev = make_event("=id", title="=cmd|' /C calc'!A0", sentence="-minus", actors=["@bob"])
    rows = list(csv.DictReader(io.StringIO(_write([ev]), newline="")))
    r = rows[0]
    assert r["id"] == "'=id" and r["title"].startswith("'=") and r["sentence"] == "'-minus"
    assert r["actors"] == "'@bob"
    assert r["confidence"] == "1.0" and r["sentence_start"] == "0" and r["start"] == "2020-01-01"
    assert not any(v.startswith(("=", "+", "-", "@")) for v in r.values())


def test_store_to_csv_to_fresh_store_round_trip(store: Store, tmp_path: Path) -> None:
    events = _tricky_events()
    store.bulk_add_events(events)
    out = tmp_path / "out.csv"
    with open(out, "w", encoding="utf-8", newline="") as fp:
        csv_io.write_events(store.iter_events(EventQuery()), fp)
    with Store.open(f"sqlite:///{tmp_path / 'other.sqlite'}") as other:
        rows = read_file(out)
        res = other.import_events([e for _, e in rows])
        assert res.added == len(events)
        assert sorted(other.query(EventQuery()), key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
    again = store.import_events([e for _, e in read_file(out)])
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(events))


HEADER = ",".join(csv_io.COLUMNS)
GOOD = _write([make_event("g1")]).splitlines()[1]


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("", 1, "empty"),
        ("id,title,when\r\nx,y,z\r\n", 1, "unknown column"),
        ("id,title\r\nx,y\r\n", 1, "missing column"),
        ("id,title,start,end,granularity,value,id\r\n", 1, "repeated column"),
        (f"{HEADER}\r\n{GOOD}\r\n{GOOD.replace('g1', 'g2', 1)},extra\r\n", 3, "fields where the header has"),
        (f"{HEADER}\r\n{GOOD}\r\n{GOOD.replace('2020-01-01', '2020-02-30', 1)}\r\n", 3, "not a date"),
        (f"{HEADER}\r\n{GOOD.replace('day', 'fortnight', 1)}\r\n", 2, "granularity"),
        (f"{HEADER}\r\n{GOOD.replace('False', 'maybe', 1)}\r\n", 2, "true or false"),
        (f'{HEADER}\r\n{GOOD}\r\n"g3,"broken"quote\r\n', 3, "broken CSV"),
        (f'{HEADER}\r\n"g3,never closed\r\n', 2, "broken CSV"),
        (f"{HEADER}\r\n{GOOD.replace('Event g1', 'x' * 200_000, 1)}\r\n", 2, "longer than"),
        (f"{HEADER}\r\n{GOOD.replace(',1,,', ',one,,', 1)}\r\n", 2, "whole number"),
    ],
)
def test_malformed_csv_is_refused_whole_with_line_and_reason(
    store: Store, tmp_path: Path, content: str, line: int, reason: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8", newline="")
    with pytest.raises(InputError, match=reason) as err:
        read_file(path)
    assert f"bad.csv line {line}:" in str(err.value) or (line == 1 and "bad.csv" in str(err.value))
    assert "\n" not in str(err.value)
    assert store.count(EventQuery(include_deleted=True)) == 0


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes((HEADER + "\r\n" + GOOD.replace("Event g1", "Élection") + "\r\n").encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_file(path)


def test_a_spreadsheet_file_with_fewer_columns_still_imports() -> None:
    text = "id,title,start,end,granularity,value\r\nx1,Talks,2014-01-01,2014-12-31,year,2014\r\n"
    [(line, ev)] = csv_io.read_events(io.StringIO(text, newline=""))
    assert line == 2 and ev.when.granularity == "year" and ev.sources == [] and ev.version == 1


def test_bom_and_manual_source_without_document() -> None:
    ev = Event(id="m1", title="T", when=parse_date("2014"), origin="manual",
               sources=[Source(document_id="", url="https://x.org")])  # fmt: skip
    text = "\ufeff" + _write([ev])
    assert [e for _, e in csv_io.read_events(io.StringIO(text.lstrip("\ufeff"), newline=""))] == [ev]


def test_a_nul_character_is_refused_with_its_line() -> None:
    bad = GOOD.replace("Event g1", "Event\x00g2", 1).replace("g1", "g2", 1)
    text = f"{HEADER}\r\n{GOOD}\r\n{bad}\r\n"
    with pytest.raises(InputError, match="input line 3: a field holds a NUL"):
        csv_io.read_events(io.StringIO(text, newline=""))


@pytest.mark.parametrize("workers", [1, 2])
def test_export_from_stored_json_is_the_same_file(store: Store, workers: int) -> None:
    store.bulk_add_events(_tricky_events())
    direct = io.StringIO(newline="")
    csv_io.write_events(store.iter_events(EventQuery()), direct)
    fast = io.StringIO(newline="")
    n = csv_io.write_event_json(store.iter_event_json(EventQuery()), fast, workers=workers, batch=3)
    assert n == len(_tricky_events()) and fast.getvalue() == direct.getvalue()


def test_stored_csv_lines_match_write_events_after_edits_and_when_stale(store: Store) -> None:
    from sqlalchemy import update

    from events.store import schema

    events = _tricky_events()
    store.bulk_add_events(events)
    store.update_event("multi", 1, {"title": "=changed", "tags": ["z"]})
    store.delete_event("range")

    def both(q: EventQuery) -> tuple[str, str]:
        direct, fast = io.StringIO(newline=""), io.StringIO(newline="")
        csv_io.write_events(store.iter_events(q), direct)
        csv_io.write_lines(store.iter_event_csv(q), fast)
        return direct.getvalue(), fast.getvalue()

    for q in (EventQuery(), EventQuery(include_deleted=True), EventQuery(start=D2014, limit=2)):
        a, b = both(q)
        assert a == b
    assert "'=changed" in both(EventQuery())[1]
    with store._write() as conn:  # rows made by an older format are remade, never served
        conn.execute(update(schema.events).values(csv_key="old", csv_row="stale,row\r\n"))
    a, b = both(EventQuery())
    assert a == b and "stale" not in b
