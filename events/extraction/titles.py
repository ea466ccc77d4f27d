"""A title a reader would write, from the clause's own words.

Headline style, built only from words of the sentence: who did what (subject, verb, object),
without the date phrase, attribution ("the statement said", "according to ..."), discourse
markers ("Nevertheless", "While"), -ly adverbs, articles and asides; 4-12 words. The verb keeps
its tense: rewriting "withdrew" as "withdraws" needs a morphology we do not have, and a
chronology reads well in the past.

Two shapes get special care because news dates them so often:
- a reduced relative clause, "a resolution passed by the country's parliament in January 2020":
  the date governs "passed", so the title is the agent doing it, "Parliament passed resolution";
- a pronoun subject ("they returned in 2014") takes the subject of the clause before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.extraction.clauses import has_finite_verb
from events.extraction.lexicon import (
    AUXILIARIES,
    DATELINE,
    MODALS_FUTURE,
    MODALS_HYPOTHETICAL,
    PRONOUNS_SUBJECT,
    REPORTING_VERBS,
    word_set,
)
from events.extraction.tense import is_past_form

_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_ALONG_WITH = re.compile(r"\balong with\b")
_SPACE_PUNCT = re.compile(r"\s+([,.;:])")
_CAMEL = re.compile(r"^[a-z]+[A-Z]")

MIN_WORDS = 4
MAX_WORDS = 12

_TOKEN = re.compile(r"\S+")
_ARTICLES = frozenset({"the", "a", "an"})
_DETERMINERS = _ARTICLES | frozenset({"this", "that", "its", "their", "his", "her", "our", "these"})
# Prepositions and modifiers that belong to a date phrase when written right before it.
_DATE_LEAD = re.compile(
    r"(?:\b(?:in|on|at|during|since|by|from|until|till|through|throughout|before|after|around|about|"
    r"of|as of|between|early|late|mid|as early as|as late as|back in|earlier|later|this|last|next)\s+"
    r"(?:the\s+)?)+$",
    re.IGNORECASE,
)
_DATELINE = re.compile(DATELINE)
_RELATIVE_AFTER_NAME = re.compile(r"^((?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*),?\s+(?:which|who)\s+(?=\w)")
_LEADING = re.compile(
    r"^(?:\d+\.\s+|[-–—•*]\s+|(?:and|but|so|yet|or|while|whereas|although|though|when|as|after|before|"
    r"since|because|nevertheless|nonetheless|however|meanwhile|moreover|furthermore|conversely|"
    r"instead|also|still|now|then|thus|therefore|indeed|in addition|in fact|in turn|finally|"
    r"ultimately|eventually|later|earlier|separately|similarly)\b[,\s]*)+",
    re.IGNORECASE,
)
# Sentence adverbs that may precede an opening prepositional phrase ("Now with the presence of ...").
_DISCOURSE = re.compile(
    r"^(?:\d+\.\s+|(?:now|however|nevertheless|nonetheless|meanwhile|moreover|furthermore|conversely|"
    r"instead|also|still|then|thus|therefore|indeed|finally|ultimately|eventually|separately|similarly)"
    r"\b[,\s]*)+",
    re.IGNORECASE,
)
# Attribution that does not say what happened: ", the statement said", ", according to X".
_ATTRIBUTION = re.compile(
    r"(?:,?\s+(?:according to|citing)\s+[^,]+"
    r"|,?\s+(?:(?:the|a|an|his|her|their|its)\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}\s+(?:said|says|added|"
    r"reported|stated|noted|told\s+\w+)\s*$"
    r"|,?\s+(?:said|says|added|reported|stated)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}\s*$)",
    re.IGNORECASE,
)
_QUOTE_THEN_SPEAKER = re.compile(
    r"^\s*[\"“]\s*(?P<quote>[^\"“”]{3,}?)[\s,.]*[\"”]\s*,?\s*(?:"
    # '"...," said Jobs' / '"...," said Apple CEO Steve Jobs during the keynote'
    r"(?:said|says|added|told\s+\w+|stated|wrote)\s+"
    r"(?P<speaker>(?:[\w.'’-]+\s+){0,5}?[A-Z][\w.'’-]+)(?=\s+(?:during|at|in|on|to|from|after|before)\b|[,.]|\s*$)"
    # '"...," Elbers told reporters' / '"...," the minister said'
    r"|(?P<speaker2>(?:[Tt]he\s+)?(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)\s+(?:said|says|added|told|stated|wrote)\b)"
)
_RESTRICTIVE_END = re.compile(
    r"\b(?:those|anyone|everyone|someone|people|all|one|anything|everything)$", re.I
)
_RELATIVE_PRONOUN = re.compile(r"\s+(?:which|who|that)\b")
_TIME_WORDS = word_set("later earlier ago year years month months week weeks day days decade decades")
_NOT_IN_SUBJECT = word_set(
    "he she it they we i you him her them us can could will would may might must should shall "
    "in on at of for with by from to during since after before"
)
# Pronouns a title replaces with the subject before; "it" and "we" are left alone, as "it" is
# as often a thing as the last named actor, and "we" in a quote is the speaker's side.
_RESOLVED_PRONOUNS = frozenset({"he", "she", "they"})
_PURPOSE = re.compile(r"^(?:[a-z]+ly\s+)?(?:in order\s+)?to\s+[a-z]", re.IGNORECASE)
# Idioms that only pad a headline.
_PADDING = re.compile(r"\b(?:the threat (?:posed by|of|from)|in the guise of|a total of)\s+", re.IGNORECASE)
# Where a headline can stop: an aside, a reason, a comparison, a relative clause.
_BOUNDARY = re.compile(
    r"\s+(?=(?:which|who|whom|whose|where|because|although|though|whereas|while|as|since|if|unless|"
    r"in the guise|according to|despite|amid|after|before)\b)|\s*(?:[,;:](?=\s)|[(\[])\s*",
    re.IGNORECASE,
)
_LY_KEEP = word_set(
    "only early family italy july supply rally ally reply apply fly holy daily weekly monthly "
    "yearly quarterly likely unlikely assembly anomaly monopoly bully belly jolly"
)
_TRAILING_STOP = word_set(
    "of the a an by to and or with for in on at from as that which is are was were be its their his her "
    "no not there than this these those it who whom whose when where while into onto over under "
    "about after before between during"
)
# Verbs that only say an earlier-named event happened ("..., which took place in 1996").
_HAPPENED = re.compile(r"^(?:which|that)\s+(?:took\s+place|happened|occurred|came\s+about)\b", re.I)
_RELATIVE_START = re.compile(r"^(?:which|who)\s+", re.I)


@dataclass(frozen=True)
class Context:
    """What the clauses before tell a title: the last named subject (for "they", "he") and the
    last country named (for "the country's")."""

    subject: str | None = None
    place: str | None = None
    shared: tuple[str, str] | None = None  # (subject, verb group) a clause part borrows


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"“”'’()[]").lower()


def subject_of(clause: str) -> str | None:
    """The words before the clause's first finite verb, cleaned, if they name someone."""
    text = _LEADING.sub("", _DATELINE.sub("", clause.strip()))
    ws = _words(text)
    for i, w in enumerate(ws):
        b = _bare(w)
        if b in AUXILIARIES or is_past_form(b, _bare(ws[i - 1]) if i else None) or b in {"will", "would"}:
            # "In January 2019, the airline ordered": the subject follows the opening phrase;
            # "Boeing, which delivered": the subject precedes the relative pronoun.
            head = " ".join(ws[:i])
            head = _RELATIVE_PRONOUN.split(head)[0]
            head = [p for p in head.split(",") if p.strip()][-1:] or [""]
            subj = [x for x in _words(head[0]) if _bare(x) not in _ARTICLES]
            # "In 1984 the Macintosh", "One year later he": the subject follows the time phrase.
            cut = [k for k, x in enumerate(subj) if any(ch.isdigit() for ch in x) or _bare(x) in _TIME_WORDS]
            if cut:
                subj = subj[cut[-1] + 1 :]
            if (
                not subj
                or len(subj) > 5
                or any(_bare(x) in _NOT_IN_SUBJECT and not x.isupper() for x in subj)
            ):
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
    ws = _words(_LEADING.sub("", clause.strip()))
    if ws and _bare(ws[0]) in PRONOUNS_SUBJECT:
        return antecedent or ws[0]
    return None


