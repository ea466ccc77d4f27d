"""Values of durations and sets, and the vague PRESENT_REF / PAST_REF / FUTURE_REF."""

# ruff: noqa: E501  (value tables read better one rule per line)

from __future__ import annotations

import re

from events.temporal.grammar import Mention
from events.temporal.lexicon import (
    MONTHS,
    PART_OF_DAY,
    SEASONS,
)
from events.temporal.normalise import (
    Context,
    Result,
    _count,
    _duration_text,
    _low,
    _ref_result,
    _unit_code,
    _weekday_in,
    duration_value,
    handles,
)


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
    then = re.search(r"(?i)\bthen[ \t-]\Z", before)
    if then:
        # "the then-current price": current at a past time, not at the time of writing
        r = _ref_result("PAST_REF", m, ctx, "a time before the time of writing")
        r.start = m.start - (len(before) - then.start())
        return r
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
