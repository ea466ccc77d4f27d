"""extract() end to end on real news sentences: which events, which dates (with the tagger)."""

from __future__ import annotations

import datetime as dt

import pytest

import events

D = dt.date


def dated(text: str, published: D | None) -> list[tuple[str, str]]:
    """(start date or 'unresolved', granularity) of each event, in order."""
    return [
        (e.when.start.isoformat() if e.when.start else "unresolved", e.when.granularity)
        for e in events.extract(text, published=published)
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # An explicit date dates its clause; two dated clauses give two events; a range gives one.
        ("The US mercilessly attacked Iraq in 2003.", None, [("2003-01-01", "year")]),
        (
            "While the US withdrew its troops from Iraq between 2007 and 2011, they returned in 2014.",
            None,
            [("2007-01-01", "year"), ("2014-01-01", "year")],
        ),
        (
            "He started Apple in 1976, and in 1984 the Macintosh was released.",
            None,
            [("1976-01-01", "year"), ("1984-01-01", "year")],
        ),
        # The lead's day carries to later past-tense sentences (news convention) ...
        (
            "Yesterday, Steve Jobs unveiled iPhone 4. During the keynote, Jobs demoed the new gyroscope.",
            D(2010, 6, 8),
            [("2010-06-07", "day"), ("2010-06-07", "day")],
        ),
        # ... while present-tense statements hold as of publication.
        (
            "Yesterday, Steve Jobs unveiled iPhone 4. The phone has two cameras.",
            D(2010, 6, 8),
            [("2010-06-07", "day"), ("2010-06-08", "day")],
        ),
        # Present perfect reports what just happened: the story's day.
        (
            "Steve Jobs has died yesterday at the age of 56. Those who knew him have lost a dear friend.",
            D(2011, 10, 6),
            [("2011-10-05", "day"), ("2011-10-05", "day")],
        ),
        # A report is news on its own day; the reported past event keeps its own date.
        (
            "Jobs said that his company sold 13.7 million Macs last year.",
            D(2010, 10, 23),
            [("2010-10-23", "day"), ("2009-01-01", "year")],
        ),
        # A plan inside a report is not dated as a fact; the announcement is.
        (
            "Steve announced that Mac OS X Leopard would be released in 2007.",
            D(2005, 6, 6),
            [("2005-06-06", "day")],
        ),
        # Undated plans and hypotheses are not dated at all.
        ("The iPhone 3G will be discontinued.", D(2010, 6, 8), []),
        ("If the resistance opts to engage, it will dismantle their schemes.", D(2023, 8, 2), []),
        # "recently", "now": no calendar place, so the sentence falls back to publication.
        ("The company has recently expanded its capabilities.", D(2023, 8, 2), [("2023-08-02", "day")]),
        # A comparison baseline is not when anything happened.
        (
            "Apple sold 21 million iPods, up 28% compared to the previous year.",
            D(2007, 1, 18),
            [("2007-01-18", "day")],
        ),
        # Without a published date nothing is dated by fallback, and relative dates stay unresolved.
        ("The group issued a statement on Wednesday.", None, [("unresolved", "day")]),
        ("The group issued a statement.", None, []),
    ],
)
def test_dating(text: str, published: D | None, expected: list[tuple[str, str]]):
    assert dated(text, published) == expected


def test_relative_chain_says_how_it_was_resolved():
    text = (
        "Kata'ib Hezbollah released a statement on Wednesday. This follows a statement from Asaib Ahl "
        "al-Haq, made a day earlier."
    )
    evs = events.extract(text, published=D(2023, 8, 2))
    earlier = next(e for e in evs if e.sources[0].date_text == "a day earlier")
    assert earlier.when.start == D(2023, 8, 1)
    assert earlier.when.relative and "Wednesday" in (earlier.when.anchor or "")


def test_confidence_follows_how_it_was_dated():
    text = (
        "The treaty was signed on March 3, 2004. The army withdrew in May 2005. The war ended in 2006. "
        "A day earlier, talks began. Officials met in the capital."
    )
    evs = events.extract(text, published=D(2007, 1, 10))
    conf = [e.confidence for e in evs]
    assert conf == sorted(conf, reverse=True) and len(set(conf)) == len(conf), [
        (e.title, e.confidence) for e in evs
    ]


def test_planned_events_are_tagged_and_least_trusted():
    (e,) = events.extract(
        "iPhone 4 will be available on June 24 in the United States.", published=D(2010, 6, 8)
    )
    assert e.tags == ["planned"]
    assert e.when.start == D(2010, 6, 24)
    assert e.confidence < 0.4


def test_fallback_dates_say_where_they_come_from():
    text = "Yesterday, Steve Jobs unveiled iPhone 4. Jobs demoed the gyroscope. The phone has two cameras."
    a, b, c = events.extract(text, published=D(2010, 6, 8))
    assert "story's day 2010-06-07" in (b.when.anchor or "")
    assert "published date 2010-06-08" in (c.when.anchor or "")
    assert a.confidence > b.confidence > c.confidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening prepositional phrase with a participle belongs to the clause after it; the
        # quarter is only the period "Sept. 30" closes, so one event remains.
        (
            "For the quarter ended Sept. 30, Delta posted net income of $133.1 million.",
            [("Delta posted net income of $133.1 million", "1989-09-30")],
        ),
        # Datelines and bylines are not events.
        ("WASHINGTON, August 8 (Xinhua) --", []),
        ("June 8, 2010", []),
    ],
)
def test_adjuncts_datelines_and_date_only_parts(text: str, expected: list[tuple[str, str]]):
    got = [(e.title, e.when.start.isoformat()) for e in events.extract(text, published=D(1989, 11, 2))]
    assert got == expected
