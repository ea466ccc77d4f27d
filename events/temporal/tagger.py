"""tag(): recognise, normalise in reading order, attach modifiers, pair ranges, build Timex objects."""

# ruff: noqa: E501  (regex tables and value tables read better one rule per line)

from __future__ import annotations

import datetime as dt
import re

from events.models import TimeSpan, Timex
from events.temporal.calendar import edtf_of, fmt_day, fmt_week, narrow, parse_value, shift_days
from events.temporal.grammar import recognise
from events.temporal.normalise import Context, Ref, Result, normalise

# Words in front of a mention that TimeML keeps inside the TIMEX3 and reads as its `mod`.
_PREFIX = re.compile(
    r"(?i:(?<![\w-])(?P<w>the\s+(?:very\s+)?(?:end|beginning|start|middle|close|dawn|turn)\s+of|"
    r"(?:the\s+)?(?:early|late|mid)(?:dle)?|mid-|about|around|approximately|roughly|circa|nearly|almost|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|"
    r"well\s+over|just\s+over|just\s+under|over|under|some|only|barely|"
    r"(?:the\s+)?(?:first|last|past|next|coming|final|remaining)\s+(?=\w+\s+(?:years|months|weeks|days)\b)"
    r")[ \t]*\Z)"
)
_MOD_OF = {
    "end": "END", "close": "END", "beginning": "START", "start": "START", "dawn": "START", "turn": "START",
    "middle": "MID", "early": "START", "late": "END", "mid": "MID", "middle ": "MID", "about": "APPROX",
    "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "circa": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "under": "LESS_THAN", "less": "LESS_THAN", "fewer": "LESS_THAN",
    "just under": "LESS_THAN", "barely": "LESS_THAN", "more": "MORE_THAN", "over": "MORE_THAN",
    "well over": "MORE_THAN", "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more": "EQUAL_OR_LESS", "no less": "EQUAL_OR_MORE", "only": None,
}  # fmt: skip
_DURATION_ONLY = {"over", "under", "some", "only", "barely", "more", "less", "fewer", "at least", "at most",
                  "up to", "no more", "no less", "well over", "just over", "just under", "nearly", "almost"}  # fmt: skip
# Hedges that TimeBank annotators leave outside the TIMEX3 (9 of 11 "about", 12 of 13 "its"...):
# they still set the mod, the span starts after them.
_OUTSIDE = {"about", "almost", "only", "barely"}
_RANGE_BETWEEN = re.compile(r"(?i)\A\s*(?:-|–|—|to|until|till|through|thru|and)\s*\Z")
_COMPOSE = re.compile(r"(?i)(?<![\w-])(?:the[ \t]+)?(?:day[ \t]+(?P<dir>before|after)|week[ \t]+of)[ \t]+\Z")
_RANGE_INTRO = re.compile(r"(?i)\b(?:between|from)\s+\Z")


def _prefix_mod(text: str, start: int, typ: str, end: int | None = None) -> tuple[int, str | None] | None:
    pm = _PREFIX.search(text, max(0, start - 32), start)
    if pm is None:
        return None
    w = re.sub(r"\s+", " ", pm.group("w").lower()).strip()
    key = w
    for k in ("end", "close", "beginning", "start", "dawn", "turn", "middle", "early", "late", "mid"):
        if re.search(rf"\b{k}\b", w) or w == "mid-":
            key = "mid" if w == "mid-" else k
            break
    else:
        key = re.sub(r"\s+than$", "", w)
    if re.match(r"(the )?(first|last|past|next|coming|final|remaining)$", w):
        return (pm.start("w"), None) if typ == "DURATION" else None
    counted = end is not None and re.search(r"(?i)\b(?:ago|earlier|later)\Z", text[start:end]) is not None
    if typ != "DURATION" and key in _DURATION_ONLY and key not in ("nearly", "almost", "more", "less") and not counted:
        return None  # "over 200 years ago" counts; "over Friday" does not
    if typ == "DURATION" and key in ("end", "close", "beginning", "start", "dawn", "turn", "middle", "early", "late", "mid"):
        return None
    if typ == "SET":
        return None
    if key in _DURATION_ONLY and re.match(r"(?i)the\s", text[start : start + 4]):
        return None  # "over the past three years": a preposition, not a quantity
    if key in _OUTSIDE and not counted:
        return start, _MOD_OF.get(key)
    return pm.start("w"), _MOD_OF.get(key)


