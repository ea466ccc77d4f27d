"""The tables. Filterable and sortable fields are real, indexed columns; the full event JSON is kept
alongside (`events.data`) so a stored event round-trips losslessly.

Window queries: an event overlaps [a, b] when `start_day <= b and end_day >= a`. One B-tree on
`start_day` alone scans everything before `b`; so every event also carries `span_class`, the
number of bits of its length in days (0 for a one-day event, 1 for two days, 2 for 3-4 days ...).
Within a class the length is bounded by 2**class - 1 days, so the query becomes, per class present,
`span_class = c and start_day between a - (2**c - 1) and b`: a tight range scan on the composite
index (span_class, start_day, end_day, id, deleted_at), which covers the test, however long the
longest event is.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

UNRESOLVED_SORT_DAY = 99_999_999  # later than date.max.toordinal() (3_652_059)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # When its events last went through the cross-article merge; NULL: not yet (events.dedupe).
    Column("merged_at", DateTime(timezone=True)),
    Index("ix_documents_merged_at", "merged_at"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("title", Text, nullable=False),
    Column("start", Date),
    Column("end", Date),
    Column("start_day", Integer),  # date.toordinal(): dialect-neutral arithmetic for windows/bins
    Column("end_day", Integer),
    Column("span_class", Integer),  # see module docstring; NULL when unresolved
    Column("sort_day", Integer),  # start_day, or UNRESOLVED_SORT_DAY: date order, unresolved last
    Column("granularity", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("edtf", Text, nullable=False),
    Column("approximate", Boolean, nullable=False),
    Column("unresolved", Boolean, nullable=False),
    Column("origin", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("document_id", String(64)),  # the first source's document, for quick display
    Column("search_text", Text, nullable=False),  # lower-cased title + sentences, for `text`
    Column("version", Integer, nullable=False),
    Column("deleted_at", DateTime(timezone=True)),
    Column("merged_into", String(128)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("data", JSON, nullable=False),  # Event.model_dump(mode="json"): the lossless record
    Column("csv_row", Text),  # the event's CSV export line (events.io.csv.csv_line), kept in step
    Column("csv_key", String(32)),  # events.io.csv.ROW_KEY it was made with; other keys are remade
    Index("ix_events_window", "span_class", "start_day", "end_day", "id", "deleted_at"),  # covering
    Index("ix_events_sort_day_end_day_id", "sort_day", "end_day", "id"),
    Index("ix_events_end_day", "end_day"),
    Index("ix_events_document_id", "document_id"),
    Index("ix_events_status", "status"),
    # Live events only (migration 0006): counts and bins without a window (and facets.exact_facets).
    Index(
        "ix_events_live_span",
        "start_day",
        "end_day",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
    Index(
        "ix_events_live_kind",
        "granularity",
        "origin",
        "status",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
)

event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", String(128), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    # Not a foreign key: manual and imported events may cite documents this store never saw.
    Column("document_id", String(64), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("date_text", Text),
    Column("date_start", Integer),
    Column("date_end", Integer),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("quote", Text),
    Index("ix_event_sources_document_id", "document_id"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(128), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor", String(300), primary_key=True),
    Index("ix_event_actors_actor", "actor"),
)

event_tags = Table(
    "event_tags",
    metadata,
    Column("event_id", String(128), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", String(300), primary_key=True),
    Index("ix_event_tags_tag", "tag"),
)

# How many live events carry each filter value (Store.facets): kind is a facet name
# ("documents", "actors", "tags", "granularities", "origins", "statuses"). Kept in step by every
# write, in the same transaction (events/store/facets.py); a row whose count reaches 0 is deleted.
facet_counts = Table(
    "facet_counts",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("value", Text, primary_key=True),
    Column("live_count", Integer, nullable=False),
)

# The audit trail: never updated, never deleted (no foreign key, so it outlives anything).
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(128), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", Text),
    Column("action", String(32), nullable=False),
    Column("before", JSON),
    Column("after", JSON),
    Index("ix_changes_event_id", "event_id"),
)
