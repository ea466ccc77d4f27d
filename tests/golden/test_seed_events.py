"""The seed article's events (foundation issue acceptance), with and without a published date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import events
from events.models import Event

SHARED = Path(__file__).parents[2].parent / "shared"
SEED = SHARED / "seeds" / "iraq-resistance-us-projects.txt"
PUBLISHED = dt.date(2023, 8, 2)


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


def find(evs: list[Event], sentence_part: str, date_part: str | None = None) -> list[Event]:
    return [
        e
        for e in evs
        if sentence_part in e.sources[0].sentence
        and (date_part is None or date_part in (e.sources[0].date_text or ""))
    ]


@pytest.mark.parametrize("published", [None, PUBLISHED])
@pytest.mark.parametrize(
    ("sentence_part", "date_part", "start", "end", "granularity", "edtf", "verb"),
    [
        ("mercilessly attacked Iraq", "2003", "2003-01-01", "2003-12-31", "year", "2003", "attacked"),
        ("withdrew its troops", "2007", "2007-01-01", "2011-12-31", "year", "2007/2011", "withdrew"),
        ("they returned in 2014", "2014", "2014-01-01", "2014-12-31", "year", "2014", "returned"),
        ("resolution passed by", "January 2020", "2020-01-01", "2020-01-31", "month", "2020-01", "passed"),
    ],
)
def test_seed_dated_events(
    seed_text, published, sentence_part, date_part, start, end, granularity, edtf, verb
):
    evs = find(events.extract(seed_text, published=published), sentence_part, date_part)
    assert len(evs) == 1, [e.title for e in evs]
    (e,) = evs
    assert (e.when.start.isoformat(), e.when.end.isoformat()) == (start, end)
    assert e.when.granularity == granularity
    assert e.when.edtf == edtf
    assert verb in e.title
    assert 4 <= len(e.title.split()) <= 12 or e.title == "US attacked Iraq"
    assert e.origin == "extracted" and e.status == "review"
    assert e.actors


@pytest.mark.parametrize(
    ("sentence_part", "date_part", "resolved_start", "granularity", "approximate"),
    [
        ("released on Wednesday", "Wednesday", "2023-08-02", "day", False),
        ("made a day earlier", "a day earlier", "2023-08-01", "day", False),
        ("two decades ago", "two decades ago", "2003", None, True),
    ],
)
def test_seed_relative_events(seed_text, sentence_part, date_part, resolved_start, granularity, approximate):
    # Without a published date: kept, flagged unresolved, never guessed.
    (e,) = find(events.extract(seed_text), sentence_part, date_part)
    assert e.when.unresolved and e.when.start is None
    # With one: resolved, and the record says how.
    (e,) = find(events.extract(seed_text, published=PUBLISHED), sentence_part, date_part)
    assert not e.when.unresolved
    assert e.when.start.isoformat().startswith(resolved_start)
    if granularity:
        assert e.when.granularity == granularity
    assert e.when.approximate is approximate
    assert e.when.relative and e.when.anchor


def test_nothing_dated_2500(seed_text):
    for published in (None, PUBLISHED):
        for e in events.extract(seed_text, published=published):
            assert "2500" not in e.when.value and "2,500" not in (e.sources[0].date_text or "")
            if e.when.start:
                assert e.when.start.year != 2500


def test_plans_and_hypotheses_are_not_dated_as_facts(seed_text):
    evs = events.extract(seed_text, published=PUBLISHED)
    assert not find(evs, "The US should recognize")
    assert not find(evs, "Iraqi resistance faction pledges to")


def test_ids_are_stable(seed_text):
    a = [e.id for e in events.extract(seed_text, published=PUBLISHED, document_id="seed")]
    b = [e.id for e in events.extract(seed_text, published=PUBLISHED, document_id="seed")]
    assert a == b and len(set(a)) == len(a)


def test_metadata_reaches_the_sources(seed_text):
    evs = events.extract(
        seed_text, published=PUBLISHED, document_id="seed", url="https://example.org/a", title="T"
    )
    s = evs[0].sources[0]
    assert (s.document_id, s.url, s.title, s.published) == ("seed", "https://example.org/a", "T", PUBLISHED)
