"""The team server's SQL: PostgreSQL through psycopg 3 (schema ``sew``; see the package docstring for the rules).

The schema, its functions and its row-level security live in ``server_tables.sql`` (created once by ``init``) and
``server_functions.sql`` (re-run by ``upgrade``). A push is one call of ``sew.push`` (one round trip, one
transaction); connections are short and never left inside a transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, cast

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from sew_desktop.store.merge_rows import INSERT_ORDER, CopyReader, Row, read_theirs
from sew_desktop.store.team.protocol import TABLES, Operation, Outcome, ServerChange
from sew_desktop.store.team.server_errors import (
    LaptopTakenError,
    NoSuchLoginError,
    NotATeamServerError,
    ServerExistsError,
    ServerUnreachableError,
    ServerVersionError,
)

SERVER_VERSION = 1  # the schema version this app speaks; `server upgrade` brings an older server here
SEED_ORDER = ("municipality", *INSERT_ORDER)
GROUPS = {False: "sew_editor", True: "sew_coordinator"}


@dataclass(frozen=True)
class User:
    """A login of the team: the provinces (NIS codes) it edits, or every province as a coordinator."""

    login: str
    provinces: tuple[str, ...]
    coordinator: bool


class Snapshot(NamedTuple):
    """Every live row per table (portable; municipalities with their ``nis_code``) and the sequence it is at."""

    rows: dict[str, list[Row]]
    max_seq: int


def _sql(name: str) -> str:
    return resources.files("sew_desktop.store.team").joinpath(name).read_text(encoding="utf-8")


def conninfo(dsn: str) -> str:
    """The DSN as the app connects with it: TLS required (``sslmode=require`` unless the DSN asks for more, never
    less), a connect timeout, the application's name."""
    params = psycopg.conninfo.conninfo_to_dict(dsn)
    if params.get("sslmode") in (None, "disable", "allow", "prefer"):
        params["sslmode"] = "require"
    params.setdefault("connect_timeout", 10)
    params.setdefault("application_name", "SEW Desktop")
    return psycopg.conninfo.make_conninfo("", **params)


def connect(dsn: str, *, check_version: bool = True) -> psycopg.Connection[Any]:
    """A short connection over TLS (see :func:`conninfo`), times in UTC, in autocommit (each call below is its
    own transaction: none is left open); the server's schema version checked against this app's unless
    ``check_version`` is false."""
    try:
        conn = psycopg.connect(conninfo(dsn), options="-c TimeZone=UTC",
                               autocommit=True)
    except psycopg.OperationalError as exc:
        raise ServerUnreachableError(first_line(exc)) from exc
    if check_version:
        try:
            require_version(conn)
        except BaseException:
            conn.close()
            raise
    return conn


def server_version(conn: psycopg.Connection[Any]) -> int:
    """The server's schema version (0: no SEW team server in this database)."""
    with conn.transaction():
        found = conn.execute("SELECT to_regclass('sew.schema_version') IS NOT NULL").fetchone()
        if not found or not found[0]:
            return 0
        row = conn.execute("SELECT version FROM sew.schema_version").fetchone()
    return int(row[0]) if row else 0


def require_version(conn: psycopg.Connection[Any]) -> None:
    """Refuse a server this app cannot work with: none, older (upgrade it) or newer (update the app)."""
    version = server_version(conn)
    if version == 0:
        raise NotATeamServerError()
    if version != SERVER_VERSION:
        raise ServerVersionError(version, SERVER_VERSION)


def init(conn: psycopg.Connection[Any], seed: Mapping[str, Sequence[Row]] | None = None) -> int:
    """Create the schema in a database without one, seeded with portable rows (municipalities first, each
    table's rows in the order a merge inserts them). Returns the sequence the seed reached."""
    if server_version(conn) != 0:
        raise ServerExistsError()
    with conn.transaction():
        conn.execute(_sql("server_tables.sql"))
        conn.execute("INSERT INTO sew.schema_version (version) VALUES (%s)", [SERVER_VERSION])
        conn.execute(_sql("server_functions.sql"))
        for table in SEED_ORDER:
            _seed(conn, table, (seed or {}).get(table, ()))
        row = conn.execute("SELECT coalesce(max(seq), 0) FROM sew.change_log").fetchone()
    return int(row[0]) if row else 0


def _seed(conn: psycopg.Connection[Any], table: str, rows: Sequence[Row]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier("sew", table), sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join(sql.Placeholder() * len(columns)))
    with conn.cursor() as cursor:
        cursor.executemany(statement, [[row.get(c) for c in columns] for row in rows])


def upgrade(conn: psycopg.Connection[Any]) -> int:
    """Bring a server to this app's schema version (functions, grants and policies re-installed); refuses a
    server newer than the app. Returns the version it had."""
    version = server_version(conn)
    if version == 0:
        raise NotATeamServerError()
    if version > SERVER_VERSION:
        raise ServerVersionError(version, SERVER_VERSION)
    with conn.transaction():
        conn.execute(_sql("server_functions.sql"))
        conn.execute("UPDATE sew.schema_version SET version = %s", [SERVER_VERSION])
    return version


