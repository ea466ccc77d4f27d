"""Which date each event of a sentence takes.

Rules, in order:
- a date mention dates the clause that holds it; a sentence with two dated clauses gives two
  events, a range (one mention) gives one;
- a date written as a noun modifier ("the 1991 agreement", "this year's conference") dates its
  clause only when nothing else there does;
- a sentence with no date mention follows news conventions: a past-tense report takes the date
  of the story's main happening (the day its lead names, "yesterday", "on Monday") or else the
  published date; a present-tense statement takes the published date; plans and hypotheses
  ("will", "plans to", "if") are not dated at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from events.extraction.clauses import clause_of, clauses, has_finite_verb
from events.extraction.confidence import How
from events.extraction.mentions import Mention
from events.extraction.tense import Tense, is_perfect, report_verb, tense_of
from events.models import TimeSpan

# How far before publication a lead's day may lie and still be "the story's day".
NARRATIVE_WINDOW = dt.timedelta(days=10)


# A quotation closed by its attribution: '..., " said Steve Jobs' / '..." he said.'
_QUOTE_SAID = re.compile(
    r"[\"”’']\s*,?\s*(?:said|says|added|told|stated|announced|wrote)\b"
    r"|[\"”’']\s*,?\s*\w+(?:\s+\w+){0,3}\s+(?:said|added|told|stated|wrote)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Anchor:
    """One event of a sentence: its clause (offsets in the sentence), date and how it was dated."""

    clause: tuple[int, int]
    span: TimeSpan
    how: How
    tense: Tense
    mention: Mention | None = None


def day_span(day: dt.date, anchor: str | None = None) -> TimeSpan:
    return TimeSpan(
        start=day, end=day, granularity="day", value=day.isoformat(), edtf=day.isoformat(), anchor=anchor
    )


def how_dated(m: Mention) -> How:
    if m.span.unresolved:
        return "unresolved"
    return "explicit" if m.explicit else "relative"


def anchor_sentence(
    sentence: str,
    offset: int,
    sentence_mentions: list[Mention],
    published: dt.date | None,
    reference: dt.date | None,
) -> list[Anchor]:
    """The events of one sentence. `offset` is where the sentence starts in the document;
    `reference` is the story's day so far (None when the lead named none)."""
    spans = clauses(sentence)
    report = report_verb(sentence)
    by_clause: dict[tuple[int, int], list[Mention]] = {}
    for m in sentence_mentions:
        if m.bound or _vague_period(m):
            continue
        by_clause.setdefault(clause_of(spans, m.start - offset), []).append(m)
    out: list[Anchor] = []
    report_dated = False
    for clause, ms in sorted(by_clause.items()):
        chosen = [m for m in ms if not m.modifier] or ms
        for m in chosen:
            at = m.start - offset
            if report is not None and at >= report.complement:
                # "Jobs announced that Leopard would ship in 2007": the date is the reported
                # thing's, with the reported clause's tense (here a plan).
                tense = tense_of(sentence[report.end : m.end - offset])
                if tense == "none":
                    tense = tense_of(sentence[report.end : clause[1]])
                if tense in ("future", "hypothetical"):
                    continue  # the news is the announcement; the plan it reports is not a fact
            else:
                report_dated = report_dated or report is not None
                tense = tense_of(sentence[clause[0] : clause[1]])
                if tense == "none":
                    tense = tense_of(sentence)
            out.append(Anchor(clause, m.span, how_dated(m), tense, m))
    if published is None:
        return out
    if out:
        if report is not None and not report_dated:
            # The report itself is news ("Jobs said ... last year"): it happened on the story's day.
            clause = clause_of(spans, report.start)
            tense: Tense = "past" if report.past else "present"
            out.insert(0, _fallback(clause, tense, published, reference))
        return out
    main = _main_clause(sentence, spans)
    if main is None:
        # No verb we know ("It comes in two colors"): a statement in the simple present, true as
        # of publication; headlines and captions without end punctuation are left alone.
        if (
            len(sentence.split()) >= 5
            and sentence.rstrip("\"”’' )").endswith((".", "!"))
            and tense_of(sentence) == "none"
        ):
            how = f"the published date {published.isoformat()} (no date in the sentence)"
            return [Anchor((0, len(sentence)), day_span(published, how), "published", "present")]
        return []
    tense = tense_of(sentence[main[0] : main[1]])
    if tense in ("future", "hypothetical") and _QUOTE_SAID.search(sentence):
        tense = "past"  # '"We are going to move ...," said Jobs': the saying happened
    if tense == "present" and is_perfect(sentence[main[0] : main[1]]):
        tense = "past"  # "has died", "have lost": just happened, on the story's day
    if tense in ("past", "present"):
        return [_fallback(main, tense, published, reference)]
    return []


_SUBORDINATE = re.compile(
    r"^\W*(?:even\s+)?(?:while|although|though|when|whenever|after|before|because|as|since|if|unless|"
    r"until|once|whereas)\b",
    re.IGNORECASE,
)


def _main_clause(sentence: str, spans: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """The first clause with a finite verb that is not subordinate ("Even though it now uses X,
    iPhone 4 has Y" -> "iPhone 4 has Y"); parenthetical asides do not count."""
    with_verb = [c for c in spans if has_finite_verb(_PARENS.sub(" ", sentence[c[0] : c[1]]))]
    main = [c for c in with_verb if not _SUBORDINATE.match(sentence[c[0] : c[1]])]
    return (main or with_verb or [None])[0]


_PARENS = re.compile(r"\([^)]*\)")


def _fallback(clause: tuple[int, int], tense: Tense, published: dt.date, reference: dt.date | None) -> Anchor:
    # Nothing is dated silently: the span says where an undated sentence's day came from.
    if tense == "past" and reference is not None:
        how = (
            f"the story's day {reference.isoformat()}, named earlier in the article (no date in the sentence)"
        )
        return Anchor(clause, day_span(reference, how), "narrative", tense)
    how = f"the published date {published.isoformat()} (no date in the sentence)"
    return Anchor(clause, day_span(published, how), "published", tense)


def _vague_period(m: Mention) -> bool:
    """ "in the past decade", "over the last century": a resolved relative decade or century is a
    stretch of time before now, not when something happened."""
    return m.span.relative and not m.span.unresolved and m.span.granularity in ("decade", "century")


def story_day(anchors: list[Anchor], published: dt.date | None) -> dt.date | None:
    """The day a sentence names for the story's main happening, if it names one: a single
    past day shortly before (or on) publication, as in "Apple on Monday unveiled ..."."""
    if published is None:
        return None
    for a in anchors:
        s = a.span
        if (
            a.mention is not None
            and a.tense in ("past", "present", "none")
            and not s.unresolved
            and s.granularity == "day"
            and s.start is not None
            and s.start == s.end
            and s.start <= published
            and published - s.start <= NARRATIVE_WINDOW  # not `published - WINDOW`: overflows in year 1
        ):
            return s.start
    return None
