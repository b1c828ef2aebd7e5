"""The laptop's side against a real server: join a new file, edit offline, sync; conflicts, refusals, a sync
whose local half was lost, an unreachable server — every local change accounted for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from sew_desktop.services.databases import open_repository
from sew_desktop.services.team import membership
from sew_desktop.services.team.sync import sync
from sew_desktop.store.history import entries
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from sew_desktop.store.team import local
from sew_desktop.store.team.server_errors import ServerUnreachableError
from tests.team.team_data import PASSWORD, Team

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pgpass(team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The logins' passwords where libpq looks for them (the file keeps a DSN without password)."""
    path = tmp_path / "pgpass"
    path.write_text("".join(f"127.0.0.1:{team.cluster.port}:{team.database}:{login}:{PASSWORD}\n"
                            for login in ("ed_ant", "ed_ovl", "coord")))
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def dsn_of(team: Team, login: str) -> str:
    return team.cluster.dsn(team.database, user=login, password="")


@pytest.fixture
def laptops(team: Team, pgpass: Path, tmp_path: Path) -> Iterator[dict[str, Repository]]:
    """Three laptops that joined with new files: an editor of Antwerpen, one of Oost-Vlaanderen, a coordinator."""
    opened = {}
    for login in ("ed_ant", "ed_ovl", "coord"):
        path = tmp_path / f"{login}.sqlite"
        membership.join_new_file(path, dsn_of(team, login))
        opened[login] = open_repository(path)
    yield opened
    for repository in opened.values():
        repository.close()


def region_id(repository: Repository, uuid_: str) -> int:
    return next(key for key, region in repository.regions().items() if region.uuid == uuid_)


def notes(repository: Repository, uuid_: str) -> str:
    return repository.regions()[region_id(repository, uuid_)].notes


def edit_notes(repository: Repository, uuid_: str, text: str) -> None:
    repository.update(Entity.REGION, region_id(repository, uuid_), {"notes": text})


def test_a_new_file_joins_with_the_teams_data_and_no_password(team: Team, laptops: dict[str, Repository]) -> None:
    ant = laptops["ed_ant"]
    assert {region.uuid for region in ant.regions().values()} == {"r-ant", "r-gent"}
    link = local.team_link(ant.connection)
    assert link is not None and link.login == "ed_ant" and "password" not in link.dsn
    found = membership.status(ant)
    assert found is not None and found.pending == 0 and found.conflicts_open == 0
    assert sync(ant).pushed == 0  # joining queued nothing: the team's rows are not sent back


def test_an_edit_reaches_the_others_with_its_author(laptops: dict[str, Repository]) -> None:
    ant, coord = laptops["ed_ant"], laptops["coord"]
    edit_notes(ant, "r-ant", "overleg gepland")
    report = sync(ant)
    assert (report.pushed, report.conflicts, report.refused, report.pending) == (1, (), (), 0)
    pulled = sync(coord)
    assert pulled.pulled == 1 and notes(coord, "r-ant") == "overleg gepland"
    newest = entries(coord.database)[0]
    assert newest.who == "ed_ant" and newest.why == "team: pull"  # the row history names the author
    assert sync(coord).pushed == 0  # what came from the team is not pushed back


def test_the_same_field_changed_on_two_laptops_is_a_conflict_the_team_value_stays(
        laptops: dict[str, Repository]) -> None:
    ant, coord = laptops["ed_ant"], laptops["coord"]
    edit_notes(coord, "r-ant", "van de coördinator")
    edit_notes(ant, "r-ant", "van Antwerpen")  # offline, at the same time
    assert sync(coord).conflicts == ()
    report = sync(ant)
    assert len(report.conflicts) == 1 and report.refused == ()
    conflict = report.conflicts[0]
    assert (conflict.label, conflict.field, conflict.mine, conflict.server) == \
        ("Regio Antwerpen", "notes", "van Antwerpen", "van de coördinator")
    assert conflict.server_who == "coord"
    assert notes(ant, "r-ant") == "van de coördinator"  # the data show the team's value
    assert [i.mine for i in local.open_issues(ant.connection)] == ["van Antwerpen"]  # kept for the user
    assert sync(ant).pushed == 0  # answered: not pending any more


