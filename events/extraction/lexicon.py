"""Word lists the extraction rules share: verb forms, tense markers, function words.

We have no part-of-speech tagger (none that is light and installs offline from PyPI with its
model), so finite verbs are recognised from closed lists plus the regular "-ed" ending.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists stay readable)."""
    return frozenset(words.split())


# Irregular past tense -> base form (for headline present tense and for tense detection).
IRREGULAR_PAST: dict[str, str] = {
    "was": "be",
    "were": "be",
    "had": "have",
    "did": "do",
    "said": "say",
    "told": "tell",
    "made": "make",
    "took": "take",
    "gave": "give",
    "went": "go",
    "came": "come",
    "began": "begin",
    "found": "find",
    "left": "leave",
    "held": "hold",
    "won": "win",
    "lost": "lose",
    "bought": "buy",
    "sold": "sell",
    "met": "meet",
    "saw": "see",
    "became": "become",
    "brought": "bring",
    "built": "build",
    "ran": "run",
    "spoke": "speak",
    "wrote": "write",
    "struck": "strike",
    "fell": "fall",
    "rose": "rise",
    "led": "lead",
    "paid": "pay",
    "sent": "send",
    "hit": "hit",
    "kept": "keep",
    "got": "get",
    "stood": "stand",
    "fought": "fight",
    "thought": "think",
    "chose": "choose",
    "drew": "draw",
    "drove": "drive",
    "flew": "fly",
    "grew": "grow",
    "knew": "know",
    "threw": "throw",
    "broke": "break",
    "spent": "spend",
    "shot": "shoot",
    "fled": "flee",
    "meant": "mean",
    "felt": "feel",
    "heard": "hear",
    "sought": "seek",
    "taught": "teach",
    "caught": "catch",
    "swore": "swear",
    "stole": "steal",
    "sank": "sink",
    "shook": "shake",
    "withdrew": "withdraw",
    "overtook": "overtake",
    "undertook": "undertake",
    "forbade": "forbid",
    "forgave": "forgive",
    "froze": "freeze",
    "hid": "hide",
    "bit": "bite",
    "wore": "wear",
    "woke": "wake",
    "arose": "arise",
    "upheld": "uphold",
    "overthrew": "overthrow",
    "oversaw": "oversee",
    "foresaw": "foresee",
    "mistook": "mistake",
    "dealt": "deal",
    "lent": "lend",
    "lit": "light",
    "slid": "slide",
    "spun": "spin",
    "split": "split",
    "stuck": "stick",
    "swept": "sweep",
    "wept": "weep",
    "won't": "will",
    "underwent": "undergo",
    "rang": "ring",
    "sang": "sing",
    "sat": "sit",
    "slept": "sleep",
    "bore": "bear",
    "laid": "lay",
    "fed": "feed",
    "bled": "bleed",
    "bound": "bind",
    "dug": "dig",
}
# Words that end in -ed but are not verbs, or are mostly used as adjectives in news.
NOT_VERBS_ED: frozenset[str] = word_set(
    "need red bed shed seed feed speed breed deed greed hundred indeed united based limited "
    "so-called alleged unprecedented unidentified armed allied sacred wicked naked rugged "
    "ragged kindred detailed talented related advanced increased reduced unlimited "
    "interested concerned experienced skilled dedicated sophisticated supposed"
)
AUXILIARIES: frozenset[str] = word_set("is are was were be been being am has have had do does did 's 're 've")
MODALS_FUTURE: frozenset[str] = word_set("will shall 'll wo")
MODALS_HYPOTHETICAL: frozenset[str] = word_set("would could might may should must can")
# Phrases that announce a plan rather than a fact ("plans to", "is expected to").
FUTURE_PHRASES = (
    r"(?:plans?|planning|planned|intends?|intending|aims?|hopes?|expects?|is expected|are expected"
    r"|is set|are set|is scheduled|are scheduled|is due|are due|is slated|are slated|is going|are going"
    r"|is to|are to|threatens?|vows?|vowed|pledges?|pledged|promises?|promised)\s+to\b"
    r"|(?:is|are|was|were)\s+(?:scheduled|slated|set|due|planned)\s+(?:for|in|on)\b"
)
REPORTING_VERBS: frozenset[str] = word_set(
    "say says said tell tells told announce announces announced state states stated add adds added "
    "report reports reported claim claims claimed note notes noted confirm confirms confirmed "
    "affirm affirms affirmed assert asserts asserted declare declares declared explain explains "
    "explained warn warns warned insist insists insisted argue argues argued allege alleges "
    "alleged reveal reveals revealed acknowledge acknowledges acknowledged write writes wrote "
    "emphasize emphasizes emphasized emphasise emphasises emphasised"
)
ARTICLES: frozenset[str] = frozenset({"the", "a", "an"})
PRONOUNS_SUBJECT: frozenset[str] = frozenset({"he", "she", "they", "it", "we"})
SUBORDINATORS: frozenset[str] = word_set(
    "while although though when after before since because as whereas if unless until once"
)
MONTHS: frozenset[str] = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS: frozenset[str] = word_set("monday tuesday wednesday thursday friday saturday sunday")
# Function words and common sentence openers: a capitalised word from this list is not a name.
STOP_WORDS: frozenset[str] = word_set(
    """a an the this that these those it its he she they we i you his her their our my your
    him them us me who whom whose which what when where why how and or but nor so yet for of
    in on at by to from with without within into onto over under after before since during
    while although though because as if unless until than then there here also however
    nevertheless meanwhile moreover furthermore conversely instead still now today yesterday
    tomorrow last next earlier later ago some many most more much few several all any each
    every both either neither no not one two three four five six seven eight nine ten first
    second third new former current other another such same only just even already once
    according despite among between about around against toward towards upon amid photo
    mr mrs ms dr sir lieutenant general president minister prime chief
    is are was were be been has have had do does did will would could should may might must can
    said says say told"""
)

# A wire dateline opening an article: "PARIS —", "WASHINGTON (Reuters) -", "NEW YORK, June 3 (AP) —".
DATELINE = r"^\s*[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{0,30}?)?(?:\s*\([^)]{1,20}\))?\s*[—–-]{1,2}\s+"
