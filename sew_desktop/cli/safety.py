"""``sew-desktop history``, ``backups list|restore`` and ``check``."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from sew_desktop.cli.common import EXIT_DATA, EXIT_OK, CliError, OneLineParser, iso_date, repository_for, write_output
from sew_desktop.cli.language import number, translate
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services import history
from sew_desktop.services.backups import list_backups, reason_text, restore_backup
from sew_desktop.services.checks import check_database, report_text
from sew_desktop.services.locations import default_database_path
from sew_desktop.store.errors import DamagedDatabaseError


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``history``, ``backups`` and ``check``."""
    parser = commands.add_parser("history", help=QT_TRANSLATE_NOOP("CLI", "list the change history, newest first"))
    parser.add_argument("--entity", default=None, choices=history.ENTITIES, metavar="E",
                        help=QT_TRANSLATE_NOOP("CLI", "only this kind of row: %(choices)s"))
    parser.add_argument("--since", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help=QT_TRANSLATE_NOOP("CLI", "only from this day"))
    parser.add_argument("--format", choices=history.FORMATS, default="text",
                        help=QT_TRANSLATE_NOOP("CLI", "output format (default: text)"))
    parser.set_defaults(handler=run_history)
    backups = commands.add_parser("backups", help=QT_TRANSLATE_NOOP("CLI", "list or restore the automatic backups"))
    what = backups.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=OneLineParser)
    what.add_parser("list",
                    help=QT_TRANSLATE_NOOP("CLI", "the backups, newest first")).set_defaults(handler=run_backups_list)
    restore = what.add_parser("restore",
                              help=QT_TRANSLATE_NOOP("CLI", "put a backup back (the current file is backed up first)"))
    restore.add_argument("backup", metavar="NAME",
                         help=QT_TRANSLATE_NOOP("CLI", "a file name from 'backups list' (or a path)"))
    restore.set_defaults(handler=run_backups_restore)
    check = commands.add_parser("check",
                                help=QT_TRANSLATE_NOOP(
                                    "CLI", "check the database: integrity, foreign keys and the rules"))
    check.set_defaults(handler=run_check)


def run_history(args: argparse.Namespace) -> int:
    """Print the history."""
    repository = repository_for(args)
    try:
        entries = history.history_entries(repository, args.entity, args.since)
    finally:
        repository.close()
    write_output(history.render(entries, args.format, translate))
    return EXIT_OK


def _database(args: argparse.Namespace) -> Path:
    path = Path(args.db) if args.db is not None else default_database_path()
    if not path.exists():
        raise CliError(fill(translate("StoreError", "database not found: %1"), path))
    return path


def run_backups_list(args: argparse.Namespace) -> int:
    """One line per backup: date and time, why it was taken, size, counts."""
    lines = []
    for backup in list_backups(_database(args), migrations=True):
        try:
            c = backup.contents()
            counts = fill(translate("CLI", "%1 municipalities, %2 regiegebieden, %3 agreements, %4 decisions"),
                          number(c.municipalities), number(c.regions), number(c.agreements), number(c.decisions))
        except Exception:  # a damaged backup is listed, not hidden
            counts = translate("CLI", "unreadable")
        size = f"{number(backup.size // 1024)} KB"
        why = reason_text(backup.reason, translate)
        lines.append(f"{backup.path.name}  {backup.taken:%d/%m/%Y %H:%M:%S}  {why}  {size}  {counts}")
    write_output("\n".join(lines) + "\n" if lines else translate("CLI", "no backups yet") + "\n")
    return EXIT_OK


def run_backups_restore(args: argparse.Namespace) -> int:
    """Restore a backup after backing up the current file."""
    database = _database(args)
    chosen = Path(args.backup)
    if not chosen.exists():
        matches = [b.path for b in list_backups(database, migrations=True) if b.path.name == args.backup]
        if not matches:
            raise CliError(fill(translate("CLI", "no backup named %1 (see 'backups list')"), args.backup))
        chosen = matches[0]
    with contextlib.suppress(DamagedDatabaseError):  # restoring is what a damaged file needs
        repository_for(args).close()  # refuses a foreign or newer file before anything is written
    safety = restore_backup(database, chosen)
    write_output(fill(translate("CLI", "restored %1; the file as it was is in %2"), chosen.name, safety.name) + "\n")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """Print the check report; exit 1 when something is wrong."""
    repository = repository_for(args)
    try:
        report = check_database(repository)
    finally:
        repository.close()
    write_output(f"{repository.path}\n" + report_text(report, translate))  # which file: the last one by default
    return EXIT_OK if report.ok else EXIT_DATA
