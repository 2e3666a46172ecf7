"""The first archive schema: issues as rows (sections, articles, paragraphs), revisions, meta.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Frozen: this file describes the schema as it was at revision 0001 and never changes; later
revisions add to it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issues",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("series", sa.Text, nullable=False),
        sa.Column("year", sa.Integer),
        sa.Column("number", sa.Integer),
        sa.Column("total_number", sa.Integer),
        sa.Column("supplement", sa.Boolean, nullable=False),
        sa.Column("issue_date", sa.String(10)),
        sa.Column("office", sa.Text, nullable=False),
        sa.Column("classification", sa.Text),
        sa.Column("copies", sa.Integer),
        sa.Column("editor", sa.Text),
        sa.Column("reviewer", sa.Text),
        sa.Column("approver", sa.Text),
        sa.Column("phone", sa.Text),
        sa.Column("fax", sa.Text),
        sa.Column("email", sa.Text),
        sa.Column("report_to", sa.Text),
        sa.Column("send_to", sa.Text),
        sa.Column("issue_to", sa.Text),
        sa.Column("cc", sa.Text),
        sa.Column("first_title", sa.Text, nullable=False),
        sa.Column("char_count", sa.Integer, nullable=False),
        sa.Column("is_sample", sa.Boolean, nullable=False),
        sa.Column("trashed_at", sa.String(32)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_issues_numbering", "issues", ["series", "year", "supplement", "number"])
    op.create_index("ix_issues_updated", "issues", ["updated_at"])
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("issues.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("heading", sa.Text, nullable=False),
    )
    op.create_index("ix_sections_issue", "sections", ["issue_id", "position"])
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("issues.id", ondelete="CASCADE"), nullable=False),
        sa.Column("section_id", sa.Integer, sa.ForeignKey("sections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("source", sa.Text),
    )
    op.create_index("ix_articles_issue", "articles", ["issue_id"])
    op.create_index("ix_articles_section", "articles", ["section_id", "position"])
    op.create_index("ix_articles_source", "articles", ["source"])
    op.create_table(
        "paragraphs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("issues.id", ondelete="CASCADE"), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("lead", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_paragraphs_issue", "paragraphs", ["issue_id"])
    op.create_index("ix_paragraphs_article", "paragraphs", ["article_id", "position"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("issues.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.String(32), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("first_title", sa.Text, nullable=False),
        sa.Column("char_count", sa.Integer, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.UniqueConstraint("issue_id", "seq", name="uq_revisions_issue_seq"),
    )
    op.create_table(
        "archive_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("archive_meta", "revisions", "paragraphs", "articles", "sections", "issues"):
        op.drop_table(table)
