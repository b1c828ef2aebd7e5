"""The team server against a real PostgreSQL: init, users, push and pull, idempotence, conflicts, tombstones."""

from __future__ import annotations

import psycopg
import pytest

from sew_desktop.store.merge_rows import COLUMNS
from sew_desktop.store.team import server
from sew_desktop.store.team.protocol import TABLES
from sew_desktop.store.team.server_errors import (
    NoSuchLoginError,
    NotATeamServerError,
    ServerExistsError,
    ServerUnreachableError,
    ServerVersionError,
)
from tests.team import pg
from tests.team.team_data import ANTWERPEN, OOST_VLAANDEREN, SEED, Team


def test_the_data_tables_hold_the_portable_columns(team: Team) -> None:
    with team.connect("coord") as conn:
        found = server.snapshot(conn)
    assert set(found.rows) == set(TABLES)
    assert set(found.rows["region"][0]) == set(COLUMNS["region"])
    assert set(found.rows["municipality"][0]) == {"nis_code", *COLUMNS["municipality"]}
    assert found.rows["region"] == sorted(SEED["region"], key=lambda r: r["uuid"])
    assert found.max_seq == sum(len(rows) for rows in SEED.values())


def test_init_logs_the_seed_and_refuses_a_second_init(team: Team) -> None:
    with team.connect("ed_ant") as conn:
        changes = server.pull(conn, 0)
    assert [c.seq for c in changes] == list(range(1, len(changes) + 1))
    assert changes[0].table == "municipality" and changes[0].action == "insert" and changes[0].laptop is None
    with server.connect(team.admin_dsn) as conn, pytest.raises(ServerExistsError):
        server.init(conn, None)


def test_users_are_added_listed_and_removed(team: Team) -> None:
    with server.connect(team.admin_dsn) as conn:
        assert [(u.login, u.provinces, u.coordinator) for u in server.list_users(conn)] == [
            ("coord", (), True), ("ed_ant", (ANTWERPEN,), False), ("ed_ovl", (OOST_VLAANDEREN,), False)]
        server.remove_user(conn, "ed_ovl")
        assert [u.login for u in server.list_users(conn)] == ["coord", "ed_ant"]
        with pytest.raises(NoSuchLoginError):
            server.remove_user(conn, "ed_ovl")
    with pytest.raises(ServerUnreachableError, match="password authentication failed"):
        team.connect("ed_ovl")


def test_versions_are_checked(team: Team, cluster: pg.Cluster, monkeypatch: pytest.MonkeyPatch) -> None:
    with server.connect(team.admin_dsn) as conn:
        assert server.server_version(conn) == server.SERVER_VERSION
        assert server.upgrade(conn) == server.SERVER_VERSION
    monkeypatch.setattr(server, "SERVER_VERSION", server.SERVER_VERSION + 1)  # an app newer than the server
    with pytest.raises(ServerVersionError, match="ask a coordinator to run 'server upgrade'"):
        team.connect("ed_ant")
    with server.connect(team.admin_dsn, check_version=False) as conn:
        server.upgrade(conn)
    team.connect("ed_ant").close()
    monkeypatch.undo()  # the app is older than the server now
    with pytest.raises(ServerVersionError, match="update SEW Desktop"):
        team.connect("ed_ant")
    with server.connect(team.admin_dsn, check_version=False) as conn, pytest.raises(ServerVersionError):
        server.upgrade(conn)
    with pytest.raises(NotATeamServerError, match="server init"):
        server.connect(cluster.dsn("postgres"))


def test_a_connection_without_tls_is_refused(team: Team) -> None:
    plain = team.dsn("ed_ant").replace("sslmode=require", "sslmode=disable")
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(plain)
    with server.connect(plain) as conn:  # the app never asks for less than sslmode=require
        row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    assert row == (True,)


@pytest.mark.parametrize(("asked", "used"), [(None, "require"), ("disable", "require"), ("allow", "require"),
                                             ("prefer", "require"), ("require", "require"),
                                             ("verify-full", "verify-full")])
def test_the_app_never_asks_for_less_than_tls(asked: str | None, used: str) -> None:
    dsn = "host=team.example dbname=sew user=nm_west" + (f" sslmode={asked}" if asked else "")
    assert psycopg.conninfo.conninfo_to_dict(server.conninfo(dsn))["sslmode"] == used
