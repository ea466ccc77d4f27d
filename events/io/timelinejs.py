"""TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html), export only.

Each dated event becomes one slide: `start_date` (and `end_date` when the span is longer than its
precision) as {year, month, day} down to the event's precision, `text.headline` the title,
`text.text` the source sentence and a link to the article, `group` the first tag (or document),
`display_date` in words for approximate or coarse dates ("early 2014", "the 1990s", "Q3 2019"),
`unique_id` the event id. TimelineJS renders headline and text as HTML, so both are escaped.
Unresolved events cannot be placed on a timeline and are left out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from collections.abc import Iterable
from typing import Any, Literal

from events.models import Event, TimeSpan

GroupBy = Literal["tag", "document", "none"]
_PARTS_BY_GRANULARITY = {
    "century": 1, "decade": 1, "year": 1,
    "season": 2, "quarter": 2, "month": 2,
    "week": 3, "day": 3, "time": 3,
}  # fmt: skip
_COARSE = frozenset({"century", "decade", "season", "quarter", "week"})
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about"}


def _date_obj(d: dt.date, parts: int) -> dict[str, int]:
    out = {"year": d.year}
    if parts >= 2:
        out["month"] = d.month
    if parts >= 3:
        out["day"] = d.day
    return out


def display_date(when: TimeSpan) -> str:
    """The span in words, as a reader would say it."""
    assert when.start is not None and when.end is not None
    s, g = when.start, when.granularity
    if g == "century":
        c = s.year // 100 + 1
        suffix = "th" if 10 <= c % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(c % 10, "th")
        base = f"the {c}{suffix} century"
    elif g == "decade":
        base = f"the {s.year // 10 * 10}s"
    elif g == "season":
        code = when.value.rsplit("-", 1)[-1]
        base = f"{_SEASON_NAMES.get(code, 'season of')} {when.value[:4]}"
    elif g == "quarter":
        base = f"Q{(s.month - 1) // 3 + 1} {s.year}"
    elif g == "week":
        base = f"the week of {s.day} {s:%B} {s.year}"
    elif g == "month":
        base = f"{s:%B} {s.year}"
    elif g == "year":
        base = str(s.year)
    else:
        base = f"{s.day} {s:%B} {s.year}"
    if when.mod in _MOD_WORDS:
        word = _MOD_WORDS[when.mod]
        base = f"{word}-{base}" if word == "mid" and base[:1].isdigit() else f"{word} {base}"
    elif when.approximate:
        base = f"about {base}"
    if when.end > _natural_end(when):
        base = f"{base} – {when.end:%-d %B %Y}" if g in ("day", "time", "week") else f"{base} onwards"
    return base


def _natural_end(when: TimeSpan) -> dt.date:
    """The last day the start's own precision covers (a month event ends with its month...)."""
    assert when.start is not None and when.end is not None
    s, g = when.start, when.granularity
    if g in ("year", "decade", "century"):
        width = {"year": 1, "decade": 10, "century": 100}[g]
        return dt.date(s.year // width * width + width - 1, 12, 31)
    if g in ("month", "quarter", "season"):
        k = s.year * 12 + s.month - 1 + {"month": 0, "quarter": 2, "season": 2}[g]
        y, m = k // 12, k % 12 + 1
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    if g == "week":
        return s + dt.timedelta(days=6)
    return s


def _slide(ev: Event, group_by: GroupBy) -> dict[str, Any] | None:
    w = ev.when
    if w.unresolved or w.start is None or w.end is None:
        return None
    parts = _PARTS_BY_GRANULARITY.get(w.granularity, 3)
    start, end = _date_obj(w.start, parts), _date_obj(w.end, parts)
    src = ev.source
    body = []
    if src is not None and (src.sentence or src.quote):
        body.append(f"<blockquote>{html.escape(src.quote or src.sentence)}</blockquote>")
    for s in ev.sources:
        if s.url:
            label = html.escape(s.title or s.url)
            body.append(f'<p><a href="{html.escape(s.url, quote=True)}" target="_blank">{label}</a></p>')
    if ev.conflict:
        body.append(f"<p><em>{html.escape(ev.conflict)}</em></p>")
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": html.escape(ev.title), "text": "".join(body)},
        "unique_id": re.sub(r"[^A-Za-z0-9_-]", "-", ev.id),
    }
    if end != start:
        slide["end_date"] = end
    group = None
    if group_by == "tag" and ev.tags:
        group = ev.tags[0]
    elif group_by == "document" and src is not None:
        group = src.title or src.document_id or None
    if group:
        slide["group"] = group
    if w.approximate or w.mod or w.granularity in _COARSE:
        slide["display_date"] = display_date(w)
    return slide


def to_timelinejs(events: Iterable[Event], title: str = "News timeline", group_by: GroupBy = "tag") -> dict:
    """The TimelineJS document; unresolved events are skipped (they have no place on it)."""
    slides = [s for s in (_slide(ev, group_by) for ev in events) if s is not None]
    seen: dict[str, int] = {}
    for s in slides:  # unique_id must be unique: ids that differ only in odd characters
        uid = s["unique_id"]
        if uid in seen:
            seen[uid] += 1
            s["unique_id"] = f"{uid}-{seen[uid]}"
        else:
            seen[uid] = 0
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": slides}
