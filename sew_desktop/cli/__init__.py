"""The command line over the services. Commands that need Qt are handed in by ``__main__``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from sew_desktop import __version__
from sew_desktop.cli import boundaries, database, export, imports, merge, report, safety
from sew_desktop.cli.common import EXIT_DATA, EXIT_USAGE, PROG, CliError, OneLineParser, one_line
from sew_desktop.services.backups import newest_good_backup
from sew_desktop.services.export_table import ExportTargetError
from sew_desktop.store.errors import DamagedDatabaseError, DatabaseExistsError, StoreError, ValidationError

Handler = Callable[[argparse.Namespace], int]
REGISTRARS = (database.register, report.register, imports.register, export.register, safety.register,
              boundaries.register, merge.register)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = OneLineParser(prog=PROG, description="SEW Desktop: VDAB cooperation agreements and coverage.")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help="database file (default: $SEW_DESKTOP_DB or sew.sqlite in the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for register in REGISTRARS:
        register(commands)
    return parser


def _dispatch(args: argparse.Namespace, qt_handlers: Mapping[str, Handler]) -> int:
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        handler = qt_handlers.get(args.command or "gui")
    if handler is None:
        raise CliError(f"'{args.command or 'gui'}' is not available in this build")
    return handler(args)


def main(argv: Sequence[str] | None = None, *, qt_handlers: Mapping[str, Handler] | None = None) -> int:
    """Run one command; errors become one line on stderr and an exit code, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args, qt_handlers or {})
    except CliError as exc:
        return _fail(str(exc), exc.exit_code)
    except ValidationError as exc:
        return _fail(str(exc), EXIT_DATA)
    except DamagedDatabaseError as exc:
        return _fail(damaged_text(exc), EXIT_USAGE)
    except (StoreError, DatabaseExistsError, ExportTargetError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), EXIT_USAGE)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_DATA)
    except Exception as exc:  # a last resort: users never see a traceback
        return _fail(f"unexpected error ({type(exc).__name__}): {exc}", EXIT_USAGE)  # nothing done: as a refusal


def damaged_text(error: DamagedDatabaseError) -> str:
    """The damage, and the newest good backup to restore."""
    backup = newest_good_backup(error.path)
    if backup is None:
        return f"{error} (no backup found beside it)"
    return f"{error}: the newest good backup is {backup.path.name} ({PROG} backups restore {backup.path.name})"


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"{PROG}: error: {one_line(message)}\n")
    return code
