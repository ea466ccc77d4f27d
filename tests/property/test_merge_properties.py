"""merge() is idempotent and independent of input order (Hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from events.merge import merge
from events.models import Event, Source, TimeSpan

TITLES = [
    "US troops withdrew from Iraq",
    "US withdrew its troops from Iraq",
    "Parliament passed resolution demanding US departure",
    "Iraqi parliament passed a resolution",
    "Apple unveiled iPhone 4",
    "Jobs unveiled the new iPhone 4",
]
ACTORS = ["US", "Iraq", "Apple", "Jobs"]


@st.composite
def spans(draw: st.DrawFn) -> TimeSpan:
    kind = draw(st.sampled_from(["year", "month", "day", "range", "unresolved"]))
    y = draw(st.integers(2010, 2012))
    m = draw(st.integers(1, 12))
    if kind == "unresolved":
        return TimeSpan(value=draw(st.sampled_from(["XXXX-WXX-3", "XXXX"])), unresolved=True)
    if kind == "year":
        return TimeSpan(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", value=str(y))
    if kind == "range":
        y2 = draw(st.integers(y, 2013))
        return TimeSpan(
            start=dt.date(y, 1, 1), end=dt.date(y2, 12, 31), granularity="year", value=f"{y}/{y2}"
        )
    start = dt.date(y, m, 1)
    if kind == "month":
        end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        return TimeSpan(start=start, end=end, granularity="month", value=f"{y}-{m:02d}")
    d = start + dt.timedelta(days=draw(st.integers(0, 27)))
    return TimeSpan(start=d, end=d, granularity="day", value=d.isoformat())


@st.composite
def events(draw: st.DrawFn) -> Event:
    doc = draw(st.sampled_from(["d1", "d2", "d3", "d4"]))
    title = draw(st.sampled_from(TITLES))
    start = draw(st.integers(0, 50))
    return Event(
        id=draw(st.text(alphabet="abcdef0123456789", min_size=4, max_size=4)),
        title=title,
        when=draw(spans()),
        sources=[
            Source(
                document_id=doc,
                sentence=title,
                sentence_start=start,
                sentence_end=start + len(title),
                date_text=draw(st.sampled_from([None, "in 2011"])),  # fallback-dated or written date
            )
        ],
        actors=draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique=True)),
        confidence=draw(st.sampled_from([0.4, 0.7, 0.85, 0.95])),
    )


def dumps(evs: list[Event]) -> list[str]:
    return [e.model_dump_json() for e in evs]


@settings(max_examples=300, deadline=None)
@given(st.lists(events(), max_size=8))
def test_idempotent(evs: list[Event]):
    once = merge(evs)
    assert dumps(merge(once)) == dumps(once)


@settings(max_examples=300, deadline=None)
@given(st.lists(events(), max_size=8), st.randoms(use_true_random=False))
def test_order_independent(evs: list[Event], rnd):
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    assert dumps(merge(shuffled)) == dumps(merge(evs))


@settings(max_examples=100, deadline=None)
@given(st.lists(events(), max_size=8))
def test_no_source_lost_and_spans_ordered(evs: list[Event]):
    out = merge(evs)
    before = {s.model_dump_json() for e in evs for s in e.sources}
    after = {s.model_dump_json() for e in out for s in e.sources}
    assert before == after
    for e in out:
        if e.when.start and e.when.end:
            assert e.when.start <= e.when.end
