"""Values of deictic expressions: today/yesterday, weekdays, clock times, parts of the day,
"last week", "two years ago", "the following day" (against the DCT or the previous date)."""

# ruff: noqa: E501  (value tables read better one rule per line)

from __future__ import annotations

import re

from events.temporal.calendar import (
    clamp_year,
    fmt_day,
    fmt_quarter,
    fmt_week,
    parse_value,
    safe_date,
    shift_days,
    shift_value,
)
from events.temporal.grammar import Mention
from events.temporal.lexicon import (
    MONTH_NAMES,
    PART_OF_DAY,
    WEEKDAY_NAMES,
)
from events.temporal.normalise import (
    _UNIT_WORD,
    _X_VALUE,
    Context,
    Result,
    _count,
    _day_in,
    _duration_text,
    _edge,
    _last_quarter_ref,
    _low,
    _month_day_year,
    _month_in,
    _num_words,
    _part_in,
    _shift_unit,
    _tense,
    _unit_code,
    _unit_value,
    _unresolved,
    _weekday_date,
    _weekday_in,
    _year_in,
    _year_to_date_before,
    handles,
    normalise,
)

_DAY_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


@handles("rel_day")
def _rel_day(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    word = re.search(r"yesterday|today|tomorrow|tonight", s).group(0)  # type: ignore[union-attr]
    offset = _DAY_OFFSET[word]
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


@handles("weekday", "rel_weekday", "weekday_lower", "rel_weekday_lower")
def _weekday(m: Mention, ctx: Context) -> Result | None:
    raw = m.match.group(0)
    s = _low(m)
    wd = _weekday_in(raw, lower_ok=m.rule.endswith("_lower"))
    if wd is None:
        return None
    end = None
    if s.endswith("'s"):
        end = m.end - 2
        s = s[:-2]
    part = _part_in(re.sub(r"^\S+\s+", "", s) if " " in s else "")
    plural = re.search(r"\b(morning|afternoon|evening|night)s$", s)
    if plural and m.rule == "weekday":  # "Tuesday nights": every week
        return Result("SET", f"XXXX-WXX-{wd}T{PART_OF_DAY[plural.group(1)]}", end=end)
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


@handles("part_dayref")
def _part_dayref(m: Mention, ctx: Context) -> Result | None:
    """'mid-afternoon yesterday', 'late morning Tuesday': the day's value with the part of day."""
    s = _low(m)
    part = _part_in(s)
    day = re.search(r"(yesterday|today|tomorrow|tonight|\S+)$", s)
    if part is None or day is None:
        return None
    mod = "START" if s.startswith("early") else "END" if s.startswith("late") else None
    word = day.group(1)
    if word in _DAY_OFFSET:
        offset = _DAY_OFFSET[word]
        if ctx.dct is None:
            return Result("TIME", f"XXXX-XX-XXT{part}", mod=mod, relative=True, unresolved=True, anchor="no published date")
        d = shift_days(ctx.dct, offset)
    else:
        wd = _weekday_in(m.match.group(0)[day.start() :])
        if wd is None:
            return None
        if ctx.dct is None:
            return Result("TIME", f"XXXX-WXX-{wd}T{part}", mod=mod, relative=True, unresolved=True, anchor="no published date")
        d = _weekday_date(wd, ctx, _tense(m, ctx))
    return Result("TIME", f"{fmt_day(d)}T{part}", mod=mod, relative=True, anchor_tid="t0",
                  anchor=f"'{m.match.group(0)}': the {word} of the published date {ctx.dct.isoformat()}")  # fmt: skip


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
    r"(?i)(?P<milh>[01]\d|2[0-3])(?P<milm>[0-5]\d)(?=\s{0,2}(?:GMT|UTC|[ECMP][SD]T))"
    r"|(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?P<hp>\d{1,2})(?::(?P<mip>\d\d))?\s+in\s+the\s+(?P<part>morning|afternoon|evening)"
    r"|(?P<h24>\d{1,2}):(?P<mi24>\d\d)"
    r"|(?P<word>noon|midnight|midday)"
)


def _clock(s: str) -> str | None:
    cm = _CLOCK.search(s)
    if not cm:
        return None
    if cm.group("milh"):
        return f"{cm.group('milh')}:{cm.group('milm')}"
    if cm.group("word"):
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[cm.group("word").lower()]
    if cm.group("hp"):
        # "4 in the morning" is 4 a.m.; "3 in the afternoon", "8 in the evening" are p.m.
        h, mi = int(cm.group("hp")), int(cm.group("mip") or 0)
        if not 1 <= h <= 12 or mi > 59:
            return None
        if cm.group("part").lower() == "morning":
            h = 0 if h == 12 else h
        elif h < 12:
            h += 12
        return f"{h:02d}:{mi:02d}"
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
    cm = _CLOCK.search(s)
    if cm is not None and cm.group("hp"):
        # "4 in the morning" is a time only after a preposition ("at 4 in the morning"), not in
        # "fell 4 in the morning session".
        before = ctx.text[max(0, m.start + cm.start() - 16) : m.start + cm.start()]
        if not re.search(r"(?i)\b(?:at|around|about|approximately|by|until|till|before|after|from|since|to|and)\s+\Z", before):
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
        if b is None:
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
    if n is None and direction in ("later", "earlier"):
        # "a few days later": no date can be counted from a vague amount; TimeBank keeps the amount
        # (PXD) and leaves "later" outside as a signal, which also keeps "the future" out of a past story.
        return _duration_text(ctx, m.start, m.start + len(m.match.group(0).rstrip()) - len(dm.group(1)), "")
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
    ref_q = _last_quarter_ref(ctx, 3, reported=True) if unit == "Y" and k == 1 else None
    if ref_q is not None and _year_to_date_before(ctx, m.start):
        y = ref_q[0] - 1
        return Result("DATE", f"{y:04d}", relative=True, uses_ref=True, derived=True,
                      anchor=f"'{raw}': the year before {ref_q[0]}, for a nine- or six-month figure")  # fmt: skip
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


@handles("units_ago")
def _units_ago(m: Mention, ctx: Context) -> Result | None:
    s = _low(m)
    if s.endswith(("later", "earlier")):  # "years later": a vague amount, as "a few days later"
        return _duration_text(ctx, m.start, m.start + len(m.match.group(0)) - len(s.split()[-1]), "")
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
    if unit == "W" and re.match(r"\s+of\s+(?:[A-Z]|\d)", after):
        return None  # "the week of March 6": the tagger takes the week from that date
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
