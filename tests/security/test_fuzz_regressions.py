"""The crashes bench/fuzz.py found, replayed: each case is a pure function of (seed, number) of
the fuzzer's generator, and `check` runs tag and extract with the fuzzer's invariants."""

from __future__ import annotations

import sys

import pytest
from sec_helpers import REPO

sys.path.insert(0, str(REPO / "bench"))

from fuzz import check, make_case


@pytest.mark.parametrize(
    "case",
    [
        "1:200",  # OverflowError in anchoring.story_day: published date in year 1
        "1:649",  # IndexError in phrases.noun_phrase_ending: a punctuation-only piece
        "7:176193",  # ValidationError: a title over 500 characters from "2020-2020-..."
    ],
)
def test_fuzz_crash_stays_fixed(case: str) -> None:
    seed, number = (int(x) for x in case.split(":"))
    text, dct = make_case(seed, number, 300)
    check(text, dct)


def test_a_small_fuzz_sample_runs_clean() -> None:
    for number in range(300):
        text, dct = make_case(99, number, 300)
        check(text, dct)
