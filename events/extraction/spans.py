"""Sentence spans tuned for dating: the splitter's spans with two repairs.

The splitter (events/sentences.py) sometimes hands a closing quotation mark to the next sentence
('... this. " He talked ...' gives '" He talked ...'), and sometimes keeps two sentences together
after a closing quote or a full stop it took for an abbreviation ('... radio ". He called it ...').
An event must point at the sentence that states it, so those spans are trimmed and cut here.
Every span still satisfies text[start:end] == sentence.
"""

from __future__ import annotations

import re

from events.sentences import Sentence, split

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


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for s in split(text):
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
