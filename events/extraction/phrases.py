"""Phrase-level helpers for titles: words and their bare forms, noun phrases before a point,
reduced relative clauses ("a resolution passed by X"), verbs at the start of a clause.

Offsets are into the sentence string; nothing here knows about dates or events.
"""

from __future__ import annotations

import re

from events.extraction.clauses import has_finite_verb
from events.extraction.lexicon import (
    AUXILIARIES,
    DATELINE,
    MODALS_FUTURE,
    MODALS_HYPOTHETICAL,
    PRONOUNS_SUBJECT,
)
from events.extraction.tense import is_past_form

SPACES = re.compile(r"\s+")
TOKEN = re.compile(r"\S+")
ARTICLES = frozenset({"the", "a", "an"})
DETERMINERS = ARTICLES | frozenset({"this", "that", "its", "their", "his", "her", "our", "these"})
DATELINE_RE = re.compile(DATELINE)
LEADING = re.compile(
    r"^(?:\d+\.\s+|[-–—•*]\s+|(?:and|but|so|yet|or|while|whereas|although|though|when|as|after|before|"
    r"since|because|nevertheless|nonetheless|however|meanwhile|moreover|furthermore|conversely|"
    r"instead|also|still|now|then|thus|therefore|indeed|in addition|in fact|in turn|finally|"
    r"ultimately|eventually|later|earlier|separately|similarly)\b[,\s]*)+",
    re.IGNORECASE,
)


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def bare(word: str) -> str:
    return word.strip(".,;:!?\"“”'’()[]").lower()


def governing_participle(sentence: str, clause: tuple[int, int], date_at: int) -> int | None:
    """Offset of a reduced-relative participle ("a resolution passed by X") that governs the date,
    i.e. the nearest verb before the date is "Ved" after a noun and followed by "by"."""
    c0, _ = clause
    before = sentence[c0:date_at]
    toks = list(TOKEN.finditer(before))
    for k in range(len(toks) - 1, -1, -1):
        w = bare(toks[k].group(0))
        prev = bare(toks[k - 1].group(0)) if k else None
        nxt = bare(toks[k + 1].group(0)) if k + 1 < len(toks) else None
        if w in AUXILIARIES or (prev is not None and prev in AUXILIARIES):
            return None
        if is_past_form(w) and w.endswith("ed"):
            if (
                prev is not None
                and nxt == "by"
                and prev not in PRONOUNS_SUBJECT
                and not toks[k - 1].group(0).endswith(",")
            ):
                return c0 + toks[k].start()
            return None
    return None


def noun_phrase_before(sentence: str, at: int, floor: int) -> int:
    """Start of the noun phrase that ends right before `at`: back to its determiner."""
    toks = list(TOKEN.finditer(sentence[floor:at]))
    for k in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
        if bare(toks[k].group(0)) in DETERMINERS:
            return floor + toks[k].start()
    return floor + toks[-1].start() if toks else at


def starts_with_verb(ws: list[str]) -> bool:
    first = bare(ws[0])
    return (
        first in AUXILIARIES
        or first in MODALS_FUTURE
        or first in MODALS_HYPOTHETICAL
        or (is_past_form(first) and len(ws) > 1 and bare(ws[1]) != "by")
    )


def leading_participle(core: str) -> int:
    """Length of a clause-opening past participle with no subject ("made a day earlier"), or 0."""
    ws = tokens(core.lstrip())
    if len(ws) >= 1 and is_past_form(bare(ws[0])) and (len(ws) == 1 or bare(ws[1]) != "by"):
        return len(ws[0])
    return 0


def noun_phrase_ending(sentence: str, start: int) -> str | None:
    """The noun phrase that the text before `start` ends with, without a trailing appositive:
    "... follows a statement from Asaib Ahl al-Haq, another Iraqi resistance group," ->
    "a statement from Asaib Ahl al-Haq"."""
    before = sentence[:start].rstrip(" ,")
    pieces = [p for p in before.split(", ")]
    # Skip back over appositives ("another Iraqi resistance group") to the phrase they rename.
    while (
        len(pieces) > 1
        and not has_finite_verb(pieces[-1])
        and tokens(pieces[-1])  # a piece of punctuation only has no first word
        and bare(tokens(pieces[-1])[0]) in DETERMINERS | {"another"}
    ):
        pieces.pop()
    last = pieces[-1] if pieces else ""
    toks = list(TOKEN.finditer(last))
    for k in range(len(toks) - 1, -1, -1):
        if bare(toks[k].group(0)) in DETERMINERS:
            return last[toks[k].start() :]
    return None


def previous_clause(sentence: str, start: int) -> tuple[int, int]:
    """The clause before offset `start`: back to the previous comma-free stretch's start."""
    before = sentence[:start].rstrip(" ,;")
    cut = max(before.rfind(", "), before.rfind("; "))
    return (cut + 2 if cut >= 0 else 0, len(before))


def name_before(sentence: str, start: int) -> str | None:
    """The name right before a relative pronoun: "... bought Pixar which" -> "Pixar"."""
    m = re.search(r"((?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’.&-]*)[\s,]*$", sentence[:start])
    if m:
        return m.group(1).rstrip(".")
    np = noun_phrase_ending(sentence, start)  # "the quarter, which ended ..." -> "the quarter"
    return np if np and len(tokens(np)) <= 6 else None


def has_verb_and_more(head: str) -> bool:
    ws = [bare(w) for w in tokens(LEADING.sub("", head.strip()))]
    for i, w in enumerate(ws):
        if w in AUXILIARIES or is_past_form(w, ws[i - 1] if i else None):
            rest = [x for x in ws[i + 1 :] if x not in AUXILIARIES and not is_past_form(x)]
            return len(rest) >= 1 and i >= 1
    return False


def passive_to_active(text: str, c0: int, verb_at: int, c1: int) -> str:
    """'... a resolution passed by the country's parliament <date>' -> "the country's parliament
    passed a resolution"."""
    np_start = noun_phrase_before(text, verb_at, c0)
    noun_phrase = text[np_start:verb_at].strip()
    rest = text[verb_at:c1]
    m = re.match(r"(\S+)\s+by\s+([^\u0000,;]+)(.*)", rest, re.S)
    if not m:
        return text[np_start:c1]
    verb, agent, after = m.group(1), m.group(2).strip(), m.group(3)
    return f"{agent} {verb} {noun_phrase}{after}"


def squash(text: str) -> str:
    return SPACES.sub(" ", text).strip(" ,;:-–—\"“”'’")
