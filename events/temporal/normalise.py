"""Values: each recognised mention -> TIMEX3 type/value, resolved against the document date (DCT)
or the previously mentioned date, following the TimeML 1.2.1 conventions.

A handler gets the mention and a `Context` and returns a `Result` (or None to drop the mention,
e.g. a bare number that is not a year in this context). Without a DCT, relative expressions keep
X's in their value ("XXXX-WXX-3") and are flagged unresolved; nothing is guessed.
"""

# ruff: noqa: E501  (regex tables and value tables read better one rule per line)

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from events.temporal.calendar import (
    add_months,
    clamp_year,
    fmt_day,
    fmt_quarter,
    fmt_week,
    iso_week_start,
    parse_value,
    quarter_of,
    safe_date,
    season_bounds,
    season_of,
    shift_days,
    shift_quarter,
    shift_value,
)
from events.temporal.grammar import Mention
from events.temporal.lexicon import (
    HOLIDAYS,
    MONTH_NAMES,
    MONTHS,
    PART_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    ordinal_number,
    spoken_year,
    word_number,
)
from events.temporal.tense import tense_at


@dataclass
class Result:
    type: str
    value: str
    mod: str | None = None
    start: int | None = None  # sub-span of the mention, when it is not the whole match
    end: int | None = None
    relative: bool = False
    unresolved: bool = False
    approximate: bool = False
    anchor: str | None = None
    anchor_tid: str | None = None
    span_value: str | None = None  # a value for the calendar span when it differs from .value
    range_role: str | None = None
    uses_ref: bool = False
    derived: bool = False  # a comparison point ("a year earlier"), not the period under discussion


@dataclass
class Ref:
    """The last date mentioned: what 'a day earlier' or 'the following year' count from."""

    value: str
    gran: str
    start: dt.date
    text: str
    tid: str | None
    derived: bool = False


@dataclass
class Context:
    text: str
    dct: dt.date | None
    ref: Ref | None = None
    refs: list[Ref] = field(default_factory=list)

    def base(self, finest: str = "year") -> tuple[str, str, dt.date, str | None] | None:
        """(value, description, date, tid) of the last mentioned date at least as fine as `finest`,
        else of the DCT; None when neither is known."""
        order = ["century", "decade", "year", "half", "season", "quarter", "month", "week", "day", "time"]
        need = order.index(finest) if finest in order else 2
        for r in reversed(self.refs[-6:]):
            g = order.index(r.gran) if r.gran in order else 0
            if g >= need:
                when = r.start.isoformat() if r.gran in ("day", "time") else r.value
                # "Wednesday 2023-08-02" reads well; "a day earlier 2023-08-01" does not.
                if re.search(r"\d{4}", r.text):
                    desc = r.text
                elif re.fullmatch(r"[A-Z][a-z]+\.?(?: \d{1,2})?", r.text):
                    desc = f"{r.text} {when}"
                else:
                    desc = when
                return r.value, desc, r.start, r.tid
        if self.dct is not None:
            return fmt_day(self.dct), f"the published date {self.dct.isoformat()}", self.dct, "t0"
        return None


Handler = Callable[[Mention, Context], "Result | list[Result] | None"]
HANDLERS: dict[str, Handler] = {}


