"""Values of the parts of a (fiscal) year: quarters, halves, "the year-ago quarter", fiscal years."""

# ruff: noqa: E501  (value tables read better one rule per line)

from __future__ import annotations

import re

from events.temporal.calendar import (
    fmt_quarter,
    quarter_of,
    shift_quarter,
)
from events.temporal.grammar import Mention
from events.temporal.lexicon import MONTHS
from events.temporal.normalise import (
    Context,
    Result,
    _completed_quarter,
    _last_quarter_ref,
    _low,
    _tense,
    _two_digit_year,
    _unresolved,
    _year_from,
    _year_in,
    _year_to_date_before,
    handles,
)


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
    ref_q = _last_quarter_ref(ctx, reported=True)
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
    ref_q = _last_quarter_ref(ctx, reported=True)
    if ref_q is None and ("quarter" in s or "period" in s):
        ref_q = _completed_quarter(ctx)
    if ref_q is not None and "quarter" not in s and _year_to_date_before(ctx, m.start):
        return Result("DATE", f"{ref_q[0] - 1:04d}", relative=True, uses_ref=True, derived=True,
                      anchor=f"'{m.match.group(0)}': the year before {ref_q[0]}, for a nine- or six-month figure")  # fmt: skip
    if ref_q is not None:
        y, q = ref_q
        return Result("DATE", fmt_quarter(y - 1, q), relative=True, uses_ref=True, derived=True,
                      anchor=f"'{m.match.group(0)}': the same quarter a year before {y}-Q{q}")  # fmt: skip
    b = ctx.base("year")
    if b is None:
        return _unresolved("XXXX", "no date to count from")
    return Result("DATE", f"{b[2].year - 1:04d}", relative=True, anchor_tid=b[3], uses_ref=b[3] != "t0",
                  derived=True, anchor=f"'{m.match.group(0)}': the year before {b[1]}")  # fmt: skip


_ENDED = re.compile(r"\s+(?:that\s+)?end(?:ed|ing)\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b(?:,?\s+((?:19|20)\d\d)\b)?")


def _quarter_ended(m: Mention, ctx: Context) -> tuple[int, int] | None:
    """'the quarter ended July 31': the three months up to that day, valued as the calendar quarter
    holding most of them (May-July: Q2), in the year nearest before the document date."""
    em = _ENDED.match(ctx.text, m.end, m.end + 40)
    if em is None:
        return None
    month = MONTHS.get(em.group(1).lower())
    day = int(em.group(2))
    if month is None or not 1 <= day <= 31:
        return None
    if day < 15:
        month = month - 1 or 12  # "ended Oct. 2": the quarter of July-September
    if em.group(3):
        year = int(em.group(3)) - (1 if int(em.group(2)) < 15 and month == 12 else 0)
    elif ctx.dct is not None:
        year = ctx.dct.year if month <= ctx.dct.month else ctx.dct.year - 1
    else:
        return None
    middle = month - 1 or 12
    return (year - 1 if middle == 12 else year), (middle - 1) // 3 + 1


_YEAR_BACK = re.compile(r"[ \t]+a[ \t]+year[ \t]+(?:ago|earlier)\b")


@handles("the_quarter")
def _the_quarter(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    if ctx.dct is None and not ctx.refs:
        return _unresolved("XXXX-QX", "no published date")
    # A quarter named before ("the fiscal first quarter") keeps its fiscal name; otherwise the end date decides.
    ended = _quarter_ended(m, ctx) if re.fullmatch(r"the (?:fiscal )?quarter", s) and not _last_quarter_ref(ctx) else None
    if ended is not None:
        y, q = ended
    elif s.startswith("that"):
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
    back = _YEAR_BACK.match(ctx.text, m.end)
    if back is not None:  # "the quarter a year ago": one expression, the same quarter a year before
        return Result("DATE", fmt_quarter(y - 1, q), end=back.end(), relative=True, derived=True, anchor_tid="t0",
                      anchor=f"'{m.match.group(0)}{back.group(0)}': quarter {q} of {y - 1}")  # fmt: skip
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
    if re.fullmatch(r"(?:the\s+)?fiscal\s+year", s) and re.match(r"\s+end(?:ed|ing|s)\b", ctx.text[m.end : m.end + 12]):
        return Result("DURATION", "P1Y")  # "the fiscal year ended Jan. 31": a year-long period, as "the year ended"
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
