"""Commits become visible in sequence order: a pull racing two pushes never skips a change. The negative control
switches the push lock off and shows that the same race then does skip one, so the test can see the rule break."""

from __future__ import annotations

import threading
import time

from sew_desktop.store.team import server
from sew_desktop.store.team.protocol import ServerChange
from tests.team.team_data import Team, laptop, op


def seq_of(team: Team) -> int:
    with team.connect("coord") as conn:
        return server.snapshot(conn).max_seq


def wait_for_a_waiting_lock(team: Team) -> None:
    with server.connect(team.admin_dsn) as admin:
        for _ in range(500):
            found = admin.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                                  " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                                  ).fetchone()
            if found and found[0]:
                return
            time.sleep(0.01)
    raise AssertionError("the second push never waited for the first")


def race(team: Team, *, serialised: bool) -> tuple[list[int], list[int]]:
    """First push A takes a sequence number and stays open; push B takes a higher one and tries to commit; a pull
    runs; then A commits and the puller pulls from its cursor. Returns (the seqs the puller saw, all seqs)."""
    with server.connect(team.admin_dsn) as admin:
        server.set_serialised(admin, serialised)
    base = seq_of(team)
    seen: list[ServerChange] = []
    with team.connect("ed_ant") as first, team.connect("coord") as second, team.connect("ed_ovl") as reader:
        pushed_b = threading.Thread(target=server.push, args=(
            second, laptop(), [op(1, "region", "r-gent", "update", "notes", "B", base)]))
        with first.transaction():
            a = server.push_uncommitted(first, laptop(), [op(1, "region", "r-ant", "update", "notes", "A", base)])
            pushed_b.start()
            if serialised:
                wait_for_a_waiting_lock(team)
            else:
                pushed_b.join(10)
            seen += server.pull(reader, base)
        pushed_b.join(10)
        seen += server.pull(reader, max([c.seq for c in seen], default=base))
        everything = [c.seq for c in server.pull(reader, base)]
    assert a[0].seq == base + 1 and len(everything) == 2
    return [c.seq for c in seen], everything


def test_a_pull_racing_two_pushes_skips_nothing(team: Team) -> None:
    seen, everything = race(team, serialised=True)
    assert seen == everything


def test_negative_control_without_the_push_lock_the_race_skips_a_change(team: Team) -> None:
    """A CONTROL: it passes only when the race breaks the rule; if it fails, the test above proves nothing."""
    seen, everything = race(team, serialised=False)
    assert seen != everything
    assert sorted(set(everything) - set(seen)) == [everything[0]]  # A's lower seq, committed after B's
