"""TimelineJS export, checked against the fields TimelineJS 3 reads (a small schema below)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from store_helpers import make_event

from events.curation import manual_event, parse_date
from events.io.timelinejs import to_timelinejs
from events.models import Event

SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink",
              "unique_id"}  # fmt: skip
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def _check_date(d: Any, where: str) -> None:
    assert isinstance(d, dict), where
    assert set(d) <= DATE_KEYS, f"{where}: unknown keys {set(d) - DATE_KEYS}"
    assert isinstance(d["year"], int), f"{where}: year is required and a number"
    if "month" in d:
        assert isinstance(d["month"], int) and 1 <= d["month"] <= 12, where
    if "day" in d:
        assert "month" in d and isinstance(d["day"], int) and 1 <= d["day"] <= 31, where


def validate_timelinejs(doc: dict[str, Any]) -> None:
    """What TimelineJS 3 requires of its JSON (timeline.knightlab.com/docs/json-format.html)."""
    assert set(doc) <= {"title", "events", "eras", "scale"}
    assert isinstance(doc["events"], list)
    if "title" in doc:
        assert set(doc["title"]) <= SLIDE_KEYS - {"start_date", "end_date"}
        assert isinstance(doc["title"]["text"]["headline"], str)
    ids = []
    for i, s in enumerate(doc["events"]):
        assert set(s) <= SLIDE_KEYS, f"slide {i}: unknown keys {set(s) - SLIDE_KEYS}"
        _check_date(s["start_date"], f"slide {i} start_date")
        if "end_date" in s:
            _check_date(s["end_date"], f"slide {i} end_date")
            key = lambda d: (d["year"], d.get("month", 1), d.get("day", 1))  # noqa: E731
            assert key(s["end_date"]) >= key(s["start_date"])
        assert set(s["text"]) <= {"headline", "text"} and all(isinstance(v, str) for v in s["text"].values())
        for k in ("group", "display_date", "unique_id"):
            assert k not in s or (isinstance(s[k], str) and s[k])
        ids.append(s.get("unique_id"))
    assert len([i for i in ids if i]) == len({i for i in ids if i}), "unique_id must be unique"
    json.dumps(doc)


def _slides(*events: Event, **kw: Any) -> list[dict[str, Any]]:
    doc = to_timelinejs(events, **kw)
    validate_timelinejs(doc)
    return doc["events"]


@pytest.mark.parametrize(
    ("date", "start", "end", "display"),
    [
        ("3 January 2020", {"year": 2020, "month": 1, "day": 3}, None, None),
        ("January 2020", {"year": 2020, "month": 1}, None, None),
        ("2014", {"year": 2014}, None, None),
        ("early 2014", {"year": 2014}, None, "early 2014"),
        ("mid-2014", {"year": 2014}, None, "mid-2014"),
        ("about 1990", {"year": 1990}, None, "about 1990"),
        ("the 1990s", {"year": 1990}, {"year": 1999}, "the 1990s"),
        ("20th century", {"year": 1900}, {"year": 1999}, "the 20th century"),
        ("summer 2018", {"year": 2018, "month": 6}, {"year": 2018, "month": 8}, "summer 2018"),
        ("Q3 2019", {"year": 2019, "month": 7}, {"year": 2019, "month": 9}, "Q3 2019"),
        (
            "2013-W11",
            {"year": 2013, "month": 3, "day": 11},
            {"year": 2013, "month": 3, "day": 17},
            "the week of 11 March 2013",
        ),
    ],
)
def test_dates_go_down_to_the_events_precision(date, start, end, display) -> None:
    [s] = _slides(manual_event("T", parse_date(date)))
    assert s["start_date"] == start
    assert s.get("end_date") == end
    assert s.get("display_date") == display


def test_ranges_get_an_end_date() -> None:
    [s] = _slides(make_event("r", "2020-01-03", "2020-01-09"))
    assert s["end_date"] == {"year": 2020, "month": 1, "day": 9}


def test_text_holds_escaped_sentence_and_link_and_headline_is_escaped() -> None:
    ev = make_event("x<y>", title="<script>alert(1)</script> & co", sentence='He said "<b>no</b>" & left.')
    [s] = _slides(ev)
    assert s["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    assert "&lt;b&gt;no&lt;/b&gt;" in s["text"]["text"] and "<b>" not in s["text"]["text"]
    assert 'href="https://example.org/doc1/0"' in s["text"]["text"]
    assert s["unique_id"] == "x-y-"


def test_groups_unresolved_skipped_and_unique_ids() -> None:
    a = make_event("a", tags=["war"])
    b = make_event("a?", doc="d2")  # same sanitised id as "a!" below
    c = make_event("a!")
    skipped = make_event("n", None)
    slides = _slides(a, b, c, skipped)
    assert [s.get("group") for s in slides] == ["war", None, None]
    assert len(slides) == 3
    by_doc = _slides(b, group_by="document")
    assert by_doc[0]["group"] == "Article d2"
    assert to_timelinejs([], title="Mine")["title"]["text"]["headline"] == "Mine"
