"""What the dashboard reads from the store for a view: the level of detail is decided here.

Only the visible window is queried. When it holds more events than `max_points`, the store bins
them (`Store.density`, one GROUP BY in the database) and the figure shows counts; zooming in
narrows the window until the events themselves come back.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from events.models import Event
from events.query import EventQuery
from events.store import Store
from timeline.view import View

UNDATED_SHOWN = 50
T = TypeVar("T")


@dataclass(frozen=True)
class Snapshot:
    """The store's answer for one view: events to draw, or density bins, plus the undated."""

    kind: Literal["events", "density"]
    total: int
    events: list[Event] = field(default_factory=list)
    bins: list[Any] = field(default_factory=list)
    undated_total: int = 0
    undated: list[Event] = field(default_factory=list)
    coarse_hidden: int = 0  # coarse spans in the window left out so the precise events show


# Dates precise enough to be told apart when zoomed in. Year-, decade- and century-long spans
# overlap every window inside them, so at scale they alone would keep a zoomed view binned.
FINE = ("time", "day", "week", "month")


def dated_query(view: View) -> EventQuery:
    return EventQuery(**view.query_kwargs(), include_unresolved=False)


def all_query(view: View) -> EventQuery:
    """Every event the view's filters match, window or not (exports, the table without a window)."""
    return EventQuery(**view.query_kwargs(), include_unresolved=True)


class ViewCache:
    """Answers per view, reused until the data changes: a page load, a reset to the full view or a
    pan back to a window already seen costs no query. Per app (made in `create_app`), bounded.

    Writes made through this app call `bump()`; writes from elsewhere (a CLI ingest into the same
    database) show up within `ttl` seconds.
    """

    def __init__(self, size: int = 64, ttl: float = 60.0) -> None:
        self._items: OrderedDict[tuple[Any, ...], tuple[float, Any]] = OrderedDict()
        self._size = size
        self._ttl = ttl
        # Callbacks run on the server's threads; the lock guards the dict, not the (slow) queries.
        self._lock = threading.Lock()
        self.version = 0

    def bump(self) -> None:
        with self._lock:
            self.version += 1
            self._items.clear()

    def get(self, key: tuple[Any, ...], compute: Callable[[], T], ttl: float | None = None) -> T:
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and now - hit[0] < (self._ttl if ttl is None else ttl):
                self._items.move_to_end(key)
                return hit[1]  # type: ignore[no-any-return]
            version = self.version
        value = compute()
        with self._lock:
            if version == self.version:  # a write meanwhile makes this answer stale: do not keep it
                self._items[key] = (now, value)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return value


def view_key(view: View, *, window: bool = True) -> str:
    """The part of a view that changes what the store returns (not eras, lanes or colours)."""
    plain = view.model_copy(update={"eras": (), "lanes": "none", "colour": "status"})
    return (plain if window else plain.with_window(None, None)).to_query_string()


@dataclass(frozen=True)
class Undated:
    """The view's filters without a window: how many events are dated, and the undated ones."""

    n_dated: int = 0
    total: int = 0
    events: list[Event] = field(default_factory=list)


def undated(store: Store, view: View) -> Undated:
    # Undated events are their own index range (sort_day), so they are asked for directly, not
    # as the page after every dated event; the dated count reads the live-span index.
    base = view.query_kwargs(window=False)
    n_dated = store.count(EventQuery(**base, include_unresolved=False))
    only = EventQuery(**base, unresolved_only=True)
    n = store.count(only)
    return Undated(n_dated, n, store.query(only.page(UNDATED_SHOWN)) if n else [])


def snapshot(
    store: Store, view: View, *, max_points: int, bins: int, undated_of: Undated | None = None
) -> Snapshot:
    q = dated_query(view)
    und = undated_of or Undated()
    # Without a window the dated count is the one `undated` already made: do not count twice.
    total = und.n_dated if (undated_of is not None and not q.has_window) else store.count(q)
    if total > max_points and q.has_window and not q.granularities:
        fine = q.model_copy(update={"granularities": list(FINE)})
        # Only "at most max_points?" matters here: the count stops after max_points + 1 events
        # (a granularity filter reads rows, and a year at 1M holds ~25k fine events).
        n_fine = store.count(fine, at_most=max_points + 1)
        if 0 < n_fine <= max_points:
            return Snapshot(
                "events",
                n_fine,
                events=store.query(fine.page(max_points)),
                undated_total=und.total,
                undated=und.events,
                coarse_hidden=total - n_fine,
            )
    if total > max_points:
        return Snapshot(
            "density", total, bins=store.density(q, bins), undated_total=und.total, undated=und.events
        )
    return Snapshot(
        "events", total, events=store.query(q.page(max_points)), undated_total=und.total, undated=und.events
    )


def table_events(
    store: Store, view: View, limit: int, undated_of: Undated | None = None
) -> tuple[list[Event], int]:
    """Rows for the table: the window's events (with the undated ones when there is no window)."""
    windowed = bool(view.start or view.end)
    q = dated_query(view) if windowed else all_query(view)
    if undated_of is not None and not windowed:
        total = undated_of.n_dated + undated_of.total
    else:
        total = store.count(q)
    return store.query(q.page(limit)), total
