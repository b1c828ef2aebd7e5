"""``sew-desktop import-decisions`` and ``sew-desktop calls``."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from sew_desktop.cli.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, CliError, OneLineParser, repository_for, write_output
from sew_desktop.cli.language import number, percent, translate
from sew_desktop.domain.model import OpenCall
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services.backups import BackupReason, take_backup
from sew_desktop.services.imports.errors import (
    EncodingUnsureError,
    ImportCancelledError,
    ImportProblemError,
    MissingColumnsError,
    UnknownCallError,
    printable,
    shortened,
)
from sew_desktop.services.imports.model import ImportPlan, Options
from sew_desktop.services.imports.report import as_text, write_json
from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.store.repository import Repository


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``import-decisions`` and ``calls``."""
    parser = commands.add_parser("import-decisions",
                                 help=QT_TRANSLATE_NOOP(
                                     "CLI", "import the subsidy decisions of an open call (CSV/XLSX)"))
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--call", required=True, metavar="NAME",
                        help=QT_TRANSLATE_NOOP("CLI", "name of the open call (see 'calls')"))
    parser.add_argument("--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("CLI", "show the plan, write nothing"))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=QT_TRANSLATE_NOOP("CLI", "output format (default: text)"))
    parser.add_argument(
        "--sheet", default=None, metavar="NAME", help=QT_TRANSLATE_NOOP(
            "CLI", "workbook sheet (default: the active visible sheet)")
    )
    parser.add_argument(
        "--encoding", default=None, metavar="ENC", help=QT_TRANSLATE_NOOP(
            "CLI", "CSV encoding, e.g. cp1252, mac_roman (default: detected)")
    )
    parser.add_argument(
        "--exclude-row",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help=QT_TRANSLATE_NOOP("CLI", "skip this file row (as a spreadsheet numbers it); repeatable"),
    )
    parser.set_defaults(handler=run_import)
    calls = commands.add_parser("calls", help=QT_TRANSLATE_NOOP("CLI", "list the open calls"))
    calls.add_argument("--format", choices=("text", "json"), default="text",
                       help=QT_TRANSLATE_NOOP("CLI", "output format (default: text)"))
    calls.set_defaults(handler=run_calls)


def run_import(args: argparse.Namespace) -> int:
    """Plan, and unless ``--dry-run`` or errors remain, apply."""
    if args.file.is_dir():
        raise CliError(fill(translate("CLI", "a folder, not a file: %1"), args.file))
    if not args.file.is_file():
        raise CliError(fill(translate("CLI", "file not found: %1"), args.file))
    repository = repository_for(args)
    try:
        try:
            call = find_call(repository, args.call)
        except ImportProblemError as exc:
            raise CliError(refusal_text(exc), EXIT_USAGE) from None
        options = Options(encoding=args.encoding, sheet=args.sheet, excluded_rows=frozenset(args.exclude_row))
        plan = _prepare(repository, args.file, call, options)
        applied = plan.can_apply and not args.dry_run
        if applied:
            if repository.path is not None:
                take_backup(repository.path, BackupReason.BEFORE_IMPORT)  # a risky operation (skipped when unchanged)
            apply(repository, plan, undoable=False)
    finally:
        repository.close()
    if args.format == "json":
        _write_json(plan, applied)
    else:
        write_output(as_text(plan, applied, translate, number))
    return EXIT_OK if plan.can_apply else EXIT_DATA


def _write_json(plan: ImportPlan, applied: bool) -> None:
    try:
        write_json(plan, applied, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        pass


def _prepare(repository: Repository, file: Path, call: OpenCall, options: Options) -> ImportPlan:
    """The plan; every reason a file cannot be planned is one line: exit 2 unreadable, exit 1 data."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # library warnings never reach the terminal
        try:
            return prepare(repository, file, call, options)
        except MissingColumnsError as exc:
            raise CliError(refusal_text(exc), EXIT_DATA) from None
        except ImportProblemError as exc:
            raise CliError(refusal_text(exc), EXIT_USAGE) from None


def refusal_text(error: ImportProblemError) -> str:
    """Why the file cannot be imported, in the user's language (a reader's own detail stays as it says it)."""
    if isinstance(error, UnknownCallError):
        return fill(translate("CLI", "unknown call '%1' (see 'calls')"), error.name)
    if isinstance(error, MissingColumnsError):
        found = shortened([repr(printable(h)) for h in error.headers if h.strip()]) or translate("CLI", "none")
        return fill(translate("CLI", "missing column(s): %1; headers found: %2"), ", ".join(error.missing), found)
    if isinstance(error, EncodingUnsureError):
        shown = translate("CLI", " or ").join(f"{name} ({percent(share)})" for name, share in error.candidates)
        return fill(translate("CLI", "cannot tell the encoding of the file: %1; choose one with --encoding"), shown)
    if isinstance(error, ImportCancelledError):
        return translate("CLI", "cancelled; nothing was imported")
    return fill(translate("CLI", "cannot read the file (details: %1)"), error)


def run_calls(args: argparse.Namespace) -> int:
    """List the open calls."""
    repository = repository_for(args)
    try:
        calls = repository.open_calls()
    finally:
        repository.close()
    rows = [
        {
            "name": c.name,
            "period_start": c.period.valid_from.isoformat() if c.period.valid_from else None,
            "period_end": c.period.valid_to.isoformat() if c.period.valid_to else None,
            "deadline": c.deadline.isoformat() if c.deadline else None,
        }
        for c in calls
    ]
    if args.format == "json":
        write_output(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lines = [
        f"{r['name']}  {_day(r['period_start'])} – {_day(r['period_end'])}  "
        + fill(translate("CLI", "deadline %1"), _day(r["deadline"]))
        for r in rows
    ]
    write_output("\n".join(lines) + "\n" if lines else translate("CLI", "no open calls") + "\n")
    return EXIT_OK


def _day(iso: str | None) -> str:
    return "—" if iso is None else f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
