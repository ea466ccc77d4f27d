"""Values of calendar dates: full and partial dates, months, years in context, decades,
centuries, seasons and holidays."""

# ruff: noqa: E501  (value tables read better one rule per line)

from __future__ import annotations

import datetime as dt
import re

from events.temporal.calendar import (
    fmt_day,
    fmt_week,
    safe_date,
    season_bounds,
)
from events.temporal.grammar import Mention
from events.temporal.lexicon import (
    HOLIDAYS,
    MONTH_NAMES,
    MONTHS,
    SEASONS,
    ordinal_number,
    spoken_year,
)
from events.temporal.normalise import (
    Context,
    Result,
    _day_in,
    _day_result,
    _edge,
    _low,
    _month_day_year,
    _month_in,
    _month_year,
    _since_before,
    _tense,
    _two_digit_year,
    _unresolved,
    _year_from,
    _year_in,
    handles,
)
from events.temporal.tense import after_by


@handles("iso")
def _iso(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    d = safe_date(int(s[:4]), int(s[5:7]), int(s[8:10]))
    if d is None:
        return None
    if len(s) > 10:
        return Result("TIME", f"{fmt_day(d)}T{s[11:16]}")
    return Result("DATE", fmt_day(d))


@handles("numeric")
def _numeric(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    a, b, c = re.split(r"[/.]", s)
    first, second = int(a), int(b)
    y = int(c) if len(c) == 4 else _two_digit_year(int(c), ctx.dct)
    # US order (M/D/Y) unless the first part cannot be a month; dots are European (D.M.Y).
    if "." in s or first > 12:
        first, second = second, first
    if first > 12:
        return None
    return _day_result(y, first, second, relative=False)


@handles("ymd_dots")
def _ymd(m: Mention, ctx: Context) -> Result | None:
    y, mo, d = re.split(r"[/.]", m.match.group(0))
    return _day_result(int(y), int(mo), int(d), relative=False)


@handles("mdy", "dmy", "the_dm")
def _full_date(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    month = _month_in(s)
    if month is None:
        return None
    rest = re.sub(r"[A-Za-z]+\.?", " ", s)
    year = _year_in(rest)
    day_s = rest
    if year is not None:
        day_s = rest.replace(str(year), " ", 1)
    if m.rule == "the_dm":
        om = re.search(r"(?i)the\s+(\S+)\s+of", s)
        day = ordinal_number(om.group(1)) if om else None
    else:
        day = _day_in(day_s)
    if day is None or day < 1:
        return None
    if year is None:
        return _md_result(month, day, m, ctx)
    return _day_result(year, month, day, relative=False)


def _deadline_tense(m: Mention, ctx: Context) -> str | None:
    """'to pay down the loan by February': a deadline named without a year lies ahead, whatever
    tense the rest of the sentence is in."""
    if after_by(ctx.text, m.start):
        return "future"
    return _tense(m, ctx)


def _md_result(month: int, day: int, m: Mention, ctx: Context) -> Result | None:
    if safe_date(2000, month, day) is None:
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}-{day:02d}", "no year given and no published date")
    y = _month_day_year(month, day, ctx, _deadline_tense(m, ctx))
    if _since_before(m, ctx) and (safe_date(y, month, min(day, 28)) or ctx.dct) > ctx.dct:
        y -= 1
    r = _day_result(
        y, month, day, relative=True,
        anchor=f"'{m.match.group(0)}': {MONTH_NAMES[month]} {day} {y}, the nearest to the published date {ctx.dct.isoformat()}",
    )  # fmt: skip
    if r is not None:
        r.anchor_tid = "t0"
    return r


@handles("md", "dm")
def _md(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    month = _month_in(s)
    day = _day_in(re.sub(r"[A-Za-z]+\.?", " ", s))
    if month is None or day is None or day < 1:
        return None
    return _md_result(month, day, m, ctx)


@handles("md_range", "dm_range")
def _day_range(m: Mention, ctx: Context) -> list[Result] | None:
    """'July 5-12' / '5-12 July 2014': the first and the last day, as two dates of one range."""
    s = m.match.group(0)
    month = _month_in(s)
    dm = re.search(r"(\d{1,2})(?:st|nd|rd|th)?[ \t]{0,2}[-–—][ \t]{0,2}(\d{1,2})(?:st|nd|rd|th)?", s)
    if month is None or dm is None:
        return None
    a, b = int(dm.group(1)), int(dm.group(2))
    if not 1 <= a < b <= 31 or safe_date(2000, month, b) is None:
        return None  # "a 5-4 vote", "Feb. 30-31"
    year = _year_in(s[dm.end() :])
    if year is None:
        first = _md_result(month, a, m, ctx)
        if first is None:
            return None
        year_s = first.value[:4]
        if not year_s.isdigit():
            second = _unresolved(f"XXXX-{month:02d}-{b:02d}", first.anchor or "no year given")
        else:
            second = _day_result(int(year_s), month, b, relative=True, anchor=first.anchor)
    else:
        first, second = _day_result(year, month, a, relative=False), _day_result(year, month, b, relative=False)
    if first is None or second is None:
        return None
    split = m.start + dm.start(2)
    if m.rule == "md_range":  # "July 5" | "12, 2014"
        first.start, first.end = m.start, m.start + dm.start(1) + len(dm.group(1))
        second.start, second.end = split, m.end
    else:  # "5" | "12 July 2014"
        first.start, first.end = m.start, m.start + len(dm.group(1))
        second.start, second.end = split, m.end
    first.range_role, second.range_role = "start", "end"
    return [first, second]


@handles("nine_eleven")
def _nine_eleven(m: Mention, ctx: Context) -> Result:
    return Result("DATE", "2001-09-11", anchor="'9/11': the attacks of 11 September 2001")


@handles("month_year")
def _month_year_h(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    month = _month_in(s)
    if month is None:
        return None
    y = _year_from(s, ctx.dct)
    if y is None:
        y = spoken_year(re.sub(r"^\s*\S+\.?\s+(?:of\s+)?", "", s).strip(" ,"))
    if y is None:
        return None
    return Result("DATE", f"{y:04d}-{month:02d}")


@handles("month_rel")
def _month_rel(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    month = _month_in(m.match.group(0))
    if month is None:
        return None
    shift = -1 if "last" in s else (1 if "next" in s else 0)
    if "that year" in s:
        b = ctx.base("year")
        if b is None:
            return _unresolved(f"XXXX-{month:02d}", "no year known")
        y = int(b[0][:4])
        return Result("DATE", f"{y:04d}-{month:02d}", relative=True, anchor=f"'{m.match.group(0)}': in {b[1]}",
                      anchor_tid=b[3], uses_ref=True)  # fmt: skip
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}", "no published date")
    y = ctx.dct.year + shift
    return Result("DATE", f"{y:04d}-{month:02d}", relative=True, anchor_tid="t0",
                  anchor=f"'{m.match.group(0)}': {MONTH_NAMES[month]} {y}, from the published date {ctx.dct.isoformat()}")  # fmt: skip


_MONTH_NEEDS_CONTEXT = {"May", "June", "April", "August", "March", "MAY", "MARCH"}


_MONTH_CONTEXT_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|from|through|to|and|or|between|before|after|last|next|this|early|"
    r"late|mid|of|that|each|every|for|until|until|end|beginning|start|middle|throughout|starting|as of)\s+|mid-)\Z"
)


# "May sales rose", "March payrolls": a statistic named by its month (and not by a person called May).
_MONTH_FIGURES_AFTER = re.compile(
    r"\s+(?:sales|figures|data|deliveries|exports|imports|inflation|output|payrolls|shipments|orders|"
    r"production|revenue|traffic|unemployment|jobless|retail|consumer|producer)\b"
)

_NAME_BEFORE = re.compile(r"[A-Z][\w.'-]*\s+\Z")  # "Theresa May": a surname


@handles("month")
def _month(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    month = MONTHS[s.lower()]
    before = ctx.text[max(0, m.start - 25) : m.start]
    if (
        s in _MONTH_NEEDS_CONTEXT
        and not _MONTH_CONTEXT_BEFORE.search(before)
        and not (_MONTH_FIGURES_AFTER.match(ctx.text, m.end, m.end + 24) and not _NAME_BEFORE.search(before))
    ):
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}", "no year given and no published date")
    y = _month_year(month, ctx, _deadline_tense(m, ctx))
    if _since_before(m, ctx) and (y, month) > (ctx.dct.year, ctx.dct.month):
        y -= 1
    return Result("DATE", f"{y:04d}-{month:02d}", relative=True, anchor_tid="t0",
                  anchor=f"'{s}': {MONTH_NAMES[month]} {y}, the nearest to the published date {ctx.dct.isoformat()}")  # fmt: skip


_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|til|by|before|after|during|from|through|throughout|thru|to|between|of|"
    r"for|early|late|mid|circa|ca\.|c\.|as\s+of|year|fiscal|spring|summer|autumn|fall|winter|and|or|"
    r"than|the\s+end\s+of|starting|beginning|ending|back\s+in|as\s+early\s+as|due|into|both|"
    r"as\s+late\s+as|not\s+until|season|calendar|class\s+of|model|election|elections|vintage|"
    r"in\s+(?:early|late|mid)|about|around)\s+|\(|mid-|pre-|post-|'s\s+)\Z"
)


# Prepositions that also take plain numbers ("rose by 1500", "a total of 1200"): a year after them
# must look like one (1800 on).
_NUMERIC_PREP = re.compile(r"(?i)\b(?:to|by|than|of|and|or|for|into|about|around|from|between)\s+\Z")


_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?!(?:elections|olympics|games|results|finals|playoffs|levels|figures|earnings|sales|profits|"
    r"standards|prices|rates|terms|series|years|months|talks|negotiations|protests|riots|attacks|"
    r"bombings|floods|rules|laws|accords|agreements|hearings|polls|primaries|midterms|census|"
    r"budgets|accounts|statements|forecasts|estimates)\b)[a-z][a-z-]*[a-z]s\b"
    r"|\s+(?:people|men|women|children|police|personnel|staff|cattle|sheep|feet|troops|soldiers|"
    r"persons|dollars|euros|pounds|yen|units|tons|tonnes|barrels|acres|meters|metres|miles|votes|"
    r"points|shares|jobs|deaths|cases|copies|pages|kilometers|km|kg|lbs|mw|ft|m)\b"
    r"|\s*(?:%|percent|per\s*cent|[a-z]*illion|x\b|\+)"
)


_YEAR_AFTER_OK = re.compile(
    r"(?:'s\b|’s\b|\s+(?:was|were|is|will|had|has|saw|brought|marked|when|(?:and|or|through|thru|to|until|till)\s+(?:1\d|20)\d\d)\b|\s*\)"
    r"|\s*[-–]\s*(?:1\d|20)\d\d)"
)


_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an|its|their|his|her|our|your|this|that)(?:\s+[a-z]{3,}(?<!ing))?|'s)\s+\Z"
)


