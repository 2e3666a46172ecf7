"""Alembic migrations of the archive schema, shipped inside the package."""
