"""Text -> sentence spans as character offsets into the original text.

syntok does the segmentation (it keeps exact token offsets, so spans never drift from the text).
It splits after a few abbreviations that precede a name in news ("Lt. Gen. Smith"), so spans that
end in one of those are joined with the next.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import syntok.segmenter as segmenter

# Abbreviations that are followed by a capitalised word inside one sentence.
_JOIN_AFTER = re.compile(
    r"(?:\b(?:Lt|Gen|Col|Maj|Capt|Cpt|Sgt|Cpl|Adm|Cmdr|Brig|Gov|Sen|Rep|Rev|Hon|Pres|Supt|Insp|St|Mt|Ft"
    r"|Mr|Mrs|Ms|Dr|Prof|Jr|Sr|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd"
    r"|vs|approx|est|Ave|Blvd|Rd)\.)$"
)
# A time such as "5 p.m." closes syntok's sentence; when the next one starts with a day or
# a lower-case word it is the same sentence.
_TIME_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_CONTINUES = re.compile(
    r"^(?:[a-z(]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:local|GMT|UTC|EST|EDT|ET)\b)"
)


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


def split(text: str) -> list[Sentence]:
    """Sentence spans of `text`; every span satisfies text[start:end] == span.text."""
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        first = True
        for sentence in paragraph:
            tokens = [t for t in sentence if t.value]
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            if spans and not first and _joins(text, spans[-1], start):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            first = False
    return [Sentence(s, e, text[s:e]) for s, e in spans]


def _joins(text: str, previous: tuple[int, int], next_start: int) -> bool:
    before = text[previous[0] : previous[1]]
    after = text[next_start : next_start + 20]
    if _TIME_END.search(before):
        return bool(_CONTINUES.match(after))
    return bool(_JOIN_AFTER.search(before)) and after[:1].isupper()


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated block) holding text[start:end], as offsets."""
    p_start = text.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = text.find("\n\n", end)
    p_end = len(text) if p_end < 0 else p_end
    return p_start, p_end
