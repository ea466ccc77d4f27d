"""Recognition: where the temporal expressions are, and which rule found each.

One compiled alternation of named rules (a `Mention` per hit, the rule name in `rule`). At a given
start position Python takes the first alternative that matches, so rules are ordered from the most
to the least specific ("two years ago" before "two years", "Aug. 7, 1998" before "Aug. 7").
Patterns contain no nested unbounded repetition, so the scan stays linear on any input.
Modifier words in front ("early", "the end of", "about") are attached afterwards by the tagger.
`recognise` only tries the rules at word starts shortly before a trigger word, and only the rules
that can begin with the character there; `recognise_full_scan` is the plain reference scan.
"""

# ruff: noqa: E501  (regex tables and value tables read better one rule per line)

from __future__ import annotations

import re
from typing import NamedTuple

from events.temporal.lexicon import (
    HOLIDAYS,
    MONTH,
    MONTH_ABBR,
    MONTH_FULL,
    MONTH_NO_MAY,
    NUM_WORD,
    ORDINALS,
    SEASONS,
    WEEKDAY,
    WEEKDAY_FULL,
    WEEKDAY_LOWER,
    alt,
    ci,
)


class Mention(NamedTuple):
    start: int
    end: int
    rule: str
    match: re.Match[str]


# --- building blocks ------------------------------------------------------------------------
# Whitespace with at most one line break (never across a blank line). The two halves cannot match
# the same characters, so a long run of spaces is scanned once, not once per way of splitting it.
S = r"[ \t]{0,16}(?:\n[ \t]{0,16})?"
S1 = r"(?:[ \t]{1,16}(?:\n[ \t]{0,16})?|\n[ \t]{0,16})"  # at least one space
COMMA = r"[ \t]{0,2},[ \t]{0,16}(?:\n[ \t]{0,16})?"  # "5, 2014" and tokenised "5 , 2014"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])(?![.,]\d)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d])(?![.,]\d)"
YEAR_OR_APOS = rf"(?:{YEAR}|'\d\d(?!\d))"
SPOKEN_YEAR = ci(
    r"(?:nineteen|eighteen)[\s-]{1,16}(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]{1,16}(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|two[\s-]{1,16}thousand(?:[\s-]{1,16}(?:and[\s-]{1,16})?(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    r"(?:[\s-]{1,16}(?:one|two|three|four|five|six|seven|eight|nine))?))?"
)
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s{1,16}\d/\d)?|"
    + ci(
        rf"{NUM_WORD}(?:[\s-]{{1,16}}(?:hundred|thousand))?(?:[\s-]{{1,16}}and[\s-]{{1,16}}a[\s-]{{1,16}}half|-and-a-half)?"
        r"|an?(?:[\s-]{1,16}(?:hundred|thousand))?(?:[\s-]{1,16}and[\s-]{1,16}a[\s-]{1,16}half)?|half[\s-]{1,16}an?|a[\s-]{1,16}dozen|dozen"
    )
    + ")"
)
VAGUE_NUM = ci(
    r"(?:a[\s-]{1,16}few|a[\s-]{1,16}couple(?:[\s-]{1,16}of)?|couple[\s-]{1,16}of|several|few|some|many|a[\s-]{1,16}number[\s-]{1,16}of"
    r"|numerous|a[\s-]{1,16}handful[\s-]{1,16}of|dozens[\s-]{1,16}of|hundreds[\s-]{1,16}of|thousands[\s-]{1,16}of)"
)
UNIT_SG = ci(r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|millennium)")
UNIT_PL = ci(r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|decades"
             r"|centuries|millennia|yrs|hrs|mins|secs)")  # fmt: skip
