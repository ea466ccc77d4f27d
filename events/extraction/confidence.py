"""How much to trust an event's date, from how it was dated.

The order is the contract: an explicit day beats an explicit month beats an explicit year beats a
relative expression we resolved beats the published-date fallback; plans and hypotheses, which
are dated by what the text expects rather than what happened, come last.
"""

from __future__ import annotations

from typing import Literal

How = Literal["explicit", "relative", "unresolved", "published", "narrative"]

_EXPLICIT = {
    "time": 0.95,
    "day": 0.95,
    "week": 0.9,
    "month": 0.9,
    "quarter": 0.87,
    "season": 0.87,
    "year": 0.85,
    "decade": 0.8,
    "century": 0.78,
}


def confidence(how: How, granularity: str, *, approximate: bool = False, planned: bool = False) -> float:
    if how == "explicit":
        c = _EXPLICIT.get(granularity, 0.8)
    elif how == "relative":
        c = 0.7
    elif how == "unresolved":
        c = 0.5
    elif how == "narrative":
        c = 0.45
    else:  # published-date fallback
        c = 0.4
    if approximate:
        c -= 0.1
    if planned:
        c = min(c, 0.35)
    return round(max(0.0, min(1.0, c)), 3)
