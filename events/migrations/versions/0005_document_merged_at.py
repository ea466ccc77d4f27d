"""`documents.merged_at`: when the document's events last went through the cross-article merge
(`events.dedupe`); NULL while they have not. An ingest run with merging on merges the events of
every document still NULL, so a run interrupted between its writes and its merge is finished by
the next one. Documents stored before this revision count as merged at their ingest time: the
upgrade does not start a pass over a whole store (`timeline dedupe` runs one on demand).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("merged_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE documents SET merged_at = ingested_at")
    op.create_index("ix_documents_merged_at", "documents", ["merged_at"])


def downgrade() -> None:
    op.drop_index("ix_documents_merged_at", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("merged_at")
