"""A sentence -> its clauses, as (start, end) offsets inside the sentence.

Without a parser we cut at the places where English news joins clauses: semicolons, commas,
coordinators and relative pronouns; then a piece with no finite verb ("purportedly to counter the
threat", "Nevertheless") is glued back to its neighbour, so each clause keeps its verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import pairwise

from events.extraction.lexicon import AUXILIARIES, MODALS_FUTURE, MODALS_HYPOTHETICAL, PRONOUNS_SUBJECT
from events.extraction.tense import is_past_form, present_3sg_at, words

_CUT = re.compile(
    r"\s*[;:]\s+|\s*,\s+|\s*[–—]\s+|\s+(?=(?:and|but|while|whereas|which|who)\s)",
)
# "and"/"but" join two clauses only when a new subject follows; "enhanced and expanded its
# capabilities" is one clause with two verbs.
_COORDINATOR = re.compile(r"^(?:and|but)\s+(\S+)")


def has_finite_verb(text: str) -> bool:
    if present_3sg_at(text):
        return True
    ws = words(text)
    for i, w in enumerate(ws):
        if w in AUXILIARIES or w in MODALS_FUTURE or w in MODALS_HYPOTHETICAL:
            return True
        if is_past_form(w, ws[i - 1] if i else None):
            # "the threat posed by X" is a participle, not the clause's verb.
            if i + 1 < len(ws) and ws[i + 1] == "by" and i and ws[i - 1] not in PRONOUNS_SUBJECT:
                continue
            return True
    return False


_RESTRICTIVE = re.compile(r"\b(?:those|anyone|everyone|someone|people|all|one|anything|everything)$", re.I)
_LOOKBEHIND = 16  # longer than the longest _RESTRICTIVE word, so the window sees what the prefix did
_LOOKAHEAD = 200  # "and|but" plus the next word


# A piece that opens with a preposition is an adjunct of the clause after it, even with a
# participle in it: "For the quarter ended Sept. 30, Delta posted net income".
_ADJUNCT = re.compile(
    r"(?:for|in|during|on|at|through|throughout|with|under|amid|despite|within|as of|by)\s", re.IGNORECASE
)


def _is_clause(piece: str) -> bool:
    """A piece with its own finite verb. One that opens with a preposition must also show a
    subject ("In 1986 he bought Pixar", "In 1996 Jobs returned", "... was released"); otherwise
    its "-ed" word is a participle: "For the quarter ended Sept. 30"."""
    if not has_finite_verb(piece):
        return False
    if not _ADJUNCT.match(piece):
        return True
    return bool(_SUBJECT_VERB.search(piece)) or any(
        w in AUXILIARIES or w in MODALS_FUTURE or w in MODALS_HYPOTHETICAL for w in words(piece)
    )


_SUBJECT_VERB = re.compile(r"\b(?:he|she|they|it|we|I)\s+\w+|\b[A-Z][\w.'’-]*\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")


def _joins_verbs(rest: str) -> bool:
    c = _COORDINATOR.match(rest[:_LOOKAHEAD])
    if not c:
        return False
    nxt = words(c.group(1))
    return bool(nxt) and (nxt[0] in AUXILIARIES or nxt[0] in MODALS_FUTURE or is_past_form(nxt[0]))


@lru_cache(maxsize=256)
def clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """Clause spans covering the sentence, in order; each (start, end) indexes `sentence`."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _CUT.finditer(sentence):
        # Bounded windows around the cut: searching the whole prefix or copying the whole rest
        # at every cut made one long sentence (1 MB on one line) quadratic.
        if _joins_verbs(sentence[m.end() : m.end() + _LOOKAHEAD]):
            continue
        before = _RESTRICTIVE.search(sentence, max(0, m.start() - _LOOKBEHIND), m.start())
        if before and sentence[m.end() : m.end() + 4] in ("who ", "whic"):
            continue  # "those who had bought one": the relative clause is part of the noun phrase
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < len(sentence):
        pieces.append((pos, len(sentence)))
    if not pieces:
        return ((0, len(sentence)),)
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for s, e in pieces:
        own = _is_clause(sentence[s:e])
        if pending is not None:
            s = pending[0]
            pending = None
        if own:
            merged.append((s, e))
        elif merged:
            merged[-1] = (merged[-1][0], e)
        else:
            pending = (s, e)
    if pending is not None:
        merged.append(pending)
    return tuple(merged)


@lru_cache(maxsize=64)
def _ends(clause_spans: tuple[tuple[int, int], ...]) -> list[int]:
    return [e for _, e in clause_spans]


def clause_of(clause_spans: tuple[tuple[int, int], ...], offset: int) -> tuple[int, int]:
    """The clause holding sentence offset `offset` (the last one if past the end)."""
    k = bisect_right(_ends(clause_spans), offset)
    return clause_spans[min(k, len(clause_spans) - 1)]


_COORDINATION = re.compile(r",?\s+(?:and|but|then|while)\s+|[,;]\s+")


def share(sentence: str, clause: tuple[int, int], dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split one clause between several dates it holds ("elected in 2008 and re-elected four
    years later"): each date gets the stretch from the coordinator before it to the one after.
    `dates` are (start, end) offsets in the sentence, in order; spans come back in the same order."""
    c0, c1 = clause
    cuts: list[tuple[int, int]] = []  # (end of the previous part, start of the next one)
    for (_, prev_end), (next_start, _) in pairwise(dates):
        found = list(_COORDINATION.finditer(sentence, prev_end, next_start))
        cuts.append((found[0].start(), found[0].end()) if found else (next_start, next_start))
    starts = [c0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [c1]
    return list(zip(starts, ends, strict=True))
