"""Cross-article merging applied to the store: `events.merge` over stored events, written back.

`plan(events)` is pure: it runs `events.merge.merge` and says which stored events become one
(the group's lead first, the event `merge` keeps) and which get a conflict note. `apply` writes a
plan through the store, as the actor `AUTO_MERGE`, each group with `Store.merge_events` (the
others are marked merged into the lead, hidden and recoverable, with audit history) and each
note with `Store.update_event`, both refused when the event changed since it was read (a person
edits while we merge: their edit wins, the group is skipped).

What is never touched: manual events, events not in review, and events a person changed in any
way (`Store.mergeable_events` reads the audit trail), so a person's decision is never undone.

Two passes use this:
- `merge_pending` after an ingest run: the documents not yet merged (`documents.merged_at` is
  NULL: this run's, and those of a run interrupted before its merge) and, from the store, the
  mergeable events overlapping the years of their events, one year either side so a date
  disagreement across a new year is still seen. Bounded by those years, not the whole store.
- `merge_all` (`timeline dedupe`): every mergeable event in the store.
Both are idempotent: `merge` of a merged result finds nothing more to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from events.errors import ConflictError, InputError, NotFoundError
from events.merge import merge
from events.models import Event, Source
from events.store import Store

AUTO_MERGE = "auto-merge"
# Years looked at on each side of a new event's years: conflicts ("5 January 2020" against
# "2 January 2021") need the neighbouring year, merges only the overlapping ones.
YEARS_AROUND = 1


@dataclass(frozen=True)
class Plan:
    """Groups of event ids that are one event (lead first), and conflict notes by event id."""

    groups: list[list[str]] = field(default_factory=list)
    conflicts: dict[str, str] = field(default_factory=dict)


@dataclass
class MergeReport:
    """What a merge pass did."""

    candidates: int = 0
    groups: int = 0
    merged_away: int = 0
    conflicts: int = 0
    skipped: list[str] = field(default_factory=list)  # groups or notes refused (changed meanwhile)

    def summary(self) -> str:
        parts = [
            f"{self.merged_away} report{'s' * (self.merged_away != 1)} merged into {self.groups} "
            f"event{'s' * (self.groups != 1)}",
            f"{self.conflicts} conflict{'s' * (self.conflicts != 1)} flagged",
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped (changed meanwhile)")
        return ", ".join(parts)


def plan(events: list[Event]) -> Plan:
    """Which of `events` merge, and which get a (new) conflict note. Pure."""
    out = merge(events)
    # Every source of an input event ends in exactly one output event (merge unions sources).
    owner = {s.model_dump_json(): i for i, o in enumerate(out) for s in o.sources}
    members: dict[int, list[Event]] = {}
    for ev in events:
        if ev.sources:
            members.setdefault(owner[ev.sources[0].model_dump_json()], []).append(ev)
    groups = []
    for i, group in members.items():
        if len(group) > 1:
            lead = out[i].id
            groups.append([lead, *sorted(e.id for e in group if e.id != lead)])
    groups.sort()
    before = {e.id: e.conflict for e in events}
    conflicts = {
        o.id: o.conflict for o in out if o.conflict and o.id in before and o.conflict != before[o.id]
    }
    return Plan(groups, conflicts)


def apply(
    store: Store, the_plan: Plan, events: list[Event], report: MergeReport | None = None
) -> MergeReport:
    """Write `the_plan` (made from `events`, as read) through the store as `AUTO_MERGE`."""
    report = report or MergeReport()
    versions = {e.id: e.version for e in events}
    for group in the_plan.groups:
        try:
            survivor = store.merge_events(group, actor=AUTO_MERGE, versions={i: versions[i] for i in group})
        except (ConflictError, InputError, NotFoundError):
            report.skipped.append(",".join(group))
            continue
        ordered = canonical_sources(survivor)
        if ordered != survivor.sources:
            # The same sources in the same order whichever article came first: the survivor's
            # own sentence first (its title and date came from it), the others sorted.
            survivor = store.update_event(
                survivor.id, survivor.version, {"sources": ordered}, actor=AUTO_MERGE
            )
        versions[survivor.id] = survivor.version
        report.groups += 1
        report.merged_away += len(group) - 1
    for event_id, note in sorted(the_plan.conflicts.items()):
        try:
            store.update_event(event_id, versions[event_id], {"conflict": note}, actor=AUTO_MERGE)
        except (ConflictError, InputError, NotFoundError):
            report.skipped.append(event_id)
            continue
        report.conflicts += 1
    return report


def canonical_sources(ev: Event) -> list[Source]:
    """`ev`'s first source, then the others by document, position and sentence."""
    if len(ev.sources) < 2:
        return list(ev.sources)
    rest = sorted(
        ev.sources[1:],
        key=lambda s: (s.document_id, s.sentence_start, s.date_start or -1, s.model_dump_json()),
    )
    return [ev.sources[0], *rest]


def year_windows(
    spans: Iterable[tuple[dt.date, dt.date]], around: int = YEARS_AROUND
) -> list[tuple[dt.date, dt.date]]:
    """The years the spans touch, widened by `around` on each side, as few whole-year windows."""
    years: set[int] = set()
    for start, end in spans:
        years.update(range(max(1, start.year - around), min(9999, end.year + around) + 1))
    windows: list[tuple[dt.date, dt.date]] = []
    for y in sorted(years):
        if windows and windows[-1][1].year == y - 1:
            windows[-1] = (windows[-1][0], dt.date(y, 12, 31))
        else:
            windows.append((dt.date(y, 1, 1), dt.date(y, 12, 31)))
    return windows


def _run(store: Store, windows: list[tuple[dt.date, dt.date]] | None) -> MergeReport:
    events = store.mergeable_events(windows, machine=AUTO_MERGE)
    report = MergeReport(candidates=len(events))
    return apply(store, plan(events), events, report)


def merge_pending(store: Store) -> MergeReport:
    """Merge the events of the documents not merged yet with the stored events around them."""
    doc_ids, spans = store.unmerged_documents()
    if not doc_ids:
        return MergeReport()
    windows = year_windows(spans)
    report = _run(store, windows) if windows else MergeReport()
    store.mark_merged(doc_ids)
    return report


def merge_all(store: Store) -> MergeReport:
    """Merge across the whole store (every mergeable event), then mark every document merged."""
    report = _run(store, None)
    store.mark_merged()
    return report
