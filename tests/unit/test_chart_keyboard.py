"""Keyboard use of the chart: the order the keys step in, the ring on the current event, and the
wiring between the page, the callbacks and assets/keyboard.js (which can only name ids as strings)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from dash import html

from events.models import Event, Source, TimeSpan
from timeline import ids
from timeline.app import ASSETS
from timeline.app_settings import DashboardSettings
from timeline.figures import build_figure, step_order
from timeline.layout import build_layout
from timeline.view import View

D = dt.date


def event(eid: str, start: D | None, end: D | None = None, granularity: str = "day", **kw) -> Event:  # type: ignore[no-untyped-def]
    if start is None:
        when = TimeSpan(unresolved=True, value="XXXX-XX-XX")
    else:
        when = TimeSpan(start=start, end=end or start, granularity=granularity, value=start.isoformat())
    kw.setdefault("title", f"event {eid}")
    kw.setdefault("sources", [Source(document_id="doc1", sentence="s")])
    return Event(id=eid, when=when, **kw)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param(
            [event("c", D(2021, 5, 1)), event("a", D(2019, 1, 1)), event("b", D(2020, 3, 2))],
            ["a", "b", "c"],
            id="by start",
        ),
        pytest.param(
            [event("month", D(2020, 1, 1), D(2020, 1, 31), "month"), event("day", D(2020, 1, 1))],
            ["day", "month"],
            id="same start: the shorter first",
        ),
        pytest.param(
            [event("2", D(2020, 1, 1), title="Vote"), event("1", D(2020, 1, 1), title="arrest")],
            ["1", "2"],
            id="same dates: by title, whatever its case",
        ),
        pytest.param(
            [event("y", D(2020, 1, 1), title="Same"), event("x", D(2020, 1, 1), title="Same")],
            ["x", "y"],
            id="same title: by id, so the order never wobbles",
        ),
        pytest.param(
            [event("undated", None), event("dated", D(2020, 1, 1))],
            ["dated"],
            id="undated events are not drawn, so not stepped to",
        ),
        pytest.param([], [], id="nothing drawn"),
    ],
)
def test_step_order(events: list[Event], expected: list[str]) -> None:
    assert step_order(events) == expected


def test_an_event_in_two_lanes_is_one_step() -> None:
    both = event("both", D(2020, 1, 2), actors=["Ann", "Bob"])
    events = [event("first", D(2020, 1, 1), actors=["Ann"]), both]
    fig = build_figure(events, View(lanes="actor"))
    drawn = [c[0] for t in fig.data for c in (t.customdata if t.customdata is not None else [])]
    assert drawn.count("both") == 2  # drawn in Ann's lane and in Bob's
    assert step_order(events) == ["first", "both"]


def test_the_current_event_gets_its_own_ring() -> None:
    events = [event("a", D(2020, 1, 1)), event("b", D(2020, 2, 1), D(2020, 2, 29), "month")]
    fig = build_figure(events, View(), selected=["a"], current="b")
    rings = {t.name: [c[0] for c in t.customdata] for t in fig.data if t.name in ("selected", "current")}
    assert rings == {"selected": ["a"], "current": ["b"]}


@pytest.mark.parametrize("current", [None, "missing", "undated"])
def test_no_ring_for_an_event_not_drawn(current: str | None) -> None:
    fig = build_figure([event("a", D(2020, 1, 1)), event("undated", None)], View(), current=current)
    assert [t for t in fig.data if t.name == "current"] == []


def _find(node: object, cid: str) -> html.Div | None:
    if getattr(node, "id", None) == cid:
        return node  # type: ignore[return-value]
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and (found := _find(child, cid)) is not None:
            return found
    return None


def test_the_chart_is_a_labelled_keyboard_stop() -> None:
    wrapper = _find(build_layout(DashboardSettings()), ids.CHART_KEYS)
    assert wrapper is not None
    assert wrapper.tabIndex == "0"
    label = wrapper.to_plotly_json()["props"]["aria-label"]
    assert "arrow keys" in label.lower() and "enter" in label.lower()
    assert _find(wrapper, ids.GRAPH) is not None  # the keys are on the graph's own wrapper


def test_the_script_names_the_page_ids() -> None:
    """keyboard.js writes to stores by id: a renamed id in ids.py must not silently break the keys."""
    script = (ASSETS / "keyboard.js").read_text(encoding="utf-8")
    named = set(re.findall(r'var [A-Z_]+ = "([^"]+)";', script))
    assert named == {ids.CHART_KEYS, ids.FOCUS, ids.SELECTED, ids.GRID, ids.CHART_POSITION, ids.DETAIL}
    assert "function followChart(" in script  # the clientside callback registered in callbacks.py
