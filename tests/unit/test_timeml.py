"""TimeML output: well-formed XML whose <TEXT>, stripped of tags, is the original text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from events import tag
from events.temporal import to_timeml

TEXTS = [
    "The report was released on Wednesday; a statement was made a day earlier.",
    "Sales <rose> 5% & prices fell between 2007 and 2011, \"sharply\" in 'early March'.",
    "No dates at all here.",
    "",
    "Line one, Jan. 5, 2014.\n\nLine two: at 8 p.m. Friday, every Monday, for three years.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("dct", [dt.date(2023, 8, 2), None])
def test_round_trip(text: str, dct: dt.date | None) -> None:
    timexes = tag(text, dct)
    xml = to_timeml(text, timexes, dct, doc_id="d1")
    root = ET.fromstring(xml)
    assert root.tag == "TimeML"
    assert root.findtext("DOCID") == "d1"
    body = root.find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == text
    inline = body.findall("TIMEX3")
    assert [(t.get("tid"), t.get("type"), t.get("value"), t.text) for t in inline] == [
        (t.tid, t.type, t.value, t.text or None) for t in timexes
    ]
    dct_el = root.find("DCT/TIMEX3")
    if dct is None:
        assert dct_el is None
    else:
        assert dct_el is not None
        assert (dct_el.get("tid"), dct_el.get("value"), dct_el.get("functionInDocument")) == (
            "t0",
            dct.isoformat(),
            "CREATION_TIME",
        )


def test_offsets_recovered_from_the_markup() -> None:
    text = "Between 2007 and 2011, and on Friday."
    timexes = tag(text, dt.date(2023, 8, 2))
    body = ET.fromstring(to_timeml(text, timexes, dt.date(2023, 8, 2))).find("TEXT")
    assert body is not None
    pos, spans = len(body.text or ""), []
    for el in body:
        spans.append((pos, pos + len(el.text or "")))
        pos += len(el.text or "") + len(el.tail or "")
    assert spans == [(t.start, t.end) for t in timexes]


def test_control_characters_keep_the_offsets() -> None:
    text = "a\x00b\x1f in 2014 and \ud800 on Friday"
    timexes = tag(text, dt.date(2023, 8, 2))
    body = ET.fromstring(to_timeml(text, timexes, dt.date(2023, 8, 2))).find("TEXT")
    assert body is not None
    out = "".join(body.itertext())
    assert len(out) == len(text)
    assert out.replace("\ufffd", "?") == text.replace("\x00", "?").replace("\x1f", "?").replace("\ud800", "?")


def test_relative_timex_carries_anchor_and_mod() -> None:
    text = "It happened in mid-2014 and a day earlier than Friday."
    xml = to_timeml(text, tag(text, dt.date(2023, 8, 2)), dt.date(2023, 8, 2))
    els = ET.fromstring(xml).findall("TEXT/TIMEX3")
    assert els[0].get("mod") == "MID"
    assert any(e.get("anchorTimeID") == "t0" and e.get("temporalFunction") == "true" for e in els)
