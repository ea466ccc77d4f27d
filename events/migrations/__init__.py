"""Alembic migrations, shipped inside the package so an installed wheel can upgrade its database.

`Store.open` calls `upgrade_to_head(connection)`; nothing reads an alembic.ini. To write a new
revision during development:

    .venv/bin/alembic -c events/migrations/alembic.ini revision -m "what changes"
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

HERE = Path(__file__).resolve().parent


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def head() -> str | None:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(conn: Connection) -> None:
    """Bring the schema behind `conn` to the newest revision (a no-op when it is there already)."""
    cfg = config()
    if current(conn) == ScriptDirectory.from_config(cfg).get_current_head():
        return
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
