"""Golden gate: TempEval-3 style TIMEX3 scores on the dev set must not fall below pinned floors.

Scores the same way as ../shared/eval/te3_score.py (its `timeml.score`); each floor is pinned about
one point under the figure reached (recorded in bench/README.md, "## Tagger"). Raise them as the
tagger improves; never lower one to make a change pass.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

import events

SHARED = Path(__file__).parents[2].parent / "shared"
DEV = SHARED / "data" / "tempeval3-dev"
FLOORS = {"strict_F1": 88.4, "relaxed_F1": 93.8, "value_F1": 81.2, "type_F1": 90.2}


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not (SHARED / "eval" / "timeml.py").exists() or not DEV.exists():
        pytest.skip(
            f"TimeML scorer or dev data not found under {SHARED} (shared/eval, shared/data/tempeval3-dev)"
        )
    sys.path.insert(0, str(SHARED / "eval"))
    try:
        from timeml import Timex, read_tml, score
    finally:
        sys.path.remove(str(SHARED / "eval"))
    docs = [read_tml(p) for p in sorted(DEV.rglob("*.tml"))]
    out = []
    for d in docs:
        dct = dt.date.fromisoformat(d.dct[:10]) if d.dct else None
        found = events.tag(d.text, dct=dct)
        out.append([Timex(x.start, x.end, d.text[x.start : x.end], str(x.type), str(x.value)) for x in found])
    result = score(zip(docs, out, strict=True))
    result.pop("errors")
    return result


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(scores: dict[str, float], metric: str) -> None:
    assert scores[metric] >= FLOORS[metric], f"{metric} {scores[metric]:.2f} fell below {FLOORS[metric]}"
