"""Property tests (Hypothesis) the other suites do not have: the CSV round trip
(`events.io.csv` write -> read gives the same events) and the figure builders, which must never
raise on whatever events and views reach them (their output goes to every browser)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import plotly.io as pio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.io import csv as csv_io
from events.models import Event, Source, TimeSpan
from timeline.figures import build_density_figure, build_figure
from timeline.view import GRANULARITIES, Era, View

# Any text a user or an article can produce, minus lone surrogates (not encodable) and NUL, which
# the CSV reader refuses by design (PostgreSQL cannot store it).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
SOME_TEXT = ANY_TEXT.filter(bool)
# Fields the CSV writes as "" when empty and reads back as None: generate None or non-empty.
OPTIONAL = st.none() | SOME_TEXT
# Actors and tags are joined with "; " in one cell: items cannot contain it or be empty.
ITEM = SOME_TEXT.filter(lambda s: "; " not in s and not s.startswith(" ") and not s.endswith(";"))
DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
OFFSET = st.integers(min_value=0, max_value=10**7)


@st.composite
def spans(draw: st.DrawFn) -> TimeSpan:
    unresolved = draw(st.booleans())
    if unresolved and draw(st.booleans()):
        start = end = None
    else:
        a, b = draw(DATES), draw(DATES)
        start, end = min(a, b), max(a, b)
    return TimeSpan(
        start=start,
        end=end,
        granularity=draw(st.sampled_from(GRANULARITIES)),
        value=draw(ANY_TEXT),
        edtf=draw(ANY_TEXT),
        approximate=draw(st.booleans()),
        relative=draw(st.booleans()),
        unresolved=unresolved,
        anchor=draw(OPTIONAL),
        mod=draw(OPTIONAL),
    )


@st.composite
def sources(draw: st.DrawFn) -> Source:
    return Source(
        document_id=draw(ANY_TEXT),
        sentence=draw(ANY_TEXT),
        sentence_start=draw(OFFSET),
        sentence_end=draw(OFFSET),
        date_text=draw(OPTIONAL),
        date_start=draw(st.none() | OFFSET),
        date_end=draw(st.none() | OFFSET),
        url=draw(OPTIONAL),
        title=draw(OPTIONAL),
        published=draw(st.none() | DATES),
        quote=draw(OPTIONAL),
    )


@st.composite
def events(draw: st.DrawFn) -> Event:
    return Event(
        id=draw(SOME_TEXT),
        title=draw(SOME_TEXT),
        when=draw(spans()),
        sources=draw(st.lists(sources(), max_size=3)),
        origin=draw(st.sampled_from(["extracted", "manual"])),
        status=draw(st.sampled_from(["review", "accepted", "rejected"])),
        # to_row rounds confidence to 3 decimals (documented); generate values it keeps.
        confidence=draw(st.integers(0, 1000)) / 1000,
        description=draw(OPTIONAL),
        actors=draw(st.lists(ITEM, max_size=3)),
        tags=draw(st.lists(ITEM, max_size=3)),
        conflict=draw(OPTIONAL),
        extractor_version=draw(OPTIONAL),
        version=draw(st.integers(1, 10**6)),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), max_size=6))
def test_csv_write_then_read_gives_the_same_events(evs: list[Event]) -> None:
    buf = io.StringIO(newline="")
    assert csv_io.write_events(evs, buf) == len(evs)
    back = csv_io.read_events(io.StringIO(buf.getvalue(), newline=""), "round-trip.csv")
    assert [ev.model_dump() for _, ev in back] == [ev.model_dump() for ev in evs]


@settings(max_examples=200, deadline=None)
@given(st.lists(events(), max_size=6))
def test_no_exported_cell_can_run_as_a_spreadsheet_formula(evs: list[Event]) -> None:
    buf = io.StringIO(newline="")
    csv_io.write_events(evs, buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    for row in rows[1:]:
        for col, cell in zip(rows[0], row, strict=True):
            if col in csv_io.TEXT_COLUMNS:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (col, cell)


@st.composite
def views(draw: st.DrawFn) -> View:
    start = draw(st.none() | DATES)
    end = draw(st.none() | DATES)
    if start and end and start > end:
        start, end = end, start
    eras = []
    for _ in range(draw(st.integers(0, 2))):
        a, b = draw(DATES), draw(DATES)
        eras.append(Era(name=draw(SOME_TEXT.filter(lambda s: len(s) <= 80)), start=min(a, b), end=max(a, b)))
    return View(
        start=start,
        end=end,
        lanes=draw(st.sampled_from(["none", "document", "actor", "tag"])),
        colour=draw(st.sampled_from(["source", "status"])),
        eras=tuple(eras),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), max_size=25), views(), st.data())
def test_build_figure_never_raises_and_never_places_an_undated_event(
    evs: list[Event], view: View, data: st.DataObject
) -> None:
    ids = [e.id for e in evs]
    selected = data.draw(st.lists(st.sampled_from(ids), max_size=3) if ids else st.just([]))
    fig = build_figure(evs, view, selected)
    payload = json.loads(pio.to_json(fig))  # what Dash sends to the browser
    dated = {e.id for e in evs if not e.when.unresolved and e.when.start is not None}
    drawn = {
        row[0]
        for trace in payload.get("data", [])
        for row in (trace.get("customdata") or [])
        if isinstance(row, list) and row
    }
    assert drawn <= dated, drawn - dated  # an undated event is listed apart, never placed


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(DATES, DATES, st.integers(0, 10**9)).map(
            lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2])
        ),
        max_size=200,
    ),
    views(),
    st.none() | st.integers(0, 10**12),
)
def test_build_density_figure_never_raises(
    bins: list[tuple[dt.date, dt.date, int]], view: View, total: int | None
) -> None:
    fig = build_density_figure(bins, view, total=total)
    json.loads(pio.to_json(fig))