def clause_head(clause: str, subject: str | None) -> tuple[str, str] | None:
    """(subject, verb group) of a clause: "He was elected in 2008" -> ("He", "was elected");
    what a later part of the clause shares ("... and re-elected", "... and the iPhone in 2007")."""
    ws = _words(_LEADING.sub("", clause.strip()))
    for i, w in enumerate(ws):
        b = _bare(w)
        if b in AUXILIARIES or b in MODALS_FUTURE or is_past_form(b, _bare(ws[i - 1]) if i else None):
            j = i + 1
            while j < len(ws) and (is_past_form(_bare(ws[j])) or _bare(ws[j]) in {"been", "not"}):
                j += 1
            before = ws[:i]
            digits = [k for k, x in enumerate(before) if any(ch.isdigit() for ch in x)]
            if digits:  # "In 1998 Apple introduced": the opening date is not the subject
                before = before[digits[-1] + 1 :]
            who = subject or " ".join(x for x in before if _bare(x) not in _ARTICLES)
            return (who, " ".join(ws[i:j])) if who else None
    return None


def _governing_participle(sentence: str, clause: tuple[int, int], date_at: int) -> int | None:
    """Offset of a reduced-relative participle ("a resolution passed by X") that governs the date,
    i.e. the nearest verb before the date is "Ved" after a noun and followed by "by"."""
    c0, _ = clause
    before = sentence[c0:date_at]
    toks = list(_TOKEN.finditer(before))
    for k in range(len(toks) - 1, -1, -1):
        w = _bare(toks[k].group(0))
        prev = _bare(toks[k - 1].group(0)) if k else None
        nxt = _bare(toks[k + 1].group(0)) if k + 1 < len(toks) else None
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