def handles(*rules: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        for r in rules:
            HANDLERS[r] = fn
        return fn

    return deco


def normalise(mention: Mention, ctx: Context) -> list[Result]:
    fn = HANDLERS.get(mention.rule)
    if fn is None:
        return []
    try:
        out = fn(mention, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError):
        return []
    if out is None:
        return []
    return out if isinstance(out, list) else [out]


# --- helpers --------------------------------------------------------------------------------
_WS = re.compile(r"\s+")


def _low(m: Mention) -> str:
    return _WS.sub(" ", m.match.group(0)).lower()


def _month_in(s: str) -> int | None:
    for w in re.findall(r"[A-Za-z]+", s):
        if w[0].isupper() and w.lower() in MONTHS and not (w.lower() == "may" and False):
            return MONTHS[w.lower()]
    return None


def _weekday_in(s: str) -> int | None:
    for w in re.findall(r"[A-Za-z]+", s):
        lw = w.lower()
        if w[0].isupper() and (lw in WEEKDAYS or (lw.endswith("s") and lw[:-1] in WEEKDAYS)):
            return WEEKDAYS.get(lw, WEEKDAYS.get(lw[:-1]))
    return None


def _year_in(s: str) -> int | None:
    m = re.search(r"(?<![\d])(1\d\d\d|20\d\d)(?!\d)", s)
    return int(m.group(1)) if m else None


def _day_in(s: str) -> int | None:
    m = re.search(r"(?<![\d])([0-3]?\d)(?:st|nd|rd|th)?(?![\d])", s)
    return int(m.group(1)) if m else None


def _part_in(s: str) -> str | None:
    for w, code in PART_OF_DAY.items():
        if re.search(rf"\b{w}\b", s):
            return code
    return None


def _tense(m: Mention, ctx: Context) -> str | None:
    return tense_at(ctx.text, m.start, m.end)


def _unresolved(value: str, anchor: str) -> Result:
    return Result("DATE", value, relative=True, unresolved=True, anchor=anchor)


def _two_digit_year(yy: int, dct: dt.date | None) -> int:
    ref = dct.year if dct else 2000
    y = (ref // 100) * 100 + yy
    if y > ref + 10:
        y -= 100
    return y


def _year_from(s: str, dct: dt.date | None) -> int | None:
    y = _year_in(s)
    if y is not None:
        return y
    m = re.search(r"'(\d\d)(?!\d)", s)
    if m:
        return _two_digit_year(int(m.group(1)), dct)
    return None


def _nearest_year(month: int, day: int, ctx: Context, tense: str | None) -> int:
    """The year that puts month/day nearest the DCT; a date on the side the tense contradicts
    counts eight times as far ('payable Dec. 7' in October is this December, not last)."""
    assert ctx.dct is not None
    best_y, best_cost = ctx.dct.year, float("inf")
    for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        d = safe_date(y, month, min(day, 28))
        if d is None:
            continue
        delta = (d - ctx.dct).days
        cost = abs(delta)
        if (tense == "past" and delta > 0) or (tense == "future" and delta < 0):
            cost *= 4
        elif tense is None and delta > 0:
            cost *= 1.25  # news mostly reports what has happened
        if cost < best_cost:
            best_y, best_cost = y, cost
    return best_y


_SINCE = re.compile(r"(?i)\bsince\s+(?:[\w,.']+\s+){0,4}\Z")


def _since_before(m: Mention, ctx: Context) -> bool:
    """'since his arrest on Dec. 3': a date after 'since' lies before the document date."""
    return _SINCE.search(ctx.text, max(0, m.start - 40), m.start) is not None


def _month_year(month: int, ctx: Context, tense: str | None) -> int:
    assert ctx.dct is not None
    if month == ctx.dct.month:
        return ctx.dct.year
    return _nearest_year(month, 15, ctx, tense)


def _month_day_year(month: int, day: int, ctx: Context, tense: str | None) -> int:
    return _nearest_year(month, day, ctx, tense)


def _weekday_date(wd: int, ctx: Context, tense: str | None) -> dt.date:
    assert ctx.dct is not None
    diff = wd - ctx.dct.isoweekday()
    if diff == 0:
        return ctx.dct
    if tense == "future":
        return shift_days(ctx.dct, diff % 7)
    return shift_days(ctx.dct, -((-diff) % 7))


# --- absolute dates -----------------------------------------------------------------------------
def _day_result(y: int, month: int, day: int, relative: bool, anchor: str | None = None) -> Result | None:
    d = safe_date(y, month, day)
    if d is None:
        return None
    return Result("DATE", fmt_day(d), relative=relative, anchor=anchor)


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


def _md_result(month: int, day: int, m: Mention, ctx: Context) -> Result | None:
    if safe_date(2000, month, day) is None:
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}-{day:02d}", "no year given and no published date")
    y = _month_day_year(month, day, ctx, _tense(m, ctx))
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


@handles("month")
def _month(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    month = MONTHS[s.lower()]
    before = ctx.text[max(0, m.start - 25) : m.start]
    if s in _MONTH_NEEDS_CONTEXT and not _MONTH_CONTEXT_BEFORE.search(before):
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}", "no year given and no published date")
    y = _month_year(month, ctx, _tense(m, ctx))
    if _since_before(m, ctx) and (y, month) > (ctx.dct.year, ctx.dct.month):
        y -= 1
    return Result("DATE", f"{y:04d}-{month:02d}", relative=True, anchor_tid="t0",
                  anchor=f"'{s}': {MONTH_NAMES[month]} {y}, the nearest to the published date {ctx.dct.isoformat()}")  # fmt: skip


# --- years, decades, centuries --------------------------------------------------------------
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


_EDGE_MOD = {"early": "START", "mid": "MID", "middle": "MID", "late": "END"}


def _edge(s: str) -> str | None:
    mm = re.search(r"(?i)\b(early|mid|middle|late)\b", s)
    return _EDGE_MOD[mm.group(1).lower()] if mm else None


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


# --- deictic days, weekdays, times ----------------------------------------------------------------
@handles("rel_day")
def _rel_day(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    word = re.search(r"yesterday|today|tomorrow|tonight", s).group(0)  # type: ignore[union-attr]
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    part = _part_in(s.replace(word, ""))
    if word == "tonight":
        part = "NI"
    mod = None
    if re.match(r"(early|earlier)\b", s):
        mod = "START" if s.startswith("early ") else None
    elif re.match(r"(late|later)\b", s):
        mod = "END" if s.startswith("late ") else None
    end = m.end - 2 if s.endswith("'s") else None
    typ = "TIME" if part else "DATE"
    if ctx.dct is None:
        return Result(typ, "XXXX-XX-XX" + (f"T{part}" if part else ""), mod=mod, end=end, relative=True,
                      unresolved=True, anchor="no published date")  # fmt: skip
    d = shift_days(ctx.dct, offset)
    return Result(typ, fmt_day(d) + (f"T{part}" if part else ""), mod=mod, end=end, relative=True, anchor_tid="t0",
                  anchor=f"'{m.match.group(0)}': {word} relative to the published date {ctx.dct.isoformat()}")  # fmt: skip


@handles("weekday", "rel_weekday")
def _weekday(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    wd = _weekday_in(raw)
    if wd is None:
        return None
    end = None
    if s.endswith("'s"):
        end = m.end - 2
        s = s[:-2]
    part = _part_in(re.sub(r"^\S+\s+", "", s) if " " in s else "")
    if part is None and s.endswith(" night"):
        part = "NI"
    # TimeBank/TempEval annotate "Wednesday night" as a DATE (with the part of day in the value).
    typ = "DATE"
    suffix = f"T{part}" if part else ""
    mod = None
    if re.match(r"(the\s+)?early\b", s):
        mod = "START"
    elif re.match(r"(the\s+)?late\b", s):
        mod = "END"
    name = WEEKDAY_NAMES[wd]
    if re.match(r"(the\s+)?(first|final|last|second|third|fourth)\s+\w+day\s+of\b", s + " " + ctx.text[m.end : m.end + 4].lower().strip()):
        return None  # "the first Monday of every month": an ordinal weekday, not a deictic one
    anchored = re.match(r"(the\s+)?(previous|following|preceding|prior|same|next)\b", s) and s.startswith("the")
    if anchored:
        b = ctx.base("day")
        if b is None or (b[3] == "t0" and ctx.dct is None):
            return Result(typ, f"XXXX-WXX-{wd}{suffix}", end=end, relative=True, unresolved=True, anchor="no date known")
        ref_day = b[2]
        forward = re.search(r"following|next", s) is not None
        diff = (wd - ref_day.isoweekday()) % 7
        d = shift_days(ref_day, diff or 7) if forward else shift_days(ref_day, -((ref_day.isoweekday() - wd) % 7 or 7))
        return Result(typ, fmt_day(d) + suffix, mod=mod, end=end, relative=True, anchor_tid=b[3], uses_ref=True,
                      anchor=f"'{raw}': the {name} {'after' if forward else 'before'} {b[1]}")  # fmt: skip
    if ctx.dct is None:
        return Result(typ, f"XXXX-WXX-{wd}{suffix}", mod=mod, end=end, relative=True, unresolved=True,
                      anchor=f"'{raw}': a {name}, no published date to place it")  # fmt: skip
    dct = ctx.dct
    if re.match(r"(this\s+past|last|past|the\s+last|the\s+past)\b", s):
        diff = (dct.isoweekday() - wd) % 7 or 7
        d = shift_days(dct, -diff)
        how = f"the {name} before the published date {dct.isoformat()}"
    elif re.match(r"(this\s+coming|coming|upcoming|the\s+coming)\b", s):
        d = shift_days(dct, (wd - dct.isoweekday()) % 7 or 7)
        how = f"the {name} after the published date {dct.isoformat()}"
    elif s.startswith("next "):
        d = shift_days(dct, (wd - dct.isoweekday()) % 7 or 7)
        how = f"the next {name} after the published date {dct.isoformat()}"
    elif s.startswith("this "):
        d = shift_days(dct, wd - dct.isoweekday())
        how = f"the {name} of the week of the published date {dct.isoformat()}"
    else:
        # "Wednesday's ruling": a possessive day names something that has happened.
        tense = "past" if end is not None else _tense(m, ctx)
        d = _weekday_date(wd, ctx, tense)
        if d == dct:
            how = f"the {name} of the week of the published date {dct.isoformat()}"
        elif d < dct:
            how = f"the last {name} before the published date {dct.isoformat()}"
        else:
            how = f"the next {name} after the published date {dct.isoformat()}"
    return Result(typ, fmt_day(d) + suffix, mod=mod, end=end, relative=True, anchor_tid="t0", anchor=f"'{raw}': {how}")


@handles("weekdays")
def _weekdays(m: Mention, ctx: Context) -> Result | None:
    wd = _weekday_in(m.match.group(0))
    if wd is None:
        return None
    part = _part_in(_low(m).split(" ", 1)[1] if " " in _low(m) else "")
    return Result("SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))


@handles("wd_date")
def _wd_date(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    wd = _weekday_in(s)
    month = _month_in(re.sub(r"^\S+", "", s))
    rest = re.sub(r"[A-Za-z]+\.?", " ", s)
    year = _year_in(rest)
    day = _day_in(rest.replace(str(year), " ", 1) if year else rest)
    if month is None or day is None:
        return None
    part = _part_in(s.lower().split(",")[-1])
    suffix = f"T{part}" if part else ""
    if year is None:
        if ctx.dct is None:
            return Result("DATE", f"XXXX-{month:02d}-{day:02d}{suffix}", relative=True, unresolved=True,
                          anchor="no year given and no published date")  # fmt: skip
        # The weekday tells which year is meant.
        cands = [y for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
                 if (d := safe_date(y, month, day)) is not None and d.isoweekday() == wd]  # fmt: skip
        year = cands[0] if cands else _month_day_year(month, day, ctx, _tense(m, ctx))
    d = safe_date(year, month, day)
    if d is None:
        return None
    return Result("TIME" if part else "DATE", fmt_day(d) + suffix)


_CLOCK = re.compile(
    r"(?i)(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?|(?P<h24>\d{1,2}):(?P<mi24>\d\d)"
    r"|(?P<word>noon|midnight|midday)"
)


def _clock(s: str) -> str | None:
    cm = _CLOCK.search(s)
    if not cm:
        return None
    if cm.group("word"):
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[cm.group("word").lower()]
    if cm.group("h"):
        h = int(cm.group("h"))
        mi = int(cm.group("mi") or 0)
        if h > 12 or mi > 59:
            return None
        ap = cm.group("ap").lower()
        if ap == "p" and h < 12:
            h += 12
        if ap == "a" and h == 12:
            h = 0
        return f"{h:02d}:{mi:02d}"
    h, mi = int(cm.group("h24")), int(cm.group("mi24"))
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _resolve_dayref(s: str, ctx: Context, m: Mention) -> tuple[str, bool] | None:
    """The day a time falls on, from the words next to it ('Wednesday', 'Nov. 6', 'yesterday')."""
    from events.temporal.grammar import MASTER

    sub = MASTER.search(s)
    if sub is None:
        return None
    fake = Mention(m.start, m.end, sub.lastgroup or "", sub)
    rs = normalise(fake, ctx)
    if not rs or rs[0].type not in ("DATE", "TIME"):
        return None
    v = rs[0].value.split("T")[0]
    return v, rs[0].unresolved


@handles("time_dayref", "dayref_time", "time")
def _time(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    hm = _clock(s)
    if hm is None:
        return None
    if m.rule == "time":
        low = _low(m)
        # A bare 24-hour clock ("14:30") is often a score or a verse number.
        if re.fullmatch(r"(?:around |about |approximately )?\d{1,2}:\d\d", low) and not re.search(
            r"(?i)\b(?:at|by|until|from|before|after)\s+\Z", ctx.text[max(0, m.start - 10) : m.start]
        ):
            return None
        if "yesterday" in low or "tomorrow" in low or "following" in low or "next" in low:
            if ctx.dct is None:
                return Result("TIME", f"XXXX-XX-XXT{hm}", relative=True, unresolved=True, anchor="no published date")
            off = -1 if "yesterday" in low else 1
            if "following" in low or "next" in low:
                b = ctx.base("day")
                base_day = b[2] if b else ctx.dct
                return Result("TIME", f"{fmt_day(shift_days(base_day, 1))}T{hm}", relative=True, uses_ref=True)
            return Result("TIME", f"{fmt_day(shift_days(ctx.dct, off))}T{hm}", relative=True, anchor_tid="t0")
        b = ctx.base("day")
        if b is None:
            return Result("TIME", f"XXXX-XX-XXT{hm}", relative=True, unresolved=True, anchor="no date known")
        return Result("TIME", f"{fmt_day(b[2])}T{hm}", relative=True, anchor_tid=b[3],
                      anchor=f"'{s}': on the day of {b[1]}")  # fmt: skip
    clock_m = _CLOCK.search(s)
    assert clock_m is not None
    rest = s[clock_m.end() :] if m.rule == "time_dayref" else s[: clock_m.start()]
    day = _resolve_dayref(rest, ctx, m)
    if day is None:
        return None
    v, unresolved = day
    return Result("TIME", f"{v}T{hm}", relative=True, unresolved=unresolved, anchor_tid="t0")


@handles("this_part")
def _this_part(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    part = _part_in(s.split()[-1])
    if part is None:
        return None
    if re.search(r"\b(that|the same|the previous|the next|the following)\b", s):
        b = ctx.base("day")
        if b is None:
            return Result("TIME", f"XXXX-XX-XXT{part}", relative=True, unresolved=True, anchor="no date known")
        shift = -1 if "previous" in s else (1 if re.search(r"next|following", s) else 0)
        return Result("TIME", f"{fmt_day(shift_days(b[2], shift))}T{part}", relative=True, anchor_tid=b[3],
                      uses_ref=True, anchor=f"'{m.match.group(0)}': relative to {b[1]}")  # fmt: skip
    if ctx.dct is None:
        return Result("TIME", f"XXXX-XX-XXT{part}", relative=True, unresolved=True, anchor="no published date")
    shift = -1 if "last" in s else 0
    return Result("TIME", f"{fmt_day(shift_days(ctx.dct, shift))}T{part}", relative=True, anchor_tid="t0",
                  anchor=f"'{m.match.group(0)}': on the published date {ctx.dct.isoformat()}")  # fmt: skip


# --- relative units ---------------------------------------------------------------------------
_UNIT_WORD = {"day": "D", "morning": "D", "evening": "D", "night": "D", "afternoon": "D", "week": "W",
              "weekend": "WE", "month": "M", "year": "Y", "quarter": "Q", "season": "S", "decade": "E",
              "century": "C"}  # fmt: skip


def _unit_value(unit: str, d: dt.date) -> str:
    """The value of the unit-long period containing day d."""
    if unit == "D":
        return fmt_day(d)
    if unit == "W":
        return fmt_week(d)
    if unit == "WE":
        return fmt_week(d) + "-WE"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return fmt_quarter(d.year, quarter_of(d))
    if unit == "E":
        return f"{d.year // 10:03d}"
    if unit == "C":
        return f"{d.year // 100:02d}"
    if unit == "S":
        y, code = season_of(d)
        return f"{y:04d}-{code}"
    return f"{d.year:04d}"


def _shift_unit(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return shift_days(d, n)
    if unit in ("W", "WE"):
        return shift_days(d, 7 * n)
    months = {"M": 1, "Q": 3, "S": 3, "Y": 12, "E": 120, "C": 1200}[unit] * n
    y, mo = add_months(d.year, d.month, months)
    return dt.date(y, mo, 1)


_X_VALUE = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
            "Y": "XXXX", "E": "XXX", "C": "XX", "S": "XXXX-XX"}  # fmt: skip


@handles("rel_unit")
def _rel_unit(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    unit_w = re.search(r"(week|weekend|month|year|decade|century)$", s).group(1)  # type: ignore[union-attr]
    unit = _UNIT_WORD[unit_w]
    mod = None
    lead = re.match(r"(early|late|earlier|later|mid|mid-|sometime(?: in)?)\s*", s)
    if lead:
        mod = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID"}.get(lead.group(1))
    core = s[lead.end() :] if lead else s
    det = re.match(r"(the\s+)?(this\s+past|this\s+coming|\w+)", core)
    assert det is not None
    word = det.group(2)
    the = bool(det.group(1))
    if word in ("first", "final"):
        return None  # "the first decade of the 2000s" is not deictic
    if word in ("that", "same", "following", "previous", "preceding", "prior") or (
        the and word == "next" and ctx.refs
    ):
        b = ctx.base({"D": "day", "W": "week", "WE": "week", "M": "month", "Y": "year", "E": "decade", "C": "century"}[unit])
        shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(word, 0)
        if b is None or (b[3] == "t0" and False):
            return Result("DATE", _X_VALUE[unit], mod=mod, relative=True, unresolved=True, anchor="no date known")
        d = _shift_unit(b[2], unit, shift)
        return Result("DATE", _unit_value(unit, d), mod=mod, relative=True, anchor_tid=b[3], uses_ref=True,
                      approximate=mod is not None, anchor=f"'{raw}': the {unit_w} "
                      f"{'after' if shift > 0 else 'before' if shift < 0 else 'of'} {b[1]}")  # fmt: skip
    if ctx.dct is None:
        return Result("DATE", _X_VALUE[unit], mod=mod, relative=True, unresolved=True,
                      anchor=f"'{raw}': no published date to count from")  # fmt: skip
    shift = {"last": -1, "past": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1, "upcoming": 1,
             "this past": -1, "this coming": 1, "new": 1}.get(word, 0)  # fmt: skip
    if unit == "WE" and word in ("this", "the") and shift == 0:
        tense = _tense(m, ctx)
        if tense == "past" and ctx.dct.isoweekday() < 6:
            shift = -1
    d = _shift_unit(ctx.dct, unit, shift)
    rel = "of" if shift == 0 else ("before" if shift < 0 else "after")
    return Result("DATE", _unit_value(unit, d), mod=mod, relative=True, anchor_tid="t0", approximate=mod is not None,
                  anchor=f"'{raw}': the {unit_w} {rel} the published date {ctx.dct.isoformat()}")  # fmt: skip


@handles("rel_month")
def _rel_month(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    month = _month_in(raw)
    if month is None:
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}", "no published date")
    y = ctx.dct.year
    if "past" in s or s.startswith("last"):
        y = y if month < ctx.dct.month else y - 1
    elif "coming" in s or s.startswith("next"):
        y = y if month > ctx.dct.month else y + 1
    return Result("DATE", f"{y:04d}-{month:02d}", relative=True, anchor_tid="t0",
                  anchor=f"'{raw}': {MONTH_NAMES[month]} {y}, from the published date {ctx.dct.isoformat()}")  # fmt: skip


_AGO_UNIT = re.compile(r"(?i)\b(second|sec|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr|decade|centur|millenni)")


def _unit_code(s: str) -> str | None:
    um = _AGO_UNIT.search(s)
    if not um:
        return None
    w = um.group(1).lower()
    return {"sec": "S", "second": "S", "min": "TM", "minute": "TM", "hour": "H", "hr": "H", "day": "D",
            "night": "D", "week": "W", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "yr": "Y",
            "decade": "E", "centur": "C", "millenni": "L"}[w]  # fmt: skip


def _count(s: str) -> float | None:
    """The number in front of a unit; None when vague ('several')."""
    s = re.sub(r"(?i)\b(more|full|long|additional|straight|consecutive|extra|further|whole|trading|business|"
               r"working|calendar|or so)\b", " ", s)  # fmt: skip
    words = re.split(r"\s+", s.strip())
    num = " ".join(w for w in words if not _AGO_UNIT.fullmatch(w.rstrip("s")) and not _AGO_UNIT.match(w))
    num = re.sub(r"(?i)^(?:the|another|an additional|an extra|past|last|next|first|coming|previous|"
                 r"following|final|recent|latest|remaining|initial)\s+", "", num.strip())  # fmt: skip
    num = re.sub(r"(?i)^(?:the|past|last|next|first|coming|previous)\s+", "", num.strip())
    if re.search(r"(?i)\b(few|several|some|many|number|numerous|handful|dozens|hundreds|thousands)\b", num):
        return None
    if re.search(r"(?i)\bcouple\b", num):
        return 2
    if re.fullmatch(r"(?i)another|an additional|an extra", num.strip()):
        return 1
    return word_number(num)


@handles("ago")
def _ago(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    dm = re.search(r"(ago|earlier|later|before|after|hence|from now|from today|back|previously|prior)$", s)
    assert dm is not None
    direction = dm.group(1)
    after_text = ctx.text[m.end : m.end + 20]
    head = s[: dm.start()].strip()
    unit = _unit_code(head)
    if direction in ("before", "after", "prior", "back", "previously") and re.match(r"\s*(?:the\s+|a\s+|an\s+|[a-z0-9])", after_text, re.I):
        # "two days after the vote": the duration is the timex, "after" is a signal.
        return _duration_text(ctx, m.start, m.start + len(m.match.group(0).rstrip()) - len(dm.group(1)), "")
    if unit is None:
        if "week or so" in s:
            unit = "W"
        else:
            return None
    n = _count(head.replace("or so", ""))
    past = direction in ("ago", "earlier", "before", "back", "previously", "prior")
    if n is None:
        return Result("DATE", "PAST_REF" if past else "FUTURE_REF", relative=True, unresolved=True,
                      anchor=f"'{raw}': an unspecified time {'before' if past else 'after'}")  # fmt: skip
    if unit in ("S", "TM", "H"):
        if ctx.dct is None:
            return Result("TIME", "XXXX-XX-XX", relative=True, unresolved=True, anchor="no published date")
        return Result("TIME", fmt_day(ctx.dct), relative=True, anchor_tid="t0")
    if unit == "2W":
        unit, n = "W", n * 2
    if unit == "L":
        unit, n = "C", n * 10
    k = round(n) if n >= 1 else 1
    sign = -1 if past else 1
    anchored = direction not in ("ago", "hence", "from now", "from today", "back")
    unit_name = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "E": "decade", "C": "century"}[unit]
    if anchored:
        finest = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "E": "year", "C": "year"}[unit]
        b = ctx.base(finest)
    elif ctx.dct is not None:
        b = (fmt_day(ctx.dct), f"the published date {ctx.dct.isoformat()}", ctx.dct, "t0")
    else:
        b = None
    if b is None:
        return Result("DATE", _X_VALUE.get(unit, "XXXX"), relative=True, unresolved=True,
                      anchor=f"'{raw}': no date to count from")  # fmt: skip
    base_value, desc, base_day, tid = b
    approx = unit in ("Y", "E", "C")
    span_value = None
    ref_q = _last_quarter_ref(ctx, 3) if unit == "Y" and k == 1 else None
    if ref_q is not None:
        # Earnings reports: "a year ago/earlier" is the same quarter of the year before.
        y, q = ref_q
        return Result("DATE", fmt_quarter(y - 1, q), relative=True, uses_ref=True, derived=True,
                      anchor=f"'{raw}': the same quarter a year before {y}-Q{q}")  # fmt: skip
    if unit in ("Y", "E", "C"):
        years = k * {"Y": 1, "E": 10, "C": 100}[unit]
        y = clamp_year(base_day.year + sign * years)
        if anchored and unit == "Y":
            value = shift_value(base_value, sign * k, "Y") or f"{y:04d}"
            approx = False
        elif unit == "E":
            value, span_value = f"{y // 10:03d}", f"{y:04d}"
        elif unit == "C":
            value, span_value = f"{y // 100:02d}", f"{y:04d}"
        else:
            value = f"{y:04d}"
    elif anchored:
        value = shift_value(base_value, sign * k, unit) or _unit_value(unit, _shift_unit(base_day, unit, sign * k))
        if unit == "D":
            value = fmt_day(shift_days(base_day, sign * k))
        if unit == "W" and parse_value(base_value) and parse_value(base_value).gran in ("day", "time"):  # type: ignore[union-attr]
            value = fmt_day(shift_days(base_day, sign * 7 * k))
    else:
        d = shift_days(base_day, sign * k * 7) if unit == "W" else _shift_unit(base_day, unit, sign * k)
        if unit == "D":
            d = shift_days(base_day, sign * k)
        value = _unit_value(unit, d)
        if unit == "W":
            value = fmt_week(d)
    word = "before" if past else "after"
    how = f"{'the' if k == 1 else _num_words(k)} {unit_name}{'s' if k != 1 else ''} {word} {desc}"
    return Result("DATE", value, relative=True, approximate=approx, anchor_tid=tid, span_value=span_value,
                  uses_ref=anchored and tid != "t0", derived=unit == "Y", anchor=f"'{raw}': {'about ' if approx else ''}{how}",
                  mod="APPROX" if unit in ("E", "C") else None)  # fmt: skip


def _num_words(k: int) -> str:
    return {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
            10: "ten"}.get(k, str(k))  # fmt: skip


@handles("units_ago")
def _units_ago(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    past = not s.endswith("later")
    return Result("DATE", "PAST_REF" if past else "FUTURE_REF", relative=True, unresolved=True,
                  anchor=f"'{m.match.group(0)}': an unspecified time {'before' if past else 'after'}")  # fmt: skip


@handles("anchored")
def _anchored(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    unit_w = s.split()[-1]
    unit = _UNIT_WORD[unit_w]
    part = PART_OF_DAY.get(unit_w) if unit_w != "day" else None
    if re.search(r"\b(following|next)\b", s):
        shift = 1
    elif re.search(r"\b(previous|preceding|prior)\b", s):
        shift = -1
    else:
        shift = 0
    finest = {"D": "day", "W": "week", "WE": "week", "M": "month", "Y": "year", "Q": "quarter", "S": "season",
              "E": "decade", "C": "century"}[unit]  # fmt: skip
    if s.startswith(("the next", "next")) and not ctx.refs:
        finest = "day"
    b = ctx.base(finest)
    if b is None:
        return Result("TIME" if part else "DATE", _X_VALUE[unit] + (f"T{part}" if part else ""), relative=True,
                      unresolved=True, anchor=f"'{raw}': no date to count from")  # fmt: skip
    d = _shift_unit(b[2], unit, shift)
    value = _unit_value(unit, d)
    if part:
        value = f"{fmt_day(shift_days(b[2], shift))}T{part}"
    where = "after" if shift > 0 else "before" if shift < 0 else "of"
    return Result("TIME" if part else "DATE", value, relative=True, anchor_tid=b[3], uses_ref=b[3] != "t0",
                  anchor=f"'{raw}': the {unit_w} {where} {b[1]}")  # fmt: skip


@handles("day_before")
def _day_before(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    shift = -1 if "before" in s else 1
    if not ("yesterday" in s or "tomorrow" in s) and re.match(r"[ \t]+[A-Za-z0-9]", ctx.text[m.end : m.end + 3]):
        return None  # "the day before returning home": a conjunction, not an anaphor
    if "yesterday" in s or "tomorrow" in s:
        if ctx.dct is None:
            return _unresolved("XXXX-XX-XX", "no published date")
        d = shift_days(ctx.dct, -2 if "yesterday" in s else 2)
        return Result("DATE", fmt_day(d), relative=True, anchor_tid="t0")
    b = ctx.base("day")
    if b is None:
        return _unresolved("XXXX-XX-XX", "no date to count from")
    d = shift_days(b[2], shift)
    return Result("DATE", fmt_day(d), relative=True, anchor_tid=b[3], uses_ref=b[3] != "t0",
                  anchor=f"'{m.match.group(0)}': the day {'before' if shift < 0 else 'after'} {b[1]}")  # fmt: skip


# --- quarters, halves, fiscal years -----------------------------------------------------------------
def _last_quarter_ref(ctx: Context, window: int = 6) -> tuple[int, int] | None:
    """The quarter under discussion: the last one named that is not itself a comparison."""
    for r in reversed(ctx.refs[-window:]):
        if r.derived:
            continue
        mm = re.fullmatch(r"(\d{4})-Q([1-4])", r.value)
        if mm:
            return int(mm.group(1)), int(mm.group(2))
    return None


def _completed_quarter(ctx: Context) -> tuple[int, int] | None:
    if ctx.dct is None:
        return None
    return shift_quarter(ctx.dct.year, quarter_of(ctx.dct), -1)


@handles("quarter")
def _quarter(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    plural = bool(re.search(r"quarters$", s))
    om = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|previous|next)[\s-]+"
                   r"(?:fiscal[\s-]+|calendar[\s-]+)?quarters?", s)  # fmt: skip
    if om is None:
        return None
    word = om.group(1)
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}.get(word)
    if plural:
        if q is None:
            return None
        return Result("SET", f"XXXX-Q{q}")
    # "its fourth quarter", "a third-quarter loss": the determiner stays outside the timex
    # (for the hyphenated adjective even "the").
    det = re.match(r"(?i)(?:its|their|a|an|that)\s+|(?:the|this|next|last)\s+(?=\S*-quarter\b)", raw)
    start = m.start + det.end() if det else None
    year = _year_in(s)
    if year is None:
        yr_rel = re.search(r"\b(last|this|next) year\b|\bthe (previous) year\b", s)
        if yr_rel and ctx.dct is not None:
            year = ctx.dct.year + {"last": -1, "this": 0, "next": 1, "previous": -1}[yr_rel.group(1) or yr_rel.group(2)]
    year_ago = bool(re.search(r"year[\s-]+(ago|earlier)", s))
    if q is None:
        # last/latest/current/past/previous/next quarter
        if ctx.dct is None:
            return _unresolved("XXXX-QX", "no published date")
        cy, cq = ctx.dct.year, quarter_of(ctx.dct)
        shift = {"last": -1, "latest": -1, "past": -1, "previous": -1, "current": 0, "next": 1}[word]
        y, qq = shift_quarter(cy, cq, shift)
        if year_ago:
            y -= 1
        return Result("DATE", fmt_quarter(y, qq), start=start, relative=True, anchor_tid="t0",
                      anchor=f"'{raw}': quarter {qq} of {y}, from the published date {ctx.dct.isoformat()}")  # fmt: skip
    if year is not None:
        if year_ago:
            year -= 1
        return Result("DATE", fmt_quarter(year, q), start=start)
    ref_q = _last_quarter_ref(ctx)
    if ctx.dct is None:
        if ref_q:
            return Result("DATE", fmt_quarter(ref_q[0] - (1 if year_ago else 0), q), start=start, relative=True,
                          uses_ref=True)  # fmt: skip
        return _unresolved(f"XXXX-Q{q}", "no year given and no published date")
    cq = quarter_of(ctx.dct)
    tense = _tense(m, ctx)
    y = ctx.dct.year
    if q > cq and tense == "past":
        y -= 1
    elif q < cq - 1 and tense == "future":
        y += 1
    if year_ago:
        y -= 1
    return Result("DATE", fmt_quarter(y, q), start=start, relative=True, anchor_tid="t0",
                  anchor=f"'{raw}': quarter {q} of {y}, the nearest to the published date {ctx.dct.isoformat()}")  # fmt: skip


@handles("year_period")
def _year_period(m: Mention, ctx: Context) -> Result | None:
    y = _year_in(m.match.group(0))
    if y is None:
        return None
    ref_q = _last_quarter_ref(ctx)
    if "quarter" in _low(m) or ref_q is not None:
        q = ref_q[1] if ref_q else (quarter_of(ctx.dct) - 1 or 4 if ctx.dct else None)
        if q is None:
            return Result("DATE", f"{y:04d}-QX")
        return Result("DATE", fmt_quarter(y, q), derived=True)
    return Result("DATE", f"{y:04d}")


@handles("q_code")
def _q_code(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    q = int(re.search(r"[1-4]", s).group(0))  # type: ignore[union-attr]
    y = _year_from(s, ctx.dct)
    fy = re.search(r"FY(\d\d)", s)
    if fy:
        y = _two_digit_year(int(fy.group(1)), ctx.dct)
    if y is None:
        if ctx.dct is None:
            return _unresolved(f"XXXX-Q{q}", "no year given and no published date")
        y = ctx.dct.year if q <= quarter_of(ctx.dct) else ctx.dct.year - 1
        return Result("DATE", fmt_quarter(y, q), relative=True, anchor_tid="t0")
    return Result("DATE", fmt_quarter(y, q))


@handles("year_ago_period", "year_ago_adj", "same_period")
def _year_ago_period(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    nm = re.search(r"(nine|six) months", s)
    if nm:
        return Result("DURATION", f"P{9 if nm.group(1) == 'nine' else 6}M")
    ref_q = _last_quarter_ref(ctx)
    if ref_q is None and ("quarter" in s or "period" in s):
        ref_q = _completed_quarter(ctx)
    if ref_q is not None:
        y, q = ref_q
        return Result("DATE", fmt_quarter(y - 1, q), relative=True, uses_ref=True, derived=True,
                      anchor=f"'{m.match.group(0)}': the same quarter a year before {y}-Q{q}")  # fmt: skip
    b = ctx.base("year")
    if b is None:
        return _unresolved("XXXX", "no date to count from")
    return Result("DATE", f"{b[2].year - 1:04d}", relative=True, anchor_tid=b[3], uses_ref=b[3] != "t0",
                  derived=True, anchor=f"'{m.match.group(0)}': the year before {b[1]}")  # fmt: skip


@handles("the_quarter")
def _the_quarter(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    if ctx.dct is None and not ctx.refs:
        return _unresolved("XXXX-QX", "no published date")
    if s.startswith("that"):
        ref_q = _last_quarter_ref(ctx)
        if ref_q is None:
            return _unresolved("XXXX-QX", "no quarter known")
        y, q = ref_q
    elif re.search(r"\b(current|this)\b", s) and ctx.dct is not None:
        y, q = ctx.dct.year, quarter_of(ctx.dct)
    elif re.search(r"\b(next)\b", s) and ctx.dct is not None:
        y, q = shift_quarter(ctx.dct.year, quarter_of(ctx.dct), 1)
    elif s.endswith("period"):
        ref_q = _last_quarter_ref(ctx) or _completed_quarter(ctx)
        if ref_q is None:
            return _unresolved("XXXX-QX", "no quarter known")
        y, q = ref_q
    elif re.search(r"\b(latest|previous|past|last|recent|just-ended)\b", s) and ctx.dct is not None:
        y, q = _completed_quarter(ctx)  # type: ignore[misc]
    else:
        ref_q = _last_quarter_ref(ctx) or _completed_quarter(ctx)
        if ref_q is None:
            return _unresolved("XXXX-QX", "no quarter known")
        y, q = ref_q
    return Result("DATE", fmt_quarter(y, q), relative=True, anchor_tid="t0",
                  anchor=f"'{m.match.group(0)}': quarter {q} of {y}")  # fmt: skip


@handles("half")
def _half(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    h = 1 if re.search(r"\b(first|1st)\b", s) else 2
    y = _year_in(s)
    if y is None:
        rel = re.search(r"\b(last|this|next) year\b", s)
        if ctx.dct is None:
            return _unresolved(f"XXXX-H{h}", "no year given and no published date")
        y = ctx.dct.year + ({"last": -1, "this": 0, "next": 1}[rel.group(1)] if rel else 0)
        if not rel:
            tense = _tense(m, ctx)
            if h == 2 and ctx.dct.month <= 6 and tense == "past":
                y -= 1
        return Result("DATE", f"{y:04d}-H{h}", relative=True, anchor_tid="t0")
    return Result("DATE", f"{y:04d}-H{h}")


@handles("fiscal")
def _fiscal(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    y = _year_from(s, ctx.dct)
    if y is None:
        yy = re.search(r"\b(\d\d)$", s)
        if yy:
            y = _two_digit_year(int(yy.group(1)), ctx.dct)
    if y is not None:
        return Result("DATE", f"{y:04d}")
    if ctx.dct is None:
        return _unresolved("XXXX", "no published date")
    shift = -1 if re.search(r"\b(last|past|previous|latest|prior)\b", s) else (1 if re.search(r"\b(next|coming)\b", s) else 0)
    y = ctx.dct.year + shift
    return Result("DATE", f"{y:04d}", relative=True, anchor_tid="t0",
                  anchor=f"'{m.match.group(0)}': the year {y}, from the published date {ctx.dct.isoformat()}")  # fmt: skip


@handles("fiscal_year")
def _fiscal_year(m: Mention, ctx: Context) -> Result | None:
    s = m.match.group(0)
    y = _year_in(s)
    if y is None:
        yy = re.search(r"(\d\d)(?!\d)", s)
        if yy is None:
            return None
        y = _two_digit_year(int(yy.group(1)), ctx.dct)
    return Result("DATE", f"{y:04d}")


# --- seasons and holidays -------------------------------------------------------------------------
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
    if y is None:
        if ctx.dct is None:
            return _unresolved("XXXX-XX-XX", "no year given and no published date")
        y = ctx.dct.year
        d = holiday_date(name, y)
        if d is None:
            return None
        tense = "past" if s.startswith("last") else "future" if s.startswith("next") else _tense(m, ctx)
        if tense == "past" and d > ctx.dct:
            y -= 1
        elif tense == "future" and d < ctx.dct:
            y += 1
    d = holiday_date(name, y)
    if d is None:
        return None
    return Result("DATE", fmt_day(d), relative=True, anchor_tid="t0", anchor=f"'{raw}': {name.title()} {y}")


# --- edges of units ('the end of the year') -----------------------------------------------------
@handles("unit_edge", "unit_end")
def _unit_edge(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    um = re.search(r"(year|month|week|quarter|decade|century|day|season)", s)
    assert um is not None
    unit = _UNIT_WORD[um.group(1)]
    edge = re.search(r"(end|beginning|start|middle|close|rest|remainder|balance|turn)", s)
    mod = {"end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID", "turn": "START"}.get(
        edge.group(1) if edge else "end"
    )
    if m.rule == "unit_end":
        mod = "END"
    shift = -1 if re.search(r"\blast\b", s) else (1 if re.search(r"\bnext\b", s) else 0)
    if re.search(r"\bthat\b", s):
        b = ctx.base({"D": "day", "W": "week", "M": "month", "Y": "year", "Q": "quarter", "E": "decade",
                      "C": "century", "S": "season"}[unit])  # fmt: skip
        if b is None:
            return Result("DATE", _X_VALUE[unit], mod=mod, relative=True, unresolved=True, anchor="no date known")
        return Result("DATE", _unit_value(unit, b[2]), mod=mod, relative=True, anchor_tid=b[3], uses_ref=True,
                      approximate=True, anchor=f"'{raw}': relative to {b[1]}")  # fmt: skip
    if ctx.dct is None:
        return Result("DATE", _X_VALUE[unit], mod=mod, relative=True, unresolved=True, anchor="no published date")
    d = _shift_unit(ctx.dct, unit, shift)
    return Result("DATE", _unit_value(unit, d), mod=mod, relative=True, anchor_tid="t0", approximate=True,
                  anchor=f"'{raw}': from the published date {ctx.dct.isoformat()}")  # fmt: skip


# --- durations --------------------------------------------------------------------------------------
def duration_value(n: float | None, unit: str) -> str:
    """P2Y, PT5H30M, P2Y6M, PXY ... (decades and centuries in years, as the TimeBank does)."""
    if unit == "2W":
        unit, n = "W", (n * 2 if n is not None else None)
    time_unit = unit in ("S", "TM", "H")
    letter = {"S": "S", "TM": "M", "H": "H", "D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "E": "Y",
              "C": "Y", "L": "Y"}[unit]  # fmt: skip
    t = "T" if time_unit else ""
    if n is None:
        vague = {"E": "E", "C": "C", "L": "L"}.get(unit, letter)
        return f"P{t}X{vague}"
    factor = {"E": 10, "C": 100, "L": 1000}.get(unit, 1)
    n *= factor
    if n == int(n):
        return f"P{t}{int(n)}{letter}"
    whole, frac = int(n), n - int(n)
    sub = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"), "TM": (60, "S")}.get(unit)
    if sub is None:
        return f"P{t}{n:g}{letter}"
    k, sub_letter = sub
    part = round(frac * k)
    if unit == "D":
        return f"P{whole}DT{part}H" if whole else f"PT{part}H"
    head = f"{whole}{letter}" if whole else ""
    return f"P{t}{head}{part}{sub_letter}"


_SET_BEFORE = re.compile(
    r"(?i:(?:\$|£|€)\s?[\d.,]+(?:\s*(?:million|billion|m|bn))?|\d[\d.,]*\s*(?:%|percent|cents?|dollars|pounds|"
    r"euros|yen|a share|per share|miles|barrels|tons|units|hours|days)|\b(?:once|twice|thrice|times))\s+\Z"
)


def _duration_text(ctx: Context, start: int, end: int, prefix: str) -> Result | None:
    s = _WS.sub(" ", ctx.text[start:end]).strip().lower()
    unit = _unit_code(s.split()[-1] if s.split() else s) or _unit_code(s)
    if unit is None:
        return None
    if s.endswith("-old") or re.match(r"[\s-]+old\b", ctx.text[end : end + 6]):
        return None  # an age ("a 6-year-old"), not a period
    if re.match(r"\s+of\b", ctx.text[end : end + 5]) and re.search(r"quarters?$", s):
        return None  # "three-quarters of"
    if re.search(r"\bto\b|\bor\b(?! so)", s) or re.search(r"s-long$", s):
        n = None  # "12 to 18 months", "a decades-long feud"
    else:
        n = _count(re.sub(r"-(long|old)$", "", s).replace("-", " "))
    if n is not None and n == 0:
        n = 0.5
    if n is not None and n >= 1000 and not re.search(r"(s|-long)$", s):
        return None
    if unit == "S" and re.match(r"an?\s+second$", s):
        after = ctx.text[end : end + 2]
        if not re.match(r"[.,;)]|$", after):
            return None
    hyph = re.match(r"(?:the|a|an)\s+(?=\S+-(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)\b)", s)
    if hyph:
        # "the 24-hour strike": TimeML tags the adjective, not the noun phrase's article.
        start += len(re.match(r"\S+\s+", ctx.text[start:end]).group(0))  # type: ignore[union-attr]
    before = ctx.text[max(0, start - 30) : start]
    if re.match(r"an?\s+(?:day|week|month|year|quarter|hour)$", s) and _SET_BEFORE.search(before):
        u = {"D": "P1D", "W": "P1W", "M": "P1M", "Y": "P1Y", "Q": "P3M", "H": "PT1H"}[unit]
        return Result("SET", u, start=start, end=end)
    return Result("DURATION", duration_value(n, unit), start=start, end=end)


@handles("duration")
def _duration(m: Mention, ctx: Context) -> Result | None:
    return _duration_text(ctx, m.start, m.end, "")


@handles("unit_long")
def _unit_long(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    unit = _unit_code(s)
    if unit is None:
        return None
    plural = bool(re.match(r"\w+s-", s)) or s.startswith("centuries")
    return Result("DURATION", duration_value(None if plural else 1, unit))


@handles("part_of_day")
def _part_of_day(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    part = _part_in(s.split()[-1])
    if part is None:
        return None
    start = m.start
    lead = re.match(r"(?i)(?:in|during)\s+", raw)
    if lead:
        start += lead.end()  # the preposition is a signal, not part of the timex
    elif not s.startswith("the") and not re.search(r"(?i)\b(?:in|during|by|until|this|on)\s+\Z", ctx.text[max(0, m.start - 12) : m.start]):
        return None  # "morning" alone is usually a noun ("a morning newspaper")
    b = ctx.base("day")
    mod = _edge(s)
    if b is None or (b[3] == "t0" and ctx.dct is None):
        return Result("TIME", f"XXXX-XX-XXT{part}", mod=mod, start=start, relative=True, unresolved=True,
                      anchor="no date known")  # fmt: skip
    return Result("TIME", f"{fmt_day(b[2])}T{part}", mod=mod, start=start, relative=True, anchor_tid=b[3],
                  uses_ref=b[3] != "t0", anchor=f"'{raw}': in the {part} of {b[1]}")  # fmt: skip


@handles("the_units")
def _the_units(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    unit = _unit_code(s.split()[-1])
    if unit is None:
        return None
    if s == "recent years":
        return _ref_result("PAST_REF", m, ctx, "the years before the time of writing")
    start = m.start + 4 if re.fullmatch(r"the \w+", s) else None  # "in the weeks ahead": just "weeks"
    return Result("DURATION", duration_value(None, unit), start=start)


@handles("the_unit")
def _the_unit(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    before = ctx.text[max(0, m.start - 20) : m.start]
    after = ctx.text[m.end : m.end + 12]
    if "weekend" in s:
        if ctx.dct is None:
            return _unresolved("XXXX-WXX-WE", "no published date")
        wd = ctx.dct.isoweekday()
        tense = _tense(m, ctx)
        d = ctx.dct if wd >= 6 else shift_days(ctx.dct, 7 if tense == "future" else -7)
        if tense == "future" and wd < 6:
            d = ctx.dct
        return Result("DATE", _unit_value("WE", d), relative=True, anchor_tid="t0",
                      anchor=f"'{raw}': the weekend nearest the published date {ctx.dct.isoformat()}")  # fmt: skip
    unit = "W" if "week" in s else "Y"
    if unit == "Y" and re.match(r"\s+(?:end(?:ed|ing|s)|to\s+date)\b", after):
        return Result("DURATION", "P1Y")  # "the year ended Sept. 30": a fiscal year
    if not re.search(r"(?i)\b(?:for|during|throughout|in|of|over|this|all)\s+\Z", before) and not s.endswith("'s"):
        return None
    b = ctx.base("week" if unit == "W" else "year")
    if b is None:
        return _unresolved(_X_VALUE[unit], "no published date")
    end = m.end - 2 if s.endswith("'s") else None
    return Result("DATE", _unit_value(unit, b[2]), end=end, relative=True, anchor_tid=b[3], uses_ref=b[3] != "t0",
                  anchor=f"'{raw}': the {'week' if unit == 'W' else 'year'} of {b[1]}")  # fmt: skip


_BARE_UNITS_BEFORE = re.compile(r"(?i:\b(?:for|over|within|in|after|than|took|take|takes|lasted|last|spent|spend)\s+)\Z")


@handles("bare_units")
def _bare_units(m: Mention, ctx: Context) -> Result | None:
    before = ctx.text[max(0, m.start - 16) : m.start]
    if not _BARE_UNITS_BEFORE.search(before):
        return None
    unit = _unit_code(_low(m))
    if unit is None:
        return None
    return Result("DURATION", duration_value(None, unit))


# --- sets -------------------------------------------------------------------------------------
@handles("set_every")
def _set_every(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    other = "other" in s
    wd = _weekday_in(raw)
    if wd is not None:
        return Result("SET", f"XXXX-WXX-{wd}")
    month = next((MONTHS[w.lower()] for w in re.findall(r"[A-Za-z]+", raw)[1:] if w[0].isupper() and w.lower() in MONTHS), None)
    if month is not None:
        return Result("SET", f"XXXX-{month:02d}")
    sm = re.search(r"(spring|summer|fall|autumn|winter)$", s)
    if sm:
        return Result("SET", f"XXXX-{SEASONS[sm.group(1)]}")
    pm = re.search(r"(morning|afternoon|evening|night)$", s)
    if pm:
        return Result("SET", f"XXXX-XX-XXT{PART_OF_DAY[pm.group(1)]}")
    if s.endswith("weekend"):
        return Result("SET", "XXXX-WXX-WE")
    if s.endswith("weekday"):
        return Result("SET", "P1D")
    unit = _unit_code(s.split()[-1])
    if unit is None or (unit in ("S", "TM") and s.startswith("per")):
        return None
    body = re.sub(r"^(every|each|per)\s+(other\s+)?", "", s)
    n = _count(body) if len(body.split()) > 1 else 1.0
    if n is None:
        n = 1.0
    if other:
        n *= 2
    return Result("SET", duration_value(n, unit))


@handles("set_times")
def _set_times(m: Mention, ctx: Context) -> Result | None:
    unit = _unit_code(_low(m).split()[-1])
    if unit is None:
        return None
    return Result("SET", duration_value(1, unit))


@handles("set_adv")
def _set_adv(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
             "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "bimonthly": "P2M",
             "semiannually": "P6M", "biannually": "P6M", "semi-annually": "P6M"}.get(s)  # fmt: skip
    return Result("SET", value) if value else None


# --- PRESENT_REF / PAST_REF / FUTURE_REF -----------------------------------------------------------
def _ref_result(value: str, m: Mention, ctx: Context, what: str) -> Result:
    if value == "PRESENT_REF" and ctx.dct is not None:
        return Result("DATE", value, relative=True, anchor_tid="t0", span_value=fmt_day(ctx.dct),
                      anchor=f"'{m.match.group(0)}': the published date {ctx.dct.isoformat()}")  # fmt: skip
    return Result("DATE", value, relative=True, unresolved=True, anchor=f"'{m.match.group(0)}': {what}")


@handles("present")
def _present(m: Mention, ctx: Context) -> Result | None:
    return _ref_result("PRESENT_REF", m, ctx, "the time of writing")


_CURRENT_NOT = re.compile(r"(?i)\s+(?:account|accounts|assets|liabilities|affairs|events|flows?|density|"
                          r"source|sources|yield|ratio|directions?|speed|strength)\b|\s*[.,;]")  # fmt: skip


@handles("current")
def _current(m: Mention, ctx: Context) -> Result | None:
    after = ctx.text[m.end : m.end + 20]
    if _CURRENT_NOT.match(after) or not re.match(r"\s+[a-z]", after):
        return None
    before = ctx.text[max(0, m.start - 12) : m.start]
    if re.search(r"(?i)\b(?:electric|electrical|ocean|strong|the)\s+\Z", before) and re.match(r"\s*[.,;]", after):
        return None
    return _ref_result("PRESENT_REF", m, ctx, "the time of writing")


@handles("past")
def _past(m: Mention, ctx: Context) -> Result | None:
    return _ref_result("PAST_REF", m, ctx, "some time before the time of writing")


@handles("future")
def _future(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    # The adjective ("future growth") is rarely annotated; "in future" is the noun.
    if s == "future" and not re.search(r"(?i)\bin\s+\Z", ctx.text[max(0, m.start - 4) : m.start]):
        return None
    if re.match(r"[\s-]*[a-z]", ctx.text[m.end : m.end + 3]) and s.endswith("term"):
        return None
    return _ref_result("FUTURE_REF", m, ctx, "some time after the time of writing")


UNIT_NAMES = UNITS  # re-exported for the tests
_ = (iso_week_start,)
