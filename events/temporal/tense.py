"""Past or future? The tense around a mention decides which 'Friday' or 'March' is meant."""

# ruff: noqa: E501  (word lists)

from __future__ import annotations

import re

# Irregular past forms that news uses with dates ("rose Friday", "met Monday").
_IRREGULAR = ["fell", "rose", "grew", "began", "came", "went", "took", "made", "met", "saw", "left", "won", "lost", "held", "led", "struck", "sold", "bought", "paid", "spent", "gave", "got", "became", "broke", "ran", "fought", "flew", "fled", "sent", "built", "brought", "thought", "found", "kept", "felt", "shot", "stood", "spoke", "wrote", "chose", "drew", "drove", "knew", "meant", "sought", "swore", "threw", "withdrew", "upheld", "overtook", "arose", "blew", "dealt", "dug", "fed", "hung", "heard", "sank", "sang", "shrank", "slid", "spread", "stole", "stuck", "swept", "swung", "taught", "tore", "understood", "woke", "wore", "wept", "forgave", "forbade", "bore", "beat", "bled", "bent", "bound"]

# Future cues first: at one position the first alternative wins ("expected to" over "-ed").
# Lower-case "-ed" words only, so "United" or "Ahmed" are not read as past tense.
_CUE = re.compile(
    r"\b(?:(?P<fut>(?i:will|won't|'ll|shall|going\s+to|is\s+to|are\s+to|plans?\s+to|planned|planning|"
    r"scheduled|expected|expects?|is\s+due|are\s+due|due\s+to|would|upcoming|tomorrow|next|until|"
    r"intends?\s+to|set\s+to|hopes?\s+to|aims?\s+to|could|may|might|can|should|must|to\s+be|soon|"
    r"payable|effective|ahead\s+of|begins|starts|opens|closes|ends|expires|meets|arrives|resumes|"
    r"takes\s+effect|goes\s+into))"
    r"|(?P<rep>(?i:said|says|told|announced|reported|added|according\s+to))"
    r"|(?P<past>(?i:was|were|had|did|ago|yesterday|last|earlier|previously|been|" + "|".join(_IRREGULAR) + r")"
    r"|[a-z]{3,}ed))\b"
)
_BOUNDARY = re.compile(r"[.!?;]\s|\n")
_WINDOW = 160
_ADJACENT = 12  # "said Friday", "said on Friday", "Friday said"


def tense_at(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None, from the verb cue nearest to text[start:end] in its clause.

    A reporting verb right next to the mention ("said on Friday") dates the report, which news
    writes in the past; further away it is skipped, since the mention then belongs to the
    reported clause ("would be ready as soon as Tuesday, Castro said").
    """
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
    reporting_near = False
    for m in _CUE.finditer(left):
        dist = len(left) - m.end()
        if m.group("rep"):
            reporting_near = reporting_near or dist <= _ADJACENT
            continue
        kind = "future" if m.group("fut") else "past"
        if best is None or dist <= best[0]:
            best = (dist, kind)
    for m in _CUE.finditer(right):
        dist = m.start()
        if m.group("rep"):
            reporting_near = reporting_near or dist <= _ADJACENT
            continue
        kind = "future" if m.group("fut") else "past"
        if best is None or dist < best[0]:
            best = (dist, kind)
        break
    if reporting_near and (best is None or best[0] > _ADJACENT):
        return "past"
    if best is None:
        return "past" if reporting_near or re.search(r"(?i)\b(?:said|says|told)\b", left + right) else None
    return best[1]
