"""Joining and leaving a team, and where a file stands with it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from sew_desktop.store import history
from sew_desktop.store.database import create_database
from sew_desktop.store.merge_rows import COLUMNS, INSERT_ORDER, CopyReader, insert_row, update_row
from sew_desktop.store.repository import Repository
from sew_desktop.store.rows import now_iso
from sew_desktop.store.team import local, server
from sew_desktop.store.team.local import TeamLink
from sew_desktop.store.writes import Writer

USER_FIELDS = ("vdab_contact", "contacts", "notes")  # what a team changes of a municipality


class AlreadyInTeamError(Exception):
    """The file is part of a team already."""


class OwnWorkError(Exception):
    """The file holds its own work: joining it needs a merge with the team's data first."""


@dataclass(frozen=True, slots=True)
class JoinReport:
    """What ``team join`` did: the rows it took in and the server sequence the file now stands at."""

    path: Path
    rows: int
    server_seq: int
    login: str


@dataclass(frozen=True, slots=True)
class TeamStatus:
    """Where the file stands: server, login, this laptop, last sync, changes waiting, and the conflicts and
    refused changes not settled yet."""

    server: str
    login: str
    laptop: str
    last_sync: str | None
    pending: int
    conflicts_open: int
    refused_open: int


def public_dsn(dsn: str) -> str:
    """The DSN without a password: what the file keeps (libpq's places or the keyring hold the password)."""
    params = conninfo_to_dict(dsn)
    params.pop("password", None)
    return make_conninfo("", **params)


def join_new_file(path: Path, dsn: str) -> JoinReport:
    """Create ``path`` with the team's data and link it to the server (this laptop gets its own id). The file is
    built under a temporary name and renamed into place (as every new database): a failed join leaves none."""
    laptop_id = str(uuid.uuid4())
    with server.connect(dsn) as conn:
        server.register_laptop(conn, laptop_id)
        login = str(conn.info.user)
        snapshot = server.snapshot(conn)
    taken: list[int] = []

    def populate(repository: Repository) -> None:
        with history.reason(local.TEAM_REASON + "join"), repository.transaction() as tx:
            taken.append(_take_in(tx, repository, snapshot.rows))
            local.set_team_link(tx, TeamLink(public_dsn(dsn), laptop_id, login, now_iso(), snapshot.max_seq,
                                             local.last_entry_id_in(tx)))
            local.note(tx, f"joined the team on {public_dsn(dsn)}")

    create_database(path, populate=populate).conn.close()
    return JoinReport(path, taken[0], snapshot.max_seq, login)


def _take_in(tx: Writer, repository: Repository, rows: dict[str, list[dict[str, object]]]) -> int:
    """The team's rows into a new file: its municipalities' user fields, then every other table; the open call a
    new file starts with goes when the team does not have it (the team's calls are the ones that count)."""
    reader = CopyReader.of(repository)
    teams_calls = {str(row["uuid"]) for row in rows.get("open_call", [])}
    for identity in set(reader.all_rows("open_call")) - teams_calls:
        local.write_portable(tx, reader, "open_call", identity, "delete", None, None)
    count = _municipalities(tx, reader, rows.get("municipality", []))
    for table in INSERT_ORDER:
        for row in rows.get(table, []):
            insert_row(tx, reader, table, row)
            count += 1
    return count


def _municipalities(tx: Writer, reader: CopyReader, rows: list[dict[str, object]]) -> int:
    """The team's municipalities: the codes the file does not have are added (a successor before the codes it
    succeeds), the others get the team's contact fields."""
    count = 0
    for row in sorted(rows, key=lambda r: r.get("successor_nis") is not None):
        nis = str(row["nis_code"])
        if local.local_key(tx, "municipality", nis) is None:
            values = {column: row.get(column) for column in ("nis_code", *COLUMNS["municipality"])}
            insert_row(tx, reader, "municipality", {**values, "uuid": str(uuid.uuid4())})
            count += 1
            continue
        fields = {f: row.get(f) for f in USER_FIELDS if row.get(f) not in (None, "")}
        if fields:
            update_row(tx, reader, "municipality", nis, fields)
            count += 1
    return count


def leave(repository: Repository) -> bool:
    """Forget the server; the data stay. False when the file was not part of a team."""
    link = local.team_link(repository.connection)
    if link is None:
        return False
    with history.reason(local.TEAM_REASON + "leave"), repository.transaction() as tx:
        local.leave_team(tx)
        local.note(tx, f"left the team on {link.dsn}")
    return True


def status(repository: Repository) -> TeamStatus | None:
    """Where the file stands with its team (None: not part of one)."""
    link = local.team_link(repository.connection)
    if link is None:
        return None
    pending = len(local.pending_entries(repository.connection, link.answered_op))
    issues = local.open_issues(repository.connection)
    conflicts = sum(1 for issue in issues if issue.kind == "conflict")
    return TeamStatus(link.dsn, link.login, link.laptop_id, link.last_sync, pending, conflicts,
                      len(issues) - conflicts)
