"""The tense of a clause, read from its first finite verb.

News sentences put the subject first, so the first finite verb is usually the main one:
"Jobs announced that Macs would ship with Intel chips" is a past report (dated), while
"The phone will cost $199" is a plan (not dated as a fact). A clause that opens with "if"
or "unless" is hypothetical whatever its verb.
"""

from __future__ import annotations

import re
from typing import Literal

from events.extraction.lexicon import (
    AUXILIARIES,
    FUTURE_PHRASES,
    IRREGULAR_PAST,
    MODALS_FUTURE,
    MODALS_HYPOTHETICAL,
    NOT_VERBS_ED,
)

Tense = Literal["past", "present", "future", "hypothetical", "none"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FUTURE_PHRASE = re.compile(FUTURE_PHRASES, re.IGNORECASE)
_HYPOTHETICAL_START = re.compile(r"^\W*(?:if|unless|should)\b", re.IGNORECASE)
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_PRESENT_AUX = frozenset({"is", "are", "am", "has", "have", "does", "do", "'s", "'re", "'ve"})
# Words that cannot be the main verb even though they end in -ed, when right after these.
_NOUN_MARKERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"})


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def is_past_form(word: str, previous: str | None = None) -> bool:
    """A simple-past verb form ("attacked", "withdrew"), not an adjective after a determiner."""
    w = word.lower()
    if w in IRREGULAR_PAST and w not in {"won't"}:
        return previous not in _NOUN_MARKERS
    if len(w) > 4 and w.endswith("ed") and w not in NOT_VERBS_ED:
        return previous not in _NOUN_MARKERS
    return False


def tense_of(clause: str) -> Tense:
    """past | present | future | hypothetical | none, from the first finite verb of the clause."""
    if _HYPOTHETICAL_START.match(clause):
        return "hypothetical"
    ws = words(clause)
    for i, w in enumerate(ws):
        prev = ws[i - 1] if i else None
        if w in MODALS_FUTURE:
            return "future"
        if w in MODALS_HYPOTHETICAL:
            return "hypothetical"
        if w in AUXILIARIES:
            # "is going to", "is expected to" and friends announce a plan.
            if _FUTURE_PHRASE.match(" ".join(ws[i : i + 4])):
                return "future"
            return "past" if w in _PAST_AUX else "present"
        if _FUTURE_PHRASE.match(" ".join(ws[i : i + 3])) and w not in {"vowed", "pledged", "promised"}:
            return "future"
        if is_past_form(w, prev):
            return "past"
    return "none"