def _noun_phrase_before(sentence: str, at: int, floor: int) -> int:
    """Start of the noun phrase that ends right before `at`: back to its determiner."""
    toks = list(_TOKEN.finditer(sentence[floor:at]))
    for k in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
        if _bare(toks[k].group(0)) in _DETERMINERS:
            return floor + toks[k].start()
    return floor + toks[-1].start() if toks else at


def title(
    sentence: str,
    clause: tuple[int, int],
    date_phrase: tuple[int, int] | None = None,
    context: Context | None = None,
    next_clause: tuple[int, int] | None = None,
    other_dates: tuple[tuple[int, int], ...] = (),
) -> str:
    """A headline for the event of `clause` (offsets into `sentence`); `date_phrase` (offsets
    into `sentence`) is left out; `next_clause` may complete a short title ("..., demanding X")."""
    context = context or Context()
    c0, c1 = clause
    # Other date phrases of the sentence say when other events happened: blank them out
    # (same length, so offsets hold).
    for a, b in other_dates:
        if not (date_phrase and a == date_phrase[0]):
            lead = _DATE_LEAD.search(sentence[max(0, a - 30) : a])
            a -= len(lead.group(0)) if lead else 0
            sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    text = sentence
    if date_phrase is not None:
        a, b = date_phrase
        lead = _DATE_LEAD.search(sentence[c0:a])
        a -= len(lead.group(0)) if lead else 0
        text = sentence[:a] + "\u0000" + sentence[b:]
        shift = b - a - 1
        c1 -= shift
        if next_clause is not None:
            next_clause = (next_clause[0] - shift, next_clause[1] - shift)
    core = text[c0:c1]
    quoted = _QUOTE_THEN_SPEAKER.match(sentence) if c0 == 0 else None
    if quoted:
        # '"We think it's the future," said Jobs.' -> 'Jobs said "We think it's the future"'
        words = _words(quoted.group("quote"))[: MAX_WORDS - 3]
        speaker = _squash(quoted.group("speaker") or quoted.group("speaker2")).rstrip(".")
        speaker = speaker[4:] if speaker.lower().startswith("the ") else speaker
        return f'{speaker} said "{" ".join(words)}"'
    # A relative clause names its event through what came before it.
    if _HAPPENED.match(core.lstrip()) and c0 > 0:
        return title(sentence, _previous_clause(sentence, clause[0]), None, context)
    participle = _leading_participle(core)
    if participle and c0 > 0:
        # "a statement from X, another group, made a day earlier": the participle describes
        # the noun phrase before it, which is what happened then.
        np = _noun_phrase_ending(sentence, c0)
        if np:
            rest = core.lstrip()[participle:]
            text = text[:c0] + np + " " + rest + text[c1:]
            new_c1 = c0 + len(np) + 1 + len(rest)
            next_clause = _shifted(next_clause, new_c1 - c1)
            c1 = new_c1
            core = text[c0:c1]
    rel = _RELATIVE_START.match(core.lstrip())
    if rel and c0 > 0:
        np = _name_before(sentence, clause[0])
        if np:
            core = core.lstrip()
            text = text[:c0] + np + " " + core[rel.end() :] + text[c1:]
            new_c1 = c0 + len(np) + 1 + len(core) - rel.end()
            next_clause = _shifted(next_clause, new_c1 - c1)
            c1 = new_c1
            core = text[c0:c1]
    participle = _governing_participle(text, (c0, c1), c0 + core.find("\u0000")) if "\u0000" in core else None
    if participle is not None:
        core = _passive_to_active(text, c0, participle, c1)
    # The date phrase is where the core statement usually ends ("attacked Iraq in 2003 in the
    # guise of ..."): cut there when a verb and its object come before it.
    head, _, tail = core.partition("\u0000")
    if _has_verb_and_more(head):
        # A participle right after the date completes the statement (", demanding their departure").
        rest = tail.lstrip(" ,")
        core = head + " " + rest if _words(rest) and _bare(_words(rest)[0]).endswith("ing") else head
    else:
        core = head + " " + tail
    if context.place:
        core = re.sub(r"\bthe country(?=['’]s\b)", context.place, core)
    core = _clean(core)
    ws = _words(core)
    if context.shared and ws:
        who, verbs = context.shared
        if not has_finite_verb(core):
            ws = [*_words(who), *_words(verbs), *ws]  # "... and the iPhone in 2007"
        elif is_past_form(_bare(ws[0])) and _bare(verbs.split()[0]) in AUXILIARIES:
            ws = [*_words(who), verbs.split()[0], *ws]  # "... and re-elected four years later"
    if ws and _bare(ws[0]) in _RESOLVED_PRONOUNS and context.subject:
        ws = [*_words(context.subject), *ws[1:]]
    elif ws and context.subject and _starts_with_verb(ws):
        ws = [*_words(context.subject), *ws]  # "..., is expected to announce" has its subject before
    if len(ws) < MIN_WORDS + 2 and next_clause is not None:
        nxt = text[next_clause[0] : next_clause[1]].replace("\u0000", " ")
        if _words(nxt) and _bare(_words(nxt)[0]).endswith("ing"):
            ws += _words(_clean(nxt))
        elif ws and len(ws) < MIN_WORDS and _words(nxt) and _bare(ws[-1]) in REPORTING_VERBS:
            # "Schiller said," + '"The Mac has outpaced the PC ..."': what was said completes it.
            said = _words(_squash(nxt))[: MAX_WORDS - len(ws)]
            while len(said) > 2 and _bare(said[-1]) in _TRAILING_STOP:
                said.pop()
            return _finish(
                [*ws, f'"{" ".join(said)}"'] if nxt.lstrip()[:1] in '"“' else [*ws, *said], sentence, clause
            )
    return _finish(ws, sentence, clause)


