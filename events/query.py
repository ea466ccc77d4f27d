"""What a view asks the store for: a date window plus filters. A pure value, no database here.

The store turns an `EventQuery` into one indexed SQL query (`Store.query`, `Store.count`,
`Store.density`); the dashboard builds one from its controls, the CLI from its options.

Semantics, kept in one place so every back end agrees:

- `start`/`end` is a window of calendar days, both inclusive; an event is in it when its span
  *overlaps* the window (`event.start <= end and event.end >= start`). Either side may be open.
- Unresolved events (no place on the calendar) cannot overlap a window: a query with a window
  never returns them. Without a window they are returned when `include_unresolved` is true (the
  default) and sort after every dated event; `unresolved_only` asks for them alone (an index
  range, cheaper than paging past every dated event).
- `text` is a case-insensitive substring match on the title and the source sentences.
- List filters (`document_ids`, `actors`, `tags`, `granularities`, `origins`, `statuses`) match any
  of their values; an empty or missing list filters nothing. Different filters combine with AND.
- Deleted events (soft-deleted, or merged into another event) are left out unless
  `include_deleted` is true. No status is excluded by default (rejected events included).
- Results are ordered by start, then end, then id (stable pages with `limit`/`offset`).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator

from events.models import Granularity, Origin, Status


class EventQuery(BaseModel):
    """A window and filters over stored events. Immutable; derive variants with `model_copy`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: dt.date | None = Field(None, description="Window start (inclusive)")
    end: dt.date | None = Field(None, description="Window end (inclusive)")
    text: str | None = Field(None, description="Case-insensitive substring of title or sentence")
    document_ids: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    granularities: list[Granularity] = Field(default_factory=list)
    origins: list[Origin] = Field(default_factory=list)
    statuses: list[Status] = Field(default_factory=list)
    include_deleted: bool = False
    include_unresolved: bool = True
    unresolved_only: bool = Field(False, description="Only events with no place on the calendar")
    limit: int | None = Field(None, ge=0)
    offset: int = Field(0, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> EventQuery:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"window starts after it ends: {self.start} > {self.end}")
        if self.unresolved_only and (self.has_window or not self.include_unresolved):
            raise ValueError("unresolved_only cannot be combined with a window or include_unresolved=False")
        return self

    @property
    def has_window(self) -> bool:
        return self.start is not None or self.end is not None

    def window(self, start: dt.date | None, end: dt.date | None) -> EventQuery:
        """The same filters over another window (e.g. after a zoom)."""
        return self.model_copy(update={"start": start, "end": end})

    def page(self, limit: int | None, offset: int = 0) -> EventQuery:
        return self.model_copy(update={"limit": limit, "offset": offset})
