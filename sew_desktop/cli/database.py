"""``sew-desktop init`` and ``sew-desktop demo``: create databases."""

from __future__ import annotations

import argparse
from pathlib import Path

from sew_desktop.cli.common import EXIT_OK, OneLineParser, write_output
from sew_desktop.cli.language import translate
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services.databases import create_repository
from sew_desktop.services.demo import write_demo


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``init`` and ``demo``."""
    init = commands.add_parser("init", help=QT_TRANSLATE_NOOP("CLI", "create a new database with the reference data"))
    init.add_argument("path", type=Path)
    init.set_defaults(handler=run_init)
    demo = commands.add_parser("demo", help=QT_TRANSLATE_NOOP("CLI", "write the fictitious demo database"))
    demo.add_argument("path", type=Path)
    demo.add_argument("--force", action="store_true", help=QT_TRANSLATE_NOOP("CLI", "overwrite an existing file"))
    demo.add_argument("--scale", type=_scale, default=1, metavar="N",
                      help=QT_TRANSLATE_NOOP(
                          "CLI", "benchmark aid: copy the demo data N times under fresh codes (1 to 300; 100 gives"
                                 " 31,200 codes and 40,000 agreements)"))
    demo.set_defaults(handler=run_demo)


def run_init(args: argparse.Namespace) -> int:
    """Create a database with the reference data."""
    create_repository(args.path).close()
    write_output(fill(translate("CLI", "created %1"), args.path) + "\n")
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    """Write the demo database."""
    write_demo(args.path, force=args.force, scale=args.scale)
    write_output(fill(translate("CLI", "demo database written to %1"), args.path) + "\n")
    return EXIT_OK


def _scale(text: str) -> int:
    """A number of copies of the demo data."""
    if not text.isdigit() or not 1 <= int(text) <= 300:
        raise argparse.ArgumentTypeError(
            fill(translate("CLI", "the scale is a whole number from 1 to 300, not %1"), repr(text)))
    return int(text)
