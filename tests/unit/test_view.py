"""The view survives a trip through the URL, and a hand-edited URL never breaks the page."""

from __future__ import annotations

import datetime as dt

import pytest

from events.query import EventQuery
from timeline.view import Era, View, window_from_relayout

VIEWS = [
    View(),
    View(start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31)),
    View(lanes="actor", colour="source", text="troops & allies?"),
    View(documents=("abc", "def"), actors=("US", "Kata'ib Hezbollah"), tags=("iraq",)),
    View(granularities=("day", "year"), origins=("manual",), statuses=("review", "accepted")),
    View(eras=(Era(name="Withdrawal ~ return", start=dt.date(2007, 1, 1), end=dt.date(2011, 12, 31)),)),
]


@pytest.mark.parametrize("view", VIEWS)
def test_query_string_round_trip(view: View) -> None:
    assert View.from_query_string(view.to_query_string()) == view


def test_default_view_has_an_empty_query_string() -> None:
    assert View().to_query_string() == ""


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", View()),
        ("?start=not-a-date&end=2014-12-31", View(end=dt.date(2014, 12, 31))),
        ("?start=2015-01-01&end=2014-01-01", View()),  # inverted window: dropped, the rest kept
        ("?lanes=sideways&colour=purple", View()),
        ("?precision=day&precision=fortnight", View(granularities=("day",))),
        ("?status=review&status=review", View(statuses=("review",))),
        (
            "?era=garbage&era=2007-01-01~2011-12-31~War",
            View(eras=(Era(name="War", start=dt.date(2007, 1, 1), end=dt.date(2011, 12, 31)),)),
        ),
        ("?q=" + "x" * 2000, View(text="x" * 500)),
    ],
)
def test_bad_values_are_dropped_not_raised(search: str, expected: View) -> None:
    assert View.from_query_string(search) == expected


def test_query_kwargs_build_an_event_query() -> None:
    view = View(start=dt.date(2020, 1, 1), end=dt.date(2020, 2, 1), actors=("A",), statuses=("review",))
    q = EventQuery(**view.query_kwargs())
    assert (q.start, q.end, q.actors, q.statuses, q.text) == (view.start, view.end, ["A"], ["review"], None)
    assert EventQuery(**view.query_kwargs(window=False)).has_window is False


@pytest.mark.parametrize(
    ("relayout", "expected"),
    [
        (None, None),
        ({"autosize": True}, None),
        ({"xaxis.autorange": True}, (None, None)),
        (
            {"xaxis.range[0]": "2014-03-01 12:00:00", "xaxis.range[1]": "2014-06-30"},
            (dt.date(2014, 3, 1), dt.date(2014, 6, 30)),
        ),
        ({"xaxis.range": ["2015-01-01", "2014-01-01"]}, (dt.date(2014, 1, 1), dt.date(2015, 1, 1))),
        ({"xaxis.range[0]": "garbage", "xaxis.range[1]": "2014-06-30"}, None),
    ],
)
def test_window_from_relayout(relayout, expected) -> None:  # type: ignore[no-untyped-def]
    assert window_from_relayout(relayout) == expected