UNIT = rf"(?:{UNIT_PL}|{UNIT_SG}|{ci('yr|hr|min|sec')})(?![A-Za-z])"
ORD_WORD = ci(alt([o for o in ORDINALS if o != "last"]))
ORD = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ORD_WORD})"
QORD = ci(r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|previous|next)")
TZ = r"(?:[ \t]{0,16}\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ET|PT|local\s{1,16}time)\)?(?![A-Za-z]))"
AMPM = r"(?:[aApP]\.?[ \t]?[mM]\.?(?![A-Za-z])|[aApP]\.?[mM](?![A-Za-z]))"
CLOCK = rf"(?:(?<!\()(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]{{0,2}}(?:GMT|UTC|[ECMP][SD]T)(?![A-Za-z]))|\d{{1,2}}(?:[:.]\d\d)?[ \t]{{0,16}}{AMPM}|\d{{1,2}}(?::\d\d)?[ \t]{{1,16}}{ci('in_the_(?:morning|afternoon|evening)')}(?![\w-])|\d{{1,2}}:\d\d(?![\d:])(?:[ \t]{{0,16}}{ci('hours?|hrs')})?|{ci('noon|midnight|midday')})"
PART = ci(r"(?:morning|afternoon|evening|night|overnight)")
REL_DAY = ci(r"(?:yesterday|today|tomorrow|tonight)")
SEASON = ci(alt(list(SEASONS)))
MOD_EL = ci(r"(?:early|late|mid|earlier|later)")
DAYREF = (
    rf"(?:{WEEKDAY}(?:,?{S1}(?:{MONTH}{S}{DAY}(?:,?{S}{YEAR})?|{DAY}{S1}{MONTH}(?:,?{S}{YEAR})?))?"
    rf"|{MONTH}{S}{DAY}(?:,?{S}{YEAR})?|{REL_DAY})"
)

W = r"(?<![\w'])"
UNIT_END = r"(?i:(?:year|month|quarter|week)(?:[ \t-]{1,16}end(?![A-Za-z])|'s[ \t]{1,16}end))"  # the mention starts a word
NUMSTART = r"(?<![\w$£€¥#@.,/:'-])(?<!\d[.,])"