def add_user(conn: psycopg.Connection[Any], login: str, provinces: Sequence[str], coordinator: bool,
             password: str | None = None) -> None:
    """A login (SCRAM password, if given) in the editors' or coordinators' group, with its provinces."""
    role = sql.Identifier(login)
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [login]).fetchone()
        if exists is None:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(role))
        if password is not None:
            conn.execute("SET LOCAL password_encryption = 'scram-sha-256'")
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(password)))
        conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(GROUPS[not coordinator]), role))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUPS[coordinator]), role))
        conn.execute("INSERT INTO sew.member (login, provinces, coordinator) VALUES (%s, %s, %s)"
                     " ON CONFLICT (login) DO UPDATE SET provinces = excluded.provinces,"
                     " coordinator = excluded.coordinator", [login, list(provinces), coordinator])


def list_users(conn: psycopg.Connection[Any]) -> list[User]:
    """The team's logins, by name."""
    with conn.transaction():
        rows = conn.execute("SELECT login, provinces, coordinator FROM sew.member ORDER BY login").fetchall()
    return [User(str(r[0]), tuple(r[1]), bool(r[2])) for r in rows]


def remove_user(conn: psycopg.Connection[Any], login: str) -> None:
    """Take a login out of the team and drop it (its changes stay in the logs under its name)."""
    with conn.transaction():
        found = conn.execute("DELETE FROM sew.member WHERE login = %s RETURNING login", [login]).fetchone()
        if found is None:
            raise NoSuchLoginError(login)
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


def register_laptop(conn: psycopg.Connection[Any], laptop_id: str) -> None:
    """Bind a laptop id to the connection's login; refused when another login registered it."""
    with conn.transaction():
        row = conn.execute("SELECT sew.claim_laptop(%s), session_user", [laptop_id]).fetchone()
    if row is None or row[0] != row[1]:
        raise LaptopTakenError(laptop_id)


def push(conn: psycopg.Connection[Any], laptop_id: str, ops: Sequence[Operation]) -> list[Outcome]:
    """Send operations in one transaction; one outcome per operation, in ``op_no`` order."""
    with conn.transaction():
        answers = push_uncommitted(conn, laptop_id, ops)
    return answers


def push_uncommitted(conn: psycopg.Connection[Any], laptop_id: str, ops: Sequence[Operation]) -> list[Outcome]:
    """``push`` inside the caller's ``conn.transaction()`` (tests hold it open to race other pushes)."""
    payload = Jsonb([asdict(op) for op in ops])
    row = conn.execute("SELECT sew.push(%s, %s)", [laptop_id, payload]).fetchone()
    return [_outcome(answer) for answer in (row[0] if row else [])]


def _outcome(answer: Mapping[str, Any]) -> Outcome:
    return Outcome(op_no=int(answer["op_no"]), status=answer["status"], seq=answer.get("seq"),
                   server_value=answer.get("server_value"), server_who=answer.get("server_who"),
                   server_at=answer.get("server_at"), reason=answer.get("reason"))


def pull(conn: psycopg.Connection[Any], after_seq: int, limit: int = 5000) -> list[ServerChange]:
    """The changes with a sequence above ``after_seq``, in order, at most ``limit``."""
    with conn.transaction():
        rows = conn.execute("SELECT seq, tbl, identity, action, field, value, who, at, laptop FROM sew.change_log"
                            " WHERE seq > %s ORDER BY seq LIMIT %s", [after_seq, limit]).fetchall()
    return [ServerChange(seq=int(r[0]), table=str(r[1]), identity=str(r[2]), action=r[3], field=r[4], value=r[5],
                         who=str(r[6]), at=_iso(r[7]), laptop=None if r[8] is None else str(r[8])) for r in rows]


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def snapshot(conn: psycopg.Connection[Any]) -> Snapshot:
    """Every live row and the sequence they reflect, read in one consistent snapshot."""
    rows: dict[str, list[Row]] = {}
    conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    try:
        with conn.transaction():
            for table in TABLES:
                query = sql.SQL("SELECT to_jsonb(t) - 'identity' - 'province' FROM {} t ORDER BY identity").format(
                    sql.Identifier("sew", table))
                rows[table] = [cast(Row, r[0]) for r in conn.execute(query).fetchall()]
            found = conn.execute("SELECT coalesce(max(seq), 0) FROM sew.change_log").fetchone()
    finally:
        conn.isolation_level = None
    return Snapshot(rows, int(found[0]) if found else 0)


def set_serialised(conn: psycopg.Connection[Any], on: bool) -> None:
    """Switch the push lock off or on again: only for the test that proves the ordered-visibility rule is tested
    (the schema owner alone can)."""
    with conn.transaction():
        conn.execute("UPDATE sew.schema_version SET serialise_pushes = %s", [on])



DatabaseError = psycopg.Error  # what a server refused (a privilege, a constraint): callers show its first line


def first_line(error: BaseException) -> str:
    """The first line of a server's or libpq's message."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def seed_from_file(path: Path) -> dict[str, list[Row]]:
    """A SEW Desktop file's rows in portable form, municipalities with their NIS code (for ``init``)."""
    with read_theirs(path) as conn:
        reader = CopyReader(conn)
        rows = {table: reader.all_rows(table) for table in SEED_ORDER}
    rows["municipality"] = {nis: {"nis_code": nis, **row} for nis, row in rows["municipality"].items()}
    return {table: list(found.values()) for table, found in rows.items()}
