"""Bulletin Desk (简报编辑台): compose, preview, archive and export 简报 in the official layout."""

__version__ = "0.1.0"
APP_NAME = "BulletinDesk"
APP_DISPLAY_NAME_ZH = "简报编辑台"
