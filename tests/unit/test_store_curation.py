"""Dates typed by people -> TimeSpan (events/curation.py), and manual events."""

from __future__ import annotations

import datetime as dt

import pytest

from events.curation import describe, manual_event, parse_date, parse_range
from events.errors import InputError

TODAY = dt.date(2026, 11, 25)
D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity", "value", "approximate"),
    [
        ("January 2020", D(2020, 1, 1), D(2020, 1, 31), "month", "2020-01", False),
        ("Jan 2020", D(2020, 1, 1), D(2020, 1, 31), "month", "2020-01", False),
        ("February 2024", D(2024, 2, 1), D(2024, 2, 29), "month", "2024-02", False),
        ("Jan 3 2020", D(2020, 1, 3), D(2020, 1, 3), "day", "2020-01-03", False),
        ("3 January 2020", D(2020, 1, 3), D(2020, 1, 3), "day", "2020-01-03", False),
        ("Sept. 11, 2001", D(2001, 9, 11), D(2001, 9, 11), "day", "2001-09-11", False),
        ("2020-01-03", D(2020, 1, 3), D(2020, 1, 3), "day", "2020-01-03", False),
        ("2014", D(2014, 1, 1), D(2014, 12, 31), "year", "2014", False),  # not today's month/day
        ("in 1999", D(1999, 1, 1), D(1999, 12, 31), "year", "1999", False),
        ("2020-01", D(2020, 1, 1), D(2020, 1, 31), "month", "2020-01", False),
        ("early 2014", D(2014, 1, 1), D(2014, 4, 30), "year", "2014", True),
        ("mid-2014", D(2014, 5, 1), D(2014, 8, 31), "year", "2014", True),
        ("late 2014", D(2014, 9, 1), D(2014, 12, 31), "year", "2014", True),
        ("the end of 2019", D(2019, 9, 1), D(2019, 12, 31), "year", "2019", True),
        ("early January 2020", D(2020, 1, 1), D(2020, 1, 10), "month", "2020-01", True),
        ("about 1990", D(1990, 1, 1), D(1990, 12, 31), "year", "1990", True),
        ("the 1990s", D(1990, 1, 1), D(1999, 12, 31), "decade", "199", False),
        ("20th century", D(1900, 1, 1), D(1999, 12, 31), "century", "19", False),
        ("summer 2018", D(2018, 6, 1), D(2018, 8, 31), "season", "2018-SU", False),
        ("winter 2019", D(2019, 12, 1), D(2020, 2, 29), "season", "2019-WI", False),
        ("Q3 2019", D(2019, 7, 1), D(2019, 9, 30), "quarter", "2019-Q3", False),
        ("third quarter of 2019", D(2019, 7, 1), D(2019, 9, 30), "quarter", "2019-Q3", False),
        ("2013-W11", D(2013, 3, 11), D(2013, 3, 17), "week", "2013-W11", False),
        ("  January   2020. ", D(2020, 1, 1), D(2020, 1, 31), "month", "2020-01", False),
    ],
)
def test_people_dates(text, start, end, granularity, value, approximate) -> None:
    s = parse_date(text, TODAY)
    assert (s.start, s.end, s.granularity, s.value, s.approximate) == (
        start,
        end,
        granularity,
        value,
        approximate,
    )
    assert not s.unresolved and not s.relative


@pytest.mark.parametrize(
    ("text", "start", "granularity"),
    [("yesterday", D(2026, 11, 24), "day"), ("last week", D(2026, 11, 16), "week"), ("today", TODAY, "day")],
)
def test_relative_dates_are_read_against_today_and_flagged(text, start, granularity) -> None:
    s = parse_date(text, TODAY)
    assert (s.start, s.granularity, s.relative) == (start, granularity, True)
    assert "2026-11-25" in (s.anchor or "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("blah", "cannot read"),
        ("May", "no year"),  # a month alone is never completed with this year
        ("March 3", "no year"),
        ("6005 x", "cannot read"),
        ("1324 5", "cannot read"),  # bare numbers are not guessed at
        ("12", "cannot read"),
        ("early Jan 3 2020", "not a single day"),
        ("2020-13", "no month 13"),
        ("2015-W54", "no week 54"),
        ("x" * 200, "too long"),
    ],
)
def test_unreadable_dates_are_one_line_input_errors(text, message) -> None:
    with pytest.raises(InputError, match=message) as err:
        parse_date(text, TODAY)
    assert "\n" not in str(err.value) and err.value.exit_code == 2


def test_range_runs_from_the_start_of_one_to_the_end_of_the_other() -> None:
    s = parse_range("January 2020", "March 2020", TODAY)
    assert (s.start, s.end, s.granularity, s.edtf) == (
        D(2020, 1, 1),
        D(2020, 3, 31),
        "month",
        "2020-01/2020-03",
    )
    assert parse_range("2014", "3 May 2016", TODAY).granularity == "year"
    with pytest.raises(InputError, match="before the start"):
        parse_range("2020", "2019", TODAY)


def test_describe_echoes_the_parsed_result() -> None:
    assert (
        describe("January 2020", parse_date("January 2020"))
        == "January 2020 -> 2020-01-01..2020-01-31 (month)"
    )
    assert describe("early 2014", parse_date("early 2014")).endswith("(year, approximate)")


def test_manual_event_has_origin_manual_a_fresh_id_and_the_quote_as_source() -> None:
    when = parse_date("2014")
    a = manual_event("Talks", when, source_url="https://example.org/a", quote="They talked.", tags=["x", "x"])
    b = manual_event("Talks", when)
    assert a.origin == "manual" and a.id != b.id and a.id.startswith("m-")
    assert a.sources[0].url == "https://example.org/a" and a.sources[0].quote == "They talked."
    assert a.tags == ["x"] and b.sources == []
    with pytest.raises(InputError):
        manual_event("   ", when)
