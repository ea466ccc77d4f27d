"""Cross-article merging wired into the store: the same event reported by several articles becomes
one event with several sources, whichever article came first; a finer date refines a coarser one;
a date that cannot be true with the other is flagged on both, not merged; nothing a person touched
is changed. Real extraction of real sentences, on SQLite and PostgreSQL (the `store` fixture)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from events.dedupe import AUTO_MERGE, merge_all, merge_pending, plan, year_windows
from events.ingest import ingest
from events.models import Event
from events.query import EventQuery
from events.store import Store
from timeline.cli import app

PUBLISHED = dt.date(2020, 1, 8)
ARTICLES = {
    "day": "The Iraqi parliament passed a resolution demanding the departure of US troops on 5 January "
    "2020, officials said.",
    "day-again": "On 5 January 2020, Iraq's parliament passed a resolution demanding the departure of US "
    "troops.",
    "month": "Iraqi parliament passed a resolution in January 2020 demanding the departure of US troops.",
    "other-day": "The Iraqi parliament passed a resolution demanding the departure of US troops on 7 "
    "January 2020.",
    "unrelated": "The central bank raised interest rates on 5 January 2020.",
}


def write(folder: Path, *names: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        p = folder / f"{name}.txt"
        p.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(str(p))
    return paths


def run(store: Store, folder: Path, *names: str, merge: bool = True) -> Any:
    report = ingest(write(folder, *names), store, published=PUBLISHED, progress=False, merge=merge)
    assert report.ok
    return report


def live(store: Store) -> list[Event]:
    return store.query(EventQuery())


def parliament(store: Store) -> list[Event]:
    return [e for e in live(store) if "parliament" in e.title.lower()]


def shape(events: list[Event]) -> list[tuple[Any, ...]]:
    """What must not depend on the order articles came in (not versions or audit times)."""
    return sorted(
        (
            e.id,
            e.when.start,
            e.when.end,
            e.when.granularity,
            tuple(s.document_id for s in e.sources),
            e.conflict,
        )
        for e in events
    )


@pytest.mark.parametrize(
    ("first", "second", "start", "end"),
    [
        pytest.param("day", "day-again", "2020-01-05", "2020-01-05", id="same day"),
        pytest.param("month", "day", "2020-01-05", "2020-01-05", id="a finer date refines"),
        pytest.param("day", "month", "2020-01-05", "2020-01-05", id="finer date first"),
    ],
)
def test_two_articles_reporting_one_event_give_one_event_with_two_sources(
    store: Store, tmp_path: Path, first: str, second: str, start: str, end: str
) -> None:
    run(store, tmp_path / "1", first)
    report = run(store, tmp_path / "2", second)
    assert report.merged is not None and report.merged.groups == 1 and report.merged.merged_away == 1
    [ev] = parliament(store)
    assert len(ev.sources) == 2 and len({s.document_id for s in ev.sources}) == 2
    assert (str(ev.when.start), str(ev.when.end)) == (start, end)
    assert ev.conflict is None
    assert [c.actor for c in store.history(ev.id)][-1] == AUTO_MERGE
    assert "1 report merged into 1 event" in report.summary()


@pytest.mark.parametrize(
    "order",
    [
        pytest.param(["day", "month", "day-again"], id="day month day"),
        pytest.param(["day-again", "day", "month"], id="day day month"),
        pytest.param(["month", "day-again", "day"], id="month first"),
    ],
)
def test_the_order_articles_arrive_in_does_not_change_the_result(
    store: Store, tmp_path: Path, order: list[str]
) -> None:
    for i, name in enumerate(order):
        run(store, tmp_path / str(i), name, "unrelated" if i == 0 else name)
    # The reference: all at once into a fresh store.
    with Store.open(f"sqlite:///{tmp_path / 'ref.sqlite'}") as ref:
        run(ref, tmp_path / "all", "day", "day-again", "month", "unrelated")
        assert shape(live(store)) == shape(live(ref))
    [ev] = parliament(store)
    assert len(ev.sources) == 3


def test_a_conflicting_date_is_flagged_on_both_not_merged(store: Store, tmp_path: Path) -> None:
    run(store, tmp_path / "1", "day")
    report = run(store, tmp_path / "2", "other-day")
    assert report.merged is not None and report.merged.groups == 0 and report.merged.conflicts == 2
    a, b = sorted(parliament(store), key=lambda e: e.when.start or dt.date.min)
    assert (a.when.start, b.when.start) == (dt.date(2020, 1, 5), dt.date(2020, 1, 7))
    assert a.conflict and b.id in a.conflict and b.conflict and a.id in b.conflict
    again = merge_all(store)  # idempotent: the notes are there already
    assert (again.groups, again.conflicts) == (0, 0)


def _accept(store: Store, ev: Event) -> None:
    store.set_status(ev.id, "accepted", ev.version, actor="ann")


def _reject(store: Store, ev: Event) -> None:
    store.set_status(ev.id, "rejected", ev.version, actor="ann")


def _edit(store: Store, ev: Event) -> None:
    store.update_event(ev.id, ev.version, {"title": "Parliament votes US troops out"}, actor="ann")


def _edit_back_to_review(store: Store, ev: Event) -> None:
    """Edited, then sent back to review: still a person's work, so still left alone."""
    ev = store.update_event(ev.id, ev.version, {"tags": ["checked"]}, actor=None)
    store.set_status(ev.id, "review", ev.version, actor=None)


