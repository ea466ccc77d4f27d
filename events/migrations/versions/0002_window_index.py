"""Covering index for window queries.

`Store` asks one range per span class: span_class = c, start_day in a range, end_day >= a, not
deleted. With (span_class, start_day, end_day, id, deleted_at) those branches are answered from
the index alone (count, density) or stop after a page (query). It replaces the narrower
(span_class, start_day) index. (A partial index WHERE deleted_at IS NULL is not covering in SQLite.)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_window", "events", ["span_class", "start_day", "end_day", "id", "deleted_at"])
    op.drop_index("ix_events_span_class_start_day", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_span_class_start_day", "events", ["span_class", "start_day"])
    op.drop_index("ix_events_window", table_name="events")
