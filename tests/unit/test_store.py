"""The store on both back ends (SQLite file, throw-away PostgreSQL): the same tests for each."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import text
from store_helpers import D, make_event, run_in_threads, span

from events.errors import ConflictError, InputError, NotFoundError
from events.migrations import head
from events.models import Document, Event, Source
from events.query import EventQuery
from events.store import Store


def test_open_migrates_to_head_and_reopen_is_a_no_op(store_url: str) -> None:
    with Store.open(store_url) as s, s._read() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == head()
    with Store.open(store_url) as s:
        assert s.count(EventQuery()) == 0


def test_sqlite_uses_wal_busy_timeout_and_foreign_keys(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as s, s._read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize("url", ["nonsense", "nodriver://x/y"])
def test_a_bad_url_is_a_one_line_error(url: str) -> None:
    with pytest.raises(InputError) as err:
        Store.open(url)
    assert "\n" not in str(err.value)


def test_event_round_trips_losslessly(store: Store) -> None:
    ev = make_event(
        "e1",
        "2020-01-01",
        "2020-01-31",
        granularity="month",
        n_sources=3,
        actors=["Ann", "Bo"],
        tags=["x"],
        description="d",
        conflict="c",
        confidence=0.123456,
    )
    store.add_event(ev)
    assert store.get_event("e1") == ev


def test_unknown_event_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no event with id nope"):
        store.get_event("nope")
    with pytest.raises(NotFoundError):
        store.update_event("nope", 1, {"title": "x"})
    with pytest.raises(NotFoundError):
        store.history("nope")


def test_adding_an_existing_id_is_a_conflict(store: Store) -> None:
    store.add_event(make_event("e1"))
    with pytest.raises(ConflictError):
        store.add_event(make_event("e1"))


def test_documents_are_stored_once_by_content(store: Store) -> None:
    doc = Document(text="Text one.", title="T", url="https://x", published=D(2020, 1, 2), metadata={"k": 1})
    assert store.add_document(doc) is True
    assert store.add_document(doc.model_copy(update={"title": "Other title"})) is False
    assert store.get_document(doc.id) == doc
    assert store.get_document("missing") is None
    assert [d.id for d in store.list_documents()] == [doc.id]
    assert store.has_document(doc.content_hash)


def test_ingest_is_idempotent_and_skips_known_event_ids(store: Store) -> None:
    doc = Document(text="A text.")
    evs = [make_event("a", doc=doc.id), make_event("b", doc=doc.id), make_event("b", doc=doc.id)]
    first = store.ingest(doc, evs)
    assert (first.added, first.events_added, first.events_skipped) == (True, 2, 1)
    again = store.ingest(doc, evs)
    assert (again.added, again.events_added) == (False, 0)
    other = store.ingest(Document(text="Another text."), [make_event("a"), make_event("c")])
    assert (other.events_added, other.events_skipped) == (1, 1)
    assert store.count(EventQuery()) == 3
    assert [c.action for c in store.history("a")] == ["ingest"]


def test_update_bumps_the_version_and_refuses_stale_edits(store: Store) -> None:
    store.add_event(make_event("e1", title="Old"), actor="ann")
    new = store.update_event("e1", 1, {"title": "New", "tags": ["t"]}, actor="bo")
    assert (new.title, new.version, new.tags) == ("New", 2, ["t"])
    with pytest.raises(ConflictError, match=r"version 2.*based on version 1"):
        store.update_event("e1", 1, {"title": "Lost update"}, actor="cy")
    assert store.get_event("e1").title == "New"
    assert store.query(EventQuery(tags=["t"]))[0].id == "e1"
    hist = store.history("e1")
    assert [(c.action, c.actor) for c in hist] == [("create", "ann"), ("update", "bo")]
    assert hist[1].before["title"] == "Old" and hist[1].after["title"] == "New"
    assert hist[1].at.tzinfo is not None


def test_a_second_store_on_the_same_database_sees_the_conflict(store_url: str) -> None:
    with Store.open(store_url) as a, Store.open(store_url) as b:
        a.add_event(make_event("e1"))
        seen_by_a = a.get_event("e1")
        b.update_event("e1", b.get_event("e1").version, {"title": "B was first"})
        with pytest.raises(ConflictError):
            a.update_event("e1", seen_by_a.version, {"title": "A"})
        assert a.get_event("e1").title == "B was first"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "x"}, "cannot edit id"),
        ({"version": 9}, "cannot edit version"),
        ({"title": ""}, "title"),
        ({"confidence": 3}, "confidence"),
        ({"when": {"start": "2020-02-01", "end": "2020-01-01", "value": "x"}}, "when"),
    ],
)
def test_invalid_edits_are_input_errors(store: Store, changes: dict, message: str) -> None:
    store.add_event(make_event("e1"))
    with pytest.raises(InputError, match=message):
        store.update_event("e1", 1, changes)
    assert store.get_event("e1").version == 1


def test_status_delete_and_restore(store: Store) -> None:
    store.add_event(make_event("e1"))
    assert store.set_status("e1", "accepted").status == "accepted"
    assert store.set_status("e1", "rejected", expected_version=2).status == "rejected"
    with pytest.raises(ConflictError):
        store.set_status("e1", "accepted", expected_version=2)
    with pytest.raises(InputError):
        store.set_status("e1", "maybe")  # type: ignore[arg-type]
    store.delete_event("e1", expected_version=3)
    assert store.query(EventQuery()) == []
    assert [e.id for e in store.query(EventQuery(include_deleted=True))] == ["e1"]
    assert store.is_deleted("e1")
    with pytest.raises(InputError, match="deleted"):
        store.update_event("e1", 4, {"title": "x"})
    with pytest.raises(InputError, match="already deleted"):
        store.delete_event("e1")
    restored = store.restore_event("e1")
    assert restored.version == 5 and not store.is_deleted("e1")
    with pytest.raises(InputError, match="not deleted"):
        store.restore_event("e1")
    assert [c.action for c in store.history("e1")] == ["create", "status", "status", "delete", "restore"]


def test_merge_keeps_the_finer_date_and_unites_sources(store: Store) -> None:
    store.add_event(
        make_event("year", "2020-01-01", "2020-12-31", granularity="year", doc="d1", actors=["A"])
    )
    store.add_event(make_event("day", "2020-03-05", doc="d2", actors=["B"], tags=["t"], confidence=0.5))
    store.add_event(make_event("far", "2019-03-05", doc="d3"))
    merged = store.merge_events(["year", "day", "far"], actor="ann")
    assert merged.id == "day" and merged.when.start == D(2020, 3, 5)
    assert [s.document_id for s in merged.sources] == ["d2", "d1", "d3"]
    assert merged.actors == ["B", "A"] and merged.tags == ["t"] and merged.confidence == 1.0
    assert "far says 2019-03-05" in (merged.conflict or "")
    assert [e.id for e in store.query(EventQuery())] == ["day"]
    assert store.merged_into("year") == "day"
    assert store.history("year")[-1].after["merged_into"] == "day"
    store.restore_event("year")
    assert store.count(EventQuery()) == 2
    with pytest.raises(InputError):
        store.merge_events(["day", "day"])
    with pytest.raises(InputError, match="deleted"):
        store.merge_events(["day", "far"])


def _seed(store: Store) -> None:
    store.add_event(
        make_event("jan", "2020-01-10", doc="d1", actors=["Ann"], tags=["war"], title="Troops move")
    )
    store.add_event(
        make_event("feb", "2020-02-01", "2020-02-29", granularity="month", doc="d2", actors=["Bo"])
    )
    store.add_event(make_event("long", "2010-01-01", "2029-12-31", granularity="decade", doc="d2"))
    store.add_event(
        make_event(
            "y2019",
            "2019-01-01",
            "2019-12-31",
            granularity="year",
            doc="d1",
            sentence="The 100% sure_thing happened.",
        )
    )
    store.add_event(make_event("manual", "2020-03-03", origin="manual", status="accepted", tags=["war", "x"]))
    store.add_event(make_event("nowhen", None, title="Wednesday talks"))


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (EventQuery(), ["long", "y2019", "jan", "feb", "manual", "nowhen"]),
        (EventQuery(include_unresolved=False), ["long", "y2019", "jan", "feb", "manual"]),
        (EventQuery(unresolved_only=True), ["nowhen"]),
        (EventQuery(start=D(2020, 1, 1), end=D(2020, 1, 31)), ["long", "jan"]),
        (EventQuery(start=D(2020, 2, 29), end=D(2020, 2, 29)), ["long", "feb"]),
        (EventQuery(start=D(2020, 3, 1)), ["long", "manual"]),
        (EventQuery(end=D(2019, 6, 1)), ["long", "y2019"]),
        (EventQuery(start=D(2030, 1, 1)), []),
        (EventQuery(text="TROOPS"), ["jan"]),
        (EventQuery(text="100%"), ["y2019"]),
        (EventQuery(text="sure_thing"), ["y2019"]),
        (EventQuery(text="_"), ["y2019"]),
        (EventQuery(actors=["Ann", "Bo"]), ["jan", "feb"]),
        (EventQuery(tags=["war"]), ["jan", "manual"]),
        (EventQuery(tags=["war"], start=D(2020, 3, 1)), ["manual"]),
        (EventQuery(document_ids=["d2"]), ["long", "feb"]),
        (EventQuery(granularities=["month", "year"]), ["y2019", "feb"]),
        (EventQuery(origins=["manual"]), ["manual"]),
        (EventQuery(statuses=["accepted"]), ["manual"]),
        (EventQuery(limit=2, offset=1), ["y2019", "jan"]),
    ],
)
def test_query_filters(store: Store, q: EventQuery, expected: list[str]) -> None:
    _seed(store)
    assert [e.id for e in store.query(q)] == expected
    assert store.count(q) == len(store.query(q.page(None)))


def test_window_query_matches_brute_force_for_spans_of_every_length(store: Store) -> None:
    rng = random.Random(7)
    evs = []
    for i in range(400):
        start = D(2000, 1, 1) + dt.timedelta(days=rng.randrange(0, 8000))
        length = rng.choice([0, 0, 1, 2, 3, 6, 30, 90, 364, 3652, rng.randrange(0, 20000)])
        end = min(start + dt.timedelta(days=length), D(9999, 12, 31))
        evs.append(make_event(f"r{i:03}", start.isoformat(), end.isoformat()))
    assert store.bulk_add_events(evs, batch=150) == 400
    for _ in range(25):
        a = D(2000, 1, 1) + dt.timedelta(days=rng.randrange(-500, 9000))
        b = a + dt.timedelta(days=rng.choice([0, 1, 10, 100, 1000]))
        want = sorted(
            (e for e in evs if e.when.start <= b and e.when.end >= a),
            key=lambda e: (e.when.start, e.when.end, e.id),
        )
        q = EventQuery(start=a, end=b)
        assert [e.id for e in store.query(q)] == [e.id for e in want]
        assert store.count(q) == len(want)
        assert sum(n for _, _, n in store.density(q, 7)) == len(want)


def test_density_bins_cover_the_window(store: Store) -> None:
    _seed(store)
    bins = store.density(EventQuery(start=D(2020, 1, 1), end=D(2020, 12, 31)), 12)
    assert len(bins) == 12 and bins[0][0] == D(2020, 1, 1) and bins[-1][1] == D(2020, 12, 31)
    assert all(bins[i][1] + dt.timedelta(days=1) == bins[i + 1][0] for i in range(11))
    # "long" began before the window: it counts in the first bin, with "jan".
    assert [n for _, _, n in bins[:3]] == [2, 1, 1]
    assert sum(n for _, _, n in bins) == 4
    whole = store.density(EventQuery(), 5)
    assert whole[0][0] == D(2010, 1, 1) and whole[-1][1] == D(2029, 12, 31)
    assert sum(n for *_, n in whole) == 5
    assert len(store.density(EventQuery(start=D(2020, 1, 1), end=D(2020, 1, 3)), 10)) == 3
    assert store.density(EventQuery(origins=["manual"], tags=["nothing"]), 4) == []
    with pytest.raises(InputError):
        store.density(EventQuery(), 0)


def test_facets_list_what_live_events_use(store: Store) -> None:
    _seed(store)
    store.delete_event("manual")
    f = store.facets()
    assert f["actors"] == ["Ann", "Bo"]
    assert f["tags"] == ["war"]
    assert f["documents"] == ["d1", "d2", "doc1"]
    assert f["origins"] == ["extracted"]
    assert set(f["granularities"]) == {"day", "month", "year", "decade"}


def test_import_adds_skips_updates_and_refuses_stale_rows(store: Store) -> None:
    store.add_event(make_event("a", title="A"))
    store.add_event(make_event("b", title="B"))
    res = store.import_events([make_event("a", title="A"), make_event("b", title="B2"), make_event("c")])
    assert (res.added, res.updated, res.unchanged) == (1, 1, 1)
    assert store.get_event("b").title == "B2" and store.get_event("b").version == 2
    stale = make_event("b", title="B3")  # version 1 < stored 2
    with pytest.raises(ConflictError, match="line 3: event b"):
        store.import_events([make_event("d"), stale], labels=["line 2", "line 3"])
    with pytest.raises(NotFoundError):
        store.get_event("d")  # nothing half-imported
    with pytest.raises(InputError, match="twice"):
        store.import_events([make_event("e"), make_event("e")])
    store.delete_event("c")
    with pytest.raises(InputError, match="line 9: event c is deleted"):
        store.import_events([make_event("c", title="C2", version=3)], labels=["line 9"])


def test_unresolved_and_manual_sources_round_trip(store: Store) -> None:
    ev = Event(
        id="m-1",
        title="Meeting",
        when=span(None),
        origin="manual",
        sources=[Source(document_id="", url="https://example.org", quote="They met “on Wednesday”.")],
    )
    store.add_event(ev)
    assert store.get_event("m-1") == ev
    assert store.query(EventQuery(start=D(2000, 1, 1))) == []


def test_a_database_at_an_older_revision_is_upgraded_on_open(store_url: str) -> None:
    from alembic import command

    from events.migrations import config

    with Store.open(store_url) as s:
        s.add_event(make_event("kept", "2020-05-05"))
        with s._write() as conn:
            cfg = config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
            assert conn.execute(text("select version_num from alembic_version")).scalar() == "0001"
    with Store.open(store_url) as s:
        assert [e.id for e in s.query(EventQuery(start=D(2020, 5, 1)))] == ["kept"]
        with s._read() as conn:
            assert conn.execute(text("select version_num from alembic_version")).scalar() == head()


def test_migrations_ship_inside_the_package() -> None:
    from events.migrations import HERE

    assert (HERE / "env.py").exists() and (HERE / "versions" / "0001_initial.py").exists()
    assert HERE.parent.name == "events"


def test_optimize_after_a_bulk_load_keeps_results(store: Store) -> None:
    store.bulk_add_events([make_event(f"b{i}", f"2020-01-{i + 1:02d}") for i in range(20)])
    store.optimize()
    assert store.count(EventQuery(start=D(2020, 1, 5), end=D(2020, 1, 9))) == 5


def test_concurrent_writers_queue_instead_of_failing(store_url: str) -> None:
    """Two stores (two connections) editing at once: every write lands, versions stay exact."""
    with Store.open(store_url) as s:
        s.add_event(make_event("shared"))

    def writer(prefix: str) -> None:
        with Store.open(store_url) as mine:
            for i in range(15):
                mine.add_event(make_event(f"{prefix}{i}"))
                mine.set_status("shared", "accepted" if i % 2 else "rejected")

    assert run_in_threads(writer, ("a", "b")) == []
    with Store.open(store_url) as s:
        assert s.count(EventQuery()) == 31
        assert s.get_event("shared").version == 31
        assert len(s.history("shared")) == 31