@pytest.mark.parametrize("touch", [_accept, _reject, _edit, _edit_back_to_review])
def test_an_event_a_person_touched_is_left_alone(store: Store, tmp_path: Path, touch: Any) -> None:
    run(store, tmp_path / "1", "day")
    [mine] = parliament(store)
    touch(store, mine)
    kept = store.get_event(mine.id)
    report = run(store, tmp_path / "2", "day-again")
    assert report.merged is not None and report.merged.groups == 0
    assert store.get_event(mine.id) == kept and not store.is_deleted(mine.id)
    assert len(parliament(store)) == 2


def test_manual_events_are_never_merged(store: Store, tmp_path: Path) -> None:
    from events.curation import manual_event, parse_date

    run(store, tmp_path / "1", "day")
    typed = manual_event(
        "Iraqi parliament passed resolution demanding departure of US troops",
        parse_date("5 January 2020"),
        status="review",
    )
    store.add_event(typed)
    assert merge_all(store).groups == 0
    assert store.get_event(typed.id) == typed


def test_a_run_that_did_not_merge_is_merged_by_the_next_one(store: Store, tmp_path: Path) -> None:
    """An interrupted run (or one without merging) leaves its documents pending; the next merging
    run takes them along, wherever their years are."""
    run(store, tmp_path / "1", "day", merge=False)
    run(store, tmp_path / "2", "day-again", merge=False)
    assert len(parliament(store)) == 2
    report = run(store, tmp_path / "3", "unrelated")
    assert report.merged is not None and report.merged.groups == 1
    assert len(parliament(store)) == 1
    assert merge_pending(store).candidates == 0  # nothing pending any more


def test_timeline_dedupe_merges_the_whole_store(store_url: str, tmp_path: Path) -> None:
    with Store.open(store_url) as store:
        run(store, tmp_path / "1", "day", "day-again", "month", "unrelated", merge=False)
    runner = CliRunner()
    first = runner.invoke(app, ["dedupe", "--db", store_url])
    assert first.exit_code == 0, first.output
    assert "2 reports merged into 1 event" in first.output
    second = runner.invoke(app, ["dedupe", "--db", store_url])
    assert "0 reports merged into 0 events, 0 conflicts flagged" in second.output
    with Store.open(store_url) as store:
        [ev] = parliament(store)
        assert len(ev.sources) == 3


def test_ingest_merge_option(store_url: str, tmp_path: Path) -> None:
    paths = write(tmp_path / "in", "day", "day-again")
    result = CliRunner().invoke(
        app, ["ingest", *paths, "--db", store_url, "--no-progress", "--published", "2020-01-08", "--merge"]
    )
    assert result.exit_code == 0, result.output
    assert "1 report merged into 1 event" in result.output


@pytest.mark.parametrize(
    ("spans", "windows"),
    [
        ([], []),
        ([("2020-01-05", "2020-01-05")], [("2019-01-01", "2021-12-31")]),
        (
            [("2020-01-05", "2020-01-05"), ("2023-03-01", "2023-03-31")],
            [("2019-01-01", "2024-12-31")],  # 2019-2021 and 2022-2024 touch: one window
        ),
        (
            [("2020-01-05", "2020-01-05"), ("2030-01-01", "2030-12-31")],
            [("2019-01-01", "2021-12-31"), ("2029-01-01", "2031-12-31")],
        ),
        ([("0001-03-01", "0001-03-01")], [("0001-01-01", "0002-12-31")]),
    ],
)
def test_year_windows(spans: list[tuple[str, str]], windows: list[tuple[str, str]]) -> None:
    got = year_windows((dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in spans)
    assert [(a.isoformat(), b.isoformat()) for a, b in got] == windows


def test_plan_is_empty_for_merged_events() -> None:
    from events.extract import extract_document
    from events.models import Document

    docs = [Document(text=ARTICLES[n], published=PUBLISHED) for n in ("day", "day-again")]
    events = [e for d in docs for e in extract_document(d)]
    first = plan(events)
    assert len(first.groups) == 1 and not first.conflicts
    from events.merge import merge

    assert plan(merge(events)) == type(first)([], {})
