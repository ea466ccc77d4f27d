"""Actors of a clause: the named people, organisations and places in it.

No NER library fits here (spaCy models are not on PyPI; the transformer ones are far too slow for
the >200 KB/s budget), so this is a documented heuristic: runs of capitalised words, joined
across "of", "al-", "bin" and the like, minus month and weekday names, function words and a
sentence-initial common word. A leading article or title word is dropped ("The US" -> "US").
"""

from __future__ import annotations

import re

from events.extraction.gazetteer import COUNTRIES, DEMONYMS
from events.extraction.lexicon import DATELINE, MONTHS, STOP_WORDS, WEEKDAYS, word_set

# A capitalised token (with inner apostrophes, hyphens, dots: "Kata’ib", "al-Muhandis", "U.S.")
# or an acronym, or a lower-case particle that joins two capitalised tokens.
_TOKEN = re.compile(r"[A-Za-z0-9][\w’'.&-]*\w|[A-Za-z0-9]")
_DATELINE = re.compile(DATELINE)
_BREAK = re.compile(r"[,;:()“”\"]")
_JOINERS = frozenset({"of", "al", "al-", "bin", "ibn", "de", "van", "von", "der", "la", "du", "and"})
_TITLES = word_set(
    "mr mrs ms dr sir lieutenant general gen lt col president vice minister prime chief ceo "
    "commander senator sen governor gov judge justice king queen prince"
)
# Capitalised words that are not names even mid-sentence.
_NOT_NAMES = MONTHS | WEEKDAYS | frozenset({"i", "photo", "ap", "reuters", "afp"})


def _is_name_token(tok: str, at_start: bool, common: frozenset[str] = frozenset()) -> bool:
    if not tok[:1].isupper() and not (tok[:3].lower() == "al-" and len(tok) > 3):
        return False
    low = tok.lower().rstrip(".")
    if low in _NOT_NAMES:
        return False
    if tok.isupper() and len(tok) > 1:
        return True  # an acronym: US, PMU, NATO
    if low in STOP_WORDS:
        return False
    # At the start of a sentence, a word the same article also writes in lower case
    # ("Shares rose ..." / "... its shares") is an ordinary word.
    return not at_start or (low not in _COMMON_OPENERS and low not in common)


# A capitalised first word is a name only when it is not an everyday word; we cannot tell
# "Washington" from "While" without a dictionary, so the common openers are listed.
_COMMON_OPENERS = STOP_WORDS | word_set(
    "iraqi american structure-wise competition-wise rather moving presiding those steve"
) - {"steve"}


def actors(text: str, sentence_start: bool = True, common: frozenset[str] = frozenset()) -> list[str]:
    """Names in `text` in order of appearance, without repeats. `sentence_start` says whether
    `text` begins a sentence (its first word is capitalised by grammar, not by name); `common`
    holds words known to be ordinary (the article's lower-case words)."""
    found: list[str] = []
    run: list[str] = []
    pending_joiner: str | None = None

    def flush() -> None:
        nonlocal run
        while run and run[0].lower().rstrip(".") in _TITLES:
            run = run[1:]
        if run:
            name = " ".join(run).replace("- ", "-")
            name = re.sub(r"['’]s$", "", name).rstrip(".,")
            # "US-led", "Iran-backed": the name is the part before the suffix.
            name = re.sub(r"-(?:led|based|backed|owned|run|born|made|allied|linked)$", "", name)
            if name and name not in found and not name.isdigit() and name not in DEMONYMS:
                found.append(name)
        run = []

    dateline = _DATELINE.match(text) if sentence_start else None
    if dateline:  # "PARIS —" places the reporter, not the event
        text = " " * dateline.end() + text[dateline.end() :]
        sentence_start = False
    tokens = list(_TOKEN.finditer(text))
    for i, m in enumerate(tokens):
        tok = m.group(0)
        at_start = sentence_start and i == 0
        gap = text[tokens[i - 1].end() : m.start()] if i else ""
        if run and _BREAK.search(gap):
            flush()
            pending_joiner = None
        plural_of = at_start and tok.endswith("s") and i + 1 < len(tokens) and tokens[i + 1].group(0) == "of"
        if _is_name_token(tok, at_start, common) and not plural_of:  # not "Shares of Airbus"
            if pending_joiner and run:
                run.append(pending_joiner)
            elif run and gap.strip():
                flush()
            pending_joiner = None
            # "Hezbollah’s" ends a name: the possessive is not part of it.
            poss = re.search(r"['’]s$", tok)
            run.append(tok[: poss.start()] if poss else tok)
            if poss:
                flush()
        elif run and tok.lower() in _JOINERS and pending_joiner is None and tok.lower() != "and":
            pending_joiner = tok
        else:
            flush()
            pending_joiner = None
    flush()
    return found


_COUNTRY = re.compile(
    r"\b(" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")(?![\w-])"
)


def last_place(text: str) -> str | None:
    """The last country named in `text` (what "the country" most likely refers to next)."""
    found = _COUNTRY.findall(text)
    return found[-1] if found else None


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z]+(?![\w’'-])")


def common_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case somewhere (so they are not names)."""
    return frozenset(_LOWER_WORD.findall(text))
