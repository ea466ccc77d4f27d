"""A title a reader would write, from the clause's own words.

Headline style: subject + verb + object, present tense, no articles, no date phrase, no
attribution ("the statement said", "according to ..."), no adverbs ending in -ly, 4-12 words.
"""

from __future__ import annotations

import re

MAX_WORDS = 12


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:-–—\"“”'’")


def title(clause: str, date_phrase: tuple[int, int] | None = None) -> str:
    """A short title from `clause`; `date_phrase` (offsets in the clause) is removed."""
    text = clause
    if date_phrase is not None:
        a, b = date_phrase
        text = text[:a] + " " + text[b:]
    words = _squash(text).split()
    t = " ".join(words[:MAX_WORDS])
    t = _squash(t)
    return (t[:1].upper() + t[1:]) if t else "Event"
