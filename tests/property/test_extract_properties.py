"""extract() never raises and keeps its offsets honest, on any text (Hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import events

NEWSY = st.lists(
    st.sampled_from(
        [
            "The US attacked Iraq in 2003.",
            "While the US withdrew its troops between 2007 and 2011, they returned in 2014.",
            "On Wednesday, the group said it would act.",
            "A day earlier, officials met in Paris.",
            "Prices rose 2,500 times last week!",
            "He said: “We will win.”",
            "In January 2020 parliament passed a resolution",
            "\n\n",
            " ",
            "Two decades ago",
            "1. ",
            "(AP)",
        ]
    ),
    max_size=12,
).map("".join)
TEXT = st.one_of(st.text(max_size=400), NEWSY, st.lists(st.one_of(NEWSY, st.text(max_size=40))).map(" ".join))
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, PUBLISHED)
def test_extract_never_raises_and_offsets_are_inside(text: str, published: dt.date | None):
    evs = events.extract(text, published=published)
    for e in evs:
        assert e.origin == "extracted"
        assert 0.0 <= e.confidence <= 1.0
        assert 1 <= len(e.title) <= 500
        w = e.when
        if w.start is not None and w.end is not None:
            assert w.start <= w.end
        else:
            assert w.unresolved
        for s in e.sources:
            assert 0 <= s.sentence_start <= s.sentence_end <= len(text)
            assert text[s.sentence_start : s.sentence_end] == s.sentence
            if s.date_start is not None:
                assert s.date_end is not None
                assert s.sentence_start <= s.date_start <= s.date_end <= s.sentence_end
                assert text[s.date_start : s.date_end] == s.date_text
        row = e.to_row()
        assert row["id"] == e.id


@settings(max_examples=50, deadline=None)
@given(NEWSY, PUBLISHED)
def test_ids_are_deterministic_and_unique(text: str, published: dt.date | None):
    first = [e.id for e in events.extract(text, published=published, document_id="doc")]
    again = [e.id for e in events.extract(text, published=published, document_id="doc")]
    assert first == again
    assert len(set(first)) == len(first)