def _rules() -> list[tuple[str, str]]:
    holidays = alt([h.title() for h in HOLIDAYS] + [h.title().replace("'S", "'s") for h in HOLIDAYS])
    rel = ci(r"(?:last|this|next|past|coming|current|previous|following|latest|same|upcoming|that)")
    the_rel = ci(r"(?:the[ \t]{1,16}(?:last|past|next|coming|current|previous|following|latest|same|upcoming"
                 r"|preceding|prior|new|recent|first|final|entire|whole|full)|this[ \t]{1,16}past|this[ \t]{1,16}coming)")  # fmt: skip
    return [
        # -- times of day, optionally with the day they fall on
        ("time_dayref", rf"{W}(?:{ci('around|approximately|shortly_(?:before|after)')}{S1})?"
                        rf"{CLOCK}{TZ}?,?{S1}(?:{ci('on')}{S1})?{DAYREF}"),
        ("dayref_time", rf"{W}{DAYREF}(?:{S1}{PART})?,?{S1}{ci('at')}{S1}{CLOCK}{TZ}?"),
        ("time", rf"{W}(?:{ci('around|approximately')}{S1})?{CLOCK}{TZ}?"
                 rf"(?:{S1}{ci('(?:this|that|the_following|the_next|yesterday|tomorrow)_')}{PART})?"),
        # -- full calendar dates
        ("iso", rf"{NUMSTART}(?:1\d|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
                r"(?:T\d\d:\d\d(?::\d\d)?)?(?![\d-])"),
        ("numeric", rf"{NUMSTART}\d{{1,2}}(?P<num_sep>[/.])\d{{1,2}}(?P=num_sep)(?:\d{{4}}|\d\d)(?![\d/.]\d|\d)"),
        ("nine_eleven", rf"{NUMSTART}9/11(?![\d/]|\.\d)"),  # the attacks of 2001-09-11, as news names them
        ("ymd_dots", rf"{NUMSTART}(?:1\d|20)\d\d(?P<ymd_sep>[./])(?:0?[1-9]|1[0-2])(?P=ymd_sep)(?:0?[1-9]|[12]\d|3[01])(?![\d/.]\d|\d)"),
        ("wd_date", rf"{W}(?:{rel}{S1})?{WEEKDAY},?{S1}(?:{ci('the')}{S1})?(?:{MONTH}{S}{DAY}|{DAY}{S1}"
                    rf"(?:{ci('of')}{S1})?{MONTH})(?:(?:{COMMA}|{S}){YEAR})?(?:{S1}{PART})?"),
        ("mdy", rf"{W}{MONTH}{S}{DAY}(?:{COMMA}|{S1}){YEAR}"),
        ("dmy", rf"{NUMSTART}{DAY}(?:{S1}{ci('of')})?{S1}{MONTH}(?:{COMMA}|{S1}){YEAR}"),
        ("the_dm", rf"{W}{ci('the')}{S1}{ORD}{S1}{ci('of')}{S1}{MONTH}(?:,?{S}{YEAR})?"),
        ("month_year", rf"{W}(?:{MONTH}|{MONTH_ABBR})(?:{S1}{ci('of')})?,?{S1}(?:{YEAR}|'\d\d(?!\d)|{SPOKEN_YEAR})"),
        ("month_rel", rf"{W}{MONTH_NO_MAY}{S1}(?:{ci('last|this|next')}{S1}{ci('year')}|{ci('of')}{S1}"
                      rf"{ci('last|this|next|that')}{S1}{ci('year')})"),
        # "July 5-12", "Aug. 1-3, 2014", "5-12 July": two dates of one range written as one token
        ("md_range", rf"{W}(?:{MONTH}|{MONTH_ABBR}){S}{DAY}[ \t]{{0,2}}[-–—][ \t]{{0,2}}{DAY}(?:{COMMA}{YEAR}|{S1}{YEAR})?(?![\d-])"),
        ("dm_range", rf"{NUMSTART}{DAY}[ \t]{{0,2}}[-–—][ \t]{{0,2}}{DAY}{S1}(?:{ci('of')}{S1})?{MONTH}(?:{COMMA}{YEAR}|{S1}{YEAR})?"),
        ("md", rf"{W}(?:{MONTH}|{MONTH_ABBR}){S}{DAY}(?!{S}(?:%|{ci('percent|per')})|:\d)"),
        ("dm", rf"{NUMSTART}{DAY}(?:{S1}{ci('of')})?{S1}{MONTH}"),
        # -- relative to the document date or to the previous date
        ("ago", rf"{W}(?:(?:{NUMBER}|{VAGUE_NUM}|{ci('a_couple')}){S1}(?:{ci('more|full|long')}{S1})?"
                rf"{UNIT}(?:{S1}{ci('or_so')})?|{ci('a_week_or_so')}){S1}"
                rf"{ci('ago|earlier|later|before|after|hence|from_now|from_today|back|previously|prior')}"
                r"(?![\w-])"),
        ("units_ago", rf"{W}{ci('(?:years|decades|months|weeks|days|centuries|moments)_(?:ago|earlier|later)')}"
                      r"(?![\w-])"),
        ("rel_weekday", rf"{W}(?:{ci('the')}{S1})?(?:{the_rel}|{rel}|{ci('(?:early|late|earlier|later)_(?:on_)?')}"
                        rf"){S1}{WEEKDAY}(?:{S1}{PART}|{S1}{ci('night|nights')})?"),
        ("rel_weekday_lower", rf"{W}{ci('last|next|this|this_past|this_coming|coming|past')}{S1}{WEEKDAY_LOWER}(?:{S1}{PART})?"),
        ("weekday_lower", rf"(?:(?<=\bon )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\btill )|(?<=\bbefore )|(?<=\bafter )"
                          rf"|(?<=\bfrom )|(?<=\bearly )|(?<=\blate ))(?<![A-Za-z]){WEEKDAY_LOWER}(?:{S1}{PART})?(?![\w-])"),
        ("weekday", rf"{W}{WEEKDAY}(?:'s)?(?:{S1}{PART}s?)?(?!{S}(?:\d|{MONTH}))"),
        ("weekdays", rf"{W}{WEEKDAY_FULL}s(?:{S1}{PART}s)?(?![A-Za-z])"),
        ("rel_day", rf"{W}(?:{MOD_EL}{S1})?{REL_DAY}(?:'s)?(?:{S1}{PART})?(?![\w-])"),
        ("this_part", rf"{W}(?:{ci('later|earlier')}{S1})?{ci('(?:this|last|that|the_same|the_previous|the_next|the_following)')}"
                      rf"{S1}{PART}(?![\w-])"),
        ("anchored", rf"{W}(?:{ci('(?:later|earlier)')}{S1})?"
                     rf"{ci('(?:the_)?(?:following|previous|preceding|prior|same)|the_next|that|the_same')}"
                     rf"{S1}{ci('(?:day|morning|evening|night|afternoon|week|weekend|month|year|quarter|season|decade)')}"
                     r"(?![\w-])"),
        ("day_before", rf"{W}{ci('the_day_(?:before|after)(?:_(?:yesterday|tomorrow))?|the_night_before')}"
                       r"(?![\w-])"),
        # -- fiscal and calendar parts of a year
        ("half", rf"{W}(?:{ci('the|its|their|a')}{S1})?(?:{YEAR}{S1})?(?:{ci('(?:first|second|last|latter|final|1st|2nd)~half')}|{ci('(?:first|last|final|second)_two_quarters')})"
                 rf"(?:{S1}{ci('of')}{S1}(?:{ci('fiscal')}{S1})?(?:{YEAR}|{ci('the_year|this_year|last_year|next_year')}))?"),
        ("quarter", rf"{W}(?:{ci('the|its|their|a|this|next|last|that')}{S1})?(?:{ci('comparable|same|flat|strong|weak|disappointing|fiscal|calendar|financial')}{S1})?"
                    rf"(?:{YEAR}{S1}|{ci('year~(?:ago|earlier)')}{S1}|{ci('last_year')}'s{S1}|{ci('this_year')}'s{S1}|{ci('next_year')}'s{S1})?"
                    rf"(?:{ci('fiscal|calendar')}[ \t-]{{1,16}})?{QORD}[ \t-]{{1,16}}(?:{ci('fiscal|calendar')}[ \t-]{{1,16}})?{ci('quarters?')}(?![\w-])"
                    rf"(?:{S1}{ci('of')}{S1}(?:{ci('fiscal')}{S1})?(?:{YEAR}|{ci('the_year|this_year|last_year|next_year|the_(?:current|fiscal|previous)_year')}))?"),
        ("q_code", rf"{W}(?:Q[1-4]|[1-4]Q)(?:{S1}|-)?(?:{YEAR}|'\d\d|FY\d\d)?(?![\w])"),
        ("year_ago_period", rf"{W}(?:{ci('the')}{S1})?(?:{ci('comparable|same|corresponding')}{S1})?"
                            rf"{ci('year~(?:ago|earlier)_(?:period|quarter|nine_months|six_months)')}"),
        ("same_period", rf"{W}{ci('(?:the_)?(?:same|corresponding|comparable|year-ago|year-earlier)_(?:period|quarter|time|months?)_(?:of_|in_)?(?:last_year|the_previous_year|a_year_(?:ago|earlier))')}(?![\w-])"),
        ("year_ago_adj", rf"{W}{ci('year~(?:ago|earlier)')}(?![\w-])"),
        ("the_quarter", rf"{W}{ci('(?:the|this|that|last|next|its|their)_(?:latest|current|previous|past|recent|just-ended|fiscal_)?quarter|the_latest_period')}(?![\w-])"),
        ("year_period", rf"{W}{ci('the')}{S1}{YEAR}{S1}{ci('(?:fiscal_|calendar_)?(?:quarter|period)')}(?![\w-])"),
        ("fiscal", rf"{W}(?:{ci('the')}{S1})?(?:{rel}{S1})?{ci('(?:fiscal|financial|tax|calendar|model|school)~year')}"
                   rf"(?:{S1}(?:{YEAR}|'?\d\d(?!\d)))?(?![\w-])"),
        ("fiscal_year", rf"{W}(?:{ci('fiscal|FY')}[ \t-]{{0,16}}(?:{YEAR}|'\d\d|\d\d)(?!\d)|FY[ \t-]?\d\d(?!\d))"),
        # -- decades, centuries, seasons, holidays
        ("decade", rf"{W}(?:{ci('the')}{S1})?(?:{ci('early|mid|late|middle')}[ \t-]{{1,16}})?(?:1\d\d0|20\d0)'?s(?![\w])"),
        ("decade_short", rf"{W}{ci('the')}{S1}(?:{ci('early|mid|late')}[ \t-]{{1,16}})?'?[1-9]0'?s(?![\w])"),
        ("decade_word", rf"{W}{ci('the')}{S1}(?:{ci('early|mid|late')}[ \t-]{{1,16}})?(?:{ci('nineteen')}[ \t-]{{1,16}})?"
                        rf"{ci('(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)')}(?![\w])"),
        ("century", rf"{W}(?:{ci('the')}{S1})?(?:{ci('early|mid|late')}[ \t-]{{1,16}})?(?:{ORD}|{ci('this|last|next|past|previous')})"
                    rf"[ \t-]{{1,16}}{ci('century|centuries')}(?![\w-])"),
        ("season", rf"{W}(?:{ci('this_past|this_coming|the|this|last|next|past|coming|that')}{S1})?"
                   rf"(?:{ci('early|late|mid|the_early|the_late')}[ \t-]{{1,16}})?{SEASON}"
                   rf"(?:{S1}(?:{ci('of')}{S1})?(?:{YEAR}|'\d\d(?!\d)|{SPOKEN_YEAR}))?(?![\w-])"),
        ("holiday", rf"{W}(?:{ci('last|this|next')}{S1})?{holidays}(?:{S1}{ci('week|weekend|season')}(?![\w-]))?(?:{S1}{YEAR})?(?![\w-])"),
        # -- whole units around the document date
        ("unit_edge", rf"{W}(?:{ci('the')}{S1})?{ci('(?:end|beginning|start|middle|close|rest|remainder|balance|turn)')}"
                      rf"{S1}{ci('of')}{S1}(?:{ci('the|this|that|next|last')}{S1})?(?:{ci('current|fiscal')}{S1})?"
                      rf"{ci('(?:year|month|week|quarter|decade|century|day|season)')}(?![\w-])"),
        ("unit_end", rf"{W}(?:{ci('the')}{S1})?{UNIT_END}"),
        ("rel_unit", rf"{W}(?:{ci('(?:early|late|earlier|later|mid|sometime|sometime_in)')}{S1}|mid-)?"
                     rf"(?:{the_rel}|{rel}){S1}{ci('(?:week|weekend|month|year|decade|century)')}(?![\w-])"),
        ("rel_month", rf"{W}{ci('(?:last|this|next|this_past|this_coming)')}{S1}{MONTH_FULL}(?![\w-])"),
        ("year_word", rf"{W}(?:{ci('the_year')}{S1})?{SPOKEN_YEAR}(?![\w-])(?!{S1}{UNIT})"),
        ("year_range", rf"{NUMSTART}(?:1[5-9]\d\d|20\d\d)[ \t]{{0,16}}[-–—/][ \t]{{0,16}}(?:1[5-9]\d\d|20\d\d|\d\d)(?![\d%-]|[.,]\d|[ \t]{{0,16}}{ci('percent')})"),
        ("the_year", rf"{W}{ci('the')}{S1}{ci('year')}{S1}{YEAR}(?!'s)"),
        ("the_unit", rf"{W}{ci('the_(?:weekend|week|year)')}(?:'s)?(?![\w-])"),
        ("year", rf"{NUMSTART}(?:{ci('mid|pre|post|early|late|end')}-)?(?:1[0-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d)(?:'s)?"),
        ("apos_year", r"(?<![\w'])'(?:[0-9]\d)(?![\d'%\w])"),
        # -- durations
        ("duration", rf"{W}(?:{the_rel}{S1}|{ci('the|another|an_additional|an_extra')}{S1})?"
                     rf"(?:{NUMBER}|{VAGUE_NUM})(?:{S1}{ci('to|or')}{S1}(?:{NUMBER}))?(?:{S1}{ci('more|additional|straight|consecutive|full|long|extra|further|whole|trading|business|working|calendar')})?"
                     rf"(?:{S1}|[ \t]{{0,16}}-[ \t]{{0,16}}){UNIT}(?:-(?:{ci('long|old')}))?(?:{S1}{ci('or_so')})?"
                     rf"(?:{S1}{ci('and_a_half')})?(?![\w-])"),  # "a year and a half": P1Y6M
        ("unit_long", rf"{W}(?:{UNIT_PL}|{UNIT_SG})-{ci('long')}(?![\w-])"),
        ("part_dayref", rf"{W}(?:{ci('early|late|mid')}[ \t-]{{0,3}})?{ci('(?:morning|afternoon|evening|night)')}{S1}"
                        rf"(?:{ci('on')}{S1})?(?:{REL_DAY}|{WEEKDAY})(?![\w-])(?!{S}(?:\d|{MONTH}))"),
        ("part_of_day", rf"{W}(?:{ci('(?:in|during)_the')}{S1}|{ci('the')}{S1})?(?:{ci('early|late|mid')}[ \t-]{{1,3}})?"
                        rf"{ci('(?:morning|afternoon|evening)')}(?![\w-])"),
        ("the_units", rf"{W}(?:{the_rel}|{ci('the|recent|coming|upcoming')}){S1}{ci('(?:years|months|weeks|days|decades|quarters|hours|centuries)')}(?![\w-])"),
        ("bare_units", rf"{W}{ci('(?:years|months|weeks|days|decades|hours|minutes|centuries)')}(?![\w-])"),
        # -- sets
        ("set_every", rf"{W}{ci('(?:every|each|per)')}{S1}(?:{ci('other')}{S1})?(?:(?:{NUMBER}){S1})?"
                      rf"(?:{UNIT}|{WEEKDAY_FULL}|{MONTH_FULL}|{SEASON}|{PART}|{ci('weekend|weekday')})(?![\w-])"),
        ("set_times", rf"{W}(?:{ci('once|twice|thrice')}|(?:{NUMBER}){S1}{ci('times')}){S1}{ci('a|an|per|each|every')}{S1}{UNIT_SG}(?![\w-])"),
        ("set_adv", rf"{W}{ci('(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly|semiannually|biannually|semi-annually)')}(?![\w-])"),
        # -- deictic references
        ("present", rf"{W}{ci('(?:right_now|just_now|now|currently|at_present|presently|nowadays|these_days|the_present)')}(?![\w-])"),
        ("current", rf"{W}{ci('current')}(?![\w-])"),
        ("past", rf"{W}{ci('(?:(?:more|most|until|as|only|very|just)_)?(?:recently|lately|formerly|the_past)')}(?![\w-])"),
        ("future", rf"{W}{ci('(?:the_)?(?:near|foreseeable|distant|immediate)_future|(?:the_)?future|the_(?:near|short)_term|as_soon_as_possible|a_later_date')}(?![\w-])"),
        ("month", rf"{W}{MONTH_FULL}(?![\w-])"),
    ]


