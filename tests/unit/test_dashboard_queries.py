"""Level of detail: what the dashboard asks the store for a view, over a real SQLite store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from events.models import Event, TimeSpan
from events.store import Store
from timeline.queries import ViewCache, snapshot, table_events, undated
from timeline.view import View

D = dt.date


def day(i: int, d: D) -> Event:
    return Event(id=f"d{i}", title=f"day {i}", when=TimeSpan(start=d, end=d, value=d.isoformat()))


def year(i: int, y: int) -> Event:
    when = TimeSpan(start=D(y, 1, 1), end=D(y, 12, 31), granularity="year", value=str(y))
    return Event(id=f"y{i}", title=f"year {i}", when=when)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(f"sqlite:///{tmp_path / 'q.sqlite'}")
    s.bulk_add_events(
        [day(i, D(2020, 1, 1) + dt.timedelta(days=i)) for i in range(30)]
        + [year(i, 2020) for i in range(30)]
        + [Event(id="u", title="undated", when=TimeSpan(unresolved=True, value="XXXX-XX-XX"))]
    )
    yield s
    s.close()


def test_small_views_are_drawn_event_by_event(store: Store) -> None:
    snap = snapshot(store, View(), max_points=100, bins=10, undated_of=undated(store, View()))
    assert snap.kind == "events" and snap.total == 60 and len(snap.events) == 60
    assert snap.undated_total == 1 and [e.id for e in snap.undated] == ["u"]


def test_big_views_are_binned(store: Store) -> None:
    snap = snapshot(store, View(), max_points=20, bins=10)
    assert snap.kind == "density" and snap.total == 60 and sum(n for _, _, n in snap.bins) == 60


def test_zoomed_views_show_precise_events_and_count_the_coarse_spans(store: Store) -> None:
    view = View(start=D(2020, 1, 1), end=D(2020, 1, 20))
    snap = snapshot(store, view, max_points=25, bins=10)
    assert snap.kind == "events" and snap.total == 20 and snap.coarse_hidden == 30
    assert all(e.when.granularity == "day" for e in snap.events)


def test_a_precision_filter_is_respected(store: Store) -> None:
    view = View(start=D(2020, 1, 1), end=D(2020, 1, 20), granularities=("year",))
    snap = snapshot(store, view, max_points=25, bins=10)
    assert snap.kind == "density" and snap.coarse_hidden == 0


def test_table_rows_are_capped_and_counted(store: Store) -> None:
    events, total = table_events(store, View(), 10)
    assert len(events) == 10 and total == 61


def test_cache_reuses_answers_until_a_write() -> None:
    cache, calls = ViewCache(), []
    for _ in range(3):
        cache.get(("k",), lambda: calls.append(1))
    assert len(calls) == 1
    cache.bump()
    cache.get(("k",), lambda: calls.append(1))
    assert len(calls) == 2
