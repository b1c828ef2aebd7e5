"""``sew-desktop server ...`` against a real PostgreSQL: init (from a file), upgrade, users; one line and exit 2
when the server cannot be reached or refuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sew_desktop.cli import main
from sew_desktop.store.team import server
from tests.team import pg
from tests.team.team_data import PASSWORD


def test_init_from_a_file_seeds_every_row(admin_dsn: str, demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "--dsn", admin_dsn, "init", "--from", str(demo_path)]) == 0
    assert "team server created (schema version 1" in capsys.readouterr().out
    with sqlite3.connect(demo_path) as local, server.connect(admin_dsn) as conn:
        rows = server.snapshot(conn).rows
        for table in rows:
            assert len(rows[table]) == local.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    assert main(["server", "--dsn", admin_dsn, "init"]) == 2
    err = capsys.readouterr().err
    assert "already holds a SEW team server" in err and err.count("\n") == 1
    assert main(["server", "--dsn", admin_dsn, "upgrade"]) == 0
    assert "upgraded from schema version 1 to 1" in capsys.readouterr().out


def test_users_are_added_listed_and_removed(cluster: pg.Cluster, database: str, admin_dsn: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "--dsn", admin_dsn, "init"]) == 0
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    assert main(["server", "--dsn", admin_dsn, "user", "add", "nm_west", "--provinces", "30000,40000",
                 "--password-file", str(secret)]) == 0
    assert main(["server", "--dsn", admin_dsn, "user", "add", "dep", "--coordinator"]) == 0
    capsys.readouterr()
    assert main(["server", "--dsn", admin_dsn, "user", "list"]) == 0
    assert capsys.readouterr().out == "dep\tcoordinator\t\nnm_west\teditor\t30000,40000\n"
    server.connect(cluster.dsn(database, user="nm_west", password=PASSWORD)).close()
    assert main(["server", "--dsn", admin_dsn, "user", "add", "nobody"]) == 2
    assert main(["server", "--dsn", admin_dsn, "user", "remove", "nm_west"]) == 0
    assert main(["server", "--dsn", admin_dsn, "user", "remove", "nm_west"]) == 2
    assert "no team login nm_west" in capsys.readouterr().err


def test_an_unreachable_server_or_a_failed_login_is_one_line_and_exit_2(
        cluster: pg.Cluster, database: str, capsys: pytest.CaptureFixture[str]) -> None:
    closed = f"host=127.0.0.1 port={pg.free_port()} dbname=x user=x connect_timeout=2"
    assert main(["server", "--dsn", closed, "user", "list"]) == 2
    assert main(["server", "--dsn", cluster.dsn(database, password="wrong"), "upgrade"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and all("team server not reachable" in line for line in lines)
    assert "password authentication failed" in lines[1]
    assert main(["server", "--dsn", cluster.dsn(database), "user", "list"]) == 2
    assert "no SEW team server" in capsys.readouterr().err