_CLAUSE_CUTS = word_set("that which who because when while after before whether if")
_PHRASE_CUTS = word_set("on in at for with to from as by into over under during")


def _finish(ws: list[str], sentence: str, clause: tuple[int, int]) -> str:
    if len(ws) > MAX_WORDS:
        # Too long: stop where a clause or a phrase begins rather than mid-phrase.
        window = range(MIN_WORDS + 2, MAX_WORDS + 1)

        def cuttable(k: int) -> bool:
            before = _bare(ws[k - 1])  # not "said that", "asserting that", "those who"
            return not (
                before in REPORTING_VERBS or before.endswith("ing") or _RESTRICTIVE_END.search(before)
            )

        cuts = [k for k in window if _bare(ws[k]) in _CLAUSE_CUTS and cuttable(k)] or [
            k for k in window if _bare(ws[k]) in _PHRASE_CUTS
        ]
        ws = ws[: cuts[-1]] if cuts else ws[:MAX_WORDS]
    while len(ws) > MIN_WORDS - 1 and _bare(ws[-1]) in _TRAILING_STOP:
        ws.pop()
    out = " ".join(ws).strip(" ,;:-–—\"“”'’")
    out = _SPACE_PUNCT.sub(r"\1", out).rstrip(",.;:")
    if out.count('"') % 2:
        out += '"'  # a quotation cut short still closes
    if not out:
        out = _squash(sentence[clause[0] : clause[1]].replace("\u0000", " "))[:80] or "Event"
    # Headline capital, but never "IPhone" from "iPhone".
    return out if _CAMEL.match(out) else out[:1].upper() + out[1:]


