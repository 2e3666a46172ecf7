"""Issue → save → load → equal, over generated shapes (new issues and saves over an existing one)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin_desk.archive import Archive, open_archive
from bulletin_desk.model import (
    Article,
    Colophon,
    Distribution,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
    dumps,
)

# Any text SQLite and UTF-8 carry: no lone surrogates (the codec refuses those before the archive sees them).
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
maybe = st.none() | text
small_int = st.none() | st.integers(min_value=0, max_value=10_000)

paragraphs = st.builds(Paragraph, text=text, lead=maybe, kind=st.sampled_from(list(ParagraphKind)))
articles = st.builds(Article, title=text, note=maybe, source=maybe,
                     paragraphs=st.lists(paragraphs, max_size=4))
sections = st.builds(Section, heading=text, articles=st.lists(articles, max_size=3))
issues = st.builds(
    Issue,
    masthead=st.builds(Masthead, title=text, number=small_int, total_number=small_int, supplement=st.booleans(),
                       office=text, date=st.none() | st.dates(_dt.date(1990, 1, 1), _dt.date(2099, 12, 31)),
                       classification=maybe),
    sections=st.lists(sections, max_size=3),
    colophon=st.builds(Colophon, editor=maybe, reviewer=maybe, approver=maybe, phone=maybe, fax=maybe, email=maybe),
    distribution=st.builds(Distribution, report_to=maybe, send_to=maybe, issue_to=maybe, cc=maybe),
    copies=small_int,
)


@pytest.fixture(scope="module")
def shared_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """One archive for all examples (creating one per example would dominate the run time)."""
    archive = open_archive(tmp_path_factory.mktemp("roundtrip") / "roundtrip.sqlite3")
    yield archive
    archive.engine.dispose()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=issues, second=issues)
def test_archive_round_trip(shared_archive: Archive, first: Issue, second: Issue) -> None:
    repo = shared_archive.issues
    stored = repo.save(first)
    assert repo.load(stored.id).issue == first
    again = repo.save(second, stored.id, stored.version)
    loaded = repo.load(stored.id)
    assert loaded.issue == second and loaded.version == again.version
    assert dumps(repo.revision_issue(stored.id, 1)) == dumps(first)
