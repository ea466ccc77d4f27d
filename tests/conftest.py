"""Shared fixtures. `store` runs every store test on SQLite (a file in tmp_path) and on a real,
throw-away PostgreSQL cluster (tests/pg.py), skipped with a reason when its binaries are missing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pg import Cluster, find_bin

from events.store import Store

STORE_TABLES = "changes, event_tags, event_actors, event_sources, events, documents, facet_counts"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    bindir = find_bin()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (run `make system-deps`)")
    cluster = Cluster(bindir).start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_url(pg_cluster: Cluster) -> str:
    """One migrated database per session (per xdist worker); tests empty it before use."""
    url = pg_cluster.create_database("timeline_test")
    Store.open(url).close()
    return url


def _empty_pg(url: str) -> None:
    store = Store.open(url)
    try:
        from sqlalchemy import text

        with store._write() as conn:
            conn.execute(text(f"TRUNCATE {STORE_TABLES} RESTART IDENTITY CASCADE"))
    finally:
        store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL with an empty, migrated schema behind it."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'timeline.sqlite'}"
    url = request.getfixturevalue("pg_url")
    _empty_pg(url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store.open(store_url)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'timeline.sqlite'}"
