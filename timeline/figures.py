"""The timeline figure, built from events (or density bins) and a view. Pure: no Dash, no store.

Encoding, so precision is visible at a glance:
- a day-precise event is a point; anything coarser or longer is a bar over its whole span;
- the coarser the date, the lighter the bar (a year-long bar is not a year-long event);
- approximate dates get dotted whiskers past both ends (the ends are uncertain);
- unresolved dates are never drawn: the caller lists them apart, the figure only counts them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from html import escape
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from events.models import Event
from timeline.view import View
from timeline.words import date_as_written, precision_label

DAY_MS = 86_400_000

STATUS_COLOURS = {"review": "#c77c02", "accepted": "#1b7f3b", "rejected": "#b3261e"}
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SOURCE_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f00", "#000000")
# Opacity by granularity: a coarse date is drawn faint so it does not read as a long event.
OPACITY = {
    "time": 1.0,
    "day": 1.0,
    "week": 0.9,
    "month": 0.8,
    "quarter": 0.65,
    "season": 0.65,
    "year": 0.5,
    "decade": 0.35,
    "century": 0.25,
}
POINT_GRANULARITIES = frozenset({"day", "time"})
CONFLICT_COLOUR = "#d0021b"
CURRENT_COLOUR = "#0b57d0"  # the page's focus outline colour (--accent in assets/timeline.css)
ERA_FILL = "rgba(90, 110, 170, 0.10)"
MAX_ROWS = 24  # rows per lane before marks may overlap (more would be too thin to read or click)
ROW_BUDGET = 72  # rows in the whole chart: many lanes get fewer rows each
MAX_LANES = 30
MAX_LEGEND = 10
ROW_PX = 18
MAX_HEIGHT = 1400
UIREVISION = "timeline"  # constant: keep the user's zoom and legend clicks across data updates
BIN = "__bin__"  # customdata[0] of a density bar, so a click on it is told apart from an event


# -- helpers that Dash-free code (tests, bench) can use too ---------------------------------------


def is_point(event: Event) -> bool:
    w = event.when
    return w.start == w.end and w.granularity in POINT_GRANULARITIES


def lane_keys(event: Event, lanes: str) -> list[str]:
    """The lanes an event is drawn in; an event with two actors appears in both actors' lanes."""
    if lanes == "document":
        keys = [s.title or s.document_id[:12] for s in event.sources if s.document_id]
        return list(dict.fromkeys(keys)) or ["(typed by hand)"]
    if lanes == "actor":
        return list(dict.fromkeys(event.actors)) or ["(no actor)"]
    if lanes == "tag":
        return list(dict.fromkeys(event.tags)) or ["(no tag)"]
    return ["All events"]


def colour_key(event: Event, colour: str) -> str:
    if colour == "source":
        src = event.source
        if src is None or not src.document_id:
            return "typed by hand"
        return src.title or src.document_id[:12]
    return event.status


def colour_map(keys: Iterable[str], colour: str) -> dict[str, str]:
    if colour == "status":
        return {k: STATUS_COLOURS.get(k, "#555555") for k in keys}
    return {k: SOURCE_COLOURS[i % len(SOURCE_COLOURS)] for i, k in enumerate(sorted(keys))}


def drawable(events: Iterable[Event]) -> list[Event]:
    """The events `build_figure` places: dated ones only (the page lists the undated apart)."""
    return [e for e in events if not e.when.unresolved and e.when.start and e.when.end]


def step_order(events: Iterable[Event]) -> list[str]:
    """Ids of the drawn events in time order: the order the arrow keys step through the chart.

    By start, then end (so a day comes before the month that holds it), then title and id so
    ties always step the same way. An event drawn in two lanes is one step, not two.
    """
    unique = {e.id: e for e in drawable(events)}
    ordered = sorted(unique.values(), key=lambda e: (e.when.start, e.when.end, e.title.casefold(), e.id))
    return [e.id for e in ordered]


def ids_from_points(data: dict[str, Any] | None) -> list[str]:
    """Event ids from a plotly clickData/selectedData payload (customdata[0] is the id)."""
    ids: list[str] = []
    for point in (data or {}).get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, list | tuple) and custom and isinstance(custom[0], str) and custom[0] != BIN:
            ids.append(custom[0])
    return list(dict.fromkeys(ids))


def bin_from_points(data: dict[str, Any] | None) -> tuple[dt.date, dt.date] | None:
    """The days of a clicked density bin (clicking a bin zooms into it)."""
    for point in (data or {}).get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, list | tuple) and len(custom) >= 3 and custom[0] == BIN:
            try:
                return dt.date.fromisoformat(custom[1]), dt.date.fromisoformat(custom[2])
            except (TypeError, ValueError):
                return None
    return None


