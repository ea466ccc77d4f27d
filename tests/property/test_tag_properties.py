"""Invariants of the temporal tagger on any text: it never raises, offsets point into the text,
mentions do not overlap, spans are ordered, and the fast recogniser equals the full scan."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import tag
from events.temporal import to_timeml
from events.temporal.grammar import recognise, recognise_full_scan

WORDS = [
    "on", "Friday", "March", "May", "5", "2014", "the", "third", "quarter", "of", "last", "week", "ago",
    "two", "years", "between", "and", "2007-2011", "early", "mid-", "1990s", "a", "day", "earlier",
    "every", "Monday", "at", "8", "p.m.", "Sept.", "30,", "now", "recently", "$2014", "2,500", "-", "–",
    "yesterday", "fiscal", "1989", "from", "to", "about", "three", "months", "'80s", "spring", "the end",
    "Christmas", "Jan.", "12", "03/05/2014", "12:30", "noon", "tonight", "decades", "century", "20th",
]  # fmt: skip

news_like = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_like, st.text(alphabet="0123456789-–/.,: ", max_size=200))
dcts = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def _check(text: str, dct: dt.date | None) -> None:
    found = tag(text, dct)
    last_end = 0
    for t in found:
        assert 0 <= t.start <= t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last_end, "mentions overlap"
        last_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.span is not None and t.span.start is not None and t.span.end is not None:
            assert t.span.start <= t.span.end
        if t.type in ("DURATION", "SET"):
            assert t.span is None
    assert [t.tid for t in found] == [f"t{i + 1}" for i in range(len(found))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, dcts)
def test_tag_invariants(text: str, dct: dt.date | None) -> None:
    _check(text, dct)


@settings(max_examples=200, deadline=None)
@given(news_like)
def test_fast_recogniser_equals_full_scan(text: str) -> None:
    fast = [(m.start, m.end, m.rule) for m in recognise(text)]
    full = [(m.start, m.end, m.rule) for m in recognise_full_scan(text)]
    assert fast == full


xml_text = st.one_of(
    news_like,
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\r\n\t<>&'\""),
            max_size=200),
)


@settings(max_examples=150, deadline=None)
@given(xml_text, dcts)
def test_timeml_round_trips(text: str, dct: dt.date | None) -> None:
    body = ET.fromstring(to_timeml(text, tag(text, dct), dct)).find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == text


def test_extreme_dcts_and_inputs() -> None:
    for dct in (dt.date(1, 1, 1), dt.date(9999, 12, 31), None):
        for text in ("", " ", "Friday", "10 years ago", "next century", "the year 9999", "Jan. 1, 0001"):
            _check(text, dct)


def test_pathological_inputs_finish() -> None:
    for text in (
        "1" * 200_000,
        "-" * 200_000,
        "March " * 50_000,
        "2014-" * 40_000,
        "the past " * 30_000,
        "a " * 100_000 + "year",
        "Friday, " * 40_000,
        "the past" + " " * 200_000 + "x",
        "March 5" + " \t" * 100_000 + "x",
        "at 5" + "\n " * 100_000,
    ):
        _check(text, dt.date(2020, 1, 1))