RULES = _rules()
_HEAD = r"(?<![\w\x27])(?=[\w\x27])"
MASTER = re.compile(_HEAD + "(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat in RULES) + ")")


# --- first-character dispatch ------------------------------------------------------------------
# Trying ~60 alternatives at every candidate start is the main cost. Each rule's possible first
# characters are read off its parsed pattern; a start position is matched against a master made of
# only the rules that can begin with its character (same order, so the same leftmost-first result).
_ALL = None
try:  # the regex parser's own tables (public names moved in Python 3.11)
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def _first_chars(items: object, ignorecase: bool) -> tuple[set[str] | None, bool]:
    """(possible first characters or None for 'any', can match empty) of a parsed regex."""
    c = _sre
    out: set[str] = set()
    for op, av in items:  # type: ignore[attr-defined]
        first: set[str] | None
        nullable = False
        if op is c.LITERAL:
            ch = chr(av)
            first = {ch.lower(), ch.upper(), ch} if ignorecase else {ch}
        elif op is c.IN:
            first = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    ch = chr(iav)
                    first |= {ch.lower(), ch.upper(), ch} if ignorecase else {ch}
                elif iop is c.RANGE and iav[1] - iav[0] < 400:
                    for k in range(iav[0], iav[1] + 1):
                        ch = chr(k)
                        first |= {ch.lower(), ch.upper(), ch} if ignorecase else {ch}
                elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                    first |= set("0123456789")
                elif iop is c.CATEGORY and iav is c.CATEGORY_SPACE:
                    first |= set(" \t\n\r\f\v")
                else:
                    first = _ALL
                    break
        elif op is c.BRANCH:
            first = set()
            for alt_items in av[1]:
                f, n = _first_chars(alt_items, ignorecase)
                nullable = nullable or n
                first = None if (f is None or first is None) else first | f
        elif op is c.SUBPATTERN:
            add = av[1] or 0
            first, nullable = _first_chars(av[3], ignorecase or bool(add & re.IGNORECASE))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            first, nullable = _first_chars(av[2], ignorecase)
            nullable = nullable or av[0] == 0
        elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width
        else:
            return None, False
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _rule_first_chars() -> dict[str, set[str] | None]:
    out: dict[str, set[str] | None] = {}
    for name, pat in RULES:
        first, nullable = _first_chars(_sre_parse.parse(pat), False)
        out[name] = None if nullable else first
    return out


