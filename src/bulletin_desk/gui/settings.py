"""User settings: a small JSON file in the platformdirs config folder, written atomically.

JSON rather than QSettings so the file is readable, lives in our own folder (never the registry on a
locked-down PC) and the same code reads it in tests with a temp config folder.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from bulletin_desk import paths
from bulletin_desk.fileio import atomic_write_text

SETTINGS_FILENAME = "settings.json"
MAX_RECENT = 8


@dataclass
class Settings:
    archive_path: str = ""  # empty: the default archive (or --archive / BULLETIN_DESK_ARCHIVE)
    snapshot_minutes: int = 10  # periodic revision snapshots; the journal is always within 2 s
    layout_profile: str = ""  # empty: the layout room's default profile
    font_substitutes: dict[str, str] = field(default_factory=dict)  # official face → chosen stand-in
    language: str = ""  # "", "zh" or "en"; empty follows the system locale
    display_name: str = ""  # for 核稿/签发 records, not the Windows login
    recent_issues: list[int] = field(default_factory=list)
    window_geometry: str = ""  # hex of QMainWindow.saveGeometry()
    window_state: str = ""  # hex of QMainWindow.saveState()

    def remember_issue(self, issue_id: int) -> None:
        self.recent_issues = [issue_id, *[i for i in self.recent_issues if i != issue_id]][:MAX_RECENT]


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILENAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; a missing or damaged file gives the defaults (never an error at start-up)."""
    target = path or settings_path()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    settings = Settings()
    for key, value in data.items():
        if key in known and isinstance(value, type(getattr(settings, key))):
            setattr(settings, key, value)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    target = path or settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write_text(target, json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n")
