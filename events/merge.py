"""The same event reported by several articles -> one Event with several Sources.

Two events from different documents are the same event when their titles are alike, they share
an actor (when both name any), and their time spans are compatible: equal, or one inside the
other, in which case the finer one wins ("2011" + "December 2011" -> December 2011). Alike events
whose dates cannot both be true, and that name a common actor, are kept apart and each is flagged
in `conflict`, naming the other: dates are never averaged.

`merge` is pure, idempotent and independent of the input order: events are processed in a
canonical order and merged greedily until nothing more merges, so merging the result again finds
nothing to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from events.models import GRANULARITY_RANK, Event, Source, TimeSpan

# Title likeness (0-100) above which two reports may be the same event, and the stricter bar
# above which a date disagreement is worth flagging as a conflict.
SAME_TITLE = 72.0
CONFLICT_TITLE = 85.0
SAME_ACTOR = 90.0
# Share of content words two titles must have in common (Jaccard) to be the same event.
SAME_WORDS = 0.5
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def merge(events: list[Event]) -> list[Event]:
    """Merge reports of the same event; flag alike events with incompatible dates."""
    current = sorted(events, key=_canonical)
    while True:
        merged = _merge_round(current)
        if len(merged) == len(current):
            break
        current = sorted(merged, key=_canonical)
    return sorted(_flag_conflicts(current), key=_output_order)


def _merge_round(events: list[Event]) -> list[Event]:
    clusters: list[list[Event]] = []
    spans: list[TimeSpan] = []
    docs: list[set[str]] = []
    # Blocking: a compatible span overlaps, so a cluster is only looked up under the years its
    # first report covers (its span only narrows inside that), or under its unresolved value.
    index: dict[object, list[int]] = {}
    # and under its first report's content words: alike titles share some.
    by_word: dict[str, set[int]] = {}
    for e in events:
        words = content_words(e.title.lower())
        sharing = set().union(*(by_word.get(w, set()) for w in words)) if words else set()
        for i in (i for i in _candidates(index, e.when) if i in sharing):
            if (
                compatible(spans[i], e.when)
                and not _documents(e) & docs[i]
                and all(alike(m, e) for m in clusters[i])
            ):
                clusters[i].append(e)
                spans[i] = finer(spans[i], e.when)
                docs[i] |= _documents(e)
                break
        else:
            clusters.append([e])
            spans.append(e.when)
            docs.append(_documents(e))
            for key in _keys(e.when):
                index.setdefault(key, []).append(len(clusters) - 1)
            for w in words:
                by_word.setdefault(w, set()).add(len(clusters) - 1)
    return [members[0] if len(members) == 1 else _combine(members) for members in clusters]


_WIDE = "wide"  # spans longer than this many years are kept in one list
_WIDE_YEARS = 30


def _keys(span: TimeSpan) -> list[object]:
    if span.unresolved or span.start is None or span.end is None:
        return [("unresolved", span.value)]
    if span.end.year - span.start.year > _WIDE_YEARS:
        return [_WIDE]
    return list(range(span.start.year, span.end.year + 1))


def _candidates(index: dict[object, list[int]], span: TimeSpan) -> list[int]:
    """Clusters that may hold a span compatible with `span`, oldest first."""
    if span.unresolved or span.start is None or span.end is None:
        return index.get(("unresolved", span.value), [])
    if span.end.year - span.start.year > _WIDE_YEARS:
        found = {i for key, ids in index.items() if not isinstance(key, tuple) for i in ids}
    else:
        found = {i for y in range(span.start.year, span.end.year + 1) for i in index.get(y, [])}
        found |= set(index.get(_WIDE, []))
    return sorted(found)


def compatible(a: TimeSpan, b: TimeSpan) -> bool:
    """Both can be true of one event: equal, or one contains the other. Unresolved spans are
    compatible only with the same unresolved value (we know nothing else about them)."""
    if a.unresolved or b.unresolved:
        return a.unresolved and b.unresolved and a.value == b.value
    return a.contains(b) or b.contains(a)


def finer(a: TimeSpan, b: TimeSpan) -> TimeSpan:
    """Of two compatible spans, the more precise: the one inside the other, then the finer
    granularity, then the exact (not approximate) one."""
    if a == b:
        return a

    def key(s: TimeSpan) -> tuple[int, int, int, str]:
        width = (s.end - s.start).days if s.start and s.end else 10**9
        return (-width, GRANULARITY_RANK.get(s.granularity, 0), not s.approximate, s.value)

    return max((a, b), key=key)


def alike(a: Event, b: Event, bar: float = SAME_TITLE) -> bool:
    """Titles alike, the same numbers where both give some, and, when both name actors, at least
    one actor in common."""
    ta, tb = a.title.lower(), b.title.lower()
    # Cheap tests first: most pairs share too few content words to be one event.
    wa, wb = content_words(ta), content_words(tb)
    if not wa or not wb or len(wa & wb) / len(wa | wb) < SAME_WORDS:
        return False  # "Third-quarter sales dropped" / "Third-quarter loan originations dropped"
    na, nb = set(_NUMBER.findall(ta)), set(_NUMBER.findall(tb))
    if na and nb and na != nb:
        return False  # "sold 13.7 million Macs" and "sold 21 million iPods" are two facts
    score = (fuzz.token_set_ratio(ta, tb) + fuzz.token_sort_ratio(ta, tb)) / 2
    if score < bar:
        return False
    if a.actors and b.actors:
        return any(fuzz.ratio(x.lower(), y.lower()) >= SAME_ACTOR for x in a.actors for y in b.actors)
    return True


_WORD = re.compile(r"[\w$.'’-]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "their",
        "his",
        "her",
        "it",
        "they",
        "he",
        "she",
        "this",
        "that",
        "which",
        "who",
        "will",
        "would",
        "said",
        "says",
    ]
)


@lru_cache(maxsize=65536)
def content_words(title: str) -> frozenset[str]:
    """A title's content words, crudely stemmed ("troops" ~ "troop", "unveiled" ~ "unveil")."""
    out = set()
    for w in _WORD.findall(title.lower()):
        w = w.strip(".'’-")
        if (len(w) < 2 and not w.isdigit()) or w in _STOP:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(w) > len(suffix) + 2 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


