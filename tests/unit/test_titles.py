"""Titles a reader would write, from the sentence's own words (tables of real sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

import events
from events.extraction.clauses import clauses
from events.extraction.subjects import subject_of
from events.extraction.titles import Context, title


def headline(sentence: str, date: str | None, subject: str | None = None, place: str | None = None) -> str:
    """Title of the clause holding `date` (or the first clause)."""
    spans = clauses(sentence)
    at = sentence.index(date) if date else 0
    clause = next(c for c in spans if c[0] <= at < c[1])
    later = [c for c in spans if c[0] >= clause[1]]
    phrase = (at, at + len(date)) if date else None
    return title(sentence, clause, phrase, Context(subject=subject, place=place), later[0] if later else None)


SEED = {
    "attack": "The US mercilessly attacked Iraq in 2003 in the guise of Iraqi possessing weapons of mass "
    "destruction which later found out not true.",
    "withdraw": "While the US withdrew its troops from Iraq between 2007 and 2011, they returned in 2014 "
    "along "
    "with allied forces, purportedly to counter the threat posed by the Daesh Takfiri terrorist group.",
    "resolution": "Nevertheless, Washington has maintained around 2,500 military personnel within Iraq in "
    "defiance of a resolution passed by the country’s parliament in January 2020, demanding their departure.",
}


@pytest.mark.parametrize(
    ("sentence", "date", "subject", "place", "expected"),
    [
        (SEED["attack"], "2003", None, None, "US attacked Iraq"),
        (SEED["withdraw"], "2007 and 2011", None, None, "US withdrew its troops from Iraq"),
        (
            SEED["withdraw"],
            "2014",
            "US",
            None,
            "US returned with allied forces to counter Daesh Takfiri terrorist group",
        ),
        (
            SEED["resolution"],
            "January 2020",
            None,
            "Iraq",
            "Iraq’s parliament passed resolution demanding their departure",
        ),
        (
            "Apple Corps was founded by the Beatles in 1968.",
            "1968",
            None,
            None,
            "Apple Corps was founded by Beatles",
        ),
        (
            "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.",
            "1986",
            "Steve Jobs",
            None,
            "Steve Jobs bought Pixar",
        ),
        (
            "The Beatles' label Apple Corps lost its court case against Apple Computer today in the "
            "High Court.",
            "today",
            None,
            None,
            "Beatles' label Apple Corps lost its court case against Apple Computer",
        ),
    ],
)
def test_seed_and_news_titles(
    sentence: str, date: str, subject: str | None, place: str | None, expected: str
):
    assert headline(sentence, date, subject, place) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "must_not_contain"),
    [
        ("The company will close the plant in March, the statement said.", "March", "statement said"),
        ("Prices rose sharply in 2008, according to the central bank.", "2008", "according"),
        (
            "Kata’ib Hezbollah conveyed this message in an official statement released on Wednesday.",
            "Wednesday",
            "Wednesday",
        ),
        ("Nevertheless, the army withdrew in 2011.", "2011", "Nevertheless"),
    ],
)
def test_date_attribution_and_markers_removed(sentence: str, date: str, must_not_contain: str):
    assert must_not_contain not in headline(sentence, date)


@pytest.mark.parametrize(
    "sentence",
    [
        SEED["attack"],
        SEED["withdraw"],
        SEED["resolution"],
        "Iraq’s anti-terror group Kata’ib Hezbollah has warned American forces of “direct "
        "confrontation”, saying its "
        "forces will take the US troops by surprise and deliver them a stinging blow if they launch attacks.",
        "Jobs, born in San Francisco on February 24, 1955, has built the most valuable technology "
        "company in the "
        "world, with a market value of $348.8 billion.",
    ],
)
def test_titles_are_short(sentence: str):
    t = headline(sentence, None)
    assert 1 <= len(t.split()) <= 12
    assert t[0].isupper()


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("While the US withdrew its troops from Iraq between 2007 and 2011", "US"),
        ("Steve Jobs announced that Macintosh computers would ship with Intel processors", "Steve Jobs"),
        ("they returned in 2014", None),
        ("the price was cut", None),
    ],
)
def test_subject_of(clause: str, expected: str | None):
    assert subject_of(clause) == expected


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("He was elected in 2008 and re-elected four years later.", ["He was elected", "He was re-elected"]),
        (
            "Apple launched the iPod in 2001 and the iPhone in 2007.",
            ["Apple launched iPod", "Apple launched iPhone"],
        ),
        (
            "He fought pancreatic cancer in 2004 and took six months off in early 2009.",
            ["He fought pancreatic cancer", "He took six months off"],
        ),
        (
            "PARIS — European planemaker Airbus said on Tuesday it had won an order for 500 jets.",
            ["European planemaker Airbus said it had won order for 500 jets"],
        ),
        (
            "This declaration follows a statement from Asaib Ahl al-Haq, another Iraqi resistance "
            "group, made a "
            "day earlier, asserting that the eventual withdrawal of US forces from Iraq is unavoidable.",
            ["Statement from Asaib Ahl al-Haq asserting that eventual withdrawal of US forces"],
        ),
        (
            "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.",
            ["He bought Pixar", "Pixar was acquired by Walt Disney Company"],
        ),
        (
            "Cisco received the trademark in 2000, when the company overtook Infogear, which took "
            "place in 1996.",
            ["Cisco received trademark", "Company overtook Infogear"],
        ),
        ("The iMac was released in 1998.", ["iMac was released"]),
        ("June 8, 2010", []),
        (
            "Boeing, which delivered 57 jets last month, is expected to announce orders on Wednesday.",
            ["Boeing delivered 57 jets", "Boeing is expected to announce orders"],
        ),
    ],
)
def test_one_clause_several_dates(text: str, titles: list[str]):
    assert [e.title for e in events.extract(text, published=dt.date(2020, 5, 5))] == titles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            '" We think it\'s the future of notebooks, " said Jobs.',
            'Jobs said "We think it\'s the future of notebooks"',
        ),
        (
            'During the keynote, Schiller said, "The Mac has outpaced the PC industry every quarter for five '
            'years."',
            'Schiller said "The Mac has outpaced the PC industry every quarter"',
        ),
        (
            "Since its launch the store has sold more than 3 billion songs.",
            "Store has sold more than 3 billion songs",
        ),
        (
            "After the case closed Apple Computer CEO Steve Jobs extended an invitation to the record label.",
            "Apple Computer CEO Steve Jobs extended invitation to record label",
        ),
        (
            "Jobs welcomed everyone and announced that there were 3,800 attendees.",
            "Jobs welcomed everyone and announced that there were 3,800 attendees",
        ),
    ],
)
def test_openings_quotes_and_numbers(text: str, title: str):
    (e,) = events.extract(text, published=dt.date(2010, 10, 23))
    assert e.title == title


def test_he_means_the_main_subject_of_the_sentence_before():
    text = (
        'Jobs said that Mac OS X has had " a secret double life " and OS X had been compiled for Intel. '
        "He talked about the easiness of porting apps."
    )
    assert events.extract(text, published=dt.date(2005, 6, 6))[-1].title.startswith("Jobs talked")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Steve Jobs, the chief executive officer of Apple Inc., announced Monday in an internal memo "
            "that he "
            "would be on medical leave.",
            "Steve Jobs announced in internal memo",
        ),
        (
            "Jobs also said that those who had already purchased a bumper will receive a full refund.",
            "Jobs also said that those who had already purchased bumper will receive",
        ),
    ],
)
def test_names_before_commas_and_restrictive_relatives(text: str, title: str):
    (e,) = events.extract(text, published=dt.date(2011, 1, 17))
    assert e.title == title
