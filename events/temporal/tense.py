"""Past or future? The tense around a mention decides which 'Friday' or 'March' is meant."""

from __future__ import annotations

import re

# Future cues first: at one position the first alternative wins ("expected to" over "-ed").
_CUE = re.compile(
    r"(?i)\b(?:(?P<fut>will|won't|'ll|shall|going\s+to|is\s+to|are\s+to|plans?\s+to|planned|planning|"
    r"scheduled|expected|expects?|is\s+due|are\s+due|due\s+to|would|upcoming|tomorrow|next|until|"
    r"intends?\s+to|set\s+to|hopes?\s+to|aims?\s+to|begins?|starts?|opens?|'s\s+to)"
    r"|(?P<past>was|were|had|did|said|told|ago|yesterday|last|earlier|previously|been|\w{3,}ed))\b"
)
_BOUNDARY = re.compile(r"[.!?;]\s|\n")
_WINDOW = 160


def tense_at(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None, from the verb cue nearest to text[start:end] in its clause."""
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cut = None
    for b in _BOUNDARY.finditer(left):
        cut = b.end()
    if cut is not None:
        lo += cut
        left = text[lo:start]
    right = text[end : end + _WINDOW]
    b = _BOUNDARY.search(right)
    if b:
        right = right[: b.start()]
    best: tuple[int, str] | None = None
    for m in _CUE.finditer(left):
        dist = len(left) - m.end()
        kind = "future" if m.group("fut") else "past"
        if best is None or dist <= best[0]:
            best = (dist, kind)
    for m in _CUE.finditer(right):
        dist = m.start()
        kind = "future" if m.group("fut") else "past"
        if best is None or dist < best[0]:
            best = (dist, kind)
        break
    return best[1] if best else None
