"""Schema migrations: every committed fixture archive upgrades with its content intact, after a backup.

The fixtures in tests/fixtures/archives were made by the code at each schema revision and are never
regenerated. The slow test repeats the upgrade from an installed wheel, in another working directory,
so the Alembic scripts are found inside the package and not in the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bulletin_desk.archive import list_backups, open_archive
from bulletin_desk.archive.migrate import KNOWN_REVISIONS, current_revision, migrations_dir, script_head
from bulletin_desk.archive.schema import HEAD_REVISION, Base
from bulletin_desk.model import dumps

from .conftest import FIXTURES, REPO

FIXTURE_FILES = sorted(FIXTURES.glob("archive-rev*.sqlite3"))


def test_a_fixture_exists_for_every_revision() -> None:
    assert [f.stem.removeprefix("archive-rev") for f in FIXTURE_FILES] == list(KNOWN_REVISIONS)


def test_head_constant_matches_the_alembic_scripts() -> None:
    assert script_head() == HEAD_REVISION == KNOWN_REVISIONS[-1]
    from alembic.script import ScriptDirectory

    from bulletin_desk.archive.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    chain = [s.revision for s in scripts.walk_revisions()]
    assert list(reversed(chain)) == list(KNOWN_REVISIONS)


def _check_upgraded(path: Path, expected_file: Path) -> None:
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    with open_archive(path) as archive:
        rows = {s.id: s for s in archive.issues.list(include_trashed=True)}
        assert sorted(rows) == sorted(e["id"] for e in expected["issues"])
        for e in expected["issues"]:
            stored = archive.issues.load(e["id"])
            assert dumps(stored.issue) == e["bdjson"]
            assert (stored.version, stored.is_sample, stored.trashed) == (e["version"], e["is_sample"], e["trashed"])
            assert rows[e["id"]].label == e["label"]
            assert len(archive.issues.revisions(e["id"])) == e["revisions"]
            assert stored.state == e.get("state", "draft")  # before 0003 every issue becomes a draft
            if "hints" in e:
                assert [[a.page_break_before, a.keep_together] for a in stored.issue.articles()] == e["hints"]
        archive.journal_put(None, "x")  # the newest tables exist
        assert archive.check().ok


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_upgrades_in_place(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(fixture, path)
    old_revision = current_revision(path)
    assert old_revision == fixture.stem.removeprefix("archive-rev")
    _check_upgraded(path, fixture.with_suffix(".expected.json"))
    assert current_revision(path) == HEAD_REVISION
    backups = [b.path for b in list_backups(path) if "before-upgrade" in b.path.name]
    if old_revision == HEAD_REVISION:
        assert backups == []
    else:
        assert len(backups) == 1 and f"before-upgrade-{old_revision}" in backups[0].name
        assert current_revision(backups[0]) == old_revision  # the backup is the archive as it was
        conn = sqlite3.connect(backups[0])
        assert conn.execute("SELECT count(*) FROM issues").fetchone()[0] == len(
            json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))["issues"])
        conn.close()


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    """The ORM classes and the migration scripts describe the same tables (compare_metadata is empty)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with open_archive(tmp_path / "fresh.sqlite3") as archive, archive.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrations_ship_inside_the_package() -> None:
    here = migrations_dir()
    assert here.parent.name == "archive" and (here / "env.py").is_file()
    assert not (REPO / "alembic.ini").exists()


_UPGRADE_FROM_INSTALL = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    import bulletin_desk
    from bulletin_desk.archive import open_archive
    from bulletin_desk.archive.migrate import current_revision, migrations_dir
    from bulletin_desk.model import dumps
    print("package", bulletin_desk.__file__)
    print("migrations", migrations_dir())
    for arg in sys.argv[1:]:
        path = Path(arg)
        before = current_revision(path)
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        with open_archive(path) as archive:
            same = all(dumps(archive.issues.load(e["id"]).issue) == e["bdjson"] for e in expected["issues"])
        print("upgraded", path.name, before, current_revision(path), same)