_FIRST = _rule_first_chars()
_COMPILED = [(name, re.compile(pat)) for name, pat in RULES]
_BY_CHAR: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}


def _rules_for(ch: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = _BY_CHAR.get(ch)
    if rules is None:
        rules = tuple((n, r) for n, r in _COMPILED if _FIRST[n] is None or ch in _FIRST[n])  # type: ignore[operator]
        _BY_CHAR[ch] = rules
    return rules


def _match_at(text: str, q: int) -> tuple[str, re.Match[str]] | None:
    """The first rule (in grammar order) matching at word start q, as the master would pick."""
    for name, rx in _rules_for(text[q]):
        m = rx.match(text, q)
        if m is not None:
            return name, m
    return None


# Every rule's match contains one of these words (or a digit); the master pattern is only tried
# at word starts shortly before one, which keeps the scan several times faster than trying it
# at every word of the text.
_TRIGGER_LOWER = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "nights", "overnight", "noon", "midnight", "midday", "now", "currently", "present", "presently", "nowadays", "moment", "recent", "recently", "lately", "previously", "formerly", "past", "future", "soon", "term", "later", "possible", "spring", "summer", "fall", "autumn", "winter", "quarter", "quarters", "fiscal", "fy", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "nineteen", "eighteen", "thousand", "daily", "weekly", "monthly", "quarterly", "annually", "yearly", "hourly", "nightly", "biweekly", "bimonthly", "semiannually", "biannually", "semi", "ago", "current", "weekend", "weekends", "weekday", "half", "end", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "millennium", "millennia", "yr", "yrs", "hr", "hrs", "min", "mins", "sec", "secs", "q1", "q2", "q3", "q4", "period", "1q", "2q", "3q", "4q"]
)
_TRIGGER_CAPS = frozenset(
    w
    for name in ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Christmas", "Easter", "Thanksgiving", "Halloween", "Valentine", "Independence", "Veterans", "Armistice", "Boxing", "Patrick", "Bastille", "Labor", "Memorial", "Election", "Good"]
    for w in (name, name.upper())
)
# Words that may stand in a mention before its first trigger word ("the past three years",
# "shortly before 5 p.m."). Only runs of these are walked back over from a trigger.
_PREFIX_WORDS = frozenset(
    ["the", "a", "an", "past", "last", "next", "this", "that", "first", "final", "coming", "current", "previous", "following", "latest", "same", "upcoming", "preceding", "prior", "new", "recent", "entire", "whole", "full", "early", "late", "mid", "middle", "earlier", "later", "about", "around", "approximately", "shortly", "before", "after", "at", "on", "of", "its", "their", "comparable", "flat", "strong", "weak", "disappointing", "fiscal", "calendar", "financial", "corresponding", "every", "each", "per", "other", "once", "twice", "thrice", "another", "additional", "extra", "more", "sometime", "in", "just", "right", "for", "as", "these", "until", "most", "only", "very", "few", "several", "some", "many", "couple", "number", "numerous", "handful", "dozens", "hundreds", "thousands", "dozen", "half", "and", "or", "to", "so", "times", "end", "beginning", "start", "close", "rest", "remainder", "balance", "turn", "model", "school", "tax", "long", "straight", "consecutive", "trading", "business", "working", "further", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "thirtieth", "pre", "post", "fy", "foreseeable", "near", "short", "distant", "immediate", "ended", "just", "st", "un"]
)
_WORD = re.compile(r"[\w']+")
_MAX_PREFIX = 6


