"""Folders come from platformdirs with appauthor=False; overrides win in a fixed order."""

from __future__ import annotations

from pathlib import Path

from bulletin_desk import paths


def test_archive_path_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ARCHIVE_ENV, str(tmp_path / "env.sqlite3"))
    assert paths.archive_path(str(tmp_path / "cli.sqlite3")) == tmp_path / "cli.sqlite3"
    assert paths.archive_path() == tmp_path / "env.sqlite3"
    monkeypatch.delenv(paths.ARCHIVE_ENV)
    assert paths.archive_path() == paths.default_archive_path()
    assert paths.default_archive_path().parent.name == "BulletinDesk"


def test_no_author_folder_level(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.data_dir() == tmp_path / "BulletinDesk"


def test_unc_paths_are_network_paths():
    assert paths.is_network_path(Path("//fileserver/share/archive.sqlite3"))
    assert paths.is_network_path(Path("\\\\fileserver\\share\\archive.sqlite3"))
    assert not paths.is_network_path(Path("/tmp/archive.sqlite3"))


def test_network_mount_detection(monkeypatch, tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/vda / ext4 rw 0 0\n//srv/share /mnt/share cifs rw 0 0\n", encoding="utf-8")
    original = Path.read_text

    def fake_read_text(self: Path, *args, **kwargs):
        if str(self) == "/proc/mounts":
            return original(mounts, *args, **kwargs)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", fake_read_text)
    assert paths._is_network_mount(Path("/mnt/share/office/archive.sqlite3"))
    assert not paths._is_network_mount(Path("/home/editor/archive.sqlite3"))


def test_resources_ship_with_the_package():
    res = paths.resources_dir()
    assert (res / "samples" / "reference.bdjson").is_file()
    assert (res / "fonts" / "substitutes.toml").is_file()
