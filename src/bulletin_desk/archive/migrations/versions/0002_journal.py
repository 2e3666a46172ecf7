"""The autosave journal (one slot of unsaved edits, for crash recovery).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Frozen like every revision. Later steps (district templates, issue states) follow the same pattern:
new tables or ``op.batch_alter_table`` (SQLite rebuilds the table), never an edit of an old step.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("issues.id", ondelete="SET NULL")),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("saved_at", sa.String(32), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_journal_one_slot"),
    )


def downgrade() -> None:
    op.drop_table("journal")
