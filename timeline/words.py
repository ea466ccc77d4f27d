"""Dates in words for people: "Wednesday 2 August 2023", "early 2014", "the 2010s"."""

from __future__ import annotations

import datetime as dt

from events.models import Event, TimeSpan

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_MOD_WORDS = {
    "START": "early",
    "MID": "mid-",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "on or after",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day(d: dt.date) -> str:
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')}"


def _single(span: TimeSpan, d: dt.date) -> str:
    g = span.granularity
    if g in ("day", "time"):
        return _day(d)
    if g == "week":
        iso = d.isocalendar()
        return f"week {iso.week} of {iso.year} (from {_day(d)})"
    if g == "month":
        return d.strftime("%B %Y")
    if g == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if g == "season":
        code = span.value[-2:] if span.value else ""
        return f"{_SEASONS.get(code, 'season')} {d.year}"
    if g == "year":
        return str(d.year)
    if g == "decade":
        return f"the {d.year // 10 * 10}s"
    if g == "century":
        return f"the {_ordinal(d.year // 100 + 1)} century"
    return d.isoformat()


def date_in_words(span: TimeSpan) -> str:
    """The span as a person would say it; unresolved spans say so instead of guessing."""
    if span.unresolved or span.start is None or span.end is None:
        return f"not placed on the calendar ({span.value or 'no value'})"
    first = _single(span, span.start)
    # A span is a range when its end is not the end of the unit its start names.
    if span.is_point or _single(span, span.end) == first:
        words = first
    else:
        words = f"{first} to {_single(span, span.end)}"
    mod = _MOD_WORDS.get(span.mod or "")
    if mod:
        words = f"{mod}{'' if mod.endswith('-') else ' '}{words}"
    elif span.approximate:
        words = f"about {words}"
    return words


def precision_label(span: TimeSpan) -> str:
    parts = [span.granularity]
    if span.approximate:
        parts.append("approximate")
    if span.relative:
        parts.append("relative")
    if span.unresolved:
        parts.append("unresolved")
    return ", ".join(parts)


def date_as_written(event: Event) -> str:
    """The words of the article that gave the date, or the EDTF for events typed by hand."""
    for source in event.sources:
        if source.date_text:
            return source.date_text
    return event.when.edtf or event.when.value


def how_found(event: Event) -> str:
    """One line on where the date came from, e.g. "'a day earlier': the day before ..."."""
    span = event.when
    written = next((s.date_text for s in event.sources if s.date_text), None)
    if event.origin == "manual" and not written:
        return "Entered by hand."
    if span.unresolved:
        what = f"'{written}'" if written else "The date"
        return f"{what}: no anchor known (the article's published date is missing), so it is not placed."
    if span.anchor:
        return f"'{written}': {span.anchor}" if written else span.anchor
    if written:
        return f"'{written}', written in the sentence."
    return "From the article's published date."
