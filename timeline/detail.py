"""The detail panel for one event: its date in words and EDTF, how it was found, every source.

Pure: components from models, no store or callbacks. Article text is untrusted: it is only ever
passed to components as plain strings (React escapes them), never as HTML or Markdown, so a
`<script>` in an article is shown as the characters `<script>`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from dash import html

from events.models import Document, Event, Source
from events.sentences import paragraph_of
from timeline.words import date_in_words, how_found, precision_label

# Paragraphs longer than this are cut around the sentence so the panel stays readable.
CONTEXT_CHARS = 600


def safe_href(url: str | None) -> str | None:
    """Only web links become links: a `javascript:` URL from an article must never be clickable."""
    if not url:
        return None
    try:
        scheme = urlparse(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def n_documents(event: Event) -> int:
    return len({s.document_id for s in event.sources if s.document_id})


def corroboration_line(event: Event) -> str:
    n = n_documents(event)
    if n >= 2:
        return f"Corroborated by {n} sources."
    if n == 1:
        return "From 1 source; not corroborated by another."
    return "No article source: typed by hand."


def sentence_offsets(source: Source, doc: Document | None) -> tuple[int, int] | None:
    """Where the sentence is in the document: the stored offsets if they still match, else a search."""
    if doc is None:
        return None
    s, e = source.sentence_start, source.sentence_end
    if 0 <= s < e <= len(doc.text) and (not source.sentence or doc.text[s:e] == source.sentence):
        return s, e
    if source.sentence:
        found = doc.text.find(source.sentence)
        if found >= 0:
            return found, found + len(source.sentence)
    return None


def _date_in_sentence(source: Source, sentence: str, s_start: int) -> tuple[int, int] | None:
    """The date mention as offsets into `sentence` (stored offsets are into the document)."""
    ds, de = source.date_start, source.date_end
    inside = ds is not None and de is not None and s_start <= ds < de <= s_start + len(sentence)
    if inside and (not source.date_text or sentence[ds - s_start : de - s_start] == source.date_text):
        return ds - s_start, de - s_start  # type: ignore[operator]
    if source.date_text:
        found = sentence.find(source.date_text)
        if found >= 0:
            return found, found + len(source.date_text)
    return None


def highlighted_sentence(source: Source, sentence: str, s_start: int) -> html.Mark:
    date = _date_in_sentence(source, sentence, s_start)
    if date is None:
        children: Any = sentence
    else:
        a, b = date
        children = [sentence[:a], html.Strong(sentence[a:b], className="date-mention"), sentence[b:]]
    return html.Mark(children, className="sentence")


def source_paragraph(source: Source, doc: Document | None) -> html.P:
    """The sentence highlighted inside its paragraph (or alone when the document is unknown)."""
    where = sentence_offsets(source, doc)
    if doc is None or where is None:
        return html.P(
            [highlighted_sentence(source, source.sentence, 0)] if source.sentence else "(no sentence)",
            className="source-paragraph",
        )
    s, e = where
    p_start, p_end = paragraph_of(doc.text, s, e)
    lo = max(p_start, s - CONTEXT_CHARS)
    hi = min(p_end, e + CONTEXT_CHARS)
    # Cut at a space so the context does not start or end inside a word.
    if lo > p_start:
        space = doc.text.find(" ", lo, s)
        lo = space + 1 if space >= 0 else lo
    if hi < p_end:
        space = doc.text.rfind(" ", e, hi)
        hi = space if space >= 0 else hi
    before = ("…" if lo > p_start else "") + doc.text[lo:s]
    after = doc.text[e:hi] + ("…" if hi < p_end else "")
    return html.P(
        [before, highlighted_sentence(source, doc.text[s:e], s), after],
        className="source-paragraph",
    )


def _document_line(source: Source, doc: Document | None) -> html.Div:
    title = (doc.title if doc else None) or source.title or (doc.source if doc else None) or "Untitled"
    url = (doc.url if doc else None) or source.url
    href = safe_href(url)
    published = (doc.published if doc else None) or source.published
    parts: list[Any] = [
        html.A(title, href=href, target="_blank", rel="noopener noreferrer") if href else html.Span(title),
    ]
    if doc is not None and doc.source and doc.source != title:
        parts.append(html.Span(f" · {doc.source}", className="muted"))
    parts.append(
        html.Span(
            f" · published {published.isoformat()}" if published else " · published date unknown",
            className="muted",
        )
    )
    if url and not href:
        parts.append(html.Span(f" · {url}", className="muted"))
    return html.Div(parts, className="source-document")


def source_block(source: Source, doc: Document | None) -> html.Section:
    children: list[Any] = [_document_line(source, doc)]
    if source.sentence or doc is not None:
        children.append(source_paragraph(source, doc))
    if source.quote:
        children.append(html.Blockquote(source.quote, className="source-quote"))
    return html.Section(children, className="source")


def build_detail(event: Event, documents: Mapping[str, Document], *, n_changes: int = 0) -> html.Div:
    w = event.when
    facts: list[Any] = [
        html.Dt("Date"),
        html.Dd(date_in_words(w)),
        html.Dt("EDTF"),
        html.Dd(html.Code(w.edtf or w.value, title="Extended Date/Time Format (ISO 8601-2)")),
        html.Dt("Precision"),
        html.Dd(precision_label(w)),
        html.Dt("How the date was found"),
        html.Dd(how_found(event), className="how-found"),
        html.Dt("Status"),
        html.Dd(f"{event.status} · {event.origin} · confidence {event.confidence:.2f}"),
    ]
    if event.actors:
        facts += [html.Dt("Actors"), html.Dd(", ".join(event.actors))]
    if event.tags:
        facts += [html.Dt("Tags"), html.Dd(", ".join(event.tags))]
    children: list[Any] = [
        html.H2(event.title, className="detail-title"),
        html.Dl(facts, className="facts"),
    ]
    if event.description:
        children.append(html.P(event.description, className="description"))
    if event.conflict:
        children.append(html.Div(["Conflict: ", event.conflict], className="conflict", role="alert"))
    children.append(html.P(corroboration_line(event), className="corroboration"))
    children += [source_block(s, documents.get(s.document_id)) for s in event.sources]
    footer = f"id {event.id} · version {event.version}"
    if n_changes:
        footer += f" · {n_changes} change{'s' if n_changes != 1 else ''} in the history"
    children.append(html.P(footer, className="muted small"))
    return html.Div(children, className="detail", **{"data-event-id": event.id})


def empty_detail() -> html.Div:
    return html.Div(
        html.P(
            "Click an event in the chart (or Tab to the chart and press an arrow key), or select a row"
            " in the table, to see where it came from."
        ),
        className="detail empty",
    )
