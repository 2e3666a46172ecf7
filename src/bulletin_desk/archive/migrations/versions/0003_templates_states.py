"""District templates, the submissions pool, issue states with their log, article layout hints.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

Frozen like every revision: it never imports the ORM classes (schema.py) or the model, so a later
change there cannot change what this step does. It

* creates ``district_templates`` and seeds it from the shipped defaults (every
  ``resources/templates/*.json`` in name order, read here with plain json — the set is data, the
  code names no district), so archives made before templates existed get them too;
* creates ``submissions`` (the 稿件库) and ``state_log``;
* adds ``issues.state`` (every existing issue becomes a draft: the archive never recorded a sign-off,
  and inventing one would lock issues an editor may still be working on);
* adds ``articles.page_break_before``, ``articles.keep_together`` (layout hints) and
  ``articles.char_count`` (字数, derived at save time so statistics are one SUM), backfilled here.

The backup before this step is made by migrate.py's caller (store.open_archive).
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _now() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _chars(*texts: str | None) -> int:
    return sum(1 for t in texts if t for ch in t if not ch.isspace())


def _default_templates() -> list[dict[str, object]]:
    from bulletin_desk import paths

    folder = Path(paths.resources_dir()) / "templates"
    found: list[dict[str, object]] = []
    seen: set[str] = set()
    for file in sorted(folder.glob("*.json")):
        doc = json.loads(file.read_text(encoding="utf-8-sig"))
        for t in doc.get("templates", []):
            unit = str(t.get("unit") or "").strip()
            if not unit or unit in seen:
                continue
            seen.add(unit)
            found.append(t)
    return found


def upgrade() -> None:
    op.create_table(
        "district_templates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("district", sa.Text, nullable=False),
        sa.Column("section", sa.Text, nullable=False),
        sa.Column("contact", sa.Text, nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("skeleton", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("unit", name="uq_district_templates_unit"),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("section", sa.Text, nullable=False),
        sa.Column("received", sa.String(10), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("origin_name", sa.Text),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("char_count", sa.Integer, nullable=False),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("issues.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("state IN ('pending', 'adopted', 'rejected')", name="ck_submissions_state"),
    )
    op.create_index("ix_submissions_received", "submissions", ["received"])
    op.create_index("ix_submissions_unit", "submissions", ["unit"])
    op.create_index("ix_submissions_issue", "submissions", ["issue_id"])
    op.create_table(
        "state_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("issues.id", ondelete="CASCADE"), nullable=False),
        sa.Column("from_state", sa.String(8), nullable=False),
        sa.Column("to_state", sa.String(8), nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("overridden", sa.Text, nullable=False),
    )
    op.create_index("ix_state_log_issue", "state_log", ["issue_id", "id"])
    # Plain ALTER TABLE … ADD COLUMN, never a batch "move and copy": rebuilding ``issues`` or ``articles``
    # drops the old table, and with foreign keys on that cascades into sections, articles and paragraphs.
    op.add_column("issues", sa.Column("state", sa.String(8), nullable=False, server_default="draft"))
    op.create_index("ix_issues_state_date", "issues", ["state", "issue_date"])
    op.add_column("articles", sa.Column("page_break_before", sa.Boolean, nullable=False, server_default="0"))
    op.add_column("articles", sa.Column("keep_together", sa.Boolean, nullable=False, server_default="0"))
    op.add_column("articles", sa.Column("char_count", sa.Integer, nullable=False, server_default="0"))

    bind = op.get_bind()
    counts: dict[int, int] = {}
    for article_id, title, note in bind.execute(sa.text("SELECT id, title, note FROM articles")):
        counts[article_id] = _chars(title, note)
    for article_id, lead, text in bind.execute(sa.text("SELECT article_id, lead, text FROM paragraphs")):
        counts[article_id] = counts.get(article_id, 0) + _chars(lead, text)
    if counts:
        bind.execute(sa.text("UPDATE articles SET char_count = :c WHERE id = :i"),
                     [{"c": c, "i": i} for i, c in counts.items()])

    stamp = _now()
    rows = [{"position": i, "unit": str(t["unit"]).strip(), "district": str(t.get("district") or ""),
             "section": str(t.get("section") or ""), "contact": str(t.get("contact") or ""),
             "phone": str(t.get("phone") or ""),
             "skeleton": json.dumps(t.get("skeleton") or [], ensure_ascii=False, separators=(",", ":")),
             "updated_at": stamp}
            for i, t in enumerate(_default_templates())]
    if rows:
        bind.execute(sa.text("INSERT INTO district_templates (position, unit, district, section, contact, phone, "
                             "skeleton, updated_at) VALUES (:position, :unit, :district, :section, :contact, "
                             ":phone, :skeleton, :updated_at)"), rows)


def downgrade() -> None:
    # SQLite ≥ 3.35 drops a column in place (a batch rebuild would cascade, see upgrade()).
    for column in ("char_count", "keep_together", "page_break_before"):
        op.drop_column("articles", column)
    op.drop_index("ix_issues_state_date", "issues")
    op.drop_column("issues", "state")
    op.drop_table("state_log")
    op.drop_table("submissions")
    op.drop_table("district_templates")
