"""Faults: a laptop process killed (SIGKILL) right after a local edit, or in the middle of a push (the server
committed, the laptop never heard), and a server that stops — after a restart every edit reaches the team once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from sew_desktop.services.databases import open_repository
from sew_desktop.services.team import membership
from sew_desktop.services.team.sync import sync
from tests.team.team_data import Team
from tests.team.test_laptop_sync import dsn_of, notes, pgpass  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import os, signal, sys
from pathlib import Path
from sew_desktop.services.databases import open_repository
from sew_desktop.services.team.sync import sync
from sew_desktop.store.mapping import Entity
from sew_desktop.store.team import server

repository = open_repository(Path(sys.argv[1]))
key = next(k for k, r in repository.regions().items() if r.uuid == "r-ant")
repository.update(Entity.REGION, key, {"notes": sys.argv[3]})
if sys.argv[2] == "after-edit":
    os.kill(os.getpid(), signal.SIGKILL)
real_push = server.push

def push_then_die(conn, laptop, ops):
    answers = real_push(conn, laptop, ops)  # committed on the server
    os.kill(os.getpid(), signal.SIGKILL)   # before the laptop records a thing
    return answers

server.push = push_then_die
sync(repository)
"""


def killed(path: Path, when: str, text: str) -> None:
    result = subprocess.run([sys.executable, "-c", CHILD, str(path), when, text], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False)
    assert result.returncode == -9, result.stderr  # it really died by SIGKILL


def applied_times(team: Team, text: str) -> int:
    with psycopg.connect(team.admin_dsn) as conn:
        row = conn.execute("SELECT count(*) FROM sew.change_log WHERE tbl = 'region' AND field = 'notes'"
                           " AND value = to_jsonb(%s::text)", [text]).fetchone()
    return int(row[0]) if row else 0


@pytest.mark.parametrize("when", ["after-edit", "during-push"])
def test_a_laptop_killed_loses_nothing_and_pushes_once(when: str, team: Team, pgpass: Path,  # noqa: F811
                                                       tmp_path: Path) -> None:
    path = tmp_path / "laptop.sqlite"
    membership.join_new_file(path, dsn_of(team, "ed_ant"))
    killed(path, when, f"bewaard ondanks kill ({when})")
    repository = open_repository(path)  # the restart
    try:
        assert notes(repository, "r-ant") == f"bewaard ondanks kill ({when})"  # the edit survived locally
        report = sync(repository)
        assert report.pushed == 1 and report.pending == 0 and report.conflicts == () and report.refused == ()
        assert sync(repository).pushed == 0
    finally:
        repository.close()
    assert applied_times(team, f"bewaard ondanks kill ({when})") == 1  # once, also when the server had it already
