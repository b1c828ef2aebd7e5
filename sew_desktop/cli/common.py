"""Shared pieces of the command line: errors with exit codes, dates, the database argument."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from sew_desktop.cli.language import TranslatedHelp, help_text, translate
from sew_desktop.domain.days import TypedDateError, parse_typed_date
from sew_desktop.domain.texts import fill
from sew_desktop.services.databases import open_or_create_default, open_repository
from sew_desktop.services.locations import default_database_path
from sew_desktop.store.repository import Repository

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
PROG = "sew-desktop"


class CliError(Exception):
    """An error reported as one line on stderr with an exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class OneLineParser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2, and help and errors speak the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", TranslatedHelp)
        super().__init__(*args, **kwargs)

    def format_help(self) -> str:
        """The help, its description translated (here, not in the formatter: ``--version`` loads no catalog)."""
        described = self.description
        self.description = help_text(described) if described else described
        try:
            return super().format_help()
        finally:
            self.description = described

    def error(self, message: str) -> NoReturn:
        """One line on stderr, exit 2."""
        see = fill(translate("CLI", "see '%1 --help'"), PROG)
        sys.stderr.write(f"{error_prefix()} {message} ({see})\n")
        raise SystemExit(EXIT_USAGE)


def error_prefix() -> str:
    """``sew-desktop: error:`` in the user's language."""
    return fill(translate("CLI", "%1: error:"), PROG)


def iso_date(text: str) -> date:
    """A date for argparse, written as the window accepts it: 2022-10-17, 17/10/2022, 17-10-2022, 17102022."""
    try:
        parsed = parse_typed_date(text)
    except TypedDateError:
        parsed = None
    if parsed is None:
        raise argparse.ArgumentTypeError(
            fill(translate("CLI", "invalid date '%1' (write 17/10/2022 or 2022-10-17)"), text)) from None
    return parsed


def repository_for(args: argparse.Namespace) -> Repository:
    """The database named by ``--db`` (must exist), or the default one (created on first use)."""
    if args.db is not None:
        path = Path(args.db)
        if not path.exists():
            raise CliError(fill(translate("StoreError", "database not found: %1"), path))
        return open_repository(path)
    return open_or_create_default(default_database_path())


# Control characters but tab and line ends, a carriage return not ending a line (it would let a value overwrite
# what the line said before it), and the bidirectional overrides and isolates (they reorder what follows).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def printable(text: str) -> str:
    """``text`` without control characters but tab and line ends: a name or note from another file cannot clear
    the screen, set the terminal's title or hide what follows it."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """An error message as one printable line."""
    return " ".join(printable(text).split())


def write_output(text: str) -> None:
    """Write to stdout (printable: text from other files reaches terminals); a closed pipe is not an error."""
    try:
        sys.stdout.write(printable(text))
        sys.stdout.flush()
    except BrokenPipeError:
        pass
