"""Values: each recognised mention -> TIMEX3 type/value, resolved against the document date (DCT)
or the previously mentioned date, following the TimeML 1.2.1 conventions.

A handler gets the mention and a `Context` and returns a `Result` (or None to drop the mention,
e.g. a bare number that is not a year in this context). Without a DCT, relative expressions keep
X's in their value ("XXXX-WXX-3") and are flagged unresolved; nothing is guessed.

This module holds the shared machinery (results, the context with its last-mentioned dates, unit
arithmetic, duration values); the handlers live in rules_dates, rules_deixis, rules_fiscal and
rules_amounts, which register themselves when imported at the bottom.
"""

# ruff: noqa: E501  (regex tables and value tables read better one rule per line)

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from events.temporal.calendar import (
    add_months,
    fmt_day,
    fmt_quarter,
    fmt_week,
    quarter_of,
    safe_date,
    season_of,
    shift_days,
    shift_quarter,
)
from events.temporal.grammar import Mention
from events.temporal.lexicon import (
    MONTHS,
    PART_OF_DAY,
    WEEKDAYS,
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
            if r.derived:
                continue
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

_WS = re.compile(r"\s+")

def _low(m: Mention) -> str:
    return _WS.sub(" ", m.match.group(0)).lower()

def _month_in(s: str) -> int | None:
    for w in re.findall(r"[A-Za-z]+", s):
        if w[0].isupper() and w.lower() in MONTHS:
            return MONTHS[w.lower()]
    return None

def _weekday_in(s: str, lower_ok: bool = False) -> int | None:
    for w in re.findall(r"[A-Za-z]+", s):
        lw = w.lower()
        if (lower_ok or w[0].isupper()) and (lw in WEEKDAYS or (lw.endswith("s") and lw[:-1] in WEEKDAYS)):
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

def _day_result(y: int, month: int, day: int, relative: bool, anchor: str | None = None) -> Result | None:
    d = safe_date(y, month, day)
    if d is None:
        return None
    return Result("DATE", fmt_day(d), relative=relative, anchor=anchor)

_EDGE_MOD = {"early": "START", "mid": "MID", "middle": "MID", "late": "END"}

def _edge(s: str) -> str | None:
    mm = re.search(r"(?i)\b(early|mid|middle|late)\b", s)
    return _EDGE_MOD[mm.group(1).lower()] if mm else None

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
    num = re.sub(r"(?i)^(?:the|past|last|latest|next|first|coming|previous)\s+", "", num.strip())  # "the latest nine"
    if re.search(r"(?i)\b(few|several|some|many|number|numerous|handful|dozens|hundreds|thousands)\b", num):
        return None
    if re.search(r"(?i)\bcouple\b", num):
        return 2
    if re.fullmatch(r"(?i)another|an additional|an extra", num.strip()):
        return 1
    return word_number(num)

def _num_words(k: int) -> str:
    return {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
            10: "ten"}.get(k, str(k))  # fmt: skip

def _last_quarter_ref(ctx: Context, window: int = 6, reported: bool = False) -> tuple[int, int] | None:
    """The quarter under discussion: the last one named that is not itself a comparison.
    `reported`: only a quarter over by the document date (results compared with a year before
    are results already in, not a forecast for 'the fourth quarter' or 'the third quarter of 1990')."""
    now = (ctx.dct.year, quarter_of(ctx.dct)) if reported and ctx.dct is not None else None
    best: tuple[int, int] | None = None
    for r in reversed(ctx.refs[-window:]):
        if r.derived:
            continue
        mm = re.fullmatch(r"(\d{4})-Q([1-4])", r.value)
        if mm is None:
            continue
        yq = int(mm.group(1)), int(mm.group(2))
        if now is None:
            return yq
        if yq < now and (best is None or yq > best):
            best = yq
    return best

_YEAR_TO_DATE = re.compile(r"(?i)\b(?:nine|six|first|latest)\s+months\b|\byear[\s-]+to[\s-]+date\b")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])|\n\s*\n")


def _year_to_date_before(ctx: Context, start: int) -> bool:
    """'For the nine months, net rose ... from $5 million a year earlier': the comparison is with
    the year before's nine months, which TimeBank values as that year, not as a quarter."""
    left = ctx.text[max(0, start - 300) : start]
    cut = 0
    for b in _SENTENCE_END.finditer(left):
        cut = b.end()
    return _YEAR_TO_DATE.search(left, cut) is not None


def _completed_quarter(ctx: Context) -> tuple[int, int] | None:
    if ctx.dct is None:
        return None
    return shift_quarter(ctx.dct.year, quarter_of(ctx.dct), -1)

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

def _ref_result(value: str, m: Mention, ctx: Context, what: str) -> Result:
    if value == "PRESENT_REF" and ctx.dct is not None:
        return Result("DATE", value, relative=True, anchor_tid="t0", span_value=fmt_day(ctx.dct),
                      anchor=f"'{m.match.group(0)}': the published date {ctx.dct.isoformat()}")  # fmt: skip
    return Result("DATE", value, relative=True, unresolved=True, anchor=f"'{m.match.group(0)}': {what}")


# The rule modules register their handlers with @handles when imported.
from events.temporal import rules_amounts, rules_dates, rules_deixis, rules_fiscal  # noqa: E402, F401
