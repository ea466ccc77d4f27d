"""Past or future? The tense around a mention decides which 'Friday' or 'March' is meant."""

from __future__ import annotations

import re

_FUTURE = frozenset(
    [
        "will", "won't", "'ll", "shall", "scheduled", "expected", "expects",
        "expect", "upcoming", "tomorrow", "next", "could", "may", "might", "can", "should", "must",
        "soon", "payable", "effective", "begins", "starts", "opens", "closes", "ends", "expires", "meets",
        "arrives", "resumes", "would", "resume", "begin", "meet", "arrive", "expire", "reopen", "reopens",
    ]
)
# Two-word cues, keyed by their first word.
_FUTURE_PAIRS = {
    "going": {"to"}, "is": {"to", "due"}, "are": {"to", "due"}, "plan": {"to"}, "plans": {"to"},
    "due": {"to"}, "intend": {"to"}, "intends": {"to"}, "set": {"to"}, "hope": {"to"}, "hopes": {"to"},
    "aim": {"to"}, "aims": {"to"}, "to": {"be"},
    "supposed": {"to"}, "likely": {"to"}, "ahead": {"of"}, "takes": {"effect"}, "goes": {"into"},
}  # fmt: skip
_REPORTING = frozenset(["said", "says", "told", "announced", "reported", "added"])
# Irregular past forms that news uses with dates ("rose Friday", "met Monday").
_PAST = frozenset(
    [
        "was", "were", "had", "did", "ago", "yesterday", "last", "earlier", "previously", "been", "since",
        "fell",
        "rose", "grew", "began", "came", "went", "took", "made", "met", "saw", "left", "won", "lost",
        "held", "led", "struck", "sold", "bought", "paid", "spent", "gave", "got", "became", "broke", "ran",
        "fought", "flew", "fled", "sent", "built", "brought", "thought", "found", "kept", "felt", "shot",
        "stood", "spoke", "wrote", "chose", "drew", "drove", "knew", "meant", "sought", "swore", "threw",
        "withdrew", "upheld", "overtook", "arose", "blew", "dealt", "dug", "fed", "hung", "heard", "sank",
        "sang", "shrank", "slid", "spread", "stole", "stuck", "swept", "swung", "taught", "tore",
        "understood", "woke", "wore", "wept", "forgave", "forbade", "bore", "beat", "bled", "bent", "bound",
    ]
)
_BARE_VERBS = frozenset(["expire", "resume", "begin", "meet", "arrive", "reopen", "expect"])
_SCHEDULED = frozenset(["scheduled", "expected", "due", "set", "planned", "planning", "supposed"])
_COPULA = frozenset(
    ["be", "is", "are", "am", "remain", "remains", "stay", "stays", "become", "becomes", "get", "gets",
     "being"]
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "our", "your", "this", "these", "those", "still"]
)
_QUOTE = re.compile("''|\"|\u201d|\u2019\u2019")
_TOKEN = re.compile(r"[A-Za-z']+")
# A sentence or clause end; the full stops of "a.m.", "U.S." or "Mr." are not one.
_BOUNDARY = re.compile(
    r"(?<![ap]\.m)(?<!\b[A-Z])(?<!\b(?:Mr|Dr|St|Jr|Sr|Co|No))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Inc|Ltd|Col|Sgt))"
    r"(?<!\bCorp)[.!?;]\s|\n"
)
_WINDOW = 160
_ADJACENT = 12  # "said Friday", "said on Friday", "Friday said"

_FUT, _PASTK, _REP, _WEAK = 1, 2, 3, 4


def _cues(chunk: str) -> list[tuple[int, int, int]]:
    """(start, end, kind) of the tense cues in a chunk of text."""
    out: list[tuple[int, int, int]] = []
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(chunk)]
    for i, (s, e, w) in enumerate(toks):
        low = w.lower()
        nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
        prev = toks[i - 1][2].lower() if i else ""
        if low == "next" and nxt == "to":
            continue  # "the blasts next to the embassies": a preposition, not a time
        if low in _SCHEDULED and prev in ("been", "had"):
            out.append((s, e, _PASTK))  # "had been scheduled to expire Friday": a past plan
            continue
        if low in ("planned", "planning") and nxt in ("to", "a", "an", "the") and not prev.endswith("ly"):
            out.append((s, e, _FUT))  # a plan lies ahead: "planned a demonstration on Saturday"
            continue
        pair = _FUTURE_PAIRS.get(low)
        if pair is not None and nxt in pair:
            out.append((s, toks[i + 1][1], _FUT))
        elif (low in _FUTURE or low.endswith("'ll")) and not (prev == "to" and low in _BARE_VERBS):
            out.append((s, e, _FUT))  # ("to expire" is an infinitive: no tense of its own)
        elif low in _REPORTING:
            out.append((s, e, _REP))
        elif low in _PAST or (len(w) >= 5 and w.endswith("ed") and w.islower()):
            # "will remain closed", "will be held": a participle after a copula carries no tense.
            prev = toks[i - 1][2].lower() if i else ""
            if low not in _PAST and prev in _DETERMINERS:
                continue  # "an unspecified date", "the revised plan": an adjective, no tense
            if prev not in _COPULA or low in ("was", "were", "been", "had", "did"):
                # A regular -ed word may be an adjective ("an unspecified date"): a weak cue.
                out.append((s, e, _PASTK if low in _PAST else _WEAK))
    return out