def year_in_context(text: str, start: int, end: int, year: int) -> bool:
    """Is the bare number text[start:end] a year here? ('in 2014' yes, '2014 people' no)."""
    before = text[max(0, start - 24) : start]
    after = text[end : end + 24]
    if _COUNT_NOUN_AFTER.match(after) and not after.startswith(("'s", "’s")):
        return False
    if _YEAR_CONTEXT_BEFORE.search(before):
        return year >= 1800 or not _NUMERIC_PREP.search(before)
    if year < 1800:
        return False
    if _YEAR_AFTER_OK.match(after):
        return True
    # Attributive use: "the 1996 Olympic bombing", "his unsuccessful 1996 campaign".
    return bool(_ATTRIBUTIVE_BEFORE.search(before) and re.match(r"\s+[A-Za-z]", after))


@handles("year")
def _year(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    end = m.end
    mod = None
    pm = re.match(r"(?i)(mid|pre|post|early|late|end)-", s)
    if pm:
        mod = {"mid": "MID", "pre": "BEFORE", "post": "AFTER", "early": "START", "late": "END", "end": "END"}[
            pm.group(1).lower()
        ]
    if s.endswith(("'s", "’s")):
        end -= 2
    digits = re.search(r"\d{4}", s)
    assert digits is not None
    year = int(digits.group(0))
    if pm is None and not year_in_context(ctx.text, m.start, end, year):
        return None
    if pm is not None and pm.group(1).lower() in ("pre", "post"):
        # "pre-1990": the year is the anchor, TimeML tags the whole token.
        pass
    return Result("DATE", f"{year:04d}", mod=mod, end=end, approximate=mod in ("MID", "START", "END"))


@handles("apos_year")
def _apos_year(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    before = ctx.text[max(0, m.start - 24) : m.start]
    if not re.search(r"(?i:\b(?:in|since|until|by|during|of|from|to|through|class\s+of|fiscal|summer|spring|"
                     r"fall|winter|autumn|early|late|mid)\s+)\Z", before):  # fmt: skip
        return None
    y = _two_digit_year(int(s[1:3]), ctx.dct)
    return Result("DATE", f"{y:04d}")


@handles("the_year")
def _the_year(m: Mention, ctx: Context) -> Result | None:
    y = _year_in(m.match.group(0))
    return Result("DATE", f"{y:04d}") if y is not None else None


@handles("year_word")
def _year_word(m: Mention, ctx: Context) -> Result | None:
    s = re.sub(r"(?i)^the\s+year\s+", "", m.match.group(0))
    y = spoken_year(s)
    if y is None:
        return None
    return Result("DATE", f"{y:04d}")


@handles("year_range")
def _year_range(m: Mention, ctx: Context) -> list[Result] | None:
    s = m.match.group(0)
    mm = re.match(r"(\d{4})(\s*[-–—/]\s*)(\d{4}|\d\d)", s)
    if not mm:
        return None
    a = int(mm.group(1))
    b_s = mm.group(3)
    b = int(b_s) if len(b_s) == 4 else (a // 100) * 100 + int(b_s)
    if not (a < b <= a + 100):
        return None
    if mm.group(2).strip() == "/" and len(b_s) == 2 and b != a + 1:
        return None
    after = ctx.text[m.end : m.end + 24]
    if _COUNT_NOUN_AFTER.match(after):
        return None
    s1 = m.start + mm.end(3) - len(b_s)
    return [
        Result("DATE", f"{a:04d}", start=m.start, end=m.start + 4, range_role="start"),
        Result("DATE", f"{b:04d}", start=s1, end=m.start + mm.end(3), range_role="end"),
    ]


def _decade_from_short(d: int, ctx: Context) -> int:
    ref = ctx.dct.year if ctx.dct else 1999
    y = (ref // 100) * 100 + d
    if y > ref:
        y -= 100
    return y


@handles("decade", "decade_short", "decade_word")
def _decade(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    mod = _edge(s)
    if m.rule == "decade":
        y = int(re.search(r"\d{4}", s).group(0))  # type: ignore[union-attr]
    elif m.rule == "decade_short":
        y = _decade_from_short(int(re.search(r"(\d)0", s).group(1)) * 10, ctx)  # type: ignore[union-attr]
    else:
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        w = next(w for w in words if w in s)
        d = (words.index(w) + 2) * 10
        y = 1900 + d if "nineteen" in s else _decade_from_short(d, ctx)
    return Result("DATE", f"{y // 10:03d}", mod=mod, approximate=mod is not None)


@handles("century")
def _century(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    mod = _edge(s)
    if "centuries" in s:
        return None
    rel = re.search(r"\b(this|last|next|past|previous)\b", s)
    if rel:
        if ctx.dct is None:
            return _unresolved("XX", "no published date")
        c = ctx.dct.year // 100 + {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1}[rel.group(1)]
        return Result("DATE", f"{c:02d}", mod=mod, relative=True, anchor_tid="t0",
                      anchor=f"'{m.match.group(0)}': from the published date {ctx.dct.isoformat()}")  # fmt: skip
    om = re.search(r"(\d{1,2})(?:st|nd|rd|th)|\b([a-z-]+)\s*[- ]century", s)
    n = None
    if om and om.group(1):
        n = int(om.group(1))
    elif om:
        n = ordinal_number(om.group(2))
    if not n or n < 1:
        return None
    return Result("DATE", f"{n - 1:02d}", mod=mod, approximate=mod is not None)


@handles("season")
def _season(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    sw = re.search(r"(spring|summer|fall|autumn|winter)", s).group(1)  # type: ignore[union-attr]
    code = SEASONS[sw]
    y = _year_from(s, ctx.dct)
    if y is None:
        ym = re.search(r"(?:of\s+)?((?:nineteen|eighteen|two)[\s-].+)$", s)
        if ym:
            y = spoken_year(ym.group(1))
    det = re.match(r"(this past|this coming|the|this|last|next|past|coming|that)\b", s)
    season_word_raw = re.search(r"(?i)(spring|summer|fall|autumn|winter)", raw).group(1)  # type: ignore[union-attr]
    before = ctx.text[max(0, m.start - 20) : m.start]
    after = ctx.text[m.end : m.end + 12]
    if y is None:
        if season_word_raw[0].isupper() and not det and not re.search(r"(?:^|[.!?]\s+)\Z", before):
            return None  # "Arab Spring", "Summer Olympics"
        if sw in ("fall", "spring"):
            if det is None:
                return None
            if det.group(1) == "the" and (re.match(r"\s+(?:of|in|from|to|and)\b", after)
                                           or not re.search(r"(?i)\b(in|during|by|until|since|through|over|for)\s+\Z", before)):  # fmt: skip
                return None
        elif det is None and not re.search(r"(?i)\b(in|during|by|until|since|through|over|for|this|last|next|early|late|mid)[\s-]+\Z", before):
            return None
    mod = _edge(s)
    if y is not None:
        return Result("DATE", f"{y:04d}-{code}", mod=mod, approximate=mod is not None)
    if det and det.group(1) == "that":
        b = ctx.base("year")
        if b is None:
            return _unresolved(f"XXXX-{code}", "no year known")
        return Result("DATE", f"{b[2].year:04d}-{code}", mod=mod, relative=True, anchor_tid=b[3], uses_ref=True)
    if ctx.dct is None:
        return Result("DATE", f"XXXX-{code}", mod=mod, relative=True, unresolved=True, anchor="no published date")
    dct = ctx.dct
    start_this, end_this = season_bounds(dct.year, code)
    word = det.group(1) if det else None
    if word in ("last", "past", "this past"):
        y = dct.year if end_this < dct else dct.year - 1
    elif word in ("next", "coming", "this coming"):
        y = dct.year if start_this > dct else dct.year + 1
    elif word == "this":
        y = dct.year
    else:
        tense = _tense(m, ctx)
        if tense == "past" and start_this > dct:
            y = dct.year - 1
        elif tense == "future" and end_this < dct:
            y = dct.year + 1
        else:
            y = dct.year
    return Result("DATE", f"{y:04d}-{code}", mod=mod, relative=True, anchor_tid="t0", approximate=mod is not None,
                  anchor=f"'{raw}': the {sw} of {y}, from the published date {dct.isoformat()}")  # fmt: skip


def _easter(y: int) -> dt.date:
    # Anonymous Gregorian algorithm.
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    if n > 0:
        d = dt.date(y, month, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(days=7 * (n - 1))
    d = dt.date(y, month, 28)
    while d.month == month:
        d += dt.timedelta(days=1)
    d -= dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.isoweekday() - wd) % 7)


def holiday_date(name: str, y: int) -> dt.date | None:
    rule = HOLIDAYS.get(name.lower())
    if rule is None:
        return None
    if isinstance(rule, tuple):
        return safe_date(y, rule[0], rule[1])
    if rule == "easter":
        return _easter(y)
    if rule == "good_friday":
        return _easter(y) - dt.timedelta(days=2)
    if rule == "thanksgiving":
        return _nth_weekday(y, 11, 4, 4)
    if rule == "labor_day":
        return _nth_weekday(y, 9, 1, 1)
    if rule == "memorial_day":
        return _nth_weekday(y, 5, 1, -1)
    if rule == "election_day":
        return _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)
    return None


@handles("holiday")
def _holiday(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    name = re.sub(r"^(last|this|next)\s+", "", s)
    y = _year_in(name)
    name = re.sub(r"\s+\d{4}$", "", name).strip()
    span_unit = re.search(r"\s+(week|weekend|season)$", name)
    if span_unit:
        name = name[: span_unit.start()]
    if y is None:
        if ctx.dct is None:
            return _unresolved("XXXX-XX-XX", "no year given and no published date")
        y = ctx.dct.year
        d = holiday_date(name, y)
        if d is None:
            return None
        tense = "past" if s.startswith("last") else "future" if s.startswith("next") else _tense(m, ctx)
        # "as Easter week began": a holiday's week is past once it has begun, not once the holiday is.
        begins = d - dt.timedelta(days=d.isoweekday() - 1) if span_unit and span_unit.group(1) == "week" else d
        if tense == "past" and begins > ctx.dct:
            y -= 1
        elif tense == "future" and d < ctx.dct:
            y += 1
    d = holiday_date(name, y)
    if d is None:
        return None
    if span_unit and span_unit.group(1) == "week":
        return Result("DATE", fmt_week(d), relative=True, anchor_tid="t0", anchor=f"'{raw}': the week of {name.title()} {y}")
    if span_unit and span_unit.group(1) == "weekend":
        return Result("DATE", fmt_week(d) + "-WE", relative=True, anchor_tid="t0",
                      anchor=f"'{raw}': the weekend of {name.title()} {y}")  # fmt: skip
    return Result("DATE", fmt_day(d), relative=True, anchor_tid="t0", anchor=f"'{raw}': {name.title()} {y}")
