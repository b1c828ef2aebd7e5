"""A sync with the team server: push the file's own changes, then pull the team's — short connections, nothing held
open on the server, nothing lost when the network goes away halfway (the cursors move only with what was applied).

What a sync does with the server's answers, in one local transaction:

- **applied**: nothing more to do; the change is the team's now;
- **conflict**: the server kept its value; the pull brings it in (the operation is no longer pending, so the pull
  may overwrite it), and the losing value is kept as an issue for the user, who can apply it again on purpose;
- **refused**: the file returns to the team's value (an update gets the server's value back, an insert goes, a
  delete comes back) and the refusal is kept as an issue with its reason.

A pull never overwrites an edit made meanwhile (during the sync): such a field keeps the local value and is pushed
next time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sew_desktop.store import history
from sew_desktop.store.merge_rows import CopyReader
from sew_desktop.store.repository import Repository
from sew_desktop.store.team import local, server
from sew_desktop.store.team.local import Issue, TeamLink
from sew_desktop.store.team.protocol import Operation, Outcome, ServerChange
from sew_desktop.store.writes import Writer

PULL_PAGE = 5000


class NotInTeamError(Exception):
    """The file is not part of a team (``team join`` first)."""


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one sync did: operations pushed, changes pulled, what still waits, where the server stands, and the
    conflicts and refusals this sync recorded."""

    pushed: int
    pulled: int
    pending: int
    server_seq: int
    conflicts: tuple[Issue, ...]
    refused: tuple[Issue, ...]


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What a sync sends, read from the file (on the thread that owns its connection): the link, the operations,
    the last history entry they cover and each update's value before the edit (the team's, then)."""

    link: TeamLink
    ops: list[Operation]
    last_entry: int
    before: dict[int, object]


@dataclass(frozen=True, slots=True)
class Exchange:
    """What the server answered and what it had for us: all a sync needs to settle in the file."""

    outgoing: Outgoing
    outcomes: list[Outcome]
    changes: list[ServerChange]


def sync(repository: Repository) -> SyncReport:
    """Push, then pull; raises ``ServerUnreachableError`` (nothing changed here) when the server cannot be
    reached or the login fails. The window runs the three steps apart: :func:`outgoing` and :func:`settle` on
    its own thread (they use the file), :func:`exchange` in a worker (network only)."""
    return settle(repository, exchange(outgoing(repository)))


def outgoing(repository: Repository) -> Outgoing:
    """Read the outbox as operations."""
    link = local.team_link(repository.connection)
    if link is None:
        raise NotInTeamError(str(repository.path))
    entries = local.pending_entries(repository.connection, link.answered_op)
    ops = local.operations(repository.connection, entries, link.server_seq)
    last = max([link.answered_op, *(e.id for e in entries)])
    return Outgoing(link, ops, last, {e.id: e.old_value for e in entries if e.action == "update"})


def exchange(sending: Outgoing) -> Exchange:
    """The network part, on one short connection: push, then pull everything after the cursor. Touches no file:
    safe in a worker thread."""
    with server.connect(sending.link.dsn) as conn:
        outcomes = server.push(conn, sending.link.laptop_id, sending.ops) if sending.ops else []
        changes = _pull_all(conn, sending.link.server_seq)
    return Exchange(sending, outcomes, changes)


def settle(repository: Repository, answered: Exchange) -> SyncReport:
    """In one local transaction: the answers kept, refused changes undone, the team's changes applied (announced
    on the change bus), the cursors moved."""
    sent = answered.outgoing
    with history.reason(local.TEAM_REASON + "pull"), repository.transaction() as tx:
        issues = _answers(tx, repository, answered)
        pulled = _apply_pulled(tx, repository, answered.changes, sent.last_entry)
        seq = max([sent.link.server_seq, *(c.seq for c in answered.changes)])
        local.advance(tx, server_seq=seq, answered_op=sent.last_entry)
    pending = len(local.pending_entries(repository.connection, sent.last_entry))
    return SyncReport(len(sent.ops), pulled, pending, seq,
                      tuple(i for i in issues if i.kind == "conflict"), tuple(i for i in issues if i.kind == "refused"))


def _pull_all(conn: Any, after: int) -> list[ServerChange]:
    changes: list[ServerChange] = []
    while True:
        page = server.pull(conn, after, PULL_PAGE)
        changes += page
        if len(page) < PULL_PAGE:
            return changes
        after = page[-1].seq


def _answers(tx: Writer, repository: Repository, answered: Exchange) -> list[Issue]:
    """Keep the conflicts and refusals, and put the team's value back where a change was refused."""
    reader = CopyReader.of(repository)
    names = reader.display_names()
    by_no = {op.op_no: op for op in answered.outgoing.ops}
    team_values: dict[tuple[str, str, str | None], object] = {}  # each field's value in the team, as answered
    issues = []
    for outcome in sorted(answered.outcomes, key=lambda o: o.op_no):
        op = by_no[outcome.op_no]
        field = (op.table, op.identity, op.field)
        team_values.setdefault(field, answered.outgoing.before.get(op.op_no))  # before this push's first edit
        if outcome.status != "refused":
            team_values[field] = op.value if outcome.status == "applied" else outcome.server_value
        if outcome.status == "applied":
            continue
        issue = _issue(op, outcome, names)
        local.record_issue(tx, issue)
        issues.append(issue)
        if outcome.status == "refused":
            _back_to_team(tx, reader, op, outcome, team_values[field])
    return issues


def _issue(op: Operation, outcome: Outcome, names: dict[str, str]) -> Issue:
    label = names.get(op.identity) or names.get(op.identity.split("/")[-1]) or op.identity
    return Issue(op.op_no, outcome.status, op.table, op.identity, label, op.field, op.value, outcome.server_value,
                 outcome.server_who, outcome.server_at, outcome.reason)


def _back_to_team(tx: Writer, reader: CopyReader, op: Operation, outcome: Outcome, before: object) -> None:
    """A refused change undone here: every laptop keeps showing the team's data. An update gets back the value
    the field had before the edit (the team's as of the last pull; a later one comes with this pull), an insert
    goes, a delete comes back when the server sent the row."""
    if op.action == "update":
        value = local.portable_value(reader, op.table, op.field, before) if op.field else before
        local.write_portable(tx, reader, op.table, op.identity, "update", op.field, value)
    elif op.action == "insert":
        local.write_portable(tx, reader, op.table, op.identity, "delete", None, None)
    elif isinstance(outcome.server_value, dict):
        local.write_portable(tx, reader, op.table, op.identity, "insert", None, outcome.server_value)


def _apply_pulled(tx: Writer, repository: Repository, changes: Sequence[ServerChange], answered: int) -> int:
    """The team's changes, except where an edit made meanwhile waits to be pushed; returns how many applied."""
    reader = CopyReader.of(repository)
    waiting = _waiting(repository, reader, answered)
    applied = 0
    for change in changes:
        if {(change.table, change.identity, change.field), (change.table, change.identity, None)} & waiting:
            continue
        local.apply_change(tx, reader, change)
        applied += 1
    return applied


def _waiting(repository: Repository, reader: CopyReader, answered: int) -> set[tuple[str, str, str | None]]:
    """The rows and fields edited here after ``answered`` (during this sync): a pull leaves them alone."""
    entries = local.pending_entries(repository.connection, answered)
    return {(e.entity, local.identity_of(reader, e), e.field if e.action == "update" else None) for e in entries}
