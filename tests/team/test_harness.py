"""The cluster the team tests run against is what the issue asks: TLS required, SCRAM logins."""

from __future__ import annotations

import psycopg
import pytest

from tests.team import pg


def test_the_cluster_speaks_tls(cluster: pg.Cluster, admin_dsn: str) -> None:
    with psycopg.connect(admin_dsn) as conn:
        row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    assert row == (True,)


def test_a_connection_without_tls_is_refused(cluster: pg.Cluster, database: str) -> None:
    with pytest.raises(psycopg.OperationalError, match=r"no encryption|pg_hba\.conf"):
        psycopg.connect(cluster.dsn(database, sslmode="disable"))


def test_a_wrong_password_is_refused(cluster: pg.Cluster, database: str) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(cluster.dsn(database, password="wrong"))
