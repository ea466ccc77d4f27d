"""The detail panel: the sentence highlighted in its paragraph, provenance in words, text never HTML."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from dash import html
from dash.development.base_component import Component

from events.models import Document, Event, Source, TimeSpan
from timeline.detail import build_detail, corroboration_line, safe_href, source_paragraph
from timeline.words import date_in_words, how_found

TEXT = (
    "Iraqi group vows to act\n\n"
    "While the US withdrew its troops from Iraq between 2007 and 2011, they returned in 2014 along with"
    " allied forces. <script>alert(1)</script> The group <img src=x onerror=alert(2)> said so.\n\n"
    "Another paragraph."
)
DOC = Document(
    text=TEXT, title="Iraq <b>story</b>", url="https://example.org/a", published=dt.date(2023, 8, 2)
)
S0 = TEXT.index("While")
S1 = TEXT.index("forces.") + len("forces.")
D0 = TEXT.index("in 2014")
SOURCE = Source(
    document_id=DOC.id,
    sentence=TEXT[S0:S1],
    sentence_start=S0,
    sentence_end=S1,
    date_text="in 2014",
    date_start=D0,
    date_end=D0 + 7,
)
YEAR = TimeSpan(
    start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31), granularity="year", value="2014", edtf="2014"
)
EVENT = Event(id="e1", title="US returned", when=YEAR, sources=[SOURCE])


def walk(node: Any):  # type: ignore[no-untyped-def]
    yield node
    children = getattr(node, "children", None) if isinstance(node, Component) else None
    if isinstance(children, list | tuple):
        for c in children:
            yield from walk(c)
    elif children is not None:
        yield from walk(children)


def text_of(node: Any) -> str:
    return "".join(n for n in walk(node) if isinstance(n, str))


def test_sentence_is_marked_inside_its_paragraph() -> None:
    p = source_paragraph(SOURCE, DOC)
    (mark,) = [n for n in walk(p) if isinstance(n, html.Mark)]
    assert text_of(mark) == SOURCE.sentence
    paragraph = TEXT.split("\n\n")[1]
    assert text_of(p) == paragraph
    (strong,) = [n for n in walk(mark) if isinstance(n, html.Strong)]
    assert strong.children == "in 2014"


def test_article_markup_stays_text() -> None:
    panel = build_detail(EVENT, {DOC.id: DOC})
    kinds = {type(n).__name__ for n in walk(panel) if isinstance(n, Component)}
    assert kinds <= {
        "Div",
        "H2",
        "Dl",
        "Dt",
        "Dd",
        "Code",
        "P",
        "Section",
        "A",
        "Span",
        "Mark",
        "Strong",
        "Blockquote",
    }
    everything = text_of(panel)
    assert "<script>alert(1)</script>" in everything
    assert "<img src=x onerror=alert(2)>" in everything
    assert "Iraq <b>story</b>" in everything
    assert not any(
        getattr(n, "dangerouslySetInnerHTML", None) for n in walk(panel) if isinstance(n, Component)
    )


def test_stale_offsets_fall_back_to_finding_the_sentence() -> None:
    moved = SOURCE.model_copy(update={"sentence_start": 0, "sentence_end": 10})
    (mark,) = [n for n in walk(source_paragraph(moved, DOC)) if isinstance(n, html.Mark)]
    assert text_of(mark) == SOURCE.sentence


def test_unknown_document_shows_the_sentence_alone() -> None:
    p = source_paragraph(SOURCE, None)
    assert text_of(p) == SOURCE.sentence


def test_long_paragraphs_are_cut_around_the_sentence() -> None:
    long = "x" * 5000 + " " + SOURCE.sentence + " " + "y" * 5000
    doc = Document(text=long)
    src = SOURCE.model_copy(
        update={"document_id": doc.id, "sentence_start": 5001, "sentence_end": 5001 + len(SOURCE.sentence)}
    )
    text = text_of(source_paragraph(src, doc))
    assert SOURCE.sentence in text and len(text) < 2000 and text.startswith("…") and text.endswith("…")


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://x.y", "http://x.y"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("", None),
        (None, None),
    ],
)
def test_only_web_links_are_links(url: str | None, href: str | None) -> None:
    assert safe_href(url) == href


def test_document_line_links_title_and_published() -> None:
    panel = build_detail(EVENT, {DOC.id: DOC})
    (link,) = [n for n in walk(panel) if isinstance(n, html.A)]
    assert link.href == "https://example.org/a" and link.rel == "noopener noreferrer"
    assert "published 2023-08-02" in text_of(panel)


def test_corroboration_and_conflict() -> None:
    other = SOURCE.model_copy(update={"document_id": "other"})
    merged = EVENT.model_copy(update={"sources": [SOURCE, other], "conflict": "another report says 2015"})
    assert corroboration_line(merged) == "Corroborated by 2 sources."
    assert corroboration_line(EVENT).startswith("From 1 source")
    panel = build_detail(merged, {DOC.id: DOC})
    (alert,) = [n for n in walk(panel) if getattr(n, "role", None) == "alert"]
    assert "another report says 2015" in text_of(alert)


@pytest.mark.parametrize(
    ("when", "words"),
    [
        (
            TimeSpan(start=dt.date(2023, 8, 2), end=dt.date(2023, 8, 2), value="2023-08-02"),
            "Wednesday 2 August 2023",
        ),
        (
            TimeSpan(
                start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 31), granularity="month", value="2020-01"
            ),
            "January 2020",
        ),
        (YEAR, "2014"),
        (
            TimeSpan(
                start=dt.date(2014, 1, 1),
                end=dt.date(2014, 4, 30),
                granularity="year",
                value="2014",
                mod="START",
                approximate=True,
            ),
            "early 2014",
        ),
        (
            TimeSpan(start=dt.date(2007, 1, 1), end=dt.date(2011, 12, 31), granularity="year", value="2007"),
            "2007 to 2011",
        ),
        (
            TimeSpan(start=dt.date(2010, 1, 1), end=dt.date(2019, 12, 31), granularity="decade", value="201"),
            "the 2010s",
        ),
        (
            TimeSpan(start=dt.date(2000, 1, 1), end=dt.date(2099, 12, 31), granularity="century", value="20"),
            "the 21st century",
        ),
        (TimeSpan(unresolved=True, value="XXXX-WXX-3"), "not placed on the calendar (XXXX-WXX-3)"),
    ],
)
def test_date_in_words(when: TimeSpan, words: str) -> None:
    assert date_in_words(when) == words


def test_how_the_date_was_found() -> None:
    relative = YEAR.model_copy(update={"relative": True, "anchor": "the day before Wednesday 2023-08-02"})
    src = SOURCE.model_copy(update={"date_text": "a day earlier"})
    ev = EVENT.model_copy(update={"when": relative, "sources": [src]})
    assert how_found(ev) == "'a day earlier': the day before Wednesday 2023-08-02"
    unresolved = EVENT.model_copy(
        update={"when": TimeSpan(unresolved=True, value="XXXX-WXX-3"), "sources": [src]}
    )
    assert "no anchor known" in how_found(unresolved)
    manual = EVENT.model_copy(update={"origin": "manual", "sources": []})
    assert how_found(manual) == "Entered by hand."
