"""``sew-desktop report``: the coverage table."""

from __future__ import annotations

import argparse
from datetime import date

from sew_desktop.cli.common import EXIT_OK, CliError, OneLineParser, iso_date, repository_for, write_output
from sew_desktop.cli.language import translate
from sew_desktop.domain.days import horizon_for
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, fill
from sew_desktop.services.report import FORMATS, RENDERERS, TEXT_RENDERERS, coverage_report

DATE_METAVAR = "YYYY-MM-DD"


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add the ``report`` command."""
    parser = commands.add_parser("report", help=QT_TRANSLATE_NOOP("CLI", "print the coverage table per province"))
    add_date_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help=QT_TRANSLATE_NOOP("CLI", "output format (default: text)"))
    parser.set_defaults(handler=run)


def add_date_options(parser: argparse.ArgumentParser) -> None:
    """``--as-of`` and ``--horizon``."""
    parser.add_argument(
        "--as-of", type=iso_date, default=None, metavar=DATE_METAVAR,
        help=QT_TRANSLATE_NOOP("CLI", "date of the figures (default: today)"),
    )
    parser.add_argument(
        "--horizon",
        type=iso_date,
        default=None,
        metavar=DATE_METAVAR,
        help=QT_TRANSLATE_NOOP("CLI", "forecast horizon (default: 31 December of the as-of year)"),
    )


def resolve_dates(args: argparse.Namespace) -> tuple[date, date]:
    """As-of (default today) and horizon (default 31/12 of that year); the horizon may not come first."""
    as_of: date = args.as_of or date.today()
    try:
        return as_of, horizon_for(as_of, args.horizon)
    except ValueError:
        raise CliError(fill(translate("CLI", "the horizon %1 lies before the as-of date %2"), args.horizon,
                            as_of)) from None


def run(args: argparse.Namespace) -> int:
    """Print the report."""
    as_of, horizon = resolve_dates(args)
    repository = repository_for(args)
    try:
        report = coverage_report(repository, as_of, horizon)
    finally:
        repository.close()
    if args.format in ("text", "markdown"):  # for people: their language; csv and json are for programs
        write_output(TEXT_RENDERERS[args.format](report, translate))
    else:
        write_output(RENDERERS[args.format](report))
    return EXIT_OK
