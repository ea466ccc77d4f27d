"""`csv_row`: each event's CSV export line, written with the event (same UPDATE as its JSON), and
`csv_key`, the fingerprint of the row format it was made with (columns, `Event.to_row` source,
neutralisation rule). An export writes stored lines whose key is current and remakes the others
from the JSON, so a changed format is never served stale. Old rows start empty (remade on export).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("csv_row", sa.Text, nullable=True))
        batch.add_column(sa.Column("csv_key", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("csv_key")
        batch.drop_column("csv_row")