def _combine(members: list[Event]) -> Event:
    """One event from several reports: the most precise report leads (its id, title, date)."""
    span = members[0].when
    for m in members[1:]:
        span = finer(span, m.when)
    lead = min(members, key=lambda m: (m.when != span, -m.confidence, m.id))
    return lead.model_copy(
        update={
            "when": span,
            "sources": _sources(s for m in members for s in m.sources),
            "actors": _union(m.actors for m in members),
            "tags": _union(m.tags for m in members),
            "confidence": max(m.confidence for m in members),
            "conflict": next((m.conflict for m in members if m.conflict), None),
        }
    )


def _flag_conflicts(events: list[Event]) -> list[Event]:
    """Alike reports with dates that cannot both hold. A conflict is a strong claim, so both
    must name a common actor, which also keeps this from comparing every pair."""
    by_actor: dict[str, set[int]] = {}
    for i, e in enumerate(events):
        for name in e.actors:
            by_actor.setdefault(name.lower(), set()).add(i)
    notes: dict[int, list[str]] = {}
    pairs = {(i, j) for ids in by_actor.values() for i in ids for j in ids if i < j}
    for i, j in sorted(pairs):
        a, b = events[i], events[j]
        if _documents(a) & _documents(b) or a.when.unresolved or b.when.unresolved:
            continue
        if not (_written_date(a) and _written_date(b)):
            continue  # a date taken from publication is no claim about when it happened
        if compatible(a.when, b.when) or not alike(a, b, CONFLICT_TITLE):
            continue
        notes.setdefault(i, []).append(f"{b.id} dates it {_label(b.when)}")
        notes.setdefault(j, []).append(f"{a.id} dates it {_label(a.when)}")
    out = list(events)
    for i, reasons in notes.items():
        out[i] = events[i].model_copy(update={"conflict": "date disagrees: " + "; ".join(sorted(reasons))})
    return out


def _written_date(e: Event) -> bool:
    """Dated by a date written in a source sentence (or by hand), not by a fallback."""
    return e.origin == "manual" or any(s.date_text for s in e.sources)


def _label(span: TimeSpan) -> str:
    return span.edtf or span.value


def _documents(e: Event) -> set[str]:
    return {s.document_id for s in e.sources}


def _sources(sources: Iterable[Source]) -> list[Source]:
    unique = {s.model_dump_json(): s for s in sources}
    return sorted(
        unique.values(), key=lambda s: (s.document_id, s.sentence_start, s.date_start or -1, s.sentence)
    )


def _union(lists: Iterable[list[str]]) -> list[str]:
    out: list[str] = []
    for names in lists:
        out.extend(n for n in names if n not in out)
    return out


def _canonical(e: Event) -> tuple[object, ...]:
    # Finest, most confident reports first, so each cluster is led by its most precise report.
    w = e.when
    width = (w.end - w.start).days if w.start and w.end else 10**9
    return (width, -GRANULARITY_RANK.get(w.granularity, 0), -e.confidence, e.id, e.model_dump_json())


def _output_order(e: Event) -> tuple[object, ...]:
    w = e.when
    return (w.start is None, w.start or 0, w.end or 0, e.title, e.id, e.model_dump_json())
