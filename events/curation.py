"""Dates as people type them ("January 2020", "early 2014", "Jan 3 2020", "the 1990s") -> TimeSpan,
and the events people add by hand.

The shapes dateparser gets wrong are read here first: bare years (dateparser fills in today's
month and day), decades and centuries, seasons, quarters, ISO weeks and months, and the
"early/mid/late" and "about" modifiers. Everything else goes to one `DateDataParser` for English
only (language detection turns words into dates and costs ~400 ms a call), whose `period` gives
the granularity; missing parts are never filled from today: a day or month without a year is an
error, not a guess. Relative words ("yesterday", "last week") are read against `today` and the
span says so (`relative`, `anchor`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import uuid
from functools import lru_cache
from typing import Any

from events.errors import InputError
from events.models import GRANULARITY_RANK, Event, Source, TimeSpan

MAX_DATE_TEXT = 80  # dateparser can hang on long inputs; a typed date is a phrase

_APPROX = re.compile(r"^(?:about|around|approximately|approx\.?|circa|ca\.?|c\.|roughly|~)\s*", re.I)
_PART = re.compile(
    r"^(?P<part>early|the\s+beginning\s+of|beginning\s+of|start\s+of|the\s+start\s+of|mid|middle\s+of|the\s+middle\s+of"
    r"|late|end\s+of|the\s+end\s+of)[\s-]+",
    re.I,
)
_PART_MOD = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID"}
_YEAR = re.compile(r"^(?:in\s+)?(\d{3,4})$", re.I)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(\d{3})0s$", re.I)
_CENTURY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century$", re.I)
_SEASON = re.compile(r"^(?:the\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})$", re.I)
_QUARTER = re.compile(
    r"^(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\s+(?:of\s+)?(\d{4})$", re.I
)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_RELATIVE = re.compile(
    r"\b(?:today|yesterday|tomorrow|ago|last|next|this|previous|coming|now|tonight)\b", re.I
)
_HAS_YEAR = re.compile(r"\b\d{3,4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
# Season -> (TIMEX3 code, EDTF code, first month, months); winter runs into the next year.
_SEASONS = {
    "spring": ("SP", "21", 3, 3),
    "summer": ("SU", "22", 6, 3),
    "autumn": ("FA", "23", 9, 3),
    "fall": ("FA", "23", 9, 3),
    "winter": ("WI", "24", 12, 3),
}


def new_event_id() -> str:
    """A fresh id for an event made by a person (extracted events get theirs from the extractor)."""
    return f"m-{uuid.uuid4().hex[:16]}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _span(start: dt.date, end: dt.date, granularity: str, value: str, edtf: str, **kw: Any) -> TimeSpan:
    return TimeSpan(start=start, end=end, granularity=granularity, value=value, edtf=edtf, **kw)  # type: ignore[arg-type]


def _year(y: int) -> TimeSpan:
    return _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", f"{y:04d}", f"{y:04d}")


def _grammar(text: str) -> TimeSpan | None:
    """The shapes read without dateparser; None when the text is none of them."""
    if m := _YEAR.match(text):
        y = int(m.group(1))
        return _year(y) if y >= 1 else None
    if m := _ISO_MONTH.match(text):
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            raise InputError(f"{text!r}: there is no month {mo}")
        return _span(dt.date(y, mo, 1), _month_end(y, mo), "month", text, text)
    if m := _ISO_WEEK.match(text):
        y, w = int(m.group(1)), int(m.group(2))
        try:
            monday = dt.date.fromisocalendar(y, w, 1)
        except ValueError:
            raise InputError(f"{text!r}: {y} has no week {w}") from None
        return _span(monday, monday + dt.timedelta(days=6), "week", f"{y:04d}-W{w:02d}", f"{y:04d}-W{w:02d}")
    if m := _DECADE.match(text):
        d = int(m.group(1))
        return _span(dt.date(d * 10, 1, 1), dt.date(d * 10 + 9, 12, 31), "decade", f"{d:03d}", f"{d:03d}X")
    if m := _CENTURY.match(text):
        c = int(m.group(1)) - 1  # TIMEX3 "19" is the 1900s: the 20th century
        if c < 0:
            return None
        first = max(c * 100, 1)
        return _span(dt.date(first, 1, 1), dt.date(c * 100 + 99, 12, 31), "century", f"{c:02d}", f"{c:02d}XX")
    if m := _SEASON.match(text):
        timex, edtf, first, months = _SEASONS[m.group(1).lower()]
        y = int(m.group(2))
        ey, em = _add_months(y, first, months - 1)
        return _span(
            dt.date(y, first, 1), _month_end(ey, em), "season", f"{y:04d}-{timex}", f"{y:04d}-{edtf}"
        )
    if m := _QUARTER.match(text):
        q = int(m.group(1)) if m.group(1) else _ORDINAL[m.group(2).lower()]
        y = int(m.group(3))
        first = 3 * (q - 1) + 1
        return _span(
            dt.date(y, first, 1), _month_end(y, first + 2), "quarter", f"{y:04d}-Q{q}", f"{y:04d}-{32 + q}"
        )
    return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_MONTH_OF_YEAR": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _dateparser(text: str, today: dt.date) -> TimeSpan | None:
    relative = bool(_RELATIVE.search(text))
    if not relative and not _HAS_YEAR.search(text):
        if re.search(r"[a-z]", text, re.I) and _parser().get_date_data(text).date_obj is not None:
            raise InputError(f'{text!r} has no year; write it in full, e.g. "3 January 2020"')
        return None
    if re.fullmatch(r"[\d\s.,]+", text) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None  # bare numbers ("6005", "1324 5") are not dates we guess at
    base = dt.datetime.combine(today, dt.time(12))
    data = _parser().get_date_data(text) if not relative else _relative_parser(base).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    kw: dict[str, Any] = {}
    if relative:
        kw = {"relative": True, "anchor": f"typed on {today.isoformat()}"}
    if period == "year":
        return _year(d.year).model_copy(update=kw)
    if period == "month":
        v = f"{d.year:04d}-{d.month:02d}"
        return _span(dt.date(d.year, d.month, 1), _month_end(d.year, d.month), "month", v, v, **kw)
    if period == "week":
        y, w, _ = d.isocalendar()
        monday = dt.date.fromisocalendar(y, w, 1)
        v = f"{y:04d}-W{w:02d}"
        return _span(monday, monday + dt.timedelta(days=6), "week", v, v, **kw)
    return _span(d, d, "day", d.isoformat(), d.isoformat(), **kw)


def _relative_parser(base: dt.datetime) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    )


def _part(span: TimeSpan, mod: str) -> TimeSpan:
    """Early / mid / late: the first, middle or last third of the span, flagged approximate.
    Thirds are whole months for spans of months or more (early 2014 = January..April) and whole
    days inside a month (early January = 1..10)."""
    assert span.start is not None and span.end is not None
    s, e = span.start, span.end
    months = (e.year - s.year) * 12 + e.month - s.month + 1
    if months >= 3 and s.day == 1:
        third = months // 3
        lo, hi = {"START": (0, third), "MID": (third, months - third), "END": (months - third, months)}[mod]
        ay, am = _add_months(s.year, s.month, lo)
        by, bm = _add_months(s.year, s.month, hi - 1)
        a, b = dt.date(ay, am, 1), _month_end(by, bm)
    else:
        days = (e - s).days + 1
        third = max(days // 3, 1)
        lo, hi = {"START": (0, third), "MID": (third, days - third), "END": (days - third, days)}[mod]
        a, b = s + dt.timedelta(days=lo), s + dt.timedelta(days=max(hi, lo + 1) - 1)
    edtf = f"{a.isoformat()}~/{b.isoformat()}~"
    return span.model_copy(update={"start": a, "end": b, "mod": mod, "approximate": True, "edtf": edtf})


def parse_date(text: str, today: dt.date | None = None) -> TimeSpan:
    """A date typed by a person -> TimeSpan with its granularity. InputError when unreadable."""
    raw = " ".join((text or "").split())
    if not raw:
        raise InputError('the date is empty; write it as people do, e.g. "January 2020" or "2014"')
    if len(raw) > MAX_DATE_TEXT:
        raise InputError(f"the date is too long ({len(raw)} characters); give just the date")
    today = today or dt.date.today()
    rest = raw.rstrip(".,;")
    approx = False
    if m := _APPROX.match(rest):
        approx, rest = True, rest[m.end() :]
    mod = None
    if m := _PART.match(rest):
        word = m.group("part").lower().split()
        key = next((w for w in word if w not in ("the", "of")), word[0])
        mod, rest = _PART_MOD.get(key, "END"), rest[m.end() :]
    rest = re.sub(r"^(?:in|on|during)\s+", "", rest, flags=re.I)
    span = _grammar(rest) or _dateparser(rest, today)
    if span is None:
        raise InputError(f'cannot read {raw!r} as a date; try e.g. "January 2020", "3 Jan 2020" or "2014"')
    if mod is not None:
        if span.granularity == "day":
            raise InputError(f"{raw!r}: early/mid/late needs a month, year or longer, not a single day")
        span = _part(span, mod)
    if approx:
        edtf = span.edtf if span.edtf.endswith("~") else f"{span.edtf}~"
        span = span.model_copy(update={"approximate": True, "mod": span.mod or "APPROX", "edtf": edtf})
    return span


def parse_range(start: str, end: str | None = None, today: dt.date | None = None) -> TimeSpan:
    """`--date` and optional `--end` -> one span from the first's start to the second's end."""
    a = parse_date(start, today)
    if not end:
        return a
    b = parse_date(end, today)
    assert a.start and b.end
    if b.end < a.start:
        raise InputError(f"the end {end!r} ({b.end}) is before the start {start!r} ({a.start})")
    coarser = min((a, b), key=lambda s: GRANULARITY_RANK.get(s.granularity, 0))
    return TimeSpan(
        start=a.start,
        end=b.end,
        granularity=coarser.granularity,
        value=a.value,
        edtf=f"{a.edtf}/{b.edtf}",
        approximate=a.approximate or b.approximate,
        relative=a.relative or b.relative,
        anchor=a.anchor or b.anchor,
    )


def describe(text: str, span: TimeSpan) -> str:
    """The echo after a date is read: `January 2020 -> 2020-01-01..2020-01-31 (month)`."""
    flags = [f for f, on in (("approximate", span.approximate), ("relative", span.relative)) if on]
    extra = f", {', '.join(flags)}" if flags else ""
    return f"{text} -> {span.start}..{span.end} ({span.granularity}{extra})"


def manual_event(
    title: str,
    when: TimeSpan,
    *,
    source_url: str | None = None,
    quote: str | None = None,
    tags: list[str] | None = None,
    actors: list[str] | None = None,
    description: str | None = None,
    status: str = "accepted",
) -> Event:
    """An event typed by a person: origin manual, a fresh id, the cited passage as its source."""
    sources = []
    if source_url or quote:
        sources = [Source(document_id="", sentence=quote or "", url=source_url, quote=quote)]
    try:
        return Event(
            id=new_event_id(),
            title=title.strip(),
            when=when,
            sources=sources,
            origin="manual",
            status=status,  # type: ignore[arg-type]
            tags=list(dict.fromkeys(tags or [])),
            actors=list(dict.fromkeys(actors or [])),
            description=description,
            extractor_version=None,
        )
    except ValueError as err:
        raise InputError(f"invalid event: {str(err).splitlines()[-1].strip()}") from None