def _starts_with_verb(ws: list[str]) -> bool:
    first = _bare(ws[0])
    return (
        first in AUXILIARIES
        or first in MODALS_FUTURE
        or first in MODALS_HYPOTHETICAL
        or (is_past_form(first) and len(ws) > 1 and _bare(ws[1]) != "by")
    )


def _shifted(span: tuple[int, int] | None, delta: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + delta, span[1] + delta)


def _leading_participle(core: str) -> int:
    """Length of a clause-opening past participle with no subject ("made a day earlier"), or 0."""
    ws = _words(core.lstrip())
    if len(ws) >= 1 and is_past_form(_bare(ws[0])) and (len(ws) == 1 or _bare(ws[1]) != "by"):
        return len(ws[0])
    return 0


def _noun_phrase_ending(sentence: str, start: int) -> str | None:
    """The noun phrase that the text before `start` ends with, without a trailing appositive:
    "... follows a statement from Asaib Ahl al-Haq, another Iraqi resistance group," ->
    "a statement from Asaib Ahl al-Haq"."""
    before = sentence[:start].rstrip(" ,")
    pieces = [p for p in before.split(", ")]
    # Skip back over appositives ("another Iraqi resistance group") to the phrase they rename.
    while (
        len(pieces) > 1
        and not has_finite_verb(pieces[-1])
        and _bare(_words(pieces[-1])[0]) in _DETERMINERS | {"another"}
    ):
        pieces.pop()
    last = pieces[-1] if pieces else ""
    toks = list(_TOKEN.finditer(last))
    for k in range(len(toks) - 1, -1, -1):
        if _bare(toks[k].group(0)) in _DETERMINERS:
            return last[toks[k].start() :]
    return None


def _previous_clause(sentence: str, start: int) -> tuple[int, int]:
    """The clause before offset `start`: back to the previous comma-free stretch's start."""
    before = sentence[:start].rstrip(" ,;")
    cut = max(before.rfind(", "), before.rfind("; "))
    return (cut + 2 if cut >= 0 else 0, len(before))


def _name_before(sentence: str, start: int) -> str | None:
    """The name right before a relative pronoun: "... bought Pixar which" -> "Pixar"."""
    m = re.search(r"((?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’.&-]*)[\s,]*$", sentence[:start])
    if m:
        return m.group(1).rstrip(".")
    np = _noun_phrase_ending(sentence, start)  # "the quarter, which ended ..." -> "the quarter"
    return np if np and len(_words(np)) <= 6 else None


def _has_verb_and_more(head: str) -> bool:
    ws = [_bare(w) for w in _words(_LEADING.sub("", head.strip()))]
    for i, w in enumerate(ws):
        if w in AUXILIARIES or is_past_form(w, ws[i - 1] if i else None):
            rest = [x for x in ws[i + 1 :] if x not in AUXILIARIES and not is_past_form(x)]
            return len(rest) >= 1 and i >= 1
    return False


def _passive_to_active(text: str, c0: int, verb_at: int, c1: int) -> str:
    """'... a resolution passed by the country's parliament <date>' -> "the country's parliament
    passed a resolution"."""
    np_start = _noun_phrase_before(text, verb_at, c0)
    noun_phrase = text[np_start:verb_at].strip()
    rest = text[verb_at:c1]
    m = re.match(r"(\S+)\s+by\s+([^\u0000,;]+)(.*)", rest, re.S)
    if not m:
        return text[np_start:c1]
    verb, agent, after = m.group(1), m.group(2).strip(), m.group(3)
    return f"{agent} {verb} {noun_phrase}{after}"


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ,;:-–—\"“”'’")


