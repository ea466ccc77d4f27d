"""Word lists the grammar is built from, and the small parsers that turn those words into numbers.

Everything here is plain data plus regex fragments. Fragments are non-capturing so the grammar can
wrap them in its own named groups. Month and weekday names are matched case-sensitively (capitalised)
because their lower-case forms are mostly other words: "may", "march", "sun".
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip

WEEKDAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
# EDTF (ISO 8601-2) season codes.
SEASON_EDTF: dict[str, str] = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}

PART_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "mid-day": "MI", "noon": "MI",
}  # fmt: skip

UNITS: dict[str, str] = {
    "second": "S", "sec": "S", "minute": "TM", "min": "TM", "hour": "H", "hr": "H", "day": "D",
    "night": "D", "week": "W", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y",
    "yr": "Y", "decade": "E", "century": "C", "centurie": "C", "millennium": "L", "millennia": "L",
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "last": -1,
}  # fmt: skip

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
    "one-and-a-half": 1, "dozen": 12, "a dozen": 12, "half a": 0, "half an": 0,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Quantities that are not numbers: TimeML writes them as X ("several years" -> PXY).
VAGUE = ("a few", "few", "several", "some", "many", "a couple of", "couple of", "a number of",
         "numerous", "the past few", "a handful of", "dozens of", "hundreds of", "thousands of")  # fmt: skip

HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "boxing day": (12, 26), "veterans day": (11, 11), "armistice day": (11, 11),
    "st. patrick's day": (3, 17), "bastille day": (7, 14), "may day": (5, 1),
    "thanksgiving day": "thanksgiving", "thanksgiving": "thanksgiving", "easter sunday": "easter",
    "easter": "easter", "good friday": "good_friday", "labor day": "labor_day",
    "memorial day": "memorial_day", "election day": "election_day",
}  # fmt: skip


def alt(words: list[str] | tuple[str, ...] | dict[str, object]) -> str:
    """A regex alternation of literal words, longest first so a prefix never wins over the word."""
    items = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s{1,16}") for w in items) + ")"


def _cap(words: list[str]) -> list[str]:
    return [w.capitalize() for w in words] + [w.upper() for w in words]


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in {"may", "june", "july"}]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
# "Sept." / "Aug." (the dot is part of the mention); an abbreviation without a dot is accepted
# by the grammar only right before a day number.
MONTH_FULL = alt(_cap(_FULL_MONTHS))
MONTH_ABBR = alt(_cap(_ABBR_MONTHS))
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?)(?![A-Za-z])"
MONTH_NO_MAY = rf"(?:(?!May\b|MAY\b){MONTH_FULL}|{MONTH_ABBR}\.)(?![A-Za-z])"

_FULL_DAYS = [d for d in WEEKDAYS if d.endswith("day")]
_ABBR_DAYS = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat"]
WEEKDAY_FULL = alt(_cap(_FULL_DAYS))
WEEKDAY = rf"(?:{WEEKDAY_FULL}|{alt(_cap(_ABBR_DAYS))}\.)(?![A-Za-z])"
# Informal text writes "on monday": a lower-case full name counts only after a word that makes it a day.
WEEKDAY_LOWER = rf"(?:{alt(_FULL_DAYS)})(?![A-Za-z])"

NUM_WORD_UNIT = alt([w for w in SMALL if " " not in w and "-" not in w and w not in {"a", "an", "dozen"}])
_DIGIT_WORDS = alt([w for w in SMALL if 0 < SMALL[w] < 10 and len(w) > 2])
NUM_WORD = rf"(?:{alt(list(TENS))}(?:[-\s]{_DIGIT_WORDS})?|{NUM_WORD_UNIT})"
_ORD_WORDS = alt(list(ORDINALS))


def ci(pattern: str) -> str:
    """Case-insensitive fragment; `_` stands for spaces and `~` for spaces or a hyphen.

    (f-string expressions cannot hold backslashes, so the grammar writes these two shorthands.)
    """
    return "(?i:" + pattern.replace("~", r"[ \t-]{1,16}").replace("_", r"[ \t]{1,16}") + ")"


def word_number(text: str) -> float | None:
    """'twenty-four' -> 24, 'a' -> 1, '2 1/2' -> 2.5, '1,000' -> 1000; None when not a number."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    m = re.fullmatch(r"(\d+)\s+(\d)/(\d)", t)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    m = re.fullmatch(r"(.+?)(?:\s+and\s+a\s+half|-and-a-half)", t)
    if m:
        base = word_number(m.group(1))
        return None if base is None else base + 0.5
    try:
        return float(t)
    except ValueError:
        pass
    if t in ("half a", "half an", "half"):
        return 0.5
    total = 0
    current = 0
    seen = False
    for part in re.split(r"[\s-]{1,16}", t):
        if part == "and":
            continue
        if part in SMALL:
            current += SMALL[part]
        elif part in TENS:
            current += TENS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def ordinal_number(text: str) -> int | None:
    t = text.strip().lower()
    if t in ORDINALS:
        return ORDINALS[t]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    return int(m.group(1)) if m else None


_YEAR_TENS = {v: k for k, v in TENS.items()}


def spoken_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000, 'two thousand and three' -> 2003."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    m = re.fullmatch(r"(nineteen|eighteen|seventeen|twenty) (.+)", t)
    if m:
        head = SMALL.get(m.group(1)) or TENS.get(m.group(1))
        rest = word_number(m.group(2).replace("hundred", "").strip() or "zero")
        if head is not None and rest is not None and rest < 100:
            return int(head * 100 + rest)
    m = re.fullmatch(r"two thousand(?: and)?(?: (.+))?", t)
    if m:
        rest = word_number(m.group(1)) if m.group(1) else 0
        if rest is not None and rest < 100:
            return int(2000 + rest)
    return None
