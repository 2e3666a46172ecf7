"""Alembic environment, run only programmatically (see archive/migrate.py).

There is no alembic.ini: migrate.py builds the Config in code and hands over an open connection in
``config.attributes["connection"]``, so the upgrade runs inside the same SQLite connection settings
(foreign keys, busy timeout) as the app. ``render_as_batch`` lets later steps alter tables on SQLite.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
