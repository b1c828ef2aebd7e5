"""Every table model passes pytest-qt's model tester (the models and pages alone: no window is needed)."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.coverage.table_model import CoverageTableModel
from tests.ui.conftest import TableParts


def test_municipalities_model(table_parts: TableParts, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(table_parts.models.municipalities)


def test_regions_model(table_parts: TableParts, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(table_parts.models.regions)


def test_agreements_model(table_parts: TableParts, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(table_parts.models.agreements)


def test_members_model(table_parts: TableParts, qtmodeltester: ModelTester) -> None:
    members = table_parts.models.members
    members.set_region(next(iter(table_parts.session.repository.regions())))
    assert members.rowCount() > 0
    qtmodeltester.check(members)


def test_coverage_model(table_parts: TableParts, qtmodeltester: ModelTester) -> None:
    model = CoverageTableModel(Language.DUTCH)
    model.set_report(table_parts.session.live.report)
    qtmodeltester.check(model)


def test_filter_proxies(table_parts: TableParts, qtmodeltester: ModelTester) -> None:
    assert len(table_parts.pages) == 3
    for page in table_parts.pages:
        page.search.setText("a")
        qtmodeltester.check(page.proxy)


def test_models_pass_after_an_edit(table_parts: TableParts, qtmodeltester: ModelTester) -> None:
    """The tester again after a stored change (an undoable cell edit) and its undo."""
    agreements = table_parts.models.agreements
    column = [c.name for c in agreements.columns].index("notes")
    assert agreements.setData(agreements.index(2, column), "na de wijziging")
    qtmodeltester.check(agreements)
    table_parts.session.undo_stack.undo()
    qtmodeltester.check(agreements)
