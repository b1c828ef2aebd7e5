"""``sew-desktop export``: charts, the coverage table, the lists and the PDF report (rendered by the Qt handler)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sew_desktop.cli.common import OneLineParser
from sew_desktop.cli.language import translate
from sew_desktop.cli.report import add_date_options
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP
from sew_desktop.services.export_list import LIST_TABLES
from sew_desktop.services.export_table import TABLE_FORMATS

CHART_KINDS = ("provinces", "regions", "timeline")
CHART_FORMATS = ("png", "svg", "pdf")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help=QT_TRANSLATE_NOOP("CLI", "file to write"))
    parser.add_argument("--force", action="store_true", help=QT_TRANSLATE_NOOP("CLI", "overwrite an existing file"))
    parser.add_argument("--language", choices=("nl", "en"), default="nl",
                        help=QT_TRANSLATE_NOOP("CLI", "language of labels (default: nl)"))
    add_date_options(parser)


def register(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    """Add ``export chart|table|list|report|map``; no handler default, so ``cli.main`` dispatches to the Qt handler."""
    export = commands.add_parser("export",
                                 help=QT_TRANSLATE_NOOP("CLI", "export a chart, the coverage table or the PDF report"))
    export.set_defaults(translate=translate)  # the Qt handler says what it wrote, or why not, in the user's language
    what = export.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=OneLineParser)
    _add_chart(what)
    table = what.add_parser("table", help=QT_TRANSLATE_NOOP("CLI", "the coverage table as CSV or XLSX"))
    table.add_argument("--format", choices=TABLE_FORMATS, default="csv-excel",
                       help=QT_TRANSLATE_NOOP("CLI", "default: csv-excel"))
    _common(table)
    lists = what.add_parser("list",
                            help=QT_TRANSLATE_NOOP(
                                "CLI", "Gemeenten, Regiegebieden or Overeenkomsten as the window lists them"))
    lists.add_argument("--table", choices=LIST_TABLES, required=True, help=QT_TRANSLATE_NOOP("CLI", "which list"))
    lists.add_argument("--format", choices=TABLE_FORMATS, default=None,
                       help=QT_TRANSLATE_NOOP("CLI", "default: xlsx for a .xlsx file name, else csv-excel"))
    lists.add_argument("--filter", default="", metavar="TEXT",
                       help=QT_TRANSLATE_NOOP(
                           "CLI", "only the rows the window's filter would show (words, kolom:waarde)"))
    _common(lists)
    report = what.add_parser("report",
                             help=QT_TRANSLATE_NOOP(
                                 "CLI", "the A4 PDF report (the map on a second page when boundaries are loaded)"))
    _common(report)
    _add_map(what)


def _add_chart(what: argparse._SubParsersAction[OneLineParser]) -> None:
    chart = what.add_parser("chart", help=QT_TRANSLATE_NOOP("CLI", "a chart as PNG, SVG or PDF"))
    chart.add_argument("--kind", choices=CHART_KINDS, default="provinces",
                       help=QT_TRANSLATE_NOOP("CLI", "which chart (default: provinces)"))
    chart.add_argument("--format", choices=CHART_FORMATS, default=None,
                       help=QT_TRANSLATE_NOOP("CLI", "default: from the file name"))
    chart.add_argument("--width", type=int, default=1600,
                       help=QT_TRANSLATE_NOOP("CLI", "width in pixels (default 1600)"))
    chart.add_argument("--height", type=int, default=900,
                       help=QT_TRANSLATE_NOOP("CLI", "height in pixels (default 900)"))
    chart.add_argument("--scale", type=float, default=2.0, help=QT_TRANSLATE_NOOP("CLI", "PNG pixel scale (default 2)"))
    _common(chart)


def _add_map(what: argparse._SubParsersAction[OneLineParser]) -> None:
    status_map = what.add_parser("map",
                                 help=QT_TRANSLATE_NOOP(
                                     "CLI", "the status map as PNG, SVG or PDF (needs loaded boundaries)"))
    status_map.add_argument("--format", choices=CHART_FORMATS, default=None,
                            help=QT_TRANSLATE_NOOP("CLI", "default: from the file name"))
    status_map.add_argument("--forecast", action="store_true",
                            help=QT_TRANSLATE_NOOP("CLI", "colour by the forecast at the horizon"))
    status_map.add_argument("--width", type=int, default=1600,
                            help=QT_TRANSLATE_NOOP("CLI", "width in pixels (default 1600)"))
    status_map.add_argument("--height", type=int, default=900,
                            help=QT_TRANSLATE_NOOP("CLI", "height in pixels (default 900)"))
    status_map.add_argument("--scale", type=float, default=1.0,
                            help=QT_TRANSLATE_NOOP("CLI", "PNG pixel scale (default 1)"))
    _common(status_map)
