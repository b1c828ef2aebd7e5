"""``sew-desktop team join|status|leave`` and ``sew-desktop sync``: a file's life in a team."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from sew_desktop.cli.common import EXIT_DATA, EXIT_OK, CliError, OneLineParser, repository_for, write_output
from sew_desktop.cli.language import translate
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services.team import membership
from sew_desktop.services.team.sync import NotInTeamError, SyncReport, sync
from sew_desktop.store.team.local import Issue

NOT_IN_TEAM = QT_TRANSLATE_NOOP("CLI", "this file is not part of a team (sew-desktop --db FILE team join DSN)")


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``team`` and ``sync``."""
    team = commands.add_parser("team", help=QT_TRANSLATE_NOOP("CLI", "join, show or leave the team server"))
    what = team.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=OneLineParser)
    join = what.add_parser("join", help=QT_TRANSLATE_NOOP("CLI", "make --db FILE (new) a copy of the team's data"))
    join.add_argument("dsn", metavar="DSN", help=QT_TRANSLATE_NOOP("CLI", "the server (libpq connection string)"))
    join.set_defaults(handler=run_join)
    status = what.add_parser("status", help=QT_TRANSLATE_NOOP("CLI", "server, login, last sync, changes waiting"))
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(handler=run_status)
    what.add_parser("leave", help=QT_TRANSLATE_NOOP("CLI", "forget the server (the data stay)")) \
        .set_defaults(handler=run_leave)
    command = commands.add_parser("sync", help=QT_TRANSLATE_NOOP("CLI", "send this file's changes, then fetch the"
                                                                         " team's"))
    command.add_argument("--format", choices=("text", "json"), default="text")
    command.set_defaults(handler=run_sync)


def run_join(args: argparse.Namespace) -> int:
    """A new file with the team's data."""
    if args.db is None:
        raise CliError(translate("CLI", "name the new file with --db FILE"))
    path = Path(args.db)
    if path.exists():
        raise CliError(fill(translate("CLI", "%1 exists: join with a new file, then merge your copy into it"
                                             " (sew-desktop --db NEW merge %1) and sync"), path))
    report = membership.join_new_file(path, args.dsn)
    write_output(fill(translate("CLI", "%1 joined the team as %2: %3 rows, server at %4"), path, report.login,
                      report.rows, report.server_seq) + "\n")
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    """Where the file stands."""
    repository = repository_for(args)
    try:
        found = membership.status(repository)
    finally:
        repository.close()
    if found is None:
        raise CliError(translate("CLI", NOT_IN_TEAM)) from None
    if args.format == "json":
        shown = {key: value for key, value in asdict(found).items() if key != "refused_open"}  # the issue's keys
        write_output(json.dumps(shown) + "\n")
        return EXIT_OK
    write_output(fill(translate("CLI", "server %1, login %2, laptop %3\nlast sync %4 · %5 change(s) waiting · "
                                       "%6 open conflict(s)"), found.server, found.login, found.laptop,
                      found.last_sync or "—", found.pending, found.conflicts_open) + "\n")
    return EXIT_OK


def run_leave(args: argparse.Namespace) -> int:
    """Forget the server."""
    repository = repository_for(args)
    try:
        left = membership.leave(repository)
    finally:
        repository.close()
    write_output((translate("CLI", "left the team; the data stay in the file") if left
                  else translate("CLI", "this file is not part of a team")) + "\n")
    return EXIT_OK


def run_sync(args: argparse.Namespace) -> int:
    """Push, then pull; exit 1 when conflicts or refusals were recorded, 2 when the server cannot be reached."""
    repository = repository_for(args)
    try:
        report = sync(repository)
    except NotInTeamError:
        raise CliError(translate("CLI", NOT_IN_TEAM)) from None
    finally:
        repository.close()
    write_output(_json(report) if args.format == "json" else _text(report))
    return EXIT_DATA if report.conflicts or report.refused else EXIT_OK


def _json(report: SyncReport) -> str:
    return json.dumps({
        "pushed": report.pushed, "pulled": report.pulled, "pending": report.pending,
        "server_seq": report.server_seq,
        "conflicts": [{"table": i.table, "row": i.identity, "label": i.label, "field": i.field, "mine": i.mine,
                       "server": i.server, "server_who": i.server_who, "server_at": i.server_at}
                      for i in report.conflicts],
        "refused": [{"table": i.table, "row": i.identity, "label": i.label, "field": i.field, "value": i.mine,
                     "reason": i.reason} for i in report.refused],
    }, ensure_ascii=False) + "\n"


def _text(report: SyncReport) -> str:
    lines = [fill(translate("CLI", "sent %1 change(s), received %2; %3 waiting; server at %4"), report.pushed,
                  report.pulled, report.pending, report.server_seq)]
    lines += [_conflict_line(i) for i in report.conflicts]
    lines += [fill(translate("CLI", "refused: %1 · %2: %3 (%4)"), i.label, i.field or i.table, _value(i.mine),
                   i.reason or "") for i in report.refused]
    return "\n".join(lines) + "\n"


def _conflict_line(issue: Issue) -> str:
    return fill(translate("CLI", "conflict: %1 · %2: yours %3, the team's %4 (%5, %6)"), issue.label,
                issue.field or issue.table, _value(issue.mine), _value(issue.server), issue.server_who or "?",
                issue.server_at or "?")


def _value(value: object) -> str:
    return "—" if value in (None, "") else str(value)
