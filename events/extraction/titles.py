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
    REPORTING_VERBS,
    word_set,
)
from events.extraction.phrases import (
    ARTICLES,
    DATELINE_RE,
    DETERMINERS,
    LEADING,
    bare,
    governing_participle,
    has_verb_and_more,
    leading_participle,
    name_before,
    noun_phrase_ending,
    passive_to_active,
    previous_clause,
    squash,
    starts_with_verb,
    tokens,
)
from events.extraction.tense import is_past_form

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_ALONG_WITH = re.compile(r"\balong with\b")
_SPACE_PUNCT = re.compile(r"\s+([,.;:])")
_CAMEL = re.compile(r"^[a-z]+[A-Z]")

MIN_WORDS = 4
MAX_WORDS = 12

# Prepositions and modifiers that belong to a date phrase when written right before it.
_DATE_LEAD = re.compile(
    r"(?:\b(?:in|on|at|during|since|by|from|until|till|through|throughout|before|after|around|about|"
    r"of|as of|between|early|late|mid|as early as|as late as|back in|earlier|later|this|last|next)\s+"
    r"(?:the\s+)?)+$",
    re.IGNORECASE,
)
_RELATIVE_AFTER_NAME = re.compile(r"^((?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*),?\s+(?:which|who)\s+(?=\w)")
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
        words = tokens(quoted.group("quote"))[: MAX_WORDS - 3]
        speaker = squash(quoted.group("speaker") or quoted.group("speaker2")).rstrip(".")
        speaker = speaker[4:] if speaker.lower().startswith("the ") else speaker
        return f'{speaker} said "{" ".join(words)}"'
    # A relative clause names its event through what came before it.
    if _HAPPENED.match(core.lstrip()) and c0 > 0:
        return title(sentence, previous_clause(sentence, clause[0]), None, context)
    participle = leading_participle(core)
    if participle and c0 > 0:
        # "a statement from X, another group, made a day earlier": the participle describes
        # the noun phrase before it, which is what happened then.
        np = noun_phrase_ending(sentence, c0)
        if np:
            rest = core.lstrip()[participle:]
            text = text[:c0] + np + " " + rest + text[c1:]
            new_c1 = c0 + len(np) + 1 + len(rest)
            next_clause = _shifted(next_clause, new_c1 - c1)
            c1 = new_c1
            core = text[c0:c1]
    rel = _RELATIVE_START.match(core.lstrip())
    if rel and c0 > 0:
        np = name_before(sentence, clause[0])
        if np:
            core = core.lstrip()
            text = text[:c0] + np + " " + core[rel.end() :] + text[c1:]
            new_c1 = c0 + len(np) + 1 + len(core) - rel.end()
            next_clause = _shifted(next_clause, new_c1 - c1)
            c1 = new_c1
            core = text[c0:c1]
    participle = governing_participle(text, (c0, c1), c0 + core.find("\u0000")) if "\u0000" in core else None
    if participle is not None:
        core = passive_to_active(text, c0, participle, c1)
    # The date phrase is where the core statement usually ends ("attacked Iraq in 2003 in the
    # guise of ..."): cut there when a verb and its object come before it.
    head, _, tail = core.partition("\u0000")
    if has_verb_and_more(head):
        # A participle right after the date completes the statement (", demanding their departure").
        rest = tail.lstrip(" ,")
        core = head + " " + rest if tokens(rest) and bare(tokens(rest)[0]).endswith("ing") else head
    else:
        core = head + " " + tail
    if context.place:
        core = re.sub(r"\bthe country(?=['’]s\b)", context.place, core)
    core = _clean(core)
    ws = tokens(core)
    if context.shared and ws:
        who, verbs = context.shared
        if not has_finite_verb(core):
            ws = [*tokens(who), *tokens(verbs), *ws]  # "... and the iPhone in 2007"
        elif is_past_form(bare(ws[0])) and bare(verbs.split()[0]) in AUXILIARIES:
            ws = [*tokens(who), verbs.split()[0], *ws]  # "... and re-elected four years later"
    if ws and bare(ws[0]) in _RESOLVED_PRONOUNS and context.subject:
        ws = [*tokens(context.subject), *ws[1:]]
    elif ws and context.subject and starts_with_verb(ws):
        ws = [*tokens(context.subject), *ws]  # "..., is expected to announce" has its subject before
    if len(ws) < MIN_WORDS + 2 and next_clause is not None:
        nxt = text[next_clause[0] : next_clause[1]].replace("\u0000", " ")
        if tokens(nxt) and bare(tokens(nxt)[0]).endswith("ing"):
            ws += tokens(_clean(nxt))
        elif ws and len(ws) < MIN_WORDS and tokens(nxt) and bare(ws[-1]) in REPORTING_VERBS:
            # "Schiller said," + '"The Mac has outpaced the PC ..."': what was said completes it.
            said = tokens(squash(nxt))[: MAX_WORDS - len(ws)]
            while len(said) > 2 and bare(said[-1]) in _TRAILING_STOP:
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
            before = bare(ws[k - 1])  # not "said that", "asserting that", "those who"
            return not (
                before in REPORTING_VERBS or before.endswith("ing") or _RESTRICTIVE_END.search(before)
            )

        cuts = [k for k in window if bare(ws[k]) in _CLAUSE_CUTS and cuttable(k)] or [
            k for k in window if bare(ws[k]) in _PHRASE_CUTS
        ]
        ws = ws[: cuts[-1]] if cuts else ws[:MAX_WORDS]
    while len(ws) > MIN_WORDS - 1 and bare(ws[-1]) in _TRAILING_STOP:
        ws.pop()
    out = " ".join(ws).strip(" ,;:-–—\"“”'’")
    out = _SPACE_PUNCT.sub(r"\1", out).rstrip(",.;:")
    if out.count('"') % 2:
        out += '"'  # a quotation cut short still closes
    if not out:
        out = squash(sentence[clause[0] : clause[1]].replace("\u0000", " "))[:80] or "Event"
    # Headline capital, but never "IPhone" from "iPhone".
    return out if _CAMEL.match(out) else out[:1].upper() + out[1:]


