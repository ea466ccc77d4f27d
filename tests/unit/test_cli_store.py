"""Every database command through the real CLI (typer's CliRunner), on an SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from events.query import EventQuery
from events.store import Store
from timeline.cli import app


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("TIMELINE_DB_URL", url)
    monkeypatch.setenv("TIMELINE_USER", "tester")
    return url


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, (result.output, result.stderr if hasattr(result, "stderr") else "")
    return result


def _ids(db: str, **q) -> list[str]:
    with Store.open(db) as s:
        return [e.id for e in s.query(EventQuery(**q))]


def _add(title: str = "Troops move", date: str = "January 2020", *more: str) -> str:
    out = run("add", "--title", title, "--date", date, *more).output
    return out.strip().splitlines()[-1].removeprefix("added ")


def test_add_echoes_the_parsed_date_and_stores_a_manual_event(db: str) -> None:
    r = run("add", "--title", "Troops move", "--date", "January 2020", "--tag", "war", "--tag", "x",
            "--source-url", "https://example.org/a", "--quote", "They moved.")  # fmt: skip
    lines = r.output.strip().splitlines()
    assert lines[0] == "January 2020 -> 2020-01-01..2020-01-31 (month)"
    ev_id = lines[1].removeprefix("added ")
    with Store.open(db) as s:
        ev = s.get_event(ev_id)
        assert ev.origin == "manual" and ev.tags == ["war", "x"] and ev.sources[0].quote == "They moved."
        assert s.history(ev_id)[0].actor == "tester"


def test_add_a_range(db: str) -> None:
    r = run("add", "--title", "Siege", "--date", "March 2020", "--end", "May 2020")
    assert "March 2020 to May 2020 -> 2020-03-01..2020-05-31 (month)" in r.output


@pytest.mark.parametrize("date", ["blah", "May", "32 January 2020"])
def test_an_unreadable_date_is_one_line_and_exit_code_2(db: str, date: str) -> None:
    r = run("add", "--title", "x", "--date", date, code=2)
    err = r.stderr.strip()
    assert err.startswith("timeline: ") and "\n" not in err and "Traceback" not in r.output
    assert _ids(db) == []


def test_edit_and_a_stale_edit_is_refused(db: str) -> None:
    ev_id = _add()
    r = run("edit", ev_id, "--title", "Troops withdraw", "--version", "1", "--date", "early 2020")
    assert "early 2020 -> 2020-01-01..2020-04-30 (year, approximate)" in r.output and " v2 " in r.output
    r = run("edit", ev_id, "--title", "Lost", "--version", "1", code=3)
    assert "changed by someone else" in r.stderr
    run("edit", ev_id, "--tag", "a", "--actor", "Ann")  # no --version: the current one
    with Store.open(db) as s:
        ev = s.get_event(ev_id)
    assert (ev.title, ev.version, ev.tags, ev.actors) == ("Troops withdraw", 3, ["a"], ["Ann"])
    run("edit", ev_id, code=2)  # nothing to change
    run("edit", "nope", "--title", "x", code=4)


def test_accept_reject_delete_restore_history(db: str) -> None:
    ev_id = _add()
    assert "rejected" in run("reject", ev_id).output
    assert "accepted" in run("accept", ev_id, "--version", "2").output
    run("reject", ev_id, "--version", "2", code=3)
    assert "timeline restore" in run("delete", ev_id).output
    assert _ids(db) == []
    run("delete", ev_id, code=2)
    run("restore", ev_id)
    assert _ids(db) == [ev_id]
    out = run("history", ev_id).stdout.strip().splitlines()
    assert [line.split()[3] for line in out] == ["create", "status", "status", "delete", "restore"]
    assert "by tester" in out[0] and "status: 'accepted' -> 'rejected'" in out[1]
    run("history", "nope", code=4)


def test_merge(db: str) -> None:
    a = _add("Summit", "2018")
    b = _add("Summit held", "3 January 2018")
    r = run("merge", a, b)
    assert f"merged into {b}" in r.output
    assert _ids(db) == [b]
    run("merge", a, code=2)


def test_list_with_filters_and_formats(db: str) -> None:
    _add("Alpha", "2014", "--tag", "x")
    _add("Beta", "March 2020", "--actor", "Ann")
    _add("Gamma", "2021")
    out = run("list").stdout.strip().splitlines()
    assert [line.split("  ")[-1] for line in out] == ["Alpha", "Beta", "Gamma"]
    jsonl = run("list", "--format", "jsonl", "--from", "2020").stdout.splitlines()
    assert [json.loads(x)["title"] for x in jsonl] == ["Beta", "Gamma"]
    assert (
        "Beta" in run("list", "--actor", "Ann").output and "Alpha" not in run("list", "--actor", "Ann").output
    )
    assert run("list", "--tag", "x", "--to", "2015").output.count("Alpha") == 1
    assert run("list", "--text", "gam").output.count("Gamma") == 1
    r = run("list", "--limit", "1")
    assert "1 of 3 events" in r.stderr
    run("list", "--from", "nonsense", code=2)
    run("list", "--from", "2020", "--to", "2014", code=2)


def test_export_import_round_trip_in_every_format(db: str, tmp_path: Path) -> None:
    _add("=Formula", "2014", "--quote", "'quoted", "--source-url", "https://x.org")
    _add("Beta", "early March 2020", "--actor", "Ann")
    with Store.open(db) as s:
        before = sorted(s.query(EventQuery()), key=lambda e: e.id)
    for fmt in ("csv", "jsonl"):
        out = tmp_path / f"out.{fmt}"
        assert "wrote 2 events" in run("export", "--format", fmt, "-o", str(out)).stderr
        other = f"sqlite:///{tmp_path / f'other-{fmt}.sqlite'}"
        r = run("import", str(out), "--db", other)
        assert "2 added, 0 updated, 0 unchanged" in r.output
        with Store.open(other) as s:
            assert sorted(s.query(EventQuery()), key=lambda e: e.id) == before
        assert "0 added, 0 updated, 2 unchanged" in run("import", str(out)).output
    tl = json.loads(run("export", "--format", "timelinejs", "--title", "Mine").stdout)
    assert tl["title"]["text"]["headline"] == "Mine" and len(tl["events"]) == 2
    assert run("export", "--format", "csv", "--from", "2020").stdout.count("\n") == 2  # header + 1


def test_import_of_a_malformed_file_is_refused_whole(db: str, tmp_path: Path) -> None:
    _add()
    good = tmp_path / "good.csv"
    run("export", "-o", str(good))
    lines = good.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.csv"
    fresh = lines[1].replace("m-", "n-", 1)
    bad.write_text("\r\n".join([lines[0], fresh, fresh.replace("2020-01-01", "2020-01-xx", 1)]) + "\r\n")
    r = run("import", str(bad), code=2)
    assert "bad.csv line 3: start '2020-01-xx' is not a date" in r.stderr
    assert len(_ids(db)) == 1  # the good line 2 was not imported either
    run("import", str(tmp_path / "missing.csv"), code=2)


def test_import_of_a_stale_edit_is_a_conflict(db: str, tmp_path: Path) -> None:
    ev_id = _add()
    out = tmp_path / "out.jsonl"
    run("export", "--format", "jsonl", "-o", str(out))
    run("edit", ev_id, "--title", "Changed in the store")
    edited = out.read_text(encoding="utf-8").replace("Troops move", "Changed in the file")
    out.write_text(edited, encoding="utf-8")
    r = run("import", str(out), code=3)
    assert "line 1" in r.stderr and "export again" in r.stderr


def test_ingest_command(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The plan was announced on 3 March 2020.", encoding="utf-8")
    (folder / "b.txt").write_text("Talks resumed in early 2021 after a pause.", encoding="utf-8")
    (folder / "bad.txt").write_text("", encoding="utf-8")
    r = run("ingest", str(folder), "--published", "2020-06-01", code=1)
    assert "failed: " in r.stderr and "bad.txt" in r.stderr
    assert "2 documents added" in r.output
    (folder / "bad.txt").unlink()
    r = run("ingest", str(folder), "--workers", "2")
    assert "0 documents added (0 events), 2 already stored" in r.output
    run("ingest", str(folder), "--published", "June 2020", code=2)


def test_a_bad_database_url_is_one_line(tmp_path: Path) -> None:
    r = run("list", "--db", "nonsense", code=2)
    assert r.stderr.startswith("timeline: not a database URL")


def test_settings_argument_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.settings import load_settings

    monkeypatch.delenv("TIMELINE_DB_URL", raising=False)
    default = load_settings().db_url
    assert default.startswith("sqlite:///") and "news-timeline" in default
    monkeypatch.setenv("TIMELINE_DB_URL", "sqlite:///from-env.sqlite")
    monkeypatch.setenv("TIMELINE_WORKERS", "3")
    assert load_settings().db_url == "sqlite:///from-env.sqlite"
    assert load_settings(db_url="sqlite:///arg.sqlite", workers=None).db_url == "sqlite:///arg.sqlite"
    assert load_settings().workers == 3 and load_settings(workers=1).workers == 1


def test_db_option_beats_the_environment(db: str, tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'other.sqlite'}"
    run("add", "--title", "Elsewhere", "--date", "2014", "--db", other)
    assert _ids(db) == [] and len(_ids(other)) == 1


def test_a_database_error_is_one_line(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    def locked(*a, **k):
        raise OperationalError("INSERT ...", {}, Exception("database is locked\nmore"))

    monkeypatch.setattr(Store, "add_event", locked)
    r = run("add", "--title", "x", "--date", "2014", code=1)
    assert r.stderr.strip() == "timeline: database error: database is locked"
