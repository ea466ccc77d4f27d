"""Golden gate: the dev-set dating score (SemEval-2015 TimeLine trial) must not fall below a floor.

Runs the same logic as ../shared/eval/dating_score.py; the floor is pinned about one point under
the figure reached (recorded in bench/README.md, "## Extraction").
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

import events

SHARED = Path(__file__).parents[2].parent / "shared"
DEV = SHARED / "data" / "timeline-dev"
F1_FLOOR = 79.5


@pytest.fixture(scope="module")
def score() -> dict[str, float]:
    if not (SHARED / "eval" / "dating.py").exists() or not DEV.exists():
        pytest.skip(
            f"dating scorer or dev data not found under {SHARED} (shared/eval, shared/data/timeline-dev)"
        )
    sys.path.insert(0, str(SHARED / "eval"))
    try:
        from dating import evaluate, load
    finally:
        sys.path.remove(str(SHARED / "eval"))
    corpora = sorted(p.name for p in DEV.iterdir() if (p / "corpus_trackA_TimeML").is_dir())
    docs, items = load(DEV, corpora)
    system = {
        docid: [e.to_row() for e in events.extract(d.text, published=dt.date.fromisoformat(d.dct[:10]))]
        for docid, d in docs.items()
    }
    return evaluate(docs, system, items)


def test_dating_f1_floor(score):
    assert score["gold"] > 0
    assert score["F1"] >= F1_FLOOR, score
