"""`sort_day`: the start day, or a day after every date for unresolved events, indexed with end_day
and id, so "everything in date order, unresolved last" reads an index in order on SQLite and
PostgreSQL alike (an ORDER BY on `start_day IS NULL` cannot use one).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UNRESOLVED_SORT_DAY = 99_999_999  # later than date.max.toordinal() (3_652_059)


def upgrade() -> None:
    op.add_column("events", sa.Column("sort_day", sa.Integer, nullable=True))
    op.execute(f"UPDATE events SET sort_day = COALESCE(start_day, {UNRESOLVED_SORT_DAY})")
    op.create_index("ix_events_sort_day_end_day_id", "events", ["sort_day", "end_day", "id"])
    op.drop_index("ix_events_start_day_end_day_id", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_start_day_end_day_id", "events", ["start_day", "end_day", "id"])
    op.drop_index("ix_events_sort_day_end_day_id", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("sort_day")