def _compose(text: str, start: int, r: Result, last_end: int) -> tuple[int, Result] | None:
    """'the day before last Tuesday', 'the week of March 6': one expression whose value is
    computed from the date it names (TimeML keeps it as one TIMEX3)."""
    if r.type != "DATE" or r.unresolved:
        return None
    pm = _COMPOSE.search(text, max(0, start - 24), start)
    if pm is None or pm.start() < last_end:
        return None
    p = parse_value(r.value)
    if p is None or p.gran != "day":
        return None
    if pm.group("dir"):
        before = pm.group("dir").lower() == "before"
        value = fmt_day(shift_days(p.start, -1 if before else 1))
        how = f"the day {'before' if before else 'after'} {r.value}"
    else:
        value, how = fmt_week(p.start), f"the week of {r.value}"
    return pm.start(), Result("DATE", value, relative=True, anchor=f"'{text[pm.start() : start].strip()} ...': {how}",
                              anchor_tid=r.anchor_tid)  # fmt: skip


def _span(r: Result, text: str, dct: dt.date | None) -> TimeSpan | None:
    if r.type not in ("DATE", "TIME"):
        return None
    mod = r.mod
    value = r.value
    approx = r.approximate or mod in ("APPROX", "START", "MID", "END")
    p = parse_value(r.span_value or value)
    if p is None or ("X" in value and r.span_value is None):
        gran = _gran_of_x(value)
        return TimeSpan(start=None, end=None, granularity=gran, value=value, edtf=_x_edtf(value), approximate=approx,
                        relative=True, unresolved=True, anchor=r.anchor, mod=mod)  # fmt: skip
    start, end = narrow(p, mod)
    gran = p.gran
    if r.span_value and parse_value(r.span_value):
        edtf = edtf_of(r.span_value, p, approx)
    else:
        edtf = edtf_of(value, p, approx)
    return TimeSpan(start=start, end=end, granularity=gran, value=value, edtf=edtf, approximate=approx,
                    relative=r.relative, unresolved=False, anchor=r.anchor, mod=mod)  # fmt: skip


def _gran_of_x(value: str) -> str:
    if "T" in value:
        return "time"
    if re.fullmatch(r"X{4}-X{2}-X{2}|X{4}-\d\d-\d\d|X{4}-WXX-\d", value):
        return "day"
    if "W" in value:
        return "week"
    if "Q" in value or "H" in value:
        return "quarter"
    if re.fullmatch(r"X{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"X{4}-(\d\d|XX)", value):
        return "month"
    if value == "XXX":
        return "decade"
    if value == "XX":
        return "century"
    return "year" if value == "XXXX" else "day"


def _x_edtf(value: str) -> str:
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value)
    if m:
        return f"XXXX-{m.group(1)}-{m.group(2)}"
    m = re.fullmatch(r"XXXX-(\d\d)", value)
    if m:
        return f"XXXX-{m.group(1)}"
    return ""


def tag(text: str, dct: dt.date | None = None) -> list[Timex]:
    """TIMEX3 mentions in `text`, in order, with values resolved against `dct` (the published date)."""
    if not isinstance(text, str) or not text:
        return []
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    try:
        return _tag(text, dct)
    except (RecursionError, MemoryError):
        raise
    except Exception:
        return _tag_safe(text, dct)


def _tag_safe(text: str, dct: dt.date | None) -> list[Timex]:
    # Paragraph by paragraph, so one bad spot costs only its paragraph.
    out: list[Timex] = []
    pos = 0
    for para in re.split(r"(\n\s*\n)", text):
        try:
            for t in _tag(para, dct):
                out.append(t.model_copy(update={"start": t.start + pos, "end": t.end + pos}))
        except Exception:
            pass
        pos += len(para)
    return _renumber(out)


