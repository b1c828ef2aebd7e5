"""``sew-desktop merge THEIRS.sqlite``: bring another copy's changes in (three-way, field by field)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sew_desktop.cli.common import (
    EXIT_DATA,
    EXIT_OK,
    PROG,
    CliError,
    OneLineParser,
    one_line,
    repository_for,
    write_output,
)
from sew_desktop.cli.language import translate
from sew_desktop.domain.merging import Prefer
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services.backups import BackupReason, take_backup
from sew_desktop.services.merging.apply import MergeBreaksRulesError, apply_merge, try_merge
from sew_desktop.services.merging.plan import plan_merge
from sew_desktop.services.merging.report import as_json, as_text
from sew_desktop.services.merging.resolve import resolve


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``merge``."""
    parser = commands.add_parser("merge",
                                 help=QT_TRANSLATE_NOOP(
                                     "CLI", "merge another copy of the file into this one (a backup first)"))
    parser.add_argument("theirs", type=Path, metavar="THEIRS.sqlite",
                        help=QT_TRANSLATE_NOOP("CLI", "the other copy (read, never changed)"))
    parser.add_argument("--dry-run", action="store_true",
                        help=QT_TRANSLATE_NOOP("CLI", "show what would come in and the conflicts"))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=QT_TRANSLATE_NOOP("CLI", "output format (default: text)"))
    parser.add_argument("--prefer", choices=[p.value for p in Prefer], default=None,
                        help=QT_TRANSLATE_NOOP(
                            "CLI", "decide every conflict: keep mine, take theirs, or the newer change"))
    parser.set_defaults(handler=run_merge)


def run_merge(args: argparse.Namespace) -> int:
    """Plan; unless a dry run or conflicts remain undecided: back up, then apply in one transaction."""
    if not args.theirs.is_file():
        raise CliError(fill(translate("CLI", "file not found: %1"), args.theirs))
    repository = repository_for(args)
    try:
        plan = plan_merge(repository, args.theirs)
        resolution = resolve(plan, prefer=Prefer(args.prefer) if args.prefer else None)
        try:
            try_merge(repository, plan, resolution)  # what the apply would refuse, the dry run refuses too
        except MergeBreaksRulesError as error:  # other choices can mend it: exit 1, like an open conflict
            sys.stderr.write(f"{PROG}: {one_line(error.text.render(translate))}\n")
            return EXIT_DATA
        applied = resolution.complete and not args.dry_run
        if applied:
            if repository.path is not None:
                take_backup(repository.path, BackupReason.BEFORE_MERGE)  # a risky operation (skipped when unchanged)
            apply_merge(repository, plan, resolution)
    finally:
        repository.close()
    if args.format == "json":
        write_output(as_json(plan, resolution, applied))
    else:
        write_output(as_text(plan, resolution, applied, translate))
    return EXIT_OK if resolution.complete else EXIT_DATA