_TRIGGER, _PREFIX = 1, 2
# Exact spellings first (capitalised months and weekdays), then lower-cased words.
_KIND: dict[str, int] = {w: _TRIGGER for w in _TRIGGER_CAPS}
_KIND_LOWER: dict[str, int] = {w: _PREFIX for w in _PREFIX_WORDS} | {w: _TRIGGER for w in _TRIGGER_LOWER}


def _kind(word: str) -> int:
    k = _KIND.get(word)
    if k is not None:
        return k
    c = word[0]
    if c.isdigit() or (c == "'" and word[1:2].isdigit()):
        return _TRIGGER
    if word.endswith(("'s", "'S")):
        word = word[:-2]
        k = _KIND.get(word)
        if k is not None:
            return k
    low = word.lower().strip("'")
    k = _KIND_LOWER.get(low)
    if k is not None:
        return k
    if low.startswith("fy") and low[2:].isdigit():
        return _TRIGGER
    return 0


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words`, with common prefixes factored (much faster than a flat list)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return emit(root)


# Where a word that matters (a trigger or a prefix word) may start: everything else is skipped by
# the regex engine instead of being looked at word by word in Python.
_CANDIDATE = re.compile(
    r"(?<![\w'])'*(?:\d|(?:" + _trie(sorted(_TRIGGER_CAPS)) + r")(?:'[sS])?'*(?![\w'])"
    r"|(?i:" + _trie(sorted(set(_KIND_LOWER))) + r")(?:'[sS])?'*(?![\w'])|(?i:fy)\d+(?![\w']))"
)


def recognise(text: str) -> list[Mention]:
    """All non-overlapping candidate mentions, left to right (the same as `recognise_full_scan`)."""
    out: list[Mention] = []
    pos = 0
    recent: list[tuple[int, int]] = []  # (start, end) of the prefix words just before
    kind_get, lower_get, word_at = _KIND.get, _KIND_LOWER.get, _WORD.match
    for c in _CANDIDATE.finditer(text):
        p = c.start()
        if p < pos:
            continue
        w = word_at(text, p)
        if w is None:  # pragma: no cover - a candidate always starts a word
            continue
        word = w.group()
        k = kind_get(word)
        if k is None:
            k = _TRIGGER if word[0].isdigit() else lower_get(word.lower())
            if k is None:
                k = _kind(word)
        if k != _TRIGGER:
            if k:
                recent.append((p, w.end()))
                if len(recent) > _MAX_PREFIX:
                    del recent[0]
            continue
        # Walk back over the run of prefix words directly before the trigger (any other word in
        # between shows up in the gap and ends the run).
        starts = [p]
        nxt = p
        for ps, pe in reversed(recent):
            gap = text[pe:nxt]
            if ps < pos or len(gap) > 3 or gap.strip(" \t\n-,") or gap.count("\n") > 1:
                break
            starts.append(ps)
            nxt = ps
        recent.clear()
        for q in reversed(starts):
            if q < pos:
                continue
            hit = _match_at(text, q)
            if hit is None:
                continue
            name, m = hit
            out.append(Mention(m.start(), m.end(), name, m))
            pos = m.end()
            if pos > p:
                break
        recent.append((p, w.end()))
    return out


def recognise_full_scan(text: str) -> list[Mention]:
    """Reference implementation of `recognise` (slower): the master pattern tried everywhere."""
    return [Mention(m.start(), m.end(), m.lastgroup or "", m) for m in MASTER.finditer(text)]
