"""Timexes -> date mentions that can date an event.

A mention is one DATE/TIME expression, or a range (timexes sharing `range_id`) taken as one.
DURATION and SET timexes never date an event by themselves ("for five years", "each year").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.models import GRANULARITY_RANK, TimeSpan, Timex

# A bare year used as an adjective ("the 1991 agreement") or a possessive date ("this year's
# conference") qualifies a noun; it dates the event only when nothing else in the clause does.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our)\s+)$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s+[A-Za-z]")
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
# Prepositions that, written right before a range, belong to the date phrase.
# "before 2011", "until March": a bound, not the time the event happened.
# "compared to the previous year", "than last year": a baseline for a comparison, not a time.
_BOUND_LEAD = re.compile(
    r"\b(?:before|prior to|until|till|up to|by|compared (?:to|with)|than|versus|vs\.?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RANGE_LEAD = re.compile(r"(?:\b(?:between|from)\s+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A date phrase in the text: offsets into the document, its span, and how it was written."""

    start: int
    end: int
    text: str
    span: TimeSpan
    explicit: bool
    modifier: bool = False
    bound: bool = False

    @property
    def granularity(self) -> str:
        return self.span.granularity


def mentions(text: str, timexes: list[Timex]) -> list[Mention]:
    """Date mentions of `text`, in text order, ranges joined into one mention."""
    out: list[Mention] = []
    ranges: dict[int, list[Timex]] = {}
    for t in timexes:
        if t.type not in ("DATE", "TIME") or t.span is None or t.value.endswith("_REF"):
            # "recently", "now", "soon" (PAST_REF, PRESENT_REF, FUTURE_REF) place nothing on a calendar
            continue
        if t.range_id is not None:
            ranges.setdefault(t.range_id, []).append(t)
            continue
        out.append(_single(text, t))
    for parts in ranges.values():
        parts = sorted(parts, key=lambda t: t.start)
        if _ordered(parts):
            out.append(_range(text, parts))
        else:
            # A "range" whose end comes before its start is a misreading: its parts date alone.
            out.extend(_single(text, t) for t in parts)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _day_level(span: TimeSpan) -> TimeSpan:
    # An event is placed on calendar days; a clock time only says which day.
    if span.granularity == "time":
        return span.model_copy(update={"granularity": "day"})
    return span


def _single(text: str, t: Timex) -> Mention:
    assert t.span is not None
    before, after = text[max(0, t.start - 16) : t.start], text[t.end : t.end + 3]
    bare_year = re.fullmatch(r"\d{4}", t.text.strip()) is not None
    modifier = bool(_POSSESSIVE_AFTER.match(after)) or (
        bare_year and bool(_DETERMINER_BEFORE.search(before)) and bool(_NOUN_AFTER.match(after))
    )
    return Mention(
        start=t.start,
        end=t.end,
        text=text[t.start : t.end],
        span=_day_level(t.span),
        explicit=not (t.span.relative or t.span.unresolved),
        modifier=modifier,
        bound=bool(_BOUND_LEAD.search(before)) or t.mod in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"),
    )


def _ordered(parts: list[Timex]) -> bool:
    a, b = parts[0].span, parts[-1].span
    if a is None or b is None or a.start is None or b.end is None:
        return True  # unresolved: nothing to compare, the range stays unresolved
    return a.start <= b.end


def _range(text: str, parts: list[Timex]) -> Mention:
    first, last = parts[0], parts[-1]
    a, b = first.span, last.span
    assert a is not None and b is not None
    start = first.start
    lead = _RANGE_LEAD.search(text[max(0, start - 10) : start])
    if lead:
        start -= len(lead.group(0))
    gran = min((a.granularity, b.granularity), key=lambda g: GRANULARITY_RANK.get(g, 6))
    unresolved = a.unresolved or b.unresolved
    span = TimeSpan(
        start=None if unresolved else a.start,
        end=None if unresolved else b.end,
        granularity="day" if gran == "time" else gran,
        value=f"{a.value}/{b.value}",
        edtf=f"{a.edtf or a.value}/{b.edtf or b.value}",
        approximate=a.approximate or b.approximate,
        relative=a.relative or b.relative,
        unresolved=unresolved,
        anchor=a.anchor or b.anchor,
        mod=a.mod or b.mod,
    )
    return Mention(
        start=start,
        end=last.end,
        text=text[start : last.end],
        span=span,
        explicit=not (span.relative or span.unresolved),
    )