def _clean(text: str) -> str:
    t = text.replace("\u0000", " ")
    t = _BRACKETS.sub(" ", t)
    t = _squash(_DATELINE.sub("", t))
    t = _LEADING.sub("", _drop_opening_phrase(_DISCOURSE.sub("", t)))
    t = _RELATIVE_AFTER_NAME.sub(r"\1 ", t)  # "Boeing, which delivered 57 jets" -> "Boeing delivered ..."
    t = _ATTRIBUTION.sub("", t)
    t = _PADDING.sub("", t)
    t = _ALONG_WITH.sub("with", t)
    # Stop at the first aside once the statement has a verb and an object; a purpose clause
    # ("..., purportedly to counter Daesh") still belongs to it.
    pieces = _BOUNDARY.split(t)
    acc = pieces[0] if pieces else t
    for piece in pieces[1:]:
        if _RESTRICTIVE_END.search(acc):
            acc = f"{acc} {piece}"  # "those who bought one" stays whole
            continue
        if _has_verb_and_more(acc) and len(_words(acc)) >= MIN_WORDS - 1:
            if _PURPOSE.match(piece) and len(_words(acc)) <= MAX_WORDS - 4:
                acc = f"{acc} {piece}"
            break
        if not has_finite_verb(acc) and not has_finite_verb(piece):
            continue  # an aside between subject and verb: "Kata'ib Hezbollah, a component of ..., said"
        acc = f"{acc} {piece}"
    ws = _words(acc)
    kept = [w for i, w in enumerate(ws) if not (_bare(w) in _ARTICLES or _is_adverb(ws, i))]
    # A participle left hanging where the date was cut ("statement released [on Wednesday]").
    if (
        len(kept) > MIN_WORDS
        and _bare(kept[-1]).endswith("ed")
        and is_past_form(_bare(kept[-1]), _bare(kept[-2]))
        and not any(_bare(w) in AUXILIARIES for w in kept[-4:-1])
        and has_finite_verb(" ".join(kept[:-1]))
    ):
        kept.pop()
    return _squash(" ".join(kept))


_OPENING_PREPOSITIONS = word_set(
    "in at during since after before following for with on under amid alongside despite throughout "
    "within upon"
)


def _drop_opening_phrase(t: str) -> str:
    """ "In a surprising move Steve Jobs announced ..." -> "Steve Jobs announced ...": a clause
    that opens with a prepositional phrase starts its statement at the subject, found at the
    first comma, or else at a determiner, pronoun or name after the phrase's own noun."""
    ws = _words(t)
    if len(ws) < 4 or _bare(ws[0]) not in _OPENING_PREPOSITIONS:
        return t
    comma = t.find(", ")
    if 0 < comma < 160 and has_finite_verb(t[comma + 2 :]):
        return t[comma + 2 :]
    seen_noun = False
    for k in range(1, min(len(ws), 12)):
        w, b = ws[k], _bare(ws[k])
        starts = b in _DETERMINERS or b in ("he", "she", "they", "it", "we") or (w[:1].isupper() and k > 1)
        # "the presence of the Iraqi faction": a noun phrase after "of" or an article continues.
        attached = _bare(ws[k - 1]) in _DETERMINERS or _bare(ws[k - 1]) in ("of", "'s")
        if starts and seen_noun and not attached:
            rest = " ".join(ws[k:])
            return rest if has_finite_verb(rest) else t
        if b not in _DETERMINERS:
            seen_noun = True
    return t


def _is_adverb(ws: list[str], i: int) -> bool:
    """An -ly adverb that can go; kept when coordinated ("numerically or technologically")."""
    w = ws[i]
    b = _bare(w)
    if not (b.endswith("ly") and b not in _LY_KEEP and w.islower() and len(b) > 4):
        return False
    near = {_bare(ws[j]) for j in (i - 1, i + 1) if 0 <= j < len(ws)}
    return not near & {"or", "and", "nor"}
