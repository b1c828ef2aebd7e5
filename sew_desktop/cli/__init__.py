"""The command line over the services. Commands that need Qt are handed in by ``__main__``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from sew_desktop import __version__
from sew_desktop.cli import boundaries, database, export, imports, merge, report, safety, server, team
from sew_desktop.cli.common import EXIT_DATA, EXIT_USAGE, PROG, CliError, OneLineParser, error_prefix, one_line
from sew_desktop.cli.language import install_argparse_words, translate
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services.backups import newest_good_backup
from sew_desktop.services.export_table import ExportTargetError
from sew_desktop.services.texts import PROBLEM_TEXTS
from sew_desktop.store.errors import DamagedDatabaseError, StoreError, ValidationError

Handler = Callable[[argparse.Namespace], int]
REGISTRARS = (database.register, report.register, imports.register, export.register, safety.register,
              boundaries.register, merge.register, server.register, team.register)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    install_argparse_words()
    parser = OneLineParser(prog=PROG, description=QT_TRANSLATE_NOOP(
        "CLI", "SEW Desktop: VDAB cooperation agreements and coverage."))
    parser.add_argument("--db", type=Path, default=None, metavar=QT_TRANSLATE_NOOP("CLI", "PATH"),
                        help=QT_TRANSLATE_NOOP("CLI", "database file (default: $SEW_DESKTOP_DB, else the file the"
                                                      " window used last, else sew.sqlite in the user data folder)"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=QT_TRANSLATE_NOOP("CLI", "show the version and exit"))
    commands = parser.add_subparsers(dest="command", metavar=QT_TRANSLATE_NOOP("CLI", "COMMAND"),
                                     parser_class=OneLineParser)
    for register in REGISTRARS:
        register(commands)
    return parser


def _dispatch(args: argparse.Namespace, qt_handlers: Mapping[str, Handler]) -> int:
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        handler = qt_handlers.get(args.command or "gui")
    if handler is None:
        raise CliError(fill(translate("CLI", "'%1' is not available in this build"), args.command or "gui"))
    return handler(args)


def main(argv: Sequence[str] | None = None, *, qt_handlers: Mapping[str, Handler] | None = None) -> int:
    """Run one command; errors become one line on stderr and an exit code, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args, qt_handlers or {})
    except CliError as exc:
        return _fail(str(exc), exc.exit_code)
    except ValidationError as exc:
        return _fail(refusal_text(exc), EXIT_DATA)
    except DamagedDatabaseError as exc:
        return _fail(damaged_text(exc), EXIT_USAGE)
    except StoreError as exc:
        return _fail(exc.text.render(translate), EXIT_USAGE)
    except ExportTargetError as exc:
        return _fail(exc.text.render(translate), EXIT_USAGE)
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), EXIT_USAGE)
    except KeyboardInterrupt:
        return _fail(translate("CLI", "interrupted"), EXIT_DATA)
    except Exception as exc:  # a last resort: users never see a traceback
        text = fill(translate("CLI", "unexpected error (%1): %2"), type(exc).__name__, exc)
        return _fail(text, EXIT_USAGE)  # nothing done: as a refusal


def refusal_text(error: ValidationError) -> str:
    """Why a write was refused: each broken rule as the window says it."""
    problems = getattr(error, "problems", None)
    if not problems:
        return error.text.render(translate)
    return " ".join(translate("Problem", PROBLEM_TEXTS[p]) for p in problems)


def damaged_text(error: DamagedDatabaseError) -> str:
    """The damage, and the newest good backup to restore."""
    damage = error.text.render(translate)
    backup = newest_good_backup(error.path)
    if backup is None:
        return fill(translate("CLI", "%1 (no backup found beside it)"), damage)
    return fill(translate("CLI", "%1: the newest good backup is %2 (%3 backups restore %2)"), damage,
                backup.path.name, PROG)


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"{error_prefix()} {one_line(message)}\n")
    return code
