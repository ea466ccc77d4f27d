"""Initial schema: documents, events, event sources, actors, tags and the audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("ingested_at", tz, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("start_day", sa.Integer),
        sa.Column("end_day", sa.Integer),
        sa.Column("span_class", sa.Integer),
        sa.Column("granularity", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("edtf", sa.Text, nullable=False),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("unresolved", sa.Boolean, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("document_id", sa.String(64)),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", tz),
        sa.Column("merged_into", sa.String(128)),
        sa.Column("created_at", tz, nullable=False),
        sa.Column("updated_at", tz, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_span_class_start_day", "events", ["span_class", "start_day"])
    op.create_index("ix_events_start_day_end_day_id", "events", ["start_day", "end_day", "id"])
    op.create_index("ix_events_end_day", "events", ["end_day"])
    op.create_index("ix_events_document_id", "events", ["document_id"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("date_text", sa.Text),
        sa.Column("date_start", sa.Integer),
        sa.Column("date_end", sa.Integer),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("quote", sa.Text),
        sa.PrimaryKeyConstraint("event_id", "position", name="pk_event_sources"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_sources_event_id_events", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_sources_document_id", "event_sources", ["document_id"])
    for name, col in (("event_actors", "actor"), ("event_tags", "tag")):
        op.create_table(
            name,
            sa.Column("event_id", sa.String(128), nullable=False),
            sa.Column(col, sa.String(300), nullable=False),
            sa.PrimaryKeyConstraint("event_id", col, name=f"pk_{name}"),
            sa.ForeignKeyConstraint(
                ["event_id"], ["events.id"], name=f"fk_{name}_event_id_events", ondelete="CASCADE"
            ),
        )
        op.create_index(f"ix_{name}_{col}", name, [col])
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("at", tz, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.PrimaryKeyConstraint("id", name="pk_changes"),
    )
    op.create_index("ix_changes_event_id", "changes", ["event_id"])


def downgrade() -> None:
    for name in ("changes", "event_tags", "event_actors", "event_sources", "events", "documents"):
        op.drop_table(name)
