"""`facet_counts (kind, value, live_count)`: how many live events carry each filter value, so
`Store.facets` reads a small table instead of probing every distinct value (3.1 s on SQLite and
5.9 s on PostgreSQL at 1M events, bench/README.md "Store").

Kinds: documents (each document id cited by an event's sources, counted once per event), actors,
tags, granularities, origins, statuses. Empty values are not counted (a manual event cites the
document ""). Every write keeps the table in step in its own transaction (events/store/facets.py);
the upgrade fills it from the events stored so far, in one INSERT ... SELECT.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

LIVE = "e.deleted_at IS NULL"

BACKFILL = f"""
INSERT INTO facet_counts (kind, value, live_count)
SELECT 'documents', s.document_id, COUNT(DISTINCT s.event_id)
  FROM event_sources s JOIN events e ON e.id = s.event_id
 WHERE {LIVE} AND s.document_id <> '' GROUP BY s.document_id
UNION ALL
SELECT 'actors', a.actor, COUNT(*)
  FROM event_actors a JOIN events e ON e.id = a.event_id
 WHERE {LIVE} AND a.actor <> '' GROUP BY a.actor
UNION ALL
SELECT 'tags', g.tag, COUNT(*)
  FROM event_tags g JOIN events e ON e.id = g.event_id
 WHERE {LIVE} AND g.tag <> '' GROUP BY g.tag
UNION ALL
SELECT 'granularities', e.granularity, COUNT(*) FROM events e
 WHERE {LIVE} AND e.granularity <> '' GROUP BY e.granularity
UNION ALL
SELECT 'origins', e.origin, COUNT(*) FROM events e
 WHERE {LIVE} AND e.origin <> '' GROUP BY e.origin
UNION ALL
SELECT 'statuses', e.status, COUNT(*) FROM events e
 WHERE {LIVE} AND e.status <> '' GROUP BY e.status
"""


def upgrade() -> None:
    op.create_table(
        "facet_counts",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("live_count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("kind", "value", name="pk_facet_counts"),
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_table("facet_counts")
