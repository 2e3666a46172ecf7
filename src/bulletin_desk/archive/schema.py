"""The archive's tables as typed SQLAlchemy 2 models.

An issue is rows, not one JSON blob: the issue row holds the masthead, 版记 and distribution (one
value each), and sections, articles and paragraphs are child rows ordered by ``position`` — so search,
statistics by source unit and numbering are plain queries. A few derived columns (``year``,
``first_title``, ``char_count``) are written at save time so that listing 10,000 issues never joins.
Revisions keep the canonical bulletin-desk/1 text of each superseded version: they are snapshots to
restore, never queried inside.

Migrations under ``migrations/versions`` are frozen copies of each step and never import these
classes; ``HEAD_REVISION`` names the newest step so opening an archive can tell, without importing
Alembic, whether an upgrade is due (tests check it equals Alembic's head).
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bulletin_desk.archive.sqlite_file import HEAD_REVISION


class Base(DeclarativeBase):
    pass


class IssueRow(Base):
    __tablename__ = "issues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(Text, default="")  # masthead title: numbering belongs to it
    year: Mapped[int | None] = mapped_column(Integer)  # from issue_date; 第N期 restarts each year
    number: Mapped[int | None] = mapped_column(Integer)
    total_number: Mapped[int | None] = mapped_column(Integer)
    supplement: Mapped[bool] = mapped_column(Boolean, default=False)
    issue_date: Mapped[str | None] = mapped_column(String(10))  # ISO YYYY-MM-DD
    office: Mapped[str] = mapped_column(Text, default="")
    classification: Mapped[str | None] = mapped_column(Text)
    copies: Mapped[int | None] = mapped_column(Integer)
    editor: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(Text)
    approver: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    fax: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    report_to: Mapped[str | None] = mapped_column(Text)
    send_to: Mapped[str | None] = mapped_column(Text)
    issue_to: Mapped[str | None] = mapped_column(Text)
    cc: Mapped[str | None] = mapped_column(Text)
    first_title: Mapped[str] = mapped_column(Text, default="")
    char_count: Mapped[int] = mapped_column(Integer, default=0)
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    trashed_at: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    # 0003: draft / review / signed (草稿/待核/已签发); a signed issue is read-only (states.py)
    state: Mapped[str] = mapped_column(String(8), default="draft", server_default="draft")

    __table_args__ = (
        Index("ix_issues_numbering", "series", "year", "supplement", "number"),
        Index("ix_issues_updated", "updated_at"),
        Index("ix_issues_state_date", "state", "issue_date"),  # statistics: signed issues of a period
    )


class SectionRow(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_sections_issue", "issue_id", "position"),)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="CASCADE"))
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    # 0003: archive-only layout hints (not in bulletin-desk/1) and the derived 字数 statistics sum
    page_break_before: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    keep_together: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    char_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (
        Index("ix_articles_issue", "issue_id"),
        Index("ix_articles_section", "section_id", "position"),
        Index("ix_articles_source", "source"),
    )


class ParagraphRow(Base):
    __tablename__ = "paragraphs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8), default="body")
    lead: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_paragraphs_issue", "issue_id"),
        Index("ix_paragraphs_article", "article_id", "position"),
    )


class RevisionRow(Base):
    """A superseded version of an issue, kept on every save."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, … per issue: what `revisions --restore N` names
    version: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(Text, default="")
    first_title: Mapped[str] = mapped_column(Text, default="")
    char_count: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = mapped_column(Text)  # canonical bulletin-desk/1

    __table_args__ = (UniqueConstraint("issue_id", "seq", name="uq_revisions_issue_seq"),)


class MetaRow(Base):
    """Small facts about the archive file itself (who created it, when)."""

    __tablename__ = "archive_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class JournalRow(Base):
    """The autosave journal: the GUI parks unsaved edits here (one slot), cleared on save.

    Added by revision 0002. ``issue_id`` is None for an issue never saved; it is set to NULL if
    that issue is deleted, so the unsaved text is never lost with it.
    """

    __tablename__ = "journal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issues.id", ondelete="SET NULL"))
    content: Mapped[str] = mapped_column(Text)  # bulletin-desk/1 text, as the GUI wrote it
    saved_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (CheckConstraint("id = 1", name="ck_journal_one_slot"),)


class DistrictTemplateRow(Base):
    """A district template (0003). The skeleton is a JSON array of bulletin-desk/1 paragraphs: a
    template is always read and written whole and never queried inside, so child rows would buy nothing."""

    __tablename__ = "district_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # the order editors arranged (and files list) them in
    unit: Mapped[str] = mapped_column(Text)
    district: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    skeleton: Mapped[str] = mapped_column(Text, default="[]")
    updated_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (UniqueConstraint("unit", name="uq_district_templates_unit"),)


class SubmissionRow(Base):
    """A received article in the 稿件库 (0003); see archive/submissions.py for why content is one JSON value."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text, default="")
    received: Mapped[str] = mapped_column(String(10))  # ISO date
    state: Mapped[str] = mapped_column(String(8), default="pending")
    origin: Mapped[str] = mapped_column(String(8), default="typed")  # text / html / docx / typed
    origin_name: Mapped[str | None] = mapped_column(Text)  # the file it came from
    title: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text)  # the article as compact bulletin-desk/1 JSON
    char_count: Mapped[int] = mapped_column(Integer, default=0)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issues.id", ondelete="SET NULL"))
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (
        CheckConstraint("state IN ('pending', 'adopted', 'rejected')", name="ck_submissions_state"),
        Index("ix_submissions_received", "received"),
        Index("ix_submissions_unit", "unit"),
        Index("ix_submissions_issue", "issue_id"),
    )


class StateLogRow(Base):
    """One change of an issue's state (0003): who, when, why, and which sign-off checks were overridden."""

    __tablename__ = "state_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="CASCADE"))
    from_state: Mapped[str] = mapped_column(String(8))
    to_state: Mapped[str] = mapped_column(String(8))
    who: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    overridden: Mapped[str] = mapped_column(Text, default="[]")  # JSON array of check codes

    __table_args__ = (Index("ix_state_log_issue", "issue_id", "id"),)


__all__ = ["HEAD_REVISION", "ArticleRow", "Base", "DistrictTemplateRow", "IssueRow", "JournalRow", "MetaRow",
           "ParagraphRow", "RevisionRow", "SectionRow", "StateLogRow", "SubmissionRow"]
