"""The Qt side of ``sew-desktop export``: works without a display (offscreen platform)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from sew_desktop.domain.days import horizon_for
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Text, Translate, fill, untranslated
from sew_desktop.services.databases import open_or_create_default, open_repository
from sew_desktop.services.export_table import ExportTargetError, check_target
from sew_desktop.services.locations import default_database_path
from sew_desktop.store.repository import Repository

EXIT_OK = 0


def _application() -> object:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform's notice when a widget is laid out
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(quiet)
    return QApplication.instance() or QApplication(["sew-desktop"])


def _dates(args: argparse.Namespace) -> tuple[date, date]:
    as_of: date = args.as_of or date.today()
    try:
        return as_of, horizon_for(as_of, args.horizon)
    except ValueError:
        text = QT_TRANSLATE_NOOP("CLI", "the horizon %1 lies before the as-of date %2")
        raise ExportTargetError(Text("CLI", text, (args.horizon, as_of))) from None


def _repository(args: argparse.Namespace) -> Repository:
    if args.db is None:
        return open_or_create_default(default_database_path())
    if not Path(args.db).exists():
        raise ExportTargetError(Text("StoreError", QT_TRANSLATE_NOOP("StoreError", "database not found: %1"),
                                     (args.db,)))
    return open_repository(Path(args.db))


def _chart_format(args: argparse.Namespace) -> str:
    fmt = args.format or Path(args.output).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise ExportTargetError(Text("Export", QT_TRANSLATE_NOOP(
            "Export", "give --format png|svg|pdf or a file name ending in .png, .svg or .pdf")))
    if args.width < 200 or args.height < 150 or not 0.25 <= args.scale <= 8:
        raise ExportTargetError(Text("Export", QT_TRANSLATE_NOOP(
            "Export", "--width must be >= 200, --height >= 150 and --scale between 0.25 and 8")))
    return str(fmt)


def run_export(args: argparse.Namespace) -> int:
    """Render and write what ``args`` ask for; one clear line and exit 2 when the file cannot be written. The
    command line hands in its ``translate`` (``args.translate``): what this says follows the user's language,
    whatever ``--language`` chooses for the labels of the file."""
    as_of, horizon = _dates(args)
    path = Path(args.output)
    fmt = _chart_format(args) if args.what in ("chart", "map") else ""
    check_target(path, force=args.force)
    application = _application()
    from sew_desktop.ui.output.translators import install_dutch

    translators = install_dutch(application) if args.language == "nl" else []  # type: ignore[arg-type]
    repository = _repository(args)
    try:
        _write(args, repository, (as_of, horizon), fmt, path)
    finally:
        repository.close()
        del translators
    translate: Translate = getattr(args, "translate", untranslated)
    sys.stdout.write(fill(translate("Export", "written %1"), path) + "\n")
    return EXIT_OK


def _write(args: argparse.Namespace, repository: Repository, dates: tuple[date, date], fmt: str, path: Path) -> None:
    """Write the chart, map, table, list or report ``args.what`` names."""
    from PySide6.QtCore import QSize

    from sew_desktop.ui.core.i18n import Language
    from sew_desktop.ui.output import files
    from sew_desktop.ui.output.chart_export import ChartChoice, ChartSize
    from sew_desktop.ui.output.context import export_context

    context = export_context(repository, dates[0], dates[1], args.language)
    if args.what == "chart":
        size = ChartSize(args.width, args.height, args.scale)
        files.export_chart(ChartChoice(args.kind), fmt, context, path, size, force=args.force)
    elif args.what == "map":
        from sew_desktop.ui.statusmap.cli_export import export_map

        export_map(repository, dates, fmt, path, forecast=args.forecast, size=QSize(args.width, args.height),
                   scale=args.scale, force=args.force, language=Language(args.language))
    elif args.what == "table":
        files.export_table(args.format, context, path, force=args.force)
    elif args.what == "list":
        from sew_desktop.ui.output.list_export import export_list

        list_format = args.format or ("xlsx" if path.suffix.lower() == ".xlsx" else "csv-excel")
        export_list(repository, args.table, list_format, path, dates=dates, language=Language(args.language),
                    filter_text=args.filter, force=args.force)
    else:
        from sew_desktop.ui.statusmap.cli_export import report_map_page

        page = report_map_page(repository, dates, Language(args.language))
        files.export_report(context, path, force=args.force, map_page=page)
