"""``sew-desktop boundaries load|info|remove``: the municipal boundaries of the status map."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sew_desktop.cli.common import EXIT_DATA, EXIT_OK, CliError, OneLineParser, repository_for, write_output
from sew_desktop.cli.language import percent, translate
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services.boundaries.problems import NOTHING_CHANGED, STAGE_TEXTS, BoundaryFileError
from sew_desktop.services.boundaries.service import (
    info_lines,
    load_boundaries,
    remove_boundaries,
)


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``boundaries load FILE [--source TEXT]``, ``boundaries info`` and ``boundaries remove``."""
    parser = commands.add_parser("boundaries", help=QT_TRANSLATE_NOOP(
        "CLI", "load, describe or remove the municipal boundaries of the map"))
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=OneLineParser)
    load = what.add_parser("load", help=QT_TRANSLATE_NOOP(
        "CLI", "load a GeoJSON, zipped Shapefile or GeoPackage of municipalities or of Statbel's statistical sectors"))
    load.add_argument("file", type=Path)
    load.add_argument("--source", default=None, metavar="TEXT",
                      help=QT_TRANSLATE_NOOP("CLI", "who published the file, for the credit (default for"
                                                    " Statbel's attribute names: Statbel)"))
    load.set_defaults(handler=run_load)
    info = what.add_parser("info", help=QT_TRANSLATE_NOOP("CLI", "where the loaded boundaries come from"))
    info.set_defaults(handler=run_info)
    remove = what.add_parser("remove", help=QT_TRANSLATE_NOOP("CLI", "remove the loaded boundaries"))
    remove.set_defaults(handler=run_remove)


def _progress(fraction: float, stage: str) -> bool:
    words = translate("Boundaries", STAGE_TEXTS[stage]) if stage in STAGE_TEXTS else stage
    sys.stderr.write(f"{words}… {percent(fraction)}\n")
    return True


def refusal_text(problem: BoundaryFileError) -> str:
    """Why the file was refused, as the window says it, and that nothing was changed."""
    said = f"{problem.text.render(translate)} {translate('StatusMap', NOTHING_CHANGED)}"
    return fill(translate("CLI", "boundaries not loaded: %1"), said)


def run_load(args: argparse.Namespace) -> int:
    """Load a file; a refused file is one line on stderr and leaves the database as it was."""
    repository = repository_for(args)
    try:
        report = load_boundaries(repository, Path(args.file), args.source, _progress)
    except BoundaryFileError as problem:
        raise CliError(refusal_text(problem), EXIT_DATA) from None
    finally:
        repository.close()
    write_output("".join(f"{line}\n" for line in report.lines(translate)))
    return EXIT_OK


def run_info(args: argparse.Namespace) -> int:
    """Print the provenance of the loaded boundaries."""
    repository = repository_for(args)
    try:
        lines = info_lines(repository, translate)
    finally:
        repository.close()
    write_output("".join(f"{line}\n" for line in lines))
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    """Remove the loaded boundaries."""
    repository = repository_for(args)
    try:
        removed = remove_boundaries(repository)
    finally:
        repository.close()
    said = translate("CLI", "boundaries removed") if removed else translate("CLI", "no boundaries were loaded")
    write_output(said + "\n")
    return EXIT_OK