def _label(text: str, limit: int = 80) -> str:
    # Plotly renders a subset of HTML in hover and tick text: escape article words so they stay text.
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return escape(text, quote=True)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _plus(d: dt.date, days: int) -> dt.date:
    """`d` + `days`, held inside the years Python dates can hold (1..9999): padding and whiskers
    around an event in year 1 or 9999 must not raise OverflowError and break the whole figure."""
    return dt.date.fromordinal(min(max(d.toordinal() + days, 1), dt.date.max.toordinal()))


# -- layout -------------------------------------------------------------------------------------


def _pack(events: Sequence[Event], lanes: str, min_days: float) -> tuple[list[tuple[Event, float]], dict]:
    """Place each (event, lane) on a row so drawn items in a lane never overlap.

    Greedy interval packing by start date: the first row whose last item ended before this one
    starts. Returns (event, y) pairs and the lane ticks {lane: (centre y, rows)}.
    """
    by_lane: dict[str, list[Event]] = {}
    for ev in events:
        for key in lane_keys(ev, lanes):
            by_lane.setdefault(key, []).append(ev)
    if len(by_lane) > MAX_LANES:  # the busiest lanes keep their own row band; the rest share one
        keep = sorted(by_lane, key=lambda k: -len(by_lane[k]))[: MAX_LANES - 1]
        other = {e.id: e for k, evs in by_lane.items() if k not in keep for e in evs}
        by_lane = {k: by_lane[k] for k in keep} | {"(other)": list(other.values())}
    placed: list[tuple[Event, float]] = []
    ticks: dict[str, tuple[float, int]] = {}
    offset = 0.0
    max_rows = max(3, min(MAX_ROWS, ROW_BUDGET // max(1, len(by_lane))))
    for key in sorted(by_lane, key=lambda k: (k.startswith("("), k.lower())):
        row_ends: list[float] = []
        for ev in sorted(by_lane[key], key=lambda e: (e.when.start, e.when.end, e.id)):
            start = ev.when.start.toordinal()  # type: ignore[union-attr]
            end = max(ev.when.end.toordinal() + 1, start + min_days)  # type: ignore[union-attr]
            for row, row_end in enumerate(row_ends):
                if row_end <= start:
                    row_ends[row] = end
                    break
            else:
                if len(row_ends) < max_rows:
                    row = len(row_ends)
                    row_ends.append(end)
                else:  # a crowded lane: overlap in the row that frees up first, stay readable
                    row = min(range(len(row_ends)), key=row_ends.__getitem__)
                    row_ends[row] = max(row_ends[row], end)
            placed.append((ev, offset + row))
        rows = max(1, len(row_ends))
        ticks[key] = (offset + (rows - 1) / 2, rows)
        offset += rows + 0.8  # a gap between lanes
    return placed, ticks


def _base_layout(view: View, height: int) -> dict[str, Any]:
    return {
        "uirevision": UIREVISION,
        "height": height,
        "margin": {"l": 10, "r": 36, "t": 36, "b": 10},
        # Vertical, on the right edge: the top-right corner belongs to the preset window buttons.
        "modebar": {"orientation": "v"},
        "dragmode": "pan",
        "hovermode": "closest",
        # One bar trace per colour: "overlay" keeps each bar the full row height ("group" would
        # split the row between traces).
        "barmode": "overlay",
        "clickmode": "event",
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "title": {"text": ""}},
        "xaxis": {
            "type": "date",
            "showgrid": True,
            "gridcolor": "#ececec",
            "rangeslider": {"visible": True, "thickness": 0.08},
            "rangeselector": {
                "x": 1,
                "xanchor": "right",
                "y": 1.02,
                "yanchor": "bottom",
                "buttons": [
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"},
                    {"count": 10, "label": "10y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ],
            },
        },
        "shapes": [_era_shape(e) for e in view.eras],
        "annotations": [_era_label(e) for e in view.eras],
    }


def _era_shape(era: Any) -> dict[str, Any]:
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": _iso(era.start),
        "x1": _iso(_plus(era.end, 1)),
        "y0": 0,
        "y1": 1,
        "fillcolor": ERA_FILL,
        "line": {"width": 0},
        "layer": "below",
    }


def _era_label(era: Any) -> dict[str, Any]:
    return {
        "x": _iso(era.start),
        "xref": "x",
        "xanchor": "left",
        "y": 1,
        "yref": "paper",
        "yanchor": "top",
        "text": _label(era.name, 40),
        "showarrow": False,
        "font": {"size": 11, "color": "#3c4a7a"},
    }


def _window_range(view: View, lo: dt.date | None, hi: dt.date | None) -> list[str] | None:
    if view.start and view.end:
        return [_iso(view.start), _iso(_plus(view.end, 1))]
    if lo is None or hi is None:
        return None
    pad = max(1, (hi - lo).days // 30)
    return [_iso(_plus(lo, -pad)), _iso(_plus(hi, pad + 1))]


def _message(text: str) -> dict[str, Any]:
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "font": {"size": 14, "color": "#555"},
    }


# -- figures ------------------------------------------------------------------------------------


def build_figure(
    events: Sequence[Event],
    view: View,
    selected: Collection[str] = (),
    current: str | None = None,
) -> go.Figure:
    """Points and bars for the dated events. Undated events are never drawn (the page lists them
    below the chart), whatever `events` holds. `current` is the event open in the detail panel
    (clicked, or stepped to with the keyboard): it gets its own ring."""
    dated = drawable(events)
    lo = min((e.when.start for e in dated), default=None)  # type: ignore[type-var]
    hi = max((e.when.end for e in dated), default=None)  # type: ignore[type-var]
    if view.start and view.end:
        extent = (view.end - view.start).days + 1
    elif lo and hi:
        extent = (hi - lo).days + 1
    else:
        extent = 1
    # A point still takes ~0.6% of the window's width, so close neighbours go to separate rows.
    placed, ticks = _pack(dated, view.lanes, min_days=max(1.0, extent * 0.006))
    n_rows = sum(rows for _, rows in ticks.values()) + 0.8 * max(0, len(ticks) - 1)
    # Rows stay readable (and clickable): the chart grows with them, up to a point, then the
    # marks shrink; a crowded view is better zoomed or split into lanes than squeezed.
    height = int(min(MAX_HEIGHT, max(380, 170 + n_rows * ROW_PX)))
    marker = int(max(5, min(11, (height - 170) / max(n_rows, 1) * 0.8)))

    keys = sorted({colour_key(e, view.colour) for e, _ in placed})
    colours = colour_map(keys, view.colour)
    traces: list[BaseTraceType] = []
    for key in keys:
        items = [(e, y) for e, y in placed if colour_key(e, view.colour) == key]
        traces.extend(_traces_for(key, colours[key], items, marker))
    traces.extend(_whiskers(placed))
    chosen = set(selected)
    if chosen:
        traces.append(_selection(placed, chosen))
    if current is not None and any(e.id == current for e, _ in placed):
        traces.append(_current(placed, current))

    layout = _base_layout(view, height)
    # Past a handful of colours the legend would crowd out the chart; lanes and hover name them.
    layout["showlegend"] = len(keys) <= MAX_LEGEND
    layout["xaxis"]["range"] = _window_range(view, lo, hi)
    layout["xaxis"]["autorange"] = layout["xaxis"]["range"] is None
    layout["yaxis"] = {
        "autorange": "reversed",
        "fixedrange": True,  # zoom is in time only; lanes stay put
        "showgrid": False,
        "zeroline": False,
        "tickmode": "array",
        "tickvals": [c for c, _ in ticks.values()],
        "ticktext": [_label(k, 28) for k in ticks],
        "showticklabels": view.lanes != "none",
        "automargin": True,
    }
    notes = []
    if not dated:
        notes.append(_message("No dated events in this view."))
    layout["annotations"] = layout["annotations"] + notes
    return go.Figure(data=traces, layout=layout)


def _customdata(e: Event) -> list[str]:
    flag = " · ⚠ reports disagree" if e.conflict else ""
    return [
        e.id,
        _label(e.title),
        _label(date_as_written(e), 60),
        precision_label(e.when) + flag,
        e.when.edtf,
    ]


_HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
    "<span style='color:#666'>%{customdata[3]} · %{customdata[4]}</span><extra></extra>"
)


def _traces_for(
    key: str, colour: str, items: list[tuple[Event, float]], marker_size: int = 11
) -> list[BaseTraceType]:
    bars = [(e, y) for e, y in items if not is_point(e)]
    points = [(e, y) for e, y in items if is_point(e)]
    name = _label(key, 40)
    out: list[BaseTraceType] = []
    if bars:
        out.append(
            go.Bar(
                name=name,
                legendgroup=key,
                orientation="h",
                base=[_iso(e.when.start) for e, _ in bars],  # type: ignore[arg-type]
                x=[((e.when.end - e.when.start).days + 1) * DAY_MS for e, _ in bars],  # type: ignore[operator]
                y=[y for _, y in bars],
                width=0.64,
                marker={
                    "color": colour,
                    "opacity": [OPACITY.get(e.when.granularity, 0.5) for e, _ in bars],
                    # Reports that disagree about this event get a red outline (details in the panel).
                    "line": {
                        "width": [2 if e.conflict else 0 for e, _ in bars],
                        "color": CONFLICT_COLOUR,
                    },
                },
                customdata=[_customdata(e) for e, _ in bars],
                hovertemplate=_HOVER,
            )
        )
    if points:
        out.append(
            go.Scatter(
                name=name,
                legendgroup=key,
                showlegend=not bars,
                mode="markers",
                x=[_iso(e.when.start) for e, _ in points],  # type: ignore[arg-type]
                y=[y for _, y in points],
                marker={
                    "color": colour,
                    "size": marker_size,
                    # An approximate day ("about 3 March") is hollow: the day itself is uncertain.
                    "symbol": ["circle-open" if e.when.approximate else "circle" for e, _ in points],
                    "line": {
                        "width": 2,
                        "color": [CONFLICT_COLOUR if e.conflict else colour for e, _ in points],
                    },
                },
                customdata=[_customdata(e) for e, _ in points],
                hovertemplate=_HOVER,
            )
        )
    return out


def _whiskers(placed: list[tuple[Event, float]]) -> list[BaseTraceType]:
    """Dotted lines past both ends of approximate spans, a quarter of the span long (min. a day)."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for e, y in placed:
        if not e.when.approximate or is_point(e):
            continue
        start, end = e.when.start, _plus(e.when.end, 1)  # type: ignore[arg-type]
        fuzz = max(1, (end - start).days // 4)  # type: ignore[operator]
        xs += [_iso(_plus(start, -fuzz)), _iso(start), None, _iso(end), _iso(_plus(end, fuzz)), None]  # type: ignore[arg-type]
        ys += [y, y, None, y, y, None]
    if not xs:
        return []
    return [
        go.Scatter(
            name="approximate ends",
            mode="lines",
            x=xs,
            y=ys,
            line={"color": "#777", "width": 2, "dash": "dot"},
            hoverinfo="skip",
        )
    ]


def _selection(placed: list[tuple[Event, float]], chosen: set[str]) -> go.Scatter:
    return _ring(placed, chosen, "selected", "#111", 20)


def _current(placed: list[tuple[Event, float]], current: str) -> go.Scatter:
    # Wider than the selection ring and in the focus colour, so the two read apart when they mark
    # the same event: a keyboard user has no pointer to follow, this ring is their cursor.
    return _ring(placed, {current}, "current", CURRENT_COLOUR, 28)


def _ring(
    placed: list[tuple[Event, float]], chosen: set[str], name: str, colour: str, size: int
) -> go.Scatter:
    hits = [(e, y) for e, y in placed if e.id in chosen]
    mids = [e.when.start + (e.when.end - e.when.start) / 2 for e, _ in hits]  # type: ignore[operator]
    return go.Scatter(
        name=name,
        mode="markers",
        x=[_iso(m) for m in mids],
        y=[y for _, y in hits],
        marker={
            "symbol": "circle-open",
            "size": size,
            "color": colour,
            "line": {"width": 3, "color": colour},
        },
        customdata=[_customdata(e) for e, _ in hits],
        hovertemplate=_HOVER,
    )


def build_density_figure(
    bins: Sequence[tuple[dt.date, dt.date, int]],
    view: View,
    *,
    total: int | None = None,
) -> go.Figure:
    """Counts per time bin, for views holding more events than can be drawn one by one."""
    bins = [b for b in bins if b[2] > 0] or list(bins)
    total = sum(n for _, _, n in bins) if total is None else total
    trace = go.Bar(
        name="events per period",
        x=[_iso(s + (e - s) / 2) if e > s else _iso(s) for s, e, _ in bins],
        y=[n for _, _, n in bins],
        width=[max(1, (e - s).days + 1) * DAY_MS * 0.95 for s, e, _ in bins],
        marker={"color": "#4a6fa5"},
        customdata=[[BIN, _iso(s), _iso(e)] for s, e, _ in bins],
        hovertemplate="%{y:,} events<br>%{customdata[1]} to %{customdata[2]}<br>click to zoom in"
        "<extra></extra>",
    )
    layout = _base_layout(view, 380)
    lo = min((s for s, _, _ in bins), default=None)
    hi = max((e for _, e, _ in bins), default=None)
    layout["xaxis"]["range"] = _window_range(view, lo, hi)
    layout["xaxis"]["autorange"] = layout["xaxis"]["range"] is None
    layout["yaxis"] = {"title": {"text": "events"}, "fixedrange": True, "rangemode": "tozero"}
    layout["showlegend"] = False
    layout["annotations"] = [
        *layout["annotations"],
        {
            "text": f"{total:,} events in this view: zoom in to see them one by one",
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 1.0,
            "xanchor": "left",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 12, "color": "#333"},
        },
    ]
    return go.Figure(data=[trace], layout=layout)
