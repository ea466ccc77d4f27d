"""Pathological text for the regular expressions of the tagger and the extractor: long runs of
digits and dashes, repeated month names, 1 MB on one line. Each must finish (a generous
subprocess timeout is only a hang guard; growth is measured in bench/fuzz.py --growth) and keep
its invariants: offsets inside the text, spans ordered."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sec_helpers import REPO, cli_env

pytestmark = pytest.mark.slow

SIZE = 50_000  # per pattern; enough to expose quadratic behaviour as a hang, small enough for CI
MB = 1_000_000

# name -> Python expression of the text, with n the target size.
PATTERNS = {
    "digits": "'7' * n",
    "digits-spaced": "('1 2 3 4 5 6 7 8 9 ' * n)[:n]",
    "long-number-with-commas": "('1,000,' * n)[:n]",
    "dashes": "'-' * n",
    "em-dashes": "('— –' * n)[:n]",
    "iso-dashes": "('2020-' * n)[:n]",
    "slashes": "('12/' * n)[:n]",
    "dots": "'.' * n",
    "months": "('January ' * n)[:n]",
    "months-mixed": "('March May June 2020 Sept. ' * n)[:n]",
    "ordinals": "('the 1st 2nd 3rd of ' * n)[:n]",
    "relative-chain": "('a day earlier, two weeks later, ' * n)[:n]",
    "parentheses": "('(' * (n // 2)) + (')' * (n // 2))",
    "quotes": "('\"' * n)[:n]",
    "one-word": "'a' * n",
    "arabic-digits": "('٣ مارس ٢٠٢١ ' * n)[:n]",
    "nul-and-controls": "('\\x00\\x01\\x1b[31m\\u200b' * n)[:n]",
}
ONE_LINE = {
    "1mb-prose-one-line": "('the council talked about the bridge and the budget again ' * (n // 50 + 1))[:n]",
    "1mb-sparse-dates-one-line": (
        "''.join('the council talked about the bridge and the road ' * 200 + f'on {1 + i % 28} March 2021 '"
        " for i in range(n // 9000 + 1))[:n]"
    ),
    # Dense with dates and no full stop: was quadratic in the title builder (fixed in extract.py).
    "1mb-dense-dates-one-line": "('the talks began on 3 March 2021 and ended a day later, ' * n)[:n]",
    "1mb-digits": "'7' * n",
    "1mb-dashes": "'-' * n",
}

RUNNER = r"""
import datetime as dt, json, sys, time
from events import extract, tag
name, expr, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = eval(expr, {"n": n})
t0 = time.perf_counter()
timexes = tag(text, dt.date(2021, 3, 4))
for t in timexes:
    assert 0 <= t.start <= t.end <= len(text) and text[t.start:t.end] == t.text, t
t1 = time.perf_counter()
events = extract(text, dt.date(2021, 3, 4))
for ev in events:
    if ev.when.start is not None:
        assert ev.when.start <= ev.when.end
    for s in ev.sources:
        assert 0 <= s.sentence_start <= s.sentence_end <= len(text)
        assert text[s.sentence_start:s.sentence_end] == s.sentence
t2 = time.perf_counter()
print(json.dumps({"name": name, "chars": len(text), "timexes": len(timexes), "events": len(events),
                  "tag_s": round(t1 - t0, 3), "extract_s": round(t2 - t1, 3)}))
"""


def run_case(name: str, expr: str, n: int, timeout: float) -> dict:
    try:
        res = subprocess.run(
            [sys.executable, "-c", RUNNER, name, expr, str(n)],
            capture_output=True, text=True, timeout=timeout, env=cli_env(), cwd=REPO, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"{name}: tag + extract of {n:,} characters did not finish in {timeout:.0f} s (hang guard)"
        )
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", list(PATTERNS))
def test_pathological_pattern_finishes(name: str) -> None:
    out = run_case(name, PATTERNS[name], SIZE, timeout=240)
    assert out["chars"] == SIZE or name == "parentheses"


@pytest.mark.parametrize("name", list(ONE_LINE))
def test_one_megabyte_on_one_line_finishes(name: str) -> None:
    out = run_case(name, ONE_LINE[name], MB, timeout=300)
    assert out["chars"] == MB
