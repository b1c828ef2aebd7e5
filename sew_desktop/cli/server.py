"""``sew-desktop server --dsn DSN init|upgrade|user add|user list|user remove``: the team server's set-up, run by
a login that may create roles and tables in that database."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sew_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, OneLineParser, write_output
from sew_desktop.cli.language import number, translate
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.store.team import server


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``server``."""
    parser = commands.add_parser("server", help=QT_TRANSLATE_NOOP("CLI", "set up the team server (PostgreSQL)"))
    parser.add_argument("--dsn", required=True, metavar="DSN", help=QT_TRANSLATE_NOOP(
        "CLI", "libpq connection string or URI; the password comes from PGPASSFILE, .pgpass or a service file"))
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=OneLineParser)
    init = what.add_parser("init", help=QT_TRANSLATE_NOOP("CLI", "create the team server in an empty database"))
    init.add_argument("--from", dest="seed", type=Path, default=None, metavar="FILE",
                      help=QT_TRANSLATE_NOOP("CLI", "seed it with the rows of this SEW Desktop file"))
    init.set_defaults(handler=run_init)
    what.add_parser("upgrade", help=QT_TRANSLATE_NOOP(
        "CLI", "bring the team server to this version of SEW Desktop")).set_defaults(handler=run_upgrade)
    _register_user(what)


def _register_user(what: argparse._SubParsersAction[OneLineParser]) -> None:
    user = what.add_parser("user", help=QT_TRANSLATE_NOOP("CLI", "add, list or remove team logins"))
    how = user.add_subparsers(dest="how", metavar="ACTION", required=True, parser_class=OneLineParser)
    add = how.add_parser("add", help=QT_TRANSLATE_NOOP("CLI", "add a login (or change its provinces)"))
    add.add_argument("login", metavar="LOGIN")
    add.add_argument("--provinces", default="", metavar="NIS[,NIS]",
                     help=QT_TRANSLATE_NOOP("CLI", "NIS codes of the provinces this login edits"))
    add.add_argument("--coordinator", action="store_true",
                     help=QT_TRANSLATE_NOOP("CLI", "a coordinator edits every province"))
    add.add_argument("--password-file", type=Path, default=None, metavar="F",
                     help=QT_TRANSLATE_NOOP("CLI", "set the password to this file's first line"))
    add.set_defaults(handler=run_user_add)
    how.add_parser("list", help=QT_TRANSLATE_NOOP("CLI", "the team's logins")).set_defaults(handler=run_user_list)
    remove = how.add_parser("remove", help=QT_TRANSLATE_NOOP("CLI", "remove a login"))
    remove.add_argument("login", metavar="LOGIN")
    remove.set_defaults(handler=run_user_remove)


@contextmanager
def _connection(args: argparse.Namespace, *, check_version: bool = True) -> Iterator[Any]:
    """A connection for one command; what the server refuses becomes one line and exit 2."""
    conn = server.connect(args.dsn, check_version=check_version)
    try:
        yield conn
    except server.DatabaseError as exc:
        refused = fill(translate("CLI", "the team server refused: %1"), server.first_line(exc))
        raise CliError(refused, EXIT_USAGE) from exc
    finally:
        conn.close()


def _say(text: str, *values: object) -> int:
    write_output(fill(text, *values) + "\n")
    return EXIT_OK


def run_init(args: argparse.Namespace) -> int:
    """Create the schema (seeded from a file when asked)."""
    seed = server.seed_from_file(args.seed) if args.seed is not None else None
    with _connection(args, check_version=False) as conn:
        seq = server.init(conn, seed)
    return _say(translate("CLI", "team server created (schema version %1, %2 changes)"), server.SERVER_VERSION,
                number(seq))


def run_upgrade(args: argparse.Namespace) -> int:
    """Upgrade the schema to this app's version."""
    with _connection(args, check_version=False) as conn:
        before = server.upgrade(conn)
    return _say(translate("CLI", "team server upgraded from schema version %1 to %2"), before, server.SERVER_VERSION)


def _provinces(text: str, coordinator: bool) -> list[str]:
    codes = [code.strip() for code in text.split(",") if code.strip()]
    if any(len(code) != 5 or not code.isdigit() for code in codes) or not (codes or coordinator):
        raise CliError(translate("CLI", "--provinces takes NIS codes of provinces, e.g. 10000,70000"), EXIT_USAGE)
    return codes


def run_user_add(args: argparse.Namespace) -> int:
    """Add a login or change its provinces."""
    provinces = _provinces(args.provinces, args.coordinator)
    password = None
    if args.password_file is not None:
        password = Path(args.password_file).read_text(encoding="utf-8").splitlines()[0]
    with _connection(args) as conn:
        server.add_user(conn, args.login, provinces, args.coordinator, password)
    return _say(translate("CLI", "login %1 added"), args.login)


def _role(coordinator: bool) -> str:
    return translate("CLI", "coordinator") if coordinator else translate("CLI", "editor")


def run_user_list(args: argparse.Namespace) -> int:
    """One line per login: its role and provinces."""
    with _connection(args) as conn:
        users = server.list_users(conn)
    lines = [f"{u.login}\t{_role(u.coordinator)}\t{','.join(u.provinces)}" for u in users]
    write_output("".join(line + "\n" for line in lines))
    return EXIT_OK


def run_user_remove(args: argparse.Namespace) -> int:
    """Remove a login."""
    with _connection(args) as conn:
        server.remove_user(conn, args.login)
    return _say(translate("CLI", "login %1 removed"), args.login)
