"""The facet counts (`facet_counts`, migration 0007) behind `Store.facets`, on SQLite and
PostgreSQL: after any sequence of writes, failed ones included, they equal the exact computation
from the event tables (`Store._exact_facets`, the old per-value probes) and a brute-force count of
the live events; an upgraded store is backfilled; two writers at once lose no count."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError
from store_helpers import make_event, run_in_threads, span

from events.errors import TimelineError
from events.models import Document, Event, Source
from events.query import EventQuery
from events.store import Store
from events.store import schema as t

IDS = [f"e{i}" for i in range(5)]
DOCS = ["d1", "d2", "d3", ""]  # "" : a manual event citing no stored document
ACTORS = ["Ann", "Bo", "Cy", ""]
TAGS = ["war", "peace", ""]
GRANULARITIES = ["day", "month", "year", "decade"]
ORIGINS = ["extracted", "manual"]
STATUSES = ["review", "accepted", "rejected"]


def brute_counts(events: list[Event]) -> Counter[tuple[str, str]]:
    """How many of `events` carry each (kind, value), each event once per value."""
    n: Counter[tuple[str, str]] = Counter()
    for e in events:
        for kind, values in (
            ("documents", {s.document_id for s in e.sources}),
            ("actors", set(e.actors)),
            ("tags", set(e.tags)),
            ("granularities", {e.when.granularity}),
            ("origins", {e.origin}),
            ("statuses", {e.status}),
        ):
            n.update((kind, v) for v in values if v)
    return n


def stored_counts(store: Store) -> Counter[tuple[str, str]]:
    fc = t.facet_counts.c
    with store._read() as conn:
        return Counter({(k, v): n for k, v, n in conn.execute(select(fc.kind, fc.value, fc.live_count))})


def assert_facets_exact(store: Store) -> None:
    live = list(store.iter_events(EventQuery()))
    assert stored_counts(store) == brute_counts(live)  # no zero rows either: Counter == ignores 0
    assert store.facets() == store._exact_facets()


def empty(store: Store) -> None:
    with store._write() as conn:
        for table in reversed(t.metadata.sorted_tables):
            conn.execute(delete(table))


# -- a random sequence of writes ---------------------------------------------------------------

sources = st.lists(st.sampled_from(DOCS), max_size=3).map(
    lambda docs: [
        Source(document_id=d, sentence=f"Sentence {i}.", sentence_start=i, sentence_end=i + 1)
        for i, d in enumerate(docs)
    ]
)


@st.composite
def events(draw: st.DrawFn, version: int = 1) -> Event:
    ev = make_event(
        draw(st.sampled_from(IDS)),
        draw(st.sampled_from(["2020-01-01", None])),
        granularity=draw(st.sampled_from(GRANULARITIES)),
        actors=draw(st.lists(st.sampled_from(ACTORS), max_size=3)),
        tags=draw(st.lists(st.sampled_from(TAGS), max_size=2)),
        origin=draw(st.sampled_from(ORIGINS)),
        status=draw(st.sampled_from(STATUSES)),
        version=version,
    )
    return ev.model_copy(update={"sources": draw(sources)})


edits = st.fixed_dictionaries(
    {},
    optional={
        "actors": st.lists(st.sampled_from(ACTORS), max_size=3),
        "tags": st.lists(st.sampled_from(TAGS), max_size=2),
        "sources": sources,
        "status": st.sampled_from(STATUSES),
        "title": st.just("Edited"),
        "when": st.sampled_from(GRANULARITIES).map(lambda g: span("2021-03-01", granularity=g)),
    },
)
batch = st.lists(st.tuples(st.sampled_from(DOCS[:3]), st.lists(events(), max_size=3)), max_size=3)
OPS = st.one_of(
    st.tuples(st.just("add"), events()),
    st.tuples(st.just("bulk"), st.lists(events(), max_size=4)),
    st.tuples(st.just("ingest"), batch),
    st.tuples(st.just("ingest_many"), batch),
    st.tuples(st.just("edit"), st.sampled_from(IDS), edits),
    st.tuples(st.just("status"), st.sampled_from(IDS), st.sampled_from(STATUSES)),
    st.tuples(st.just("delete"), st.integers(0, 4)),  # the n-th live event
    st.tuples(st.just("restore"), st.integers(0, 4)),  # the n-th deleted or merged event
    st.tuples(st.just("merge"), st.lists(st.integers(0, 4), min_size=2, max_size=3)),  # live ones
    st.tuples(st.just("import"), st.lists(events(version=2), max_size=3)),
)


def run(store: Store, op: tuple[Any, ...], texts: list[int]) -> None:
    kind, *args = op
    with store._read() as conn:
        ids = sorted(conn.execute(select(t.events.c.id, t.events.c.deleted_at)).all())
    live = [i for i, gone in ids if gone is None] or IDS[:1]  # none: the write is refused
    gone = [i for i, gone in ids if gone is not None] or IDS[:1]
    if kind == "add":
        store.add_event(args[0])
    elif kind == "bulk":  # no id checks there: only ids not stored yet, once each
        fresh = {e.id: e for e in args[0] if e.id not in {i for i, _ in ids}}
        store.bulk_add_events(fresh.values(), batch=2)
    elif kind in ("ingest", "ingest_many"):
        items = []
        for doc_id, evs in args[0]:
            texts[0] += 1  # new text: a new document (the same text again is left alone)
            items.append((Document(text=f"Article {texts[0]}.", id=f"{doc_id}-{texts[0]}"), evs))
        if kind == "ingest":
            for doc, evs in items:
                store.ingest(doc, evs)
        else:
            store.ingest_many(items)
    elif kind == "edit":
        ev = store.get_event(args[0])
        store.update_event(ev.id, ev.version, args[1])
    elif kind == "status":
        store.set_status(args[0], args[1])
    elif kind == "delete":
        store.delete_event(live[args[0] % len(live)])
    elif kind == "restore":
        store.restore_event(gone[args[0] % len(gone)])
    elif kind == "merge":
        store.merge_events([live[n % len(live)] for n in args[0]])
    elif kind == "import":  # known ids are edits (refused, all of it, when the store is newer)
        store.import_events(list({e.id: e for e in args[0]}.values()))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(first=st.lists(events(), min_size=2, max_size=5), ops=st.lists(OPS, min_size=1, max_size=16))
def test_counts_follow_any_sequence_of_writes(
    store: Store, first: list[Event], ops: list[tuple[Any, ...]]
) -> None:
    empty(store)
    texts = [0]
    for op in [("bulk", first), *ops]:
        with contextlib.suppress(TimelineError):  # a refused write (stale, deleted...) changes nothing
            run(store, op, texts)
        assert_facets_exact(store)


def test_a_write_that_fails_half_way_changes_no_count(store: Store) -> None:
    store.add_event(make_event("a", actors=["Ann"], tags=["war"], doc="d1"))
    store.add_event(make_event("b", actors=["Bo"], doc="d2", version=3))
    before = stored_counts(store)
    stale = make_event("b", actors=["Cy"], doc="d9")  # version 1 < 3: refused after "a" was edited
    with pytest.raises(TimelineError):
        store.import_events([make_event("a", actors=["Dee"], version=2), make_event("n", tags=["x"]), stale])
    assert stored_counts(store) == before
    clash = Document(text="Other text claiming an id.", id="doc-x")
    store.add_document(Document(text="First text.", id="doc-x"))
    with pytest.raises(IntegrityError):
        store.ingest_many([(clash, [make_event("c", tags=["t"])])])
    assert stored_counts(store) == before
    assert_facets_exact(store)


def test_a_value_no_live_event_carries_leaves_the_table(store: Store) -> None:
    store.add_event(make_event("a", actors=["Ann"], doc="d1"))
    store.add_event(make_event("b", actors=["Ann", "Bo"], doc="d1"))
    assert stored_counts(store)[("actors", "Ann")] == 2
    store.delete_event("b")
    assert ("actors", "Bo") not in stored_counts(store)
    assert stored_counts(store)[("actors", "Ann")] == 1
    store.update_event("a", 1, {"actors": []})
    with store._read() as conn:
        kinds = conn.execute(select(t.facet_counts.c.kind).where(t.facet_counts.c.kind == "actors")).all()
    assert kinds == [] and store.facets()["actors"] == []
    store.restore_event("b")
    assert store.facets()["actors"] == ["Ann", "Bo"]
    assert_facets_exact(store)


def test_counts_on_a_back_end_without_upsert_still_add_up(store: Store) -> None:
    """The fallback for other back ends (UPDATE, else INSERT), run here on ours."""
    from events.store.facets import FacetDelta, _update_or_insert

    store.add_event(make_event("a", actors=["Ann"]))
    delta = FacetDelta({("actors", "Ann"): 2, ("actors", "Zed"): 1})
    with store._write() as conn:
        _update_or_insert(conn, [{"kind": k, "value": v, "live_count": n} for (k, v), n in delta.items()])
    counts = stored_counts(store)
    assert counts[("actors", "Ann")] == 3 and counts[("actors", "Zed")] == 1


# -- the upgrade -------------------------------------------------------------------------------


def test_an_upgrade_to_0007_backfills_the_counts(store_url: str) -> None:
    from alembic import command

    from events.migrations import config

    with Store.open(store_url) as s:
        s.add_event(make_event("a", doc="d1", actors=["Ann", "Bo"], tags=["war"]))
        s.add_event(make_event("b", None, doc="d2", actors=["Bo"], origin="manual", status="accepted"))
        s.add_event(make_event("c", "2010-01-01", "2019-12-31", granularity="decade", doc="d3"))
        s.add_event(make_event("d", doc="", n_sources=3, tags=["peace", "war"], status="rejected"))
        s.add_event(make_event("e", granularity="month", doc="d1", actors=["Cy"]))
        s.add_event(make_event("f", doc="d4", actors=["Dee"]))
        s.merge_events(["a", "e"])
        s.delete_event("c")
        with s._write() as conn:
            cfg = config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0006")
            # Writes made by a store at 0006 (no counts kept): a soft delete and a new actor.
            conn.execute(text("UPDATE events SET deleted_at = created_at WHERE id = 'f'"))
            conn.execute(text("INSERT INTO event_actors (event_id, actor) VALUES ('b', 'Eve')"))
    with Store.open(store_url) as s:
        with s._read() as conn:
            assert conn.execute(text("select version_num from alembic_version")).scalar() == "0007"
        f = s.facets()
        assert f == s._exact_facets()
        assert f["actors"] == ["Ann", "Bo", "Cy", "Eve"]  # not Dee (f deleted at 0006)
        assert f["documents"] == ["-1", "-2", "d1", "d2"]  # not d3 (c deleted), not ""
        counts = stored_counts(s)
        assert counts[("actors", "Bo")] == 2 and counts[("tags", "war")] == 2
        assert counts[("statuses", "review")] == 1 and counts[("origins", "extracted")] == 2
        # and kept in step from here on
        s.restore_event("c")
        s.add_event(make_event("g", doc="d5", actors=["Bo"]))
        assert s.facets() == s._exact_facets()
        assert stored_counts(s)[("actors", "Bo")] == 3


# -- two writers at once -----------------------------------------------------------------------


def test_two_writers_at_once_lose_no_count(store_url: str) -> None:
    """Two stores (two connections, two threads) writing the same facet values at the same time,
    with every kind of write; afterwards the counts equal a count of the live events. On
    PostgreSQL the transactions overlap (READ COMMITTED: a read-then-write of a count would lose
    increments); on SQLite they queue."""
    with Store.open(store_url) as s:
        for i in range(4):
            s.add_event(make_event(f"shared{i}", doc="d0", actors=["Ann"], tags=["war"]))
    start = threading.Barrier(2)

    def writer(p: str) -> None:
        with Store.open(store_url) as mine:
            start.wait()
            for i in range(12):
                mine.add_event(make_event(f"{p}{i}", doc=f"d{i % 3}", actors=["Ann", p]))
                mine.bulk_add_events([make_event(f"{p}b{i}", doc="d0", tags=["war", p])])
                mine.set_status(f"shared{i % 4}", "accepted" if p == "x" else "rejected")
                if i % 3 == 0:
                    mine.delete_event(f"{p}{i}")
                if i % 3 == 1:  # {p}{i} survives (same date: the first id given)
                    mine.merge_events([f"{p}{i}", f"{p}b{i}"])
                if i % 6 == 4:
                    mine.restore_event(f"{p}b{i}")
                doc = Document(text=f"{p} article {i}", id=f"{p}doc{i}")
                ev = make_event(f"{p}i{i}", doc="d0", actors=["Ann"], tags=["war"])
                mine.ingest_many([(doc, [ev])])

    assert run_in_threads(writer, ("x", "y")) == []
    with Store.open(store_url) as s:
        assert_facets_exact(s)
        counts = stored_counts(s)
    # Per writer: 8 of its 12 events live (4 deleted), 10 of 12 bulk ones (4 merged, 2 restored),
    # 12 ingested; the 4 merge survivors gain "war".
    assert counts[("actors", "Ann")] == 4 + 2 * (8 + 12)
    assert counts[("tags", "war")] == 4 + 2 * (10 + 12 + 4)
    assert counts[("actors", "x")] == counts[("actors", "y")] == 8
    assert counts[("statuses", "accepted")] + counts[("statuses", "rejected")] == 4
