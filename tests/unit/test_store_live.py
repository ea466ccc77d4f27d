"""What the dashboard asks about all live events, fast at 1M (bench/README.md "Dashboard"):
facets (counts kept by every write, migration 0007), the partial live indexes (migration 0006),
the full-view density, and the light document listing. Each answer is checked against a
brute-force reading of the same store, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import text
from store_helpers import make_event

from events.models import Document, Event
from events.query import EventQuery
from events.store import DocumentSummary, Store

EVENTS = [
    make_event("a", "2020-01-10", doc="d1", actors=["Ann"], tags=["war"]),
    make_event("b", "2020-02-01", "2020-02-29", granularity="month", doc="d2", actors=["Bo", "Cy"]),
    make_event("c", "2010-01-01", "2019-12-31", granularity="decade", doc="d3", status="rejected"),
    make_event("d", "2019-01-01", "2019-12-31", granularity="year", doc="d1", tags=["peace"]),
    make_event("m", "2020-03-03", origin="manual", status="accepted", tags=["x"], doc=""),
    make_event("u", None, doc="d4", actors=["Dee"], tags=["talks"]),
]


def brute_facets(events: list[Event]) -> dict[str, list[str]]:
    def values(fn: Callable[[Event], list[str]]) -> list[str]:
        return sorted({v for e in events for v in fn(e) if v})

    return {
        "documents": values(lambda e: [s.document_id for s in e.sources]),
        "actors": values(lambda e: e.actors),
        "tags": values(lambda e: e.tags),
        "granularities": values(lambda e: [e.when.granularity]),
        "origins": values(lambda e: [e.origin]),
        "statuses": values(lambda e: [e.status]),
    }


@pytest.mark.parametrize(
    "gone",
    [
        pytest.param([], id="all live"),
        pytest.param(["b"], id="the only event with two actors deleted"),
        pytest.param(["m"], id="the manual, accepted one deleted"),
        pytest.param(["u", "c"], id="the undated and the rejected deleted"),
        pytest.param(["a", "b", "c", "d", "m", "u"], id="nothing live"),
    ],
)
def test_facets_are_the_values_of_live_events(store: Store, gone: list[str]) -> None:
    for ev in EVENTS:
        store.add_event(ev)
    for i in gone:
        store.delete_event(i)
    live = store.query(EventQuery())
    assert store.facets() == brute_facets(live)


def test_facets_follow_a_merge_and_a_restore(store: Store) -> None:
    for ev in EVENTS:
        store.add_event(ev)
    store.merge_events(["a", "d"])  # a survives with d's source (document d1 either way) and tag
    assert store.facets() == brute_facets(store.query(EventQuery()))
    store.restore_event("d")
    assert store.facets() == brute_facets(store.query(EventQuery()))


@pytest.mark.parametrize(
    "q",
    [
        EventQuery(include_unresolved=False),
        EventQuery(include_unresolved=False, granularities=["day", "month"]),
        EventQuery(include_unresolved=False, statuses=["review"]),
        EventQuery(include_unresolved=False, end=dt.date(2019, 6, 30)),
    ],
)
def test_density_without_a_window_counts_every_matching_event(store: Store, q: EventQuery) -> None:
    for ev in EVENTS:
        store.add_event(ev)
    store.delete_event("d")
    bins = store.density(q, 7)
    assert sum(n for _, _, n in bins) == store.count(q)
    starts = sorted(e.when.start for e in store.query(q) if e.when.start)
    assert bins[0][0] == starts[0]
    for lo, hi, n in bins:  # each event counts once, in the bin where it starts
        assert n == sum(1 for s in starts if lo <= s <= hi)


def test_the_live_indexes_exist_and_serve_the_full_view(store: Store) -> None:
    for ev in EVENTS:
        store.add_event(ev)
    with store._read() as conn:
        if store.dialect == "sqlite":
            rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'")).all()
        else:
            rows = conn.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'")
            ).all()
    defs = {name: sql for name, sql in rows}
    for name in ("ix_events_live_span", "ix_events_live_kind"):
        assert "deleted_at IS NULL" in defs[name].replace("(", "").replace(")", "")
    if store.dialect == "sqlite":  # the planner's choice (PostgreSQL scans a table this small)
        with store._read() as conn:
            w = store._candidates(conn, EventQuery(include_unresolved=False))
            from sqlalchemy import func, select

            sql = str(
                select(func.count()).select_from(w).compile(conn, compile_kwargs={"literal_binds": True})
            )
            plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_events_live_span" in plan


def test_document_summaries_carry_no_text(store: Store) -> None:
    docs = [
        Document(
            text="First article, long text.",
            title="First",
            url="https://a.example",
            published=dt.date(2020, 1, 2),
        ),
        Document(text="Second article.", source="wire.txt"),
    ]
    for d in docs:
        store.add_document(d)
    every = store.document_summaries()
    assert every == [
        DocumentSummary(id=d.id, title=d.title, source=d.source, url=d.url, published=d.published)
        for d in docs
    ]
    assert store.document_summaries([docs[1].id, "unknown"]) == [every[1]]
    assert store.document_summaries([]) == []
    assert "text" not in DocumentSummary.model_fields


@pytest.mark.parametrize(
    ("start", "end", "n_bins"),
    [
        ("2020-01-01", "2020-12-31", 12),  # the decade and the year began before: first bin
        ("2019-06-01", "2020-02-15", 5),
        ("2020-02-10", "2020-02-20", 20),  # fewer days than bins: one bin a day
        ("2010-01-01", "2030-12-31", 3),
        ("2021-01-01", "2021-12-31", 4),  # nothing in it
    ],
)
def test_density_of_a_window_matches_a_brute_force_count(
    store: Store, start: str, end: str, n_bins: int
) -> None:
    for ev in [*EVENTS, make_event("e", "2020-02-14", "2020-03-02", granularity="week", doc="d5")]:
        store.add_event(ev)
    store.delete_event("a")
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    q = EventQuery(start=a, end=b)
    bins = store.density(q, n_bins)
    assert bins[0][0] == a and bins[-1][1] == b and len(bins) == min(n_bins, (b - a).days + 1)
    for lo, hi, n in bins:
        expected = sum(
            1 for e in store.query(q) if e.when.start is not None and lo <= max(e.when.start, a) <= hi
        )
        assert n == expected, (lo, hi)


@pytest.mark.parametrize("at_most", [0, 1, 2, 3, 100])
@pytest.mark.parametrize(
    "q",
    [
        EventQuery(),
        EventQuery(start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31), granularities=["day", "month"]),
        EventQuery(include_unresolved=False, tags=["war", "x"]),
    ],
)
def test_count_at_most_stops_counting_there(store: Store, q: EventQuery, at_most: int) -> None:
    for ev in EVENTS:
        store.add_event(ev)
    assert store.count(q, at_most=at_most) == min(store.count(q), at_most)
