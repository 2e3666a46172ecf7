"""Reusable test support: the LibreOffice runner, fontconfig aliases and PDF line extraction."""