def _renumber(items: list[Timex]) -> list[Timex]:
    mapping = {t.tid: f"t{i + 1}" for i, t in enumerate(items)}
    mapping["t0"] = "t0"
    return [
        t.model_copy(update={"tid": mapping[t.tid], "anchor_tid": mapping.get(t.anchor_tid) if t.anchor_tid else None})
        for t in items
    ]


def _tag(text: str, dct: dt.date | None) -> list[Timex]:
    ctx = Context(text=text, dct=dct)
    found: list[tuple[int, int, Result]] = []
    last_end = 0
    for mention in recognise(text):
        results = normalise(mention, ctx)
        for r in results:
            s = mention.start if r.start is None else r.start
            e = mention.end if r.end is None else r.end
            while e > s and text[e - 1] in " \t\n,":
                e -= 1
            if e <= s or s < last_end:
                continue
            composed = _compose(text, s, r, last_end)
            if composed is not None:
                s, r = composed
            elif (r.start is None or r.start == mention.start) and r.type in ("DATE", "TIME", "DURATION"):
                pm = _prefix_mod(text, s, r.type, e)
                if pm is not None and pm[0] >= last_end:
                    s = pm[0]
                    if pm[1] is not None and r.mod is None:
                        r.mod = pm[1]
                        if r.mod in ("APPROX", "START", "MID", "END"):
                            r.approximate = True
            found.append((s, e, r))
            last_end = e
            if r.type in ("DATE", "TIME") and not r.unresolved:
                p = parse_value(r.value)
                if p is not None:
                    tid = f"t{len(found)}"
                    ref = Ref(r.value, p.gran, p.start, text[s:e], tid, r.derived)
                    ctx.refs.append(ref)
                    ctx.ref = ref
    return _build(text, found, dct)


def _build(text: str, found: list[tuple[int, int, Result]], dct: dt.date | None) -> list[Timex]:
    range_of: dict[int, tuple[int, str]] = {}
    next_range = 1
    i = 0
    while i < len(found) - 1:
        s1, e1, r1 = found[i]
        s2, _e2, r2 = found[i + 1]
        if r1.range_role == "start" and r2.range_role == "end":
            range_of[i], range_of[i + 1] = (next_range, "start"), (next_range, "end")
            next_range += 1
            i += 2
            continue
        if r1.type in ("DATE", "TIME") and r2.type == r1.type and _RANGE_BETWEEN.match(text[e1:s2]):
            between = text[e1:s2].strip().lower()
            intro = _RANGE_INTRO.search(text, max(0, s1 - 12), s1)
            ok = (between == "and" and intro is not None and "between" in intro.group(0).lower()) or (
                between in ("-", "–", "—", "through", "thru") or (between in ("to", "until", "till") and intro)
            )
            if ok:
                _share_year(text, found, i)
                range_of[i], range_of[i + 1] = (next_range, "start"), (next_range, "end")
                next_range += 1
                i += 2
                continue
        i += 1
    out: list[Timex] = []
    for k, (s, e, r) in enumerate(found):
        rid, role = range_of.get(k, (None, None))
        _, _, r = found[k]
        anchor_tid = r.anchor_tid
        out.append(
            Timex(start=s, end=e, text=text[s:e], type=r.type, value=r.value, mod=r.mod, tid=f"t{k + 1}",
                  anchor_tid=anchor_tid, span=_span(r, text, dct), range_id=rid, range_role=role)
        )
    return out


def _share_year(text: str, found: list[tuple[int, int, Result]], i: int) -> None:
    """'from March to May 2014': the first part takes its year from the second."""
    s1, e1, r1 = found[i]
    s2, e2, r2 = found[i + 1]
    if re.search(r"\d{4}", text[s1:e1]) or not re.search(r"\d{4}", text[s2:e2]):
        return
    m1 = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)(-\d\d)?", r1.value)
    m2 = re.fullmatch(r"(\d{4})-(\d\d)(-\d\d)?", r2.value)
    if not m1 or not m2:
        return
    y = int(m2.group(1)) - (1 if int(m1.group(2)) > int(m2.group(2)) else 0)
    r1.value = f"{y:04d}-{m1.group(2)}{m1.group(3) or ''}"
    r1.unresolved = False
    r1.relative = False
    r1.anchor = f"year taken from '{text[s2:e2]}'"
