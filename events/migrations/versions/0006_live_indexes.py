"""Partial indexes on live (not deleted) events, for the questions asked about *all* of them.

- `ix_events_live_span (start_day, end_day) WHERE deleted_at IS NULL`: the count and the density
  bins of the full view (no window), and the count of every live event, read this narrow index
  instead of every row (each row carries the event's JSON) or the wide window index. Its rows
  are only live events, so a soft delete or a merge takes an event out of it.
- `ix_events_live_kind (granularity, origin, status) WHERE deleted_at IS NULL`: `Store.facets`
  asks, for each of the few possible values, whether a live event has it: one index seek each.

(Revision 0002 noted that a partial index cannot cover the span-class branches in SQLite: those
keep `ix_events_window`; these serve the queries without a window.)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_events_live_span",
        "events",
        ["start_day", "end_day"],
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_index(
        "ix_events_live_kind",
        "events",
        ["granularity", "origin", "status"],
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )


def downgrade() -> None:
    op.drop_index("ix_events_live_kind", table_name="events")
    op.drop_index("ix_events_live_span", table_name="events")
