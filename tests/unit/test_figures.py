"""build_figure / build_density_figure: precision is visible, nothing undated is placed, text is escaped."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import pytest

from events.models import Event, Source, TimeSpan
from timeline.figures import (
    OPACITY,
    STATUS_COLOURS,
    bin_from_points,
    build_density_figure,
    build_figure,
    ids_from_points,
    lane_keys,
)
from timeline.view import Era, View

D = dt.date


def span(start: D | None, end: D | None, granularity: str = "day", **kw) -> TimeSpan:  # type: ignore[no-untyped-def]
    value = kw.pop("value", start.isoformat() if start else "XXXX")
    return TimeSpan(start=start, end=end, granularity=granularity, value=value, edtf=value, **kw)


def event(eid: str, when: TimeSpan, **kw) -> Event:  # type: ignore[no-untyped-def]
    kw.setdefault("title", f"event {eid}")
    kw.setdefault("sources", [Source(document_id="doc1", title="Doc one", sentence="s", date_text="in 2014")])
    return Event(id=eid, when=when, **kw)


DAY = event("day", span(D(2020, 1, 3), D(2020, 1, 3)))
MONTH = event("month", span(D(2020, 1, 1), D(2020, 1, 31), "month", value="2020-01"))
YEAR = event("year", span(D(2014, 1, 1), D(2014, 12, 31), "year", value="2014"))
EARLY = event(
    "early", span(D(2014, 1, 1), D(2014, 4, 30), "year", value="2014", approximate=True, mod="START")
)
UNDATED = event("undated", TimeSpan(unresolved=True, value="XXXX-XX-XX"))


def traces(fig: go.Figure, kind: str) -> list:  # type: ignore[type-arg]
    return [t for t in fig.data if t.type == kind]


def ids_in(trace) -> list[str]:  # type: ignore[no-untyped-def]
    return [c[0] for c in trace.customdata]


def test_day_events_are_points_and_spans_are_bars() -> None:
    fig = build_figure([DAY, MONTH, YEAR], View())
    (bars,) = traces(fig, "bar")
    points = [t for t in traces(fig, "scatter") if t.mode == "markers" and t.name != "selected"]
    assert ids_in(points[0]) == ["day"]
    assert sorted(ids_in(bars)) == ["month", "year"]
    by_id = dict(zip(ids_in(bars), bars.x, strict=True))
    assert by_id["year"] == 365 * 86_400_000  # inclusive end: the whole of 2014
    assert by_id["month"] == 31 * 86_400_000


def test_coarser_spans_are_lighter() -> None:
    fig = build_figure([MONTH, YEAR], View())
    (bars,) = traces(fig, "bar")
    opacity = dict(zip(ids_in(bars), bars.marker.opacity, strict=True))
    assert opacity["year"] < opacity["month"] < OPACITY["day"]


def test_approximate_spans_get_dotted_whiskers() -> None:
    fig = build_figure([EARLY, YEAR], View())
    (whiskers,) = [t for t in fig.data if t.name == "approximate ends"]
    assert whiskers.line.dash == "dot"
    assert len([x for x in whiskers.x if x is not None]) == 4  # two ends, two points each


def test_unresolved_events_are_never_placed() -> None:
    fig = build_figure([DAY, UNDATED], View())
    drawn = {c[0] for t in fig.data if t.customdata is not None for c in t.customdata}
    assert "undated" not in drawn


def test_empty_view_says_so() -> None:
    fig = build_figure([], View())
    assert any("No dated events" in a.text for a in fig.layout.annotations)


def test_lanes_by_actor_repeat_an_event_per_actor() -> None:
    ev = event("two", span(D(2020, 1, 3), D(2020, 1, 3)), actors=["US", "Iraq"])
    assert lane_keys(ev, "actor") == ["US", "Iraq"]
    fig = build_figure([ev, DAY], View(lanes="actor"))
    assert list(fig.layout.yaxis.ticktext) == ["Iraq", "US", "(no actor)"]
    assert sum(ids_in(t).count("two") for t in fig.data if t.customdata is not None) == 2


@pytest.mark.parametrize("lanes", ["none", "document", "actor", "tag"])
def test_marks_in_a_lane_do_not_overlap(lanes: str) -> None:
    evs = [event(f"e{i}", span(D(2020, 1, 1), D(2020, 1, 10), "day")) for i in range(5)]
    fig = build_figure(evs, View(lanes=lanes))  # type: ignore[arg-type]
    (bars,) = traces(fig, "bar")
    assert len(set(bars.y)) == 5


def test_colour_by_status_and_by_source() -> None:
    fig = build_figure([DAY.model_copy(update={"status": "accepted"})], View(colour="status"))
    assert traces(fig, "scatter")[0].marker.color == STATUS_COLOURS["accepted"]
    other = event(
        "o", span(D(2020, 2, 1), D(2020, 2, 1)), sources=[Source(document_id="d2", title="Doc two")]
    )
    fig = build_figure([DAY, other], View(colour="source"))
    assert {t.name for t in fig.data} >= {"Doc one", "Doc two"}


def test_window_sets_the_x_range_and_eras_draw_bands() -> None:
    era = Era(name="Early <b>years</b>", start=D(2014, 1, 1), end=D(2014, 6, 30))
    fig = build_figure([YEAR], View(start=D(2014, 1, 1), end=D(2014, 12, 31), eras=(era,)))
    assert list(fig.layout.xaxis.range) == ["2014-01-01", "2015-01-01"]
    assert fig.layout.shapes[0].x0 == "2014-01-01" and fig.layout.shapes[0].layer == "below"
    assert "<b>" not in fig.layout.annotations[0].text  # era names are escaped like article text


def test_selected_events_are_ringed() -> None:
    fig = build_figure([DAY, YEAR], View(), selected=["year"])
    (ring,) = [t for t in fig.data if t.name == "selected"]
    assert ids_in(ring) == ["year"]


def test_hover_text_is_escaped() -> None:
    ev = event("x", span(D(2020, 1, 3), D(2020, 1, 3)), title='<img src=x onerror="alert(1)">')
    fig = build_figure([ev], View())
    title = traces(fig, "scatter")[0].customdata[0][1]
    assert "<img" not in title and "&lt;img" in title


def test_density_figure_draws_counts_per_bin() -> None:
    bins = [
        (D(2020, 1, 1), D(2020, 1, 31), 5),
        (D(2020, 2, 1), D(2020, 2, 29), 0),
        (D(2020, 3, 1), D(2020, 3, 31), 7),
    ]
    fig = build_density_figure(bins, View(), total=12)
    (bar,) = fig.data
    assert list(bar.y) == [5, 7]  # empty bins are not drawn
    assert any("12 events" in a.text for a in fig.layout.annotations)


def test_ids_from_points() -> None:
    data = {"points": [{"customdata": ["a", "t"]}, {"customdata": ["b"]}, {"customdata": ["a"]}, {}]}
    assert ids_from_points(data) == ["a", "b"]
    assert ids_from_points(None) == []


def test_a_clicked_bin_is_a_window_not_an_event() -> None:
    fig = build_density_figure([(D(2020, 1, 1), D(2020, 1, 31), 5)], View())
    click = {"points": [{"customdata": list(fig.data[0].customdata[0])}]}
    assert ids_from_points(click) == []
    assert bin_from_points(click) == (D(2020, 1, 1), D(2020, 1, 31))
    assert bin_from_points({"points": [{"customdata": ["an-event-id"]}]}) is None


def test_two_thousand_events_stay_small() -> None:
    evs = [
        event(
            f"e{i}", span(D(2000, 1, 1) + dt.timedelta(days=i * 3), D(2000, 1, 1) + dt.timedelta(days=i * 3))
        )
        for i in range(2000)
    ]
    size = len(build_figure(evs, View()).to_json())
    assert size < 1_000_000


def test_conflicting_reports_are_outlined() -> None:
    clash = YEAR.model_copy(update={"conflict": "another report says 2015"})
    fig = build_figure([clash, MONTH], View())
    (bars,) = traces(fig, "bar")
    widths = dict(zip(ids_in(bars), bars.marker.line.width, strict=True))
    assert widths["year"] > 0 and widths["month"] == 0
    assert "disagree" in dict(zip(ids_in(bars), (c[3] for c in bars.customdata), strict=True))["year"]


def test_many_sources_drop_the_legend_but_keep_bars_full_height() -> None:
    evs = [
        event(
            f"e{i}",
            span(D(2020, 1, 1), D(2020, 1, 31), "month"),
            sources=[Source(document_id=f"d{i}", title=f"Doc {i}")],
        )
        for i in range(12)
    ]
    fig = build_figure(evs, View(colour="source"))
    assert fig.layout.showlegend is False and fig.layout.barmode == "overlay"
    assert build_figure(evs[:3], View(colour="source")).layout.showlegend is True
