"""Shipped resources (layouts, templates, i18n, icons, samples), importable as bulletin_desk._resources."""
