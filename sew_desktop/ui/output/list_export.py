"""``sew-desktop export list``: a table (Gemeenten, Regiegebieden, Overeenkomsten) as the window lists it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtGui import QUndoStack

from sew_desktop.services.export_list import ListTable, list_bytes
from sew_desktop.services.export_table import write_file
from sew_desktop.services.live import CoverageCalculator
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.entity_model import EntityTableModel
from sew_desktop.ui.core.filtering import TableFilter
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.notifier import ChangeBus
from sew_desktop.ui.core.shown_list import model_list
from sew_desktop.ui.tables.municipalities import MunicipalitiesModel
from sew_desktop.ui.tables.tables import AgreementsModel, RegionsModel


def _model(table: str, repository: Repository, live: LiveCoverage) -> EntityTableModel:
    undo_stack = QUndoStack()
    if table == "municipalities":
        return MunicipalitiesModel(repository, undo_stack, live, lambda _name: None)
    if table == "regions":
        return RegionsModel(repository, undo_stack, live)
    return AgreementsModel(repository, undo_stack, live)


@contextmanager
def listed_model(repository: Repository, table: str, dates: tuple[date, date],
                 language: Language) -> Iterator[EntityTableModel]:
    """The window's model of ``table`` on the as-of date (its coverage computed), while the block runs."""
    bus = ChangeBus(repository)
    try:
        live = LiveCoverage(CoverageCalculator(repository), bus, language, as_of=dates[0])
        live.set_dates(*dates)
        live.refresh()
        yield _model(table, repository, live)  # built on the computed day: the rows and status of that date
    finally:
        bus.detach()


def table_list(repository: Repository, table: str, dates: tuple[date, date], language: Language,
               filter_text: str = "") -> ListTable:
    """Every column of ``table`` on the as-of date, its rows filtered by ``filter_text`` (the window's syntax)."""
    with listed_model(repository, table, dates, language) as model:
        proxy = TableFilter()
        proxy.setSourceModel(model)
        proxy.set_text(filter_text)
        return model_list(model, proxy, range(model.columnCount()))


def export_list(repository: Repository, table: str, fmt: str, path: Path, *, dates: tuple[date, date],
                language: Language, filter_text: str = "", force: bool) -> int:
    """Write the list to ``path`` atomically; returns the number of rows written."""
    listed = table_list(repository, table, dates, language, filter_text)
    write_file(path, list_bytes(listed, fmt), force=force)
    return len(listed.rows)
