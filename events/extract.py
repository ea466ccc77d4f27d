"""Document -> [Event]: every dated statement of an article as an event tied to its sentence.

The pieces live in `events.extraction` (mentions, clauses, tense, anchoring, titles, actors,
confidence); this module walks the sentences in order, because news dates undated sentences by
the story's day, which only the sentences before can tell.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from typing import Any

from events.extraction.actors import actors as find_actors
from events.extraction.actors import common_words, last_place
from events.extraction.anchoring import Anchor, anchor_sentence, story_day
from events.extraction.clauses import clauses, has_finite_verb, share
from events.extraction.confidence import confidence
from events.extraction.mentions import Mention, mentions
from events.extraction.subjects import clause_head, clause_subject, subject_of
from events.extraction.titles import Context
from events.extraction.titles import title as make_title
from events.models import EXTRACTOR_VERSION, Document, Event, Source
from events.sentences import Sentence, split
from events.temporal import tag

_LOWER = re.compile(r"(?<![A-Za-z])[a-z]{3,}")
_DOCUMENT_FIELDS = {"id", "title", "url", "source"}


def extract(text: str, published: dt.date | None = None, **metadata: Any) -> list[Event]:
    """Events of an article given as text. Metadata: document_id (or id), title, url, source;
    anything else is kept in Document.metadata."""
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in metadata.items():
        key = "id" if key == "document_id" else key
        (fields if key in _DOCUMENT_FIELDS else extra)[key] = value
    return extract_document(Document(text=text, published=published, metadata=extra, **fields))


def extract_document(doc: Document) -> list[Event]:
    """Events of a document, in text order, with deterministic ids."""
    text = doc.text
    try:
        timexes = tag(text, doc.published)
    except Exception:  # a tagger failure must not lose the article; undated rules still apply
        timexes = []
    all_mentions = mentions(text, timexes)
    common = common_words(text)
    out: list[Event] = []
    reference: dt.date | None = None
    subject: str | None = None
    place: str | None = None
    i = 0
    for sent in split(text):
        own: list[Mention] = []
        while i < len(all_mentions) and all_mentions[i].start < sent.end:
            m = all_mentions[i]
            if m.start >= sent.start and m.end <= sent.end:
                own.append(m)
            i += 1
        if _only_dates(sent, own):
            continue  # a dateline ("June 8, 2010") dates the article, it is not an event
        anchors = anchor_sentence(sent.text, sent.start, own, doc.published, reference)
        reference = story_day(anchors, doc.published) or reference
        spans = clauses(sent.text)
        before, main_subject, first_clause = subject, None, True
        by_clause: dict[int, list[Anchor]] = {}
        for a in anchors:
            by_clause.setdefault(a.clause[0], []).append(a)
        dates = [(m.start - sent.start, m.end - sent.start) for m in own]
        # Walk clauses in order so that "they" in a clause refers to the subject just before.
        for c0, c1 in spans:
            here = by_clause.get(c0, [])  # every anchor's clause is one of `spans`
            parts = _parts(sent, (c0, c1), here)
            shared: Context | None = None
            for a, part in _worth_titling(sent, here, parts):
                # A later part of a shared clause ("... and re-elected four years later") keeps
                # the clause's own subject.
                if part[0] == c0:
                    ctx = Context(subject=subject, place=place)
                else:
                    if shared is None:  # once per clause: per date, a long clause was quadratic
                        who = clause_subject(sent.text[c0:c1], subject)
                        shared = Context(
                            subject=who or subject, place=place, shared=clause_head(sent.text[c0:c1], who)
                        )
                    ctx = shared
                out.append(_event(doc, sent, a, ctx, _next(spans, a.clause), part, dates, common))
            found = subject_of(sent.text[c0:c1])
            if first_clause and has_finite_verb(sent.text[c0:c1]):
                # The main clause's subject; a pronoun there keeps the one it refers to.
                main_subject, first_clause = found or subject, False
            subject = found or subject
        # The next sentence's "he" most likely means this sentence's main subject, not the
        # subject of a clause it reported ("Jobs said that OS X had ...").
        subject = main_subject or before
        place = last_place(sent.text) or place
    return out


def _only_dates(sent: Sentence, own: list[Mention]) -> bool:
    if not own:
        return False
    # The sentence without its date mentions, built from the gaps between them.
    gaps, pos = [], sent.start
    for m in own:
        gaps.append(sent.text[pos - sent.start : max(pos, m.start) - sent.start])
        pos = max(pos, m.end)
    gaps.append(sent.text[pos - sent.start :])
    # What is left is a dateline or byline ("WASHINGTON (Xinhua)", "The New York Times") when no
    # lower-case word (no verb) remains.
    return not any(_LOWER.search(g) for g in gaps)


def _worth_titling(
    sent: Sentence, anchors: list[Anchor], parts: list[tuple[int, int]]
) -> list[tuple[Anchor, tuple[int, int]]]:
    """Drop a date whose share of a clause says nothing but the date ("For the quarter ended
    Sept. 30, Delta posted ...": "the quarter" beside "Sept. 30") when another date of the
    clause carries the statement."""
    pairs = list(zip(anchors, parts, strict=True))
    if len(pairs) < 2:
        return pairs
    kept = []
    for a, (p0, p1) in pairs:
        rest = sent.text[p0:p1]
        if a.mention is not None:
            m0, m1 = a.mention.start - sent.start, a.mention.end - sent.start
            rest = rest[: max(0, m0 - p0)] + " " + rest[max(0, m1 - p0) :]
        if _CONTENT.search(rest):
            kept.append((a, (p0, p1)))
    return kept or pairs[:1]


_CONTENT = re.compile(
    r"(?<![\w'’])(?!(?:the|a|an|of|in|on|at|for|to|by|with|from|and|or|during|since|ended|ending|"
    r"this|that|its|their)\b)[A-Za-z][\w'’-]+",
    re.IGNORECASE,
)


def _parts(sent: Sentence, clause: tuple[int, int], anchors: list[Anchor]) -> list[tuple[int, int]]:
    """The stretch of the clause each anchor's title is made from."""
    dated = [a for a in anchors if a.mention is not None]
    if len(dated) < 2 or len(dated) != len(anchors):
        return [a.clause for a in anchors]
    dates = [(a.mention.start - sent.start, a.mention.end - sent.start) for a in dated if a.mention]
    return share(sent.text, clause, dates)


def _next(spans: tuple[tuple[int, int], ...], clause: tuple[int, int]) -> tuple[int, int] | None:
    k = bisect_left(spans, (clause[1], -1))
    return spans[k] if k < len(spans) else None


def event_id(document_id: str, sent: Sentence, mention: Mention | None, clause: tuple[int, int]) -> str:
    key = f"{document_id}:{sent.start}:{sent.end}:"
    key += f"{mention.start}:{mention.end}" if mention else f"c{clause[0]}:{clause[1]}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# How much text around a clause a title may look at (the noun phrase before a relative clause,
# the clause after it). Bounding it keeps a sentence with thousands of dates linear.
_TITLE_WINDOW = 400


def _title_in_window(
    text: str,
    clause: tuple[int, int],
    date_phrase: tuple[int, int] | None,
    context: Context,
    next_clause: tuple[int, int] | None,
    dates: list[tuple[int, int]],
) -> str:
    lo = max(0, clause[0] - _TITLE_WINDOW)
    hi = min(len(text), max(clause[1], next_clause[1] if next_clause else 0) + 1)
    hi = min(hi, clause[1] + _TITLE_WINDOW)

    def shift(span: tuple[int, int]) -> tuple[int, int]:
        return (span[0] - lo, span[1] - lo)

    return make_title(
        text[lo:hi],
        shift(clause),
        shift(date_phrase) if date_phrase else None,
        context,
        shift(next_clause) if next_clause and next_clause[1] <= hi else None,
        # The sentence's other dates in the window (sorted, so a slice): they date other events.
        tuple(
            shift(d) for d in dates[bisect_left(dates, (lo, -1)) : bisect_left(dates, (hi, -1))] if d[1] <= hi
        ),
    )


_TITLE_MAX = 500  # Event.title's max_length
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _event(
    doc: Document,
    sent: Sentence,
    a: Anchor,
    context: Context,
    next_clause: tuple[int, int] | None,
    part: tuple[int, int] | None = None,
    dates: list[tuple[int, int]] | None = None,
    common: frozenset[str] = frozenset(),
) -> Event:
    c0, c1 = part or a.clause
    clause = sent.text[c0:c1]
    m = a.mention
    date_phrase = (m.start - sent.start, m.end - sent.start) if m else None
    # The title names a resolved pronoun's referent ("they" -> "US"), so its names come first.
    heading = _title_in_window(sent.text, (c0, c1), date_phrase, context, next_clause, dates or [])
    # Control characters (NUL above all: PostgreSQL text cannot hold it) are noise in a title.
    heading = " ".join(_CONTROL.sub(" ", heading).split()) or "(untitled)"
    if len(heading) > _TITLE_MAX:  # one giant "word" ("2020-2020-...") must not fail the whole article
        heading = heading[: _TITLE_MAX - 1] + "…"
    planned = a.tense in ("future", "hypothetical")
    tags = ["planned"] if a.tense == "future" else (["hypothetical"] if a.tense == "hypothetical" else [])
    return Event(
        id=event_id(doc.id, sent, m, a.clause),
        title=heading,
        when=a.span,
        sources=[
            Source(
                document_id=doc.id,
                sentence=sent.text,
                sentence_start=sent.start,
                sentence_end=sent.end,
                date_text=m.text if m else None,
                date_start=m.start if m else None,
                date_end=m.end if m else None,
                url=doc.url,
                title=doc.title,
                published=doc.published,
            )
        ],
        origin="extracted",
        status="review",
        confidence=confidence(a.how, a.span.granularity, approximate=a.span.approximate, planned=planned),
        actors=_merge_lists(
            # Title-case makes a title's first word look like a name: keep names the text wrote.
            [
                n
                for n in find_actors(heading, common=common)
                if n in sent.text or n in (context.subject or "")
            ],
            find_actors(clause, sentence_start=c0 == 0, common=common),
        ),
        tags=tags,
        extractor_version=EXTRACTOR_VERSION,
    )


def _merge_lists(*lists: list[str]) -> list[str]:
    out: list[str] = []
    for names in lists:
        out.extend(n for n in names if n not in out)
    return out
