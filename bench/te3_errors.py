"""Where events.tag and the TempEval-3 dev gold disagree on values, grouped by kind of disagreement.

    .venv/bin/python bench/te3_errors.py [../shared/data/tempeval3-dev] [-v]

Matches gold and system TIMEX3s as the scorer does (`../shared/eval/timeml.py`: first unused
overlapping system mention) and sorts every value mismatch into one of a few groups, so a rule
change can be judged by which group it moves, and gold conventions can be told from our errors.
With -v, every mismatch is listed under its group (phrase, gold value, our value, document).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "eval"))
from timeml import read_tml  # noqa: E402

from events import tag  # noqa: E402

_KINDS = [
    ("time", r"\d{4}-\d\d-\d\dT.+"),
    ("day", r"\d{4}-\d\d-\d\d"),
    ("week", r"\d{4}-W\d\d(-WE)?"),
    ("month", r"\d{4}-\d\d"),
    ("quarter", r"\d{4}-[QH]\d"),
    ("season", r"\d{4}-(SP|SU|FA|WI)"),
    ("year", r"\d{4}"),
    ("decade/century", r"\d{2,3}"),
    ("duration", r"P.+"),
    ("reference", r"(PAST|PRESENT|FUTURE)_REF"),
]
# Values the document date could have fixed but the gold leaves open or writes outside ISO 8601:
# "1989-WXX" next to a known DCT, "1949-XX" for a bare year, "2000-W7" for week 7.
_UNDERSPECIFIED = re.compile(r"\d{4}-XX(-XX)?$|WXX|-W\d$|^\d{3}X$|^\d\dXX$|-QX$|^\d{4}-\d\d-XX$")

GROUPS = {
    "under": "gold leaves open (or writes outside ISO 8601) a value the DCT fixes",
    "date": "same granularity, another date (tense, anchor, document date)",
    "gran": "same point in time, another granularity (1988 vs 1988-Q3, TNI vs no part of day)",
    "kind": "another kind of value (duration vs date vs PAST/FUTURE_REF)",
    "other": "other",
}


def kind_of(value: str) -> str:
    for name, pattern in _KINDS:
        if re.fullmatch(pattern, value):
            return name
    return "other"


def group_of(gold: str, ours: str) -> str:
    if _UNDERSPECIFIED.search(gold):
        return "under"
    g, o = kind_of(gold), kind_of(ours)
    if g == o and g not in ("duration", "reference", "other"):
        return "date"
    if "duration" in (g, o) or "reference" in (g, o):
        return "kind" if "other" not in (g, o) else "other"
    return "gran" if g != o else "other"


def mismatches(root: Path) -> list[tuple[str, str, str, str]]:
    """(phrase, gold value, our value, document) for every relaxed match with another value."""
    out = []
    for path in sorted(root.rglob("*.tml")):
        doc = read_tml(path)
        dct = dt.date.fromisoformat(doc.dct[:10]) if doc.dct else None
        found = tag(doc.text, dct=dct)
        used: set[int] = set()
        for g in doc.timexes:
            overlapping = (i for i, s in enumerate(found) if s.start < g.end and g.start < s.end)
            overlapping = (i for i in overlapping if i not in used)
            hit = next(overlapping, None)
            if hit is None:
                continue
            used.add(hit)
            if found[hit].value != g.value:
                out.append((g.text, g.value, str(found[hit].value), doc.name))
    return out


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("-")]
    root = Path(args[0]) if args else SHARED / "data" / "tempeval3-dev"
    groups: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    rows = mismatches(root)
    for row in rows:
        groups[group_of(row[1], row[2])].append(row)
    print(f"{len(rows)} value mismatches")
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):5d}  {GROUPS[key]}")
        if "-v" in argv:
            for text, gold, ours, name in items:
                print(f"         {text!r:32} gold {gold:16} ours {ours:16} {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
