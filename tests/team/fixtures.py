"""Fixtures of the team server tests: one PostgreSQL cluster per session (see ``pg.py``), one empty database per
test. A plugin of the root conftest, so the window's tests share the cluster."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.team import pg
from tests.team.team_data import Team, make_team


@pytest.fixture(scope="session")
def cluster() -> Iterator[pg.Cluster]:
    """The session's throw-away cluster; skipped without PostgreSQL locally, a failure in CI."""
    if pg.find_bin() is None:
        reason = "PostgreSQL server binaries not installed (Debian: apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    running = pg.start()
    try:
        yield running
    finally:
        pg.stop(running)


@pytest.fixture
def database(cluster: pg.Cluster) -> Iterator[str]:
    """A fresh empty database's name, dropped after the test (with the logins it made)."""
    name = cluster.create_database()
    try:
        yield name
    finally:
        cluster.drop_database(name)


@pytest.fixture
def admin_dsn(cluster: pg.Cluster, database: str) -> str:
    """The superuser's DSN (TLS required) of the test's database."""
    return cluster.dsn(database)


@pytest.fixture
def team(cluster: pg.Cluster, database: str) -> Team:
    """A server initialised with ``team_data.SEED`` and the logins ed_ant, ed_ovl and coord."""
    return make_team(cluster, database)