# "postponed until Tuesday", "gave them until 9 a.m. Tuesday": a deadline moved or granted lies
# ahead of the report, whatever the tense of the verb that moved it.
_UNTIL = re.compile(
    r"(?i)\b(?:until|till|to|by)\s+"
    r"(?:(?:noon|midnight|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?)(?:\s+[A-Z]{3})?\s+)?(?:on\s+)?\Z"
)
_PERFECT = re.compile(r"(?i)\b(?:had|has|have|'d|was|were)\b")
_BY = re.compile(r"\bby\s+\Z")  # lower-case: "By January, sales had fallen" tells a past story
_DEFER = re.compile(
    r"(?i)\b(?:postpon\w*|delay\w*|extend\w*|adjourn\w*|defer\w*|put\s+off|deadline|gave|give[sn]?|granted"
    r"|ha(?:s|ve|d)\s+until)\b"
)


def after_by(text: str, start: int) -> bool:
    """Is the mention at `start` a deadline after a lower-case 'by' ('pay it back by February')?"""
    return _BY.search(text, max(0, start - 4), start) is not None


def tense_at(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None for the mention text[start:end]; see `_tense_at`.

    A deadline ("I'll do it by Tuesday") lies ahead unless a perfect tense has already met it
    ("members had filed reports by Wednesday").
    """
    tense = _tense_at(text, start, end)
    if tense != "future" and after_by(text, start):
        line = text.rfind("\n", 0, start)
        clause = text[max(line + 1, start - _WINDOW) : start]
        if tense is None or not _PERFECT.search(clause):
            return "future"
    return tense


def _tense_at(text: str, start: int, end: int) -> str | None:
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
        left = left[cut:]
    right = text[end : end + _WINDOW]
    b = _BOUNDARY.search(right)
    if b:
        right = right[: b.start()]
    until = _UNTIL.search(text, max(0, start - 40), start)
    if until is not None and _DEFER.search(left[: max(0, len(left) - (start - until.start()))]):
        return "future"
    best: tuple[float, int] | None = None
    n = len(left)
    left_cues = _cues(left)
    # A reporting verb right before the mention ("said Friday", "said on Friday") or right after
    # it ("on Tuesday said") is what the day dates: the report, written in the past.
    for _s, e, kind in left_cues[-1:]:
        if kind == _REP and n - e <= 4:
            return "past"
    reporting_near = False
    right_cues = _cues(right)
    for _s, e, kind in left_cues:
        if kind == _REP and n - e <= _ADJACENT:
            reporting_near = True
    for s, _e, kind in right_cues:
        if kind == _REP and _QUOTE.search(right, 0, s):
            break  # "... leave at 4 a.m. Thursday,'' Castro said": the date is inside the quote
        if kind == _REP and s <= 2:
            return "past"
        if kind == _REP and s <= _ADJACENT:
            reporting_near = True
    # All cues weigh the same: splitting regular -ed words off as weak cues (they may be adjectives)
    # lost more weekdays than it saved on the TempEval dev set.
    for kinds in ((_FUT, _PASTK, _WEAK),):
        for _s, e, kind in left_cues:
            if kind in kinds and (best is None or n - e <= best[0]):
                best = (n - e, kind)
        for s, _e, kind in right_cues:
            if kind == _WEAK and best is not None and s > 2:
                continue  # an -ed word after the date is often an adjective ("markets untouched by"),
                # but right next to it, it is the verb the date modifies ("on Sunday issued")
            if kind in kinds:
                # The verb a date modifies usually comes before it: later cues count as further away.
                if best is None or 1.5 * s < best[0]:
                    best = (1.5 * s, kind)
                break
        if best is not None:
            break
    if reporting_near and (best is None or best[0] > _ADJACENT):
        return "past"
    if best is None:
        return "past" if re.search(r"(?i)\b(?:said|says|told)\b", left + right) else None
    return "future" if best[1] == _FUT else "past"
