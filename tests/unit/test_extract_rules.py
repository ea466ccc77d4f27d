"""The extraction rules one by one, on real sentences: tense, clauses, mentions, anchoring,
actors, confidence. The tagger is not involved: mentions are built by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from events.extraction.actors import actors, last_place
from events.extraction.anchoring import anchor_sentence, story_day
from events.extraction.clauses import clauses
from events.extraction.confidence import confidence
from events.extraction.mentions import Mention, mentions
from events.extraction.tense import tense_of
from events.models import TimeSpan, Timex

PUBLISHED = dt.date(2023, 8, 2)


@pytest.mark.parametrize(
    ("clause", "tense"),
    [
        ("The US mercilessly attacked Iraq in 2003", "past"),
        ("Jobs announced that Mac OS X Leopard would be released in 2007", "past"),
        ("Steve Jobs has died at the age of 56", "present"),
        ("The store currently sells digital music tracks", "none"),
        ("iPhone 4 will be available on June 24 in the United States", "future"),
        ("Apple plans to sell movies through iTunes", "future"),
        ("The company is expected to report earnings next week", "future"),
        ("if the resistance opts to engage, it will dismantle their schemes", "hypothetical"),
        ("The US should recognize that their displays of power are ineffective", "hypothetical"),
        ("Pre-orders of the recently announced iPhone 4 began Tuesday", "past"),
    ],
)
def test_tense(clause: str, tense: str):
    assert tense_of(clause) == tense


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "While the US withdrew its troops from Iraq between 2007 and 2011, they returned in 2014 "
            "along with allied "
            "forces, purportedly to counter the threat posed by the Daesh Takfiri terrorist group.",
            [
                "While the US withdrew its troops from Iraq between 2007 and 2011",
                "they returned in 2014 along with allied forces, purportedly to counter the threat "
                "posed by the Daesh "
                "Takfiri terrorist group.",
            ],
        ),
        (
            "He started Apple in 1976, and in 1984 the first Macintosh personal computer was "
            "released to the public.",
            [
                "He started Apple in 1976",
                "and in 1984 the first Macintosh personal computer was released to the public.",
            ],
        ),
        (
            "Conversely, the resistance has enhanced and expanded its capabilities compared to that time.",
            ["Conversely, the resistance has enhanced and expanded its capabilities compared to that time."],
        ),
    ],
)
def test_clauses(sentence: str, expected: list[str]):
    assert [sentence[a:b] for a, b in clauses(sentence)] == expected


def year_timex(text: str, y: int, at: int | None = None, **kw) -> Timex:
    start = text.index(str(y)) if at is None else at
    span = TimeSpan(
        start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", value=str(y), edtf=str(y)
    )
    return Timex(start=start, end=start + 4, text=str(y), type="DATE", value=str(y), span=span, **kw)


def test_range_is_one_mention_with_edtf_interval():
    text = "While the US withdrew its troops from Iraq between 2007 and 2011, they returned in 2014."
    tx = [
        year_timex(text, 2007, range_id=1, range_role="start"),
        year_timex(text, 2011, range_id=1, range_role="end"),
        year_timex(text, 2014),
    ]
    ms = mentions(text, tx)
    assert len(ms) == 2
    rng = ms[0]
    assert rng.text == "between 2007 and 2011"
    assert (rng.span.start, rng.span.end) == (dt.date(2007, 1, 1), dt.date(2011, 12, 31))
    assert rng.span.granularity == "year"
    assert rng.span.edtf == "2007/2011"


def test_durations_and_sets_do_not_date_events():
    text = "For five years, the council met each year."
    tx = [
        Timex(start=4, end=14, text="five years", type="DURATION", value="P5Y"),
        Timex(start=32, end=41, text="each year", type="SET", value="P1Y"),
    ]
    assert mentions(text, tx) == []


@pytest.mark.parametrize(
    ("text", "year", "modifier"),
    [
        ("Apple Computer violated the 1991 agreement with its store.", 1991, True),
        ("The two companies reached an agreement in 1991.", 1991, False),
    ],
)
def test_year_used_as_modifier(text: str, year: int, modifier: bool):
    (m,) = mentions(text, [year_timex(text, year)])
    assert m.modifier is modifier


def mention(text: str, phrase: str, span: TimeSpan, explicit: bool = True) -> Mention:
    a = text.index(phrase)
    return Mention(a, a + len(phrase), phrase, span, explicit)


def year_span(y: int) -> TimeSpan:
    return TimeSpan(
        start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", value=str(y), edtf=str(y)
    )


def day_of(d: dt.date) -> TimeSpan:
    return TimeSpan(start=d, end=d, value=d.isoformat(), edtf=d.isoformat())


def test_two_dated_clauses_give_two_events():
    s = "While the US withdrew its troops from Iraq in 2011, they returned in 2014 along with allied forces."
    ms = [mention(s, "2011", year_span(2011)), mention(s, "2014", year_span(2014))]
    anchors = anchor_sentence(s, 0, ms, PUBLISHED, None)
    assert [a.span.value for a in anchors] == ["2011", "2014"]
    assert anchors[0].clause != anchors[1].clause


@pytest.mark.parametrize(
    ("sentence", "published", "reference", "expected"),
    [
        # A past report with no date takes the story's day, else the published date.
        (
            "The faction emphasized that the remaining US forces are not superior.",
            PUBLISHED,
            None,
            "2023-08-02",
        ),
        (
            "Jobs demoed the device's new gyroscope as well.",
            dt.date(2010, 6, 8),
            dt.date(2010, 6, 7),
            "2010-06-07",
        ),
        # A present-tense statement is true as of publication.
        ("The phone has two cameras.", dt.date(2010, 6, 8), dt.date(2010, 6, 7), "2010-06-08"),
        # Plans and hypotheses are not dated as facts.
        ("The iPhone 3G will be discontinued.", dt.date(2010, 6, 8), None, None),
        ("If the resistance opts to engage, it will dismantle their schemes.", PUBLISHED, None, None),
        # Nothing is dated without a published date.
        ("The faction emphasized that the remaining US forces are not superior.", None, None, None),
    ],
)
def test_undated_sentences_follow_news_conventions(sentence, published, reference, expected):
    anchors = anchor_sentence(sentence, 0, [], published, reference)
    assert [a.span.value for a in anchors] == ([expected] if expected else [])
    for a in anchors:
        assert a.how in ("published", "narrative")
        assert a.span.granularity == "day"


def test_bound_dates_do_not_date_events():
    s = "The remaining US forces are not superior to those present in Iraq before 2011."
    (m,) = mentions(s, [year_timex(s, 2011)])
    assert m.bound
    anchors = anchor_sentence(s, 0, [m], PUBLISHED, None)
    assert [a.how for a in anchors] == ["published"]


def test_story_day_comes_from_a_recent_past_day():
    s = "Yesterday, company CEO Steve Jobs unveiled iPhone 4."
    d = dt.date(2010, 6, 7)
    anchors = anchor_sentence(
        s, 0, [mention(s, "Yesterday", day_of(d), explicit=False)], dt.date(2010, 6, 8), None
    )
    assert story_day(anchors, dt.date(2010, 6, 8)) == d
    old = "He started Apple in 1976."
    anchors = anchor_sentence(old, 0, [mention(old, "1976", year_span(1976))], dt.date(2010, 6, 8), None)
    assert story_day(anchors, dt.date(2010, 6, 8)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kata’ib Hezbollah, a component of Iraq’s umbrella counterterrorism force known as Hashd "
            "al-Sha’abi or the "
            "Popular Mobilization Units (PMU), conveyed this message.",
            ["Kata’ib Hezbollah", "Iraq", "Hashd al-Sha’abi", "Popular Mobilization Units", "PMU"],
        ),
        (
            "This resolution was adopted following the US-led assassination of Iran’s revered "
            "anti-terror commander, "
            "Lieutenant General Qassem Soleimani, and his Iraqi associate Abu Mahdi al-Muhandis.",
            ["US", "Iran", "Qassem Soleimani", "Abu Mahdi al-Muhandis"],
        ),
        ("The US mercilessly attacked Iraq in 2003.", ["US", "Iraq"]),
        ("On Wednesday, the Bank of England raised rates in March.", ["Bank of England"]),
    ],
)
def test_actors(text: str, expected: list[str]):
    assert actors(text) == expected


def test_last_place():
    assert last_place("Washington kept troops within Iraq despite the resolution") == "Iraq"
    assert last_place("no country here") is None


def test_confidence_order():
    day = confidence("explicit", "day")
    month = confidence("explicit", "month")
    year = confidence("explicit", "year")
    relative = confidence("relative", "day")
    fallback = confidence("published", "day")
    assert 1 >= day > month > year > relative > fallback >= 0
    assert confidence("explicit", "day", planned=True) < fallback


def test_inverted_range_dates_its_parts_alone():
    # A tagger slip ("from 2020 to 2003") must not break extraction: the parts date alone.
    text = "The plant ran from 2020 to 2003 without a stop."
    tx = [
        year_timex(text, 2020, range_id=7, range_role="start"),
        year_timex(text, 2003, range_id=7, range_role="end"),
    ]
    assert [m.span.value for m in mentions(text, tx)] == ["2020", "2003"]
