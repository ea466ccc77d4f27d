"""The tense of a clause, read from its first finite verb.

News sentences put the subject first, so the first finite verb is usually the main one:
"Jobs announced that Macs would ship with Intel chips" is a past report (dated), while
"The phone will cost $199" is a plan (not dated as a fact). A clause that opens with "if"
or "unless" is hypothetical whatever its verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from events.extraction.lexicon import (
    AUXILIARIES,
    FUTURE_PHRASES,
    IRREGULAR_PAST,
    MODALS_FUTURE,
    MODALS_HYPOTHETICAL,
    NOT_VERBS_ED,
    REPORTING_VERBS,
    word_set,
)

Tense = Literal["past", "present", "future", "hypothetical", "none"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FUTURE_PHRASE = re.compile(FUTURE_PHRASES, re.IGNORECASE)
_HYPOTHETICAL_START = re.compile(r"^\W*(?:if|unless|should)\b", re.IGNORECASE)
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_PRESENT_AUX = frozenset({"is", "are", "am", "has", "have", "does", "do", "'s", "'re", "'ve"})
# Words that cannot be the main verb even though they end in -ed, when right after these.
_NOUN_MARKERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"})


@lru_cache(maxsize=4096)
def _words_cached(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


@lru_cache(maxsize=4096)
def present_3sg_at(text: str) -> frozenset[int]:
    """Word indices (as in `words(text)`) of present-tense verbs like "follows": written in lower
    case, right after the word before (no comma between: "Steve Jobs, the CEO" is no verb)."""
    toks = list(_WORD.finditer(text))
    found = set()
    for i, t in enumerate(toks):
        w = t.group(0)
        if i == 0 or not w.islower() or not text[toks[i - 1].end() : t.start()].isspace():
            continue
        prev = toks[i - 1].group(0).lower()
        nxt = toks[i + 1].group(0).lower() if i + 1 < len(toks) else None
        if is_present_3sg(w.replace("’", "'"), prev, nxt):
            found.add(i)
    return frozenset(found)


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, apostrophes normalised ("it’s" -> "it's")."""
    return list(_words_cached(text))


@lru_cache(maxsize=8192)
def is_past_form(word: str, previous: str | None = None) -> bool:
    """A simple-past verb form ("attacked", "withdrew"), not an adjective after a determiner."""
    w = word.lower()
    if w in IRREGULAR_PAST and w not in {"won't"}:
        return previous not in _NOUN_MARKERS
    if len(w) > 4 and w.endswith("ed") and w not in NOT_VERBS_ED:
        return previous not in _NOUN_MARKERS
    return False


_DETERMINER_NEXT = word_set("a an the its his her their this that these those no our my")
_PREPOSITION_NEXT = word_set("in on with to for from into at up out")
_NOT_AFTER = word_set("the a an its his her their this that these those our my to of in on at for by with")


def is_present_3sg(word: str, previous: str | None, following: str | None) -> bool:
    """A present-tense verb such as "follows" in "This declaration follows a statement": an -s
    word after a noun or pronoun and before a determiner (or before a preposition after a
    pronoun: "It comes in two colors"). Plural nouns rarely sit right before a determiner."""
    w = word
    if len(w) < 4 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ous", "'s")) or not w.isalpha():
        return False
    if previous is None or previous in _NOT_AFTER or following is None:
        return False
    if following in _DETERMINER_NEXT:
        return True
    return following in _PREPOSITION_NEXT and previous in ("it", "he", "she")


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
        if i in present_3sg_at(clause):
            return "present"
    return "none"


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_THAT = re.compile(r"\bthat\b")
# What may follow a reporting verb before the date that dates it: "said on Monday", "said late
# Tuesday", "announced today". The match ends after the date-like word.
_DATE_RIGHT_AFTER = re.compile(
    r"\s+(?:(?:on|late|early|last|this|in)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|"
    r"yesterday|tonight|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?)\b",
    re.IGNORECASE,
)
_PERFECT_SKIP = frozenset({"not", "never", "yet", "already", "also", "just", "since", "now", "still", "n't"})
_PARTICIPLES = frozenset({"been", "done", "gone", "seen", "known", "taken", "given", "won", "begun", "grown"})
_PERFECT_AUX = frozenset({"has", "have", "'ve"})


def is_perfect(clause: str) -> bool:
    """Present perfect ("has died", "have not yet lost"): the first auxiliary is has/have and a
    past participle follows within two words."""
    ws = words(clause)
    for i, w in enumerate(ws):
        if w in AUXILIARIES or w in MODALS_FUTURE or w in MODALS_HYPOTHETICAL:
            if w not in _PERFECT_AUX:
                return False
            for x in ws[i + 1 : i + 4]:
                if x in _PERFECT_SKIP or (x.endswith("ly") and len(x) > 4):
                    continue  # "has not yet died", "have recently lost"
                return is_past_form(x) or x in _PARTICIPLES
            return False
    return False


@dataclass(frozen=True)
class Report:
    """The main verb of a sentence when it reports speech ("said", "announced", "claims"):
    its offsets, where the reported clause starts, and whether the report is in the past."""

    start: int
    end: int
    complement: int
    past: bool


def report_verb(sentence: str) -> Report | None:
    """The reporting verb that is the sentence's first finite verb, if it is one."""
    toks = list(_TOKEN.finditer(sentence))
    prev: str | None = None
    for i, t in enumerate(toks):
        w = t.group(0).lower().replace("’", "'")
        verb = None
        if w in AUXILIARIES or w in MODALS_FUTURE or w in MODALS_HYPOTHETICAL:
            # Only a perfect reports speech ("has said"); "was announced" is a passive event.
            nxt = [x.group(0).lower() for x in toks[i + 1 : i + 3]]
            verb = next((toks[i + 1 + k] for k, x in enumerate(nxt) if x in REPORTING_VERBS), None)
            if verb is None or w not in ("has", "have", "had"):
                return None
            past = True
        elif w in REPORTING_VERBS and (is_past_form(w, prev) or w.endswith("s")):
            before = [x.group(0).lower() for x in toks[max(0, i - 2) : i]]
            if (before and before[-1] in _NOUN_MARKERS) or (
                len(before) == 2 and before[1].endswith("ly") and before[0] in _NOUN_MARKERS
            ):
                return None  # "the recently announced iPhone": an adjective, not the main verb
            verb, past = t, not w.endswith("s")
        elif is_past_form(w, prev):
            return None
        if verb is not None:
            # The reported clause starts after "that" when "that" follows soon ("said on Monday
            # that ..."), else right after the verb ("said his company sold ...").
            that = _THAT.search(sentence, verb.end(), verb.end() + 40)
            complement = that.end() if that else verb.end()
            # A date right after the verb dates the report ("announced Monday it has settled").
            lead = _DATE_RIGHT_AFTER.match(sentence, verb.end())
            if not that and lead:
                complement = lead.end()
            return Report(verb.start(), verb.end(), complement, past or w in ("has", "have"))
        prev = w
    return None