def test_an_edit_outside_ones_provinces_is_refused_and_the_file_returns_to_the_teams_value(
        laptops: dict[str, Repository]) -> None:
    ant = laptops["ed_ant"]
    edit_notes(ant, "r-ant", "mag")
    edit_notes(ant, "r-gent", "mag niet")  # Oost-Vlaanderen: not this editor's
    report = sync(ant)
    assert report.conflicts == () and len(report.refused) == 1
    refused = report.refused[0]
    assert refused.label == "Regio Gent" and refused.mine == "mag niet" and refused.reason
    assert notes(ant, "r-gent") == "" and notes(ant, "r-ant") == "mag"
    found = membership.status(ant)
    assert found is not None and (found.conflicts_open, found.refused_open) == (0, 1)  # a refusal is no conflict
    assert sync(laptops["ed_ovl"]).pulled == 1  # only the allowed change reached the team


def test_a_sync_whose_local_half_was_lost_pushes_nothing_twice(team: Team, laptops: dict[str, Repository],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ant = laptops["ed_ant"]
    edit_notes(ant, "r-ant", "eenmaal")

    def lost(*_args: object, **_kwargs: object) -> None:
        raise OSError("the laptop went to sleep")

    with monkeypatch.context() as patched:
        patched.setattr(local, "advance", lost)  # the server applied the push; the local commit never happened
        with pytest.raises(OSError):
            sync(ant)
    assert notes(ant, "r-ant") == "eenmaal"
    again = sync(ant)  # the same operation numbers: the server answers as before and applies nothing new
    assert again.pushed == 1 and again.conflicts == () and again.pending == 0
    with psycopg.connect(team.admin_dsn) as conn:
        count = conn.execute("SELECT count(*) FROM sew.change_log WHERE tbl = 'region' AND field = 'notes'"
                             " AND value = to_jsonb('eenmaal'::text)").fetchone()
    assert count is not None and count[0] == 1


def test_an_unreachable_server_loses_nothing_and_the_cli_says_so_in_one_line(
        team: Team, laptops: dict[str, Repository], tmp_path: Path) -> None:
    ant = laptops["ed_ant"]
    edit_notes(ant, "r-ant", "onderweg")
    link = local.team_link(ant.connection)
    assert link is not None
    with ant.transaction() as tx:  # the server is away: a port nobody listens on
        tx.execute("UPDATE team_link SET dsn = ?", [f"host=127.0.0.1 port=1 dbname={team.database} user=ed_ant"])
    with pytest.raises(ServerUnreachableError):
        sync(ant)
    found = membership.status(ant)
    assert found is not None and found.pending == 1  # still queued
    assert ant.path is not None
    ant.close()
    result = subprocess.run([sys.executable, "-m", "sew_desktop", "--db", str(ant.path), "sync"],
                            capture_output=True, text=True, env={**os.environ, "LANG": "C", "PYTHONPATH": str(ROOT)},
                            timeout=60, check=False)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    back = open_repository(ant.path)  # the server is back: the next sync catches up
    try:
        with back.transaction() as tx:
            tx.execute("UPDATE team_link SET dsn = ?", [link.dsn])
        assert sync(back).pushed == 1 and sync(laptops["coord"]).pulled == 1
        assert notes(laptops["coord"], "r-ant") == "onderweg"
    finally:
        back.close()


def test_sync_json_and_team_status_as_the_issue_prints_them(team: Team, laptops: dict[str, Repository]) -> None:
    ant, coord = laptops["ed_ant"], laptops["coord"]
    edit_notes(coord, "r-ant", "A")
    sync(coord)
    edit_notes(ant, "r-ant", "B")
    assert ant.path is not None and coord.path is not None
    ant.close()
    env = {**os.environ, "LANG": "C", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "sew_desktop", "--db", str(ant.path), "sync", "--format", "json"],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 1, result.stderr  # a conflict was recorded
    answer = json.loads(result.stdout)
    assert set(answer) == {"pushed", "pulled", "pending", "server_seq", "conflicts", "refused"}
    assert answer["conflicts"][0] | {"server_at": None} == {
        "table": "region", "row": "r-ant", "label": "Regio Antwerpen", "field": "notes", "mine": "B",
        "server": "A", "server_who": "coord", "server_at": None}
    status = subprocess.run([sys.executable, "-m", "sew_desktop", "--db", str(ant.path), "team", "status",
                             "--format", "json"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert set(json.loads(status.stdout)) == {"server", "login", "laptop", "last_sync", "pending", "conflicts_open"}
    assert json.loads(status.stdout)["conflicts_open"] == 1


def test_an_edit_made_during_a_sync_is_not_overwritten_by_the_pull_and_is_sent_next(
        laptops: dict[str, Repository], monkeypatch: pytest.MonkeyPatch) -> None:
    from sew_desktop.store.team import server

    ant, coord = laptops["ed_ant"], laptops["coord"]
    edit_notes(coord, "r-ant", "van het team")
    sync(coord)
    real_pull = server.pull

    def pull_while_the_user_types(conn: psycopg.Connection[Any], after: int, limit: int = 5000) -> list[Any]:
        edit_notes(ant, "r-ant", "tijdens de sync getypt")
        return real_pull(conn, after, limit)

    with monkeypatch.context() as patched:
        patched.setattr(server, "pull", pull_while_the_user_types)
        report = sync(ant)
    assert notes(ant, "r-ant") == "tijdens de sync getypt" and report.pending == 1  # kept, and waiting
    assert sync(ant).conflicts == ()  # sent on top of the team's value it has now seen: no conflict
    sync(coord)
    assert notes(coord, "r-ant") == "tijdens de sync getypt"


def test_a_copy_merged_into_a_team_file_sends_what_the_merge_changed_not_the_copys_past(
        team: Team, laptops: dict[str, Repository], tmp_path: Path) -> None:
    import sqlite3

    from sew_desktop.services.merging.apply import apply_merge
    from sew_desktop.services.merging.plan import plan_merge
    from sew_desktop.services.merging.resolve import resolve

    ant = laptops["ed_ant"]
    copy = tmp_path / "per-mail.sqlite"
    with sqlite3.connect(copy) as target:  # an e-mailed copy of the file, edited by a colleague without the team
        ant.connection.backup(target)
    colleague = open_repository(copy)
    edit_notes(colleague, "r-ant", "van de collega")
    colleague.close()
    apply_merge(ant, (plan := plan_merge(ant, copy)), resolve(plan))
    assert notes(ant, "r-ant") == "van de collega"
    report = sync(ant)
    assert (report.pushed, report.conflicts, report.refused) == (1, (), ())  # the merge's change, once
    with psycopg.connect(team.admin_dsn) as conn:
        row = conn.execute("SELECT count(*) FROM sew.change_log WHERE value = to_jsonb('van de collega'::text)"
                           ).fetchone()
    assert row is not None and row[0] == 1


def test_a_join_that_fails_halfway_leaves_no_file(team: Team, pgpass: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> int:
        raise OSError("the disk filled up while the team's rows came in")

    monkeypatch.setattr(membership, "_take_in", broken)
    path = tmp_path / "nieuw.sqlite"
    with pytest.raises(OSError):
        membership.join_new_file(path, dsn_of(team, "ed_ant"))
    assert [p.name for p in tmp_path.iterdir() if "nieuw" in p.name] == []  # no half-made database, no leftovers
