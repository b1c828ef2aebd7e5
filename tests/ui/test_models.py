"""Every table model passes pytest-qt's model tester."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester

from sew_desktop.ui.shell.window import MainWindow


def test_municipalities_model(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.session is not None
    qtmodeltester.check(window.models.municipalities)


def test_regions_model(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.session is not None
    qtmodeltester.check(window.models.regions)


def test_agreements_model(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.session is not None
    qtmodeltester.check(window.models.agreements)


def test_members_model(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.session is not None
    members = window.models.members
    members.set_region(next(iter(window.session.repository.regions())))
    assert members.rowCount() > 0
    qtmodeltester.check(members)


def test_coverage_model(window: MainWindow, qtmodeltester: ModelTester) -> None:
    table = window.findChild(QTableView, "coverageTable")
    assert table is not None
    qtmodeltester.check(table.model())


def test_filter_proxies(window: MainWindow, qtmodeltester: ModelTester) -> None:
    for page in window.table_pages():
        page.search.setText("a")
        qtmodeltester.check(page.proxy)
