"""What the dashboard reads from the store for a view: the level of detail is decided here.

Only the visible window is queried. When it holds more events than `max_points`, the store bins
them (`Store.density`, one GROUP BY in the database) and the figure shows counts; zooming in
narrows the window until the events themselves come back.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Literal

from events.models import Event
from events.query import EventQuery
from events.store import Store
from timeline.view import View

UNDATED_SHOWN = 50


@dataclass(frozen=True)
class Snapshot:
    """The store's answer for one view: events to draw, or density bins, plus the undated."""

    kind: Literal["events", "density"]
    total: int
    events: list[Event] = field(default_factory=list)
    bins: list[Any] = field(default_factory=list)
    undated_total: int = 0
    undated: list[Event] = field(default_factory=list)


def dated_query(view: View) -> EventQuery:
    return EventQuery(**view.query_kwargs(), include_unresolved=False)


def all_query(view: View) -> EventQuery:
    """Every event the view's filters match, window or not (exports, the table without a window)."""
    return EventQuery(**view.query_kwargs(), include_unresolved=True)


class UndatedCache:
    """Undated events depend on the filters and the data, not on the window: remember them per
    (filters, revision) so zooming and panning cost no extra query. Bounded, per app."""

    def __init__(self, size: int = 32) -> None:
        self._items: OrderedDict[tuple[str, int], tuple[int, list[Event]]] = OrderedDict()
        self._size = size

    def get(self, store: Store, view: View, revision: int) -> tuple[int, list[Event]]:
        key = (view.with_window(None, None).model_copy(update={"eras": ()}).to_query_string(), revision)
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = undated(store, view)
        self._items[key] = value
        if len(self._items) > self._size:
            self._items.popitem(last=False)
        return value


def undated(store: Store, view: View) -> tuple[int, list[Event]]:
    # The store sorts unresolved events after every dated one, so they are the page that starts
    # where the dated events end.
    every = EventQuery(**view.query_kwargs(window=False), include_unresolved=True)
    n_all = store.count(every)
    n_dated = store.count(every.model_copy(update={"include_unresolved": False}))
    n = n_all - n_dated
    return n, (store.query(every.page(UNDATED_SHOWN, n_dated)) if n else [])


def snapshot(
    store: Store,
    view: View,
    *,
    max_points: int,
    bins: int,
    undated_of: tuple[int, list[Event]] = (0, []),
) -> Snapshot:
    q = dated_query(view)
    total = store.count(q)
    n_undated, undated_events = undated_of
    if total > max_points:
        return Snapshot(
            "density", total, bins=store.density(q, bins), undated_total=n_undated, undated=undated_events
        )
    return Snapshot(
        "events",
        total,
        events=store.query(q.page(max_points)),
        undated_total=n_undated,
        undated=undated_events,
    )


def table_events(store: Store, view: View, limit: int) -> tuple[list[Event], int]:
    """Rows for the table: the window's events (with the undated ones when there is no window)."""
    q = dated_query(view) if (view.start or view.end) else all_query(view)
    total = store.count(q)
    return store.query(q.page(limit)), total
