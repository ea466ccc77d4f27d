"""Text -> sentence spans as character offsets into the original text.

syntok does the segmentation (it keeps exact token offsets, so spans never drift from the text).
It splits after a few abbreviations that precede a name in news ("Lt. Gen. Smith"), so spans that
end in one of those are joined with the next. It also sometimes hands a closing quotation mark to
the next sentence ('... this. " He talked ...' gives '" He talked ...') and keeps two sentences
together after a closing quote or a lower-case brand name ('... radio ". He called it ...',
'... on July 1. iPhone 4 will ...'); an event must point at the sentence that states it, so those
spans are trimmed and cut.
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
    return _repair(text, [Sentence(s, e, text[s:e]) for s, e in spans])


def _joins(text: str, previous: tuple[int, int], next_start: int) -> bool:
    before = text[previous[0] : previous[1]]
    after = text[next_start : next_start + 20]
    if _TIME_END.search(before):
        return bool(_CONTINUES.match(after))
    return bool(_JOIN_AFTER.search(before)) and after[:1].isupper()


# A stray closing quote at the start: a quote mark followed by a space, then a capital.
_STRAY_QUOTE = re.compile(r"^[\"”]\s+(?=[A-Z“\"])")
# A sentence end inside a span: end punctuation, maybe a closing quote (one followed by a space:
# '... radio ". He'), spaces, then a capital or an opening quote. Group "end" is where to cut.
_INNER_END = re.compile(
    r"(?<=[\w)\"”])[.!?](?:\s?[\"”](?=\s))?(?P<end>)\s+(?=[A-Z“\"]|i[A-Z]|\d{4}\s+(?:was|is|saw|brought)\b)"
)
# Abbreviations after which a capital does not start a new sentence.
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Lt|Col|Capt|Sgt|Gov|Sen|Rep|Rev|Inc|Corp|Co|Ltd|"
    r"No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|a\.m|p\.m)\.$"
)


def _repair(text: str, raw: list[Sentence]) -> list[Sentence]:
    """Trim stray closing quotes and cut at sentence ends syntok missed (see the module doc)."""
    out: list[Sentence] = []
    for s in raw:
        start, end = s.start, s.end
        stray = _STRAY_QUOTE.match(s.text)
        if stray and s.text.count('"') % 2 == 1:
            start += stray.end()
        pos = start
        for m in _INNER_END.finditer(text, start, end):
            if _ABBREVIATION.search(text[max(pos, m.start() - 6) : m.start() + 1]) or _in_open_quote(
                text, pos, m.start("end")
            ):
                continue
            cut = m.start("end")
            if cut > pos:
                out.append(Sentence(pos, cut, text[pos:cut]))
            pos = m.end()
        if end > pos:
            out.append(Sentence(pos, end, text[pos:end]))
    return out


def _in_open_quote(text: str, start: int, at: int) -> bool:
    """Inside a quotation that is still open: its sentences belong to the quote's sentence."""
    piece = text[start:at]
    return piece.count('"') % 2 == 1 or piece.count("“") > piece.count("”")


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated block) holding text[start:end], as offsets."""
    p_start = text.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = text.find("\n\n", end)
    p_end = len(text) if p_end < 0 else p_end
    return p_start, p_end
