"""Who a clause is about: its subject, resolved when it is a pronoun, and the subject + verb
group a later part of the clause shares ("He was elected in 2008 and re-elected ...").
"""

from __future__ import annotations

import re

from events.extraction.lexicon import (
    AUXILIARIES,
    MODALS_FUTURE,
    PRONOUNS_SUBJECT,
    word_set,
)
from events.extraction.phrases import ARTICLES, DATELINE_RE, LEADING, bare, tokens
from events.extraction.tense import is_past_form

_RELATIVE_PRONOUN = re.compile(r"\s+(?:which|who|that)\b")
_TIME_WORDS = word_set("later earlier ago year years month months week weeks day days decade decades")
_NOT_IN_SUBJECT = word_set(
    "he she it they we i you him her them us can could will would may might must should shall "
    "in on at of for with by from to during since after before"
)


def subject_of(clause: str) -> str | None:
    """The words before the clause's first finite verb, cleaned, if they name someone."""
    text = LEADING.sub("", DATELINE_RE.sub("", clause.strip()))
    ws = tokens(text)
    for i, w in enumerate(ws):
        b = bare(w)
        if b in AUXILIARIES or is_past_form(b, bare(ws[i - 1]) if i else None) or b in {"will", "would"}:
            # "In January 2019, the airline ordered": the subject follows the opening phrase;
            # "Boeing, which delivered": the subject precedes the relative pronoun.
            head = " ".join(ws[:i])
            head = _RELATIVE_PRONOUN.split(head)[0]
            head = [p for p in head.split(",") if p.strip()][-1:] or [""]
            subj = [x for x in tokens(head[0]) if bare(x) not in ARTICLES]
            # "In 1984 the Macintosh", "One year later he": the subject follows the time phrase.
            cut = [k for k, x in enumerate(subj) if any(ch.isdigit() for ch in x) or bare(x) in _TIME_WORDS]
            if cut:
                subj = subj[cut[-1] + 1 :]
            if not subj or len(subj) > 5 or any(bare(x) in _NOT_IN_SUBJECT and not x.isupper() for x in subj):
                return None
            if not any(x[:1].isupper() for x in subj):
                return None
            return " ".join(subj).strip(",")
    return None


def clause_subject(clause: str, antecedent: str | None) -> str | None:
    """The clause's subject even when it is a pronoun, resolved to `antecedent` then."""
    named = subject_of(clause)
    if named:
        return named
    ws = tokens(LEADING.sub("", clause.strip()))
    if ws and bare(ws[0]) in PRONOUNS_SUBJECT:
        return antecedent or ws[0]
    return None


def clause_head(clause: str, subject: str | None) -> tuple[str, str] | None:
    """(subject, verb group) of a clause: "He was elected in 2008" -> ("He", "was elected");
    what a later part of the clause shares ("... and re-elected", "... and the iPhone in 2007")."""
    ws = tokens(LEADING.sub("", clause.strip()))
    for i, w in enumerate(ws):
        b = bare(w)
        if b in AUXILIARIES or b in MODALS_FUTURE or is_past_form(b, bare(ws[i - 1]) if i else None):
            j = i + 1
            while j < len(ws) and (is_past_form(bare(ws[j])) or bare(ws[j]) in {"been", "not"}):
                j += 1
            before = ws[:i]
            digits = [k for k, x in enumerate(before) if any(ch.isdigit() for ch in x)]
            if digits:  # "In 1998 Apple introduced": the opening date is not the subject
                before = before[digits[-1] + 1 :]
            who = subject or " ".join(x for x in before if bare(x) not in ARTICLES)
            return (who, " ".join(ws[i:j])) if who else None
    return None
