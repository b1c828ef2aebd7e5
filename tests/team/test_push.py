"""Push and pull: applied in order with who and laptop, replays answered once, field-level conflicts, tombstones,
row-level security per operation, append-only logs, laptops bound to their login."""

from __future__ import annotations

import psycopg
import pytest

from sew_desktop.store.team import server
from sew_desktop.store.team.server_errors import LaptopTakenError
from tests.team.team_data import Team, laptop, membership, op, region


def seq_of(team: Team) -> int:
    with team.connect("coord") as conn:
        return server.snapshot(conn).max_seq


def test_a_push_is_applied_and_pulled_in_order_with_who_and_laptop(team: Team) -> None:
    base, mine = seq_of(team), laptop()
    ops = [op(1, "region", "r-ant", "update", "notes", "druk", base),
           op(2, "membership", "m-new", "insert", None, membership("m-new", "r-ant", "11002"), base),
           op(3, "membership", "m-ant", "delete", None, None, base)]
    with team.connect("ed_ant") as conn:
        outcomes = server.push(conn, mine, ops)
        assert [(o.op_no, o.status, o.seq) for o in outcomes] == [
            (1, "applied", base + 1), (2, "applied", base + 2), (3, "applied", base + 3)]
        changes = server.pull(conn, base)
    assert [(c.seq, c.table, c.identity, c.action, c.field, c.value, c.who, c.laptop) for c in changes] == [
        (base + 1, "region", "r-ant", "update", "notes", "druk", "ed_ant", mine),
        (base + 2, "membership", "m-new", "insert", None, membership("m-new", "r-ant", "11002"), "ed_ant", mine),
        (base + 3, "membership", "m-ant", "delete", None, None, "ed_ant", mine)]
    assert changes[0].at.endswith("+00:00")
    with team.connect("ed_ant") as conn:
        assert [c.seq for c in server.pull(conn, base, limit=2)] == [base + 1, base + 2]
        rows = server.snapshot(conn).rows
    assert {r["uuid"] for r in rows["membership"]} == {"m-new", "m-gent"}  # the tombstone: gone from the data


def test_a_replayed_push_is_applied_once_with_the_same_answers(team: Team) -> None:
    base, mine = seq_of(team), laptop()
    ops = [op(7, "region", "r-ant", "update", "notes", "een", base),
           op(8, "region", "r-gent", "update", "notes", "buiten", base)]
    with team.connect("ed_ant") as conn:
        first = server.push(conn, mine, ops)
        again = server.push(conn, mine, ops)
        assert again == first and [o.status for o in first] == ["applied", "refused"]
        assert len(server.pull(conn, base)) == 1


def test_a_push_whose_answer_was_lost_is_applied_once_when_retried(team: Team) -> None:
    base, mine = seq_of(team), laptop()
    ops = [op(1, "region", "r-ant", "update", "name", "Regio Antwerpen-Noord", base)]
    conn = team.connect("ed_ant")
    with conn.transaction():
        server.push_uncommitted(conn, mine, ops)
    conn.close()  # the connection drops after the commit, before the laptop stored the answer
    with team.connect("ed_ant") as conn:
        retried = server.push(conn, mine, ops)
        changes = server.pull(conn, base)
    assert [(o.status, o.seq) for o in retried] == [("applied", base + 1)]
    assert [(c.seq, c.value) for c in changes] == [(base + 1, "Regio Antwerpen-Noord")]


def test_different_fields_of_one_row_both_apply(team: Team) -> None:
    base = seq_of(team)
    with team.connect("ed_ant") as one, team.connect("coord") as two:
        a = server.push(one, laptop(), [op(1, "region", "r-ant", "update", "notes", "A", base)])
        b = server.push(two, laptop(), [op(1, "region", "r-ant", "update", "valid_to", "2026-12-31", base)])
        row = next(r for r in server.snapshot(two).rows["region"] if r["uuid"] == "r-ant")
    assert [a[0].status, b[0].status] == ["applied", "applied"]
    assert (row["notes"], row["valid_to"]) == ("A", "2026-12-31")


def test_the_same_field_changed_since_base_seq_is_a_conflict(team: Team) -> None:
    base = seq_of(team)
    mine, theirs = laptop(), laptop()
    with team.connect("ed_ant") as one, team.connect("coord") as two:
        first = server.push(one, mine, [op(1, "region", "r-ant", "update", "notes", "eerst", base)])
        second = server.push(two, theirs, [op(1, "region", "r-ant", "update", "notes", "later", base)])
        after = server.push(two, theirs, [op(2, "region", "r-ant", "update", "notes", "gezien", first[0].seq or 0)])
        logged = two.execute("SELECT who, laptop::text, op_no, field, value, server_value, server_who"
                             " FROM sew.conflict_log").fetchall()
        row = next(r for r in server.snapshot(two).rows["region"] if r["uuid"] == "r-ant")
    conflict = second[0]
    assert (conflict.status, conflict.seq, conflict.server_value, conflict.server_who) == (
        "conflict", first[0].seq, "eerst", "ed_ant")
    assert conflict.server_at is not None and conflict.server_at.endswith("+00:00")
    assert logged == [("coord", theirs, 1, "notes", "later", "eerst", "ed_ant")]
    assert after[0].status == "applied" and row["notes"] == "gezien"  # seen: no conflict