def _shifted(span: tuple[int, int] | None, delta: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + delta, span[1] + delta)


def _clean(text: str) -> str:
    t = text.replace("\u0000", " ")
    t = _BRACKETS.sub(" ", t)
    t = squash(DATELINE_RE.sub("", t))
    t = LEADING.sub("", _drop_opening_phrase(_DISCOURSE.sub("", t)))
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
        if has_verb_and_more(acc) and len(tokens(acc)) >= MIN_WORDS - 1:
            if _PURPOSE.match(piece) and len(tokens(acc)) <= MAX_WORDS - 4:
                acc = f"{acc} {piece}"
            break
        if not has_finite_verb(acc) and not has_finite_verb(piece):
            continue  # an aside between subject and verb: "Kata'ib Hezbollah, a component of ..., said"
        acc = f"{acc} {piece}"
    ws = tokens(acc)
    kept = [w for i, w in enumerate(ws) if not (bare(w) in ARTICLES or _is_adverb(ws, i))]
    # A participle left hanging where the date was cut ("statement released [on Wednesday]").
    if (
        len(kept) > MIN_WORDS
        and bare(kept[-1]).endswith("ed")
        and is_past_form(bare(kept[-1]), bare(kept[-2]))
        and not any(bare(w) in AUXILIARIES for w in kept[-4:-1])
        and has_finite_verb(" ".join(kept[:-1]))
    ):
        kept.pop()
    return squash(" ".join(kept))


_OPENING_PREPOSITIONS = word_set(
    "in at during since after before following for with on under amid alongside despite throughout "
    "within upon"
)


def _drop_opening_phrase(t: str) -> str:
    """ "In a surprising move Steve Jobs announced ..." -> "Steve Jobs announced ...": a clause
    that opens with a prepositional phrase starts its statement at the subject, found at the
    first comma, or else at a determiner, pronoun or name after the phrase's own noun."""
    ws = tokens(t)
    if len(ws) < 4 or bare(ws[0]) not in _OPENING_PREPOSITIONS:
        return t
    comma = t.find(", ")
    if 0 < comma < 160 and has_finite_verb(t[comma + 2 :]):
        return t[comma + 2 :]
    seen_noun = False
    for k in range(1, min(len(ws), 12)):
        w, b = ws[k], bare(ws[k])
        starts = b in DETERMINERS or b in ("he", "she", "they", "it", "we") or (w[:1].isupper() and k > 1)
        # "the presence of the Iraqi faction": a noun phrase after "of" or an article continues.
        attached = bare(ws[k - 1]) in DETERMINERS or bare(ws[k - 1]) in ("of", "'s")
        if starts and seen_noun and not attached:
            rest = " ".join(ws[k:])
            return rest if has_finite_verb(rest) else t
        if b not in DETERMINERS:
            seen_noun = True
    return t


def _is_adverb(ws: list[str], i: int) -> bool:
    """An -ly adverb that can go; kept when coordinated ("numerically or technologically")."""
    w = ws[i]
    b = bare(w)
    if not (b.endswith("ly") and b not in _LY_KEEP and w.islower() and len(b) > 4):
        return False
    near = {bare(ws[j]) for j in (i - 1, i + 1) if 0 <= j < len(ws)}
    return not near & {"or", "and", "nor"}
