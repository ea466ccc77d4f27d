"""User-facing settings: a command-line argument wins over a TIMELINE_* environment variable, which
wins over the default here.

    >>> Settings().db_url                       # TIMELINE_DB_URL or the SQLite file below
    >>> Settings(db_url="postgresql+psycopg://...")   # what `--db URL` does
"""

from __future__ import annotations

import getpass
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from events.store import default_url


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


class Settings(BaseSettings):
    """Every knob the CLI and the dashboard read. Environment: TIMELINE_<FIELD NAME>."""

    model_config = SettingsConfigDict(env_prefix="TIMELINE_", extra="ignore")

    db_url: str = Field(default_factory=default_url, description="Any SQLAlchemy URL")
    user: str | None = Field(default_factory=_user, description="Name recorded in the audit trail")
    workers: int = Field(1, ge=1, description="Extraction processes for `timeline ingest`")
    host: str = "127.0.0.1"
    port: int = Field(8050, ge=1, le=65535)
    debug: bool = False
    read_only: bool = Field(False, description="The dashboard hides every control that writes")
    upload_max_bytes: int = Field(2_000_000, gt=0, description="Largest article file the dashboard accepts")
    max_points: int = Field(2_000, gt=0, description="Events drawn one by one; above this, density bins")
    density_bins: int = Field(120, gt=0)
    max_table_rows: int = Field(1_000, gt=0)


def load_settings(**arguments: Any) -> Settings:
    """Settings with the given arguments on top; arguments that are None count as not given."""
    return Settings(**{k: v for k, v in arguments.items() if v is not None})