def test_the_laptops_own_earlier_change_is_no_conflict(team: Team) -> None:
    base, mine = seq_of(team), laptop()
    with team.connect("ed_ant") as conn:
        server.push(conn, mine, [op(1, "region", "r-ant", "update", "notes", "een", base)])
        again = server.push(conn, mine, [op(2, "region", "r-ant", "update", "notes", "twee", base)])
    assert again[0].status == "applied"


def test_a_delete_against_a_later_change_and_a_change_of_a_deleted_row_are_conflicts(team: Team) -> None:
    base = seq_of(team)
    with team.connect("ed_ant") as one, team.connect("coord") as two:
        server.push(one, laptop(), [op(1, "membership", "m-ant", "update", "valid_to", "2025-12-31", base)])
        deleted = server.push(two, laptop(), [op(1, "membership", "m-ant", "delete", None, None, base)])
        server.push(two, laptop(), [op(1, "region", "r-gent", "delete", None, None, base)])
        changed = server.push(one, laptop(), [op(2, "region", "r-gent", "update", "notes", "x", base)])
    assert (deleted[0].status, deleted[0].server_who) == ("conflict", "ed_ant")
    assert deleted[0].server_value["valid_to"] == "2025-12-31"
    assert (changed[0].status, changed[0].server_value, changed[0].server_who) == ("conflict", None, "coord")


def test_a_deleted_row_comes_back_by_the_laptop_that_deleted_it(team: Team) -> None:
    base, mine = seq_of(team), laptop()
    with team.connect("ed_ant") as conn:
        server.push(conn, mine, [op(1, "membership", "m-ant", "delete", None, None, base)])
        back = server.push(conn, mine, [op(2, "membership", "m-ant", "insert", None,
                                            membership("m-ant", "r-ant", "11002"), base)])
        twice = server.push(conn, mine, [op(3, "membership", "m-ant", "insert", None,
                                             membership("m-ant", "r-ant", "11002"), base)])
    assert back[0].status == "applied" and twice[0].status == "conflict"


def test_an_editor_outside_their_provinces_is_refused_per_operation(team: Team) -> None:
    base = seq_of(team)
    ops = [op(1, "region", "r-gent", "update", "notes", "niet van mij", base),
           op(2, "region", "r-ant", "update", "notes", "wel van mij", base),
           op(3, "region", "r-new", "insert", None, region("r-new", "Nieuw", "40000"), base),
           op(4, "membership", "m-ant", "update", "region_id", "r-gent", base),
           op(5, "municipality", "11002", "update", "name_nl", "Antwerp", base),
           op(6, "municipality", "11002", "update", "contacts", "info@antwerpen.be", base),
           op(7, "open_call", "call-1", "update", "deadline", "2023-03-01", base),
           op(8, "region", "r-gent", "delete", None, None, base),
           op(9, "region", "r-nope", "update", "notes", "?", base),
           op(10, "nonsense", "x", "update", "notes", "?", base)]
    with team.connect("ed_ant") as conn:
        outcomes = server.push(conn, laptop(), ops)
    assert [o.status for o in outcomes] == ["refused", "applied", "refused", "refused", "refused", "applied",
                                            "refused", "refused", "refused", "refused"]
    reasons = {o.op_no: o.reason for o in outcomes}
    assert reasons[1] == reasons[3] == reasons[4] == reasons[8] == "outside the provinces of ed_ant"
    assert "reference data" in str(reasons[5]) and "coordinator" in str(reasons[7])
    assert reasons[9] == "no such row on the server" and reasons[10] == "unknown table nonsense"


def test_a_coordinator_writes_everything_but_reference_fields(team: Team) -> None:
    base = seq_of(team)
    ops = [op(1, "region", "r-gent", "update", "notes", "x", base),
           op(2, "open_call", "call-1", "delete", base_seq=base),
           op(3, "municipality", "44021", "update", "province_nis", "10000", base)]
    with team.connect("coord") as conn:
        assert [o.status for o in server.push(conn, laptop(), ops)] == ["applied", "applied", "refused"]


@pytest.mark.parametrize("statement", [
    "UPDATE sew.change_log SET value = '\"x\"'", "DELETE FROM sew.change_log", "DELETE FROM sew.conflict_log",
    "UPDATE sew.op_log SET outcome = '{}'", "DELETE FROM sew.op_log", "TRUNCATE sew.change_log",
    "INSERT INTO sew.change_log (tbl, identity, action, who) VALUES ('region', 'r-ant', 'delete', 'coord')",
    "UPDATE sew.row_state SET deleted = true", "UPDATE sew.member SET coordinator = true",
    "UPDATE sew.municipality SET name_nl = 'X'"])
@pytest.mark.parametrize("login", ["ed_ant", "coord"])
def test_nobody_rewrites_the_logs(team: Team, statement: str, login: str) -> None:
    with team.connect(login) as conn:
        server.push(conn, laptop(), [op(1, "region", "r-gent", "update", "notes", "x", seq_of(team))])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)


def test_a_laptop_id_of_another_login_is_refused(team: Team) -> None:
    theirs = laptop()
    with team.connect("ed_ovl") as conn:
        server.register_laptop(conn, theirs)
        server.register_laptop(conn, theirs)  # again by its own login: fine
    with team.connect("ed_ant") as conn:
        with pytest.raises(LaptopTakenError):
            server.register_laptop(conn, theirs)
        outcomes = server.push(conn, theirs, [op(1, "region", "r-ant", "update", "notes", "x", 0)])
        assert [(o.status, o.reason) for o in outcomes] == [
            ("refused", "this laptop id is registered by another login")]
        assert server.pull(conn, seq_of(team) - 1)[-1].action == "insert"  # nothing was logged