""")


@pytest.mark.slow
def test_fixtures_upgrade_from_an_installed_wheel(tmp_path: Path) -> None:
    wheel_dir, target, work = tmp_path / "wheel", tmp_path / "site", tmp_path / "elsewhere"
    work.mkdir()
    source = tmp_path / "source"  # build from a copy: parallel runs never share the checkout's build/ folder
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for folder in ("src", "resources"):
        shutil.copytree(REPO / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(REPO / name, source / name)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                            "-w", str(wheel_dir), str(source)], capture_output=True, text=True, timeout=180)
    assert build.returncode == 0, build.stderr
    wheels = list(wheel_dir.glob("bulletin_desk-*.whl"))
    assert len(wheels) == 1
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                              str(wheels[0])], capture_output=True, text=True, timeout=180)
    assert install.returncode == 0, install.stderr
    copies = []
    for fixture in FIXTURE_FILES:
        copy = work / fixture.name
        shutil.copyfile(fixture, copy)
        shutil.copyfile(fixture.with_suffix(".expected.json"), copy.with_suffix(".expected.json"))
        copies.append(str(copy))
    # Only the installed copy on sys.path (no checkout, no editable finder): -I ignores the venv's .pth files
    # but then cannot see the dependencies either, so put the venv's site-packages after the target.
    import sqlalchemy

    site_packages = str(Path(sqlalchemy.__file__).resolve().parents[1])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["PYTHONPATH"] = os.pathsep.join([str(target), site_packages])
    run = subprocess.run([sys.executable, "-I", "-S", "-c",
                          f"import sys; sys.path[:0] = {[str(target), site_packages]!r}\n" + _UPGRADE_FROM_INSTALL,
                          *copies], capture_output=True, text=True, cwd=work, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"package {target / 'bulletin_desk' / '__init__.py'}"
    assert lines[1] == f"migrations {target / 'bulletin_desk' / 'archive' / 'migrations'}"
    for fixture in FIXTURE_FILES:
        old = fixture.stem.removeprefix("archive-rev")
        assert f"upgraded {fixture.name} {old} {HEAD_REVISION} True" in lines, run.stdout


def test_template_seeding_migration_from_the_previous_fixture(tmp_path: Path) -> None:
    """An archive at 0002 upgrades to 0003: backed up first, then holds the shipped template set."""
    from bulletin_desk import paths
    from bulletin_desk.model import loads_templates

    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "archive-rev0002.sqlite3", path)
    with open_archive(path) as archive:
        assert archive.upgraded_from == "0002"
        backup = archive.upgrade_backup
        assert backup is not None and backup.is_file() and "before-upgrade-0002" in backup.name
        assert current_revision(backup) == "0002"
        conn = sqlite3.connect(backup)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        conn.close()
        assert "district_templates" not in tables  # the backup is the archive as it was
        shipped = loads_templates((paths.resources_dir() / "templates" / "beijing.json").read_bytes())
        seeded = archive.issues.templates()
        assert [(t.unit, t.district, t.section, t.contact, t.phone, t.skeleton) for t in seeded] == [
            (t.unit, t.district, t.section, t.contact, t.phone, t.skeleton) for t in shipped]
        assert all(t.id is not None for t in seeded)
        assert {s.state for s in archive.issues.list(include_trashed=True)} == {"draft"}
        with archive.engine.connect() as db:  # 字数 of every old article was backfilled
            zero = db.exec_driver_sql("SELECT count(*) FROM articles WHERE char_count = 0").scalar()
            assert zero == 0
    with open_archive(path) as again:  # seeded once, not on every open
        assert len(again.issues.templates()) == len(shipped)


def test_a_new_archive_is_seeded_with_templates(tmp_path: Path) -> None:
    with open_archive(tmp_path / "new.sqlite3") as archive:
        units = [t.unit for t in archive.issues.templates()]
    assert len(units) == 17 and units[0] == "东城区文明办" and "北京经济技术开发区文明办" in units
    assert len({u for u in units}) == len(units)
