"""The team server in the window, against a real PostgreSQL (the team tests' cluster): the status-bar indicator,
syncs in a worker (the window keeps working meanwhile), an unreachable server shown as offline, incoming changes in
the open tables, the conflicts panel and File › Team server… with real clicks."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from sew_desktop.services.databases import open_repository
from sew_desktop.services.team import membership
from sew_desktop.services.team import sync as sync_service
from sew_desktop.store.repository import Repository
from sew_desktop.store.team import local
from sew_desktop.ui.features.team.feature import TeamFeature
from sew_desktop.ui.shell.window import MainWindow
from tests.team.pg import free_port
from tests.team.team_data import Team
from tests.team.test_laptop_sync import dsn_of, edit_notes, notes, pgpass, region_id  # noqa: F401
from tests.ui.conftest import ScriptedDialogs

SHOTS = os.environ.get("TEAM_SCREENSHOTS")  # a folder: the tests also save what they show there (1366x768, Dutch)

OpenWindow = Callable[[str], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, team: Team, pgpass: Path, tmp_path: Path, settings: QSettings,  # noqa: F811
                dialogs: ScriptedDialogs) -> Iterator[OpenWindow]:
    """A window on a new file that joined the team as ``login``; no automatic syncs (the tests sync on purpose)."""
    opened: list[MainWindow] = []

    def opening(login: str) -> MainWindow:
        path = tmp_path / f"window-{login}.sqlite"
        membership.join_new_file(path, dsn_of(team, login))
        window = create_main_window(path, settings=settings, dialogs=dialogs)
        qtbot.addWidget(window)
        feature(window).syncer.stop_timers()
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield opening
    for window in opened:
        window.close()


@pytest.fixture
def colleague(team: Team, pgpass: Path, tmp_path: Path) -> Iterator[Repository]:  # noqa: F811
    """The coordinator's laptop, joined with a file of its own (synced through the service, no window)."""
    path = tmp_path / "coord.sqlite"
    membership.join_new_file(path, dsn_of(team, "coord"))
    repository = open_repository(path)
    yield repository
    repository.close()


def feature(window: MainWindow) -> TeamFeature:
    found = window.findChild(TeamFeature, "teamFeature")
    assert found is not None
    return found


def repository_of(window: MainWindow) -> Repository:
    assert window.session is not None
    return window.session.repository


def sync_and_wait(qtbot: QtBot, window: MainWindow) -> None:
    """F9's action, then wait for the answers to be settled."""
    action = window.findChild(QAction, "syncNowAction")
    assert action is not None and action.isEnabled()
    action.trigger()
    assert feature(window).syncer.is_running()
    qtbot.waitUntil(lambda: not feature(window).syncer.is_running(), timeout=30_000)


def indicator(window: MainWindow) -> str:
    label = feature(window).indicator
    assert label.isVisible()
    return label.text()


def test_the_indicator_counts_edits_and_a_sync_sends_them(qtbot: QtBot, open_window: OpenWindow,
                                                          colleague: Repository) -> None:
    window = open_window("ed_ant")
    assert indicator(window) == "Nog niet gesynchroniseerd"
    edit_notes(repository_of(window), "r-ant", "Overleg in Mechelen")
    assert indicator(window) == "Nog niet gesynchroniseerd · 1 wijziging wacht"  # through the change bus
    sync_and_wait(qtbot, window)
    assert indicator(window).startswith("Gesynchroniseerd om ")
    assert "wacht" not in indicator(window)
    sync_service.sync(colleague)
    assert notes(colleague, "r-ant") == "Overleg in Mechelen"


def test_an_incoming_change_appears_in_the_open_table(qtbot: QtBot, open_window: OpenWindow,
                                                      colleague: Repository) -> None:
    window = open_window("ed_ant")
    edit_notes(colleague, "r-gent", "Nieuwe afspraken met Gent")
    sync_service.sync(colleague)
    sync_and_wait(qtbot, window)
    model = window.models.regions
    row = model.row_of(region_id(repository_of(window), "r-gent"))
    column = next(i for i, c in enumerate(model.columns) if c.name == "notes")
    assert row is not None
    assert model.index(row, column).data() == "Nieuwe afspraken met Gent"


def test_an_unreachable_server_is_offline_and_nothing_is_lost(qtbot: QtBot, open_window: OpenWindow,
                                                               dialogs: ScriptedDialogs,
                                                               colleague: Repository) -> None:
    window = open_window("ed_ant")
    repository = repository_of(window)
    link = local.team_link(repository.connection)
    assert link is not None
    closed_port = link.dsn.replace(f"port={_port(link.dsn)}", f"port={free_port()}")
    _relink(repository, dataclasses.replace(link, dsn=closed_port))
    edit_notes(repository, "r-ant", "In de trein getypt")
    sync_and_wait(qtbot, window)
    assert indicator(window) == "Offline · 1 wijziging wacht"
    assert dialogs.errors == []  # no error dialog: the status bar says it
    assert "niet bereikbaar" in feature(window).indicator.toolTip()
    _relink(repository, dataclasses.replace(link))
    sync_and_wait(qtbot, window)
    assert indicator(window).startswith("Gesynchroniseerd om ") and "wacht" not in indicator(window)
    sync_service.sync(colleague)
    assert notes(colleague, "r-ant") == "In de trein getypt"


def _port(dsn: str) -> str:
    return next(part.split("=")[1] for part in dsn.split() if part.startswith("port="))


def _relink(repository: Repository, link: local.TeamLink) -> None:
    with repository.transaction() as tx:
        local.set_team_link(tx, link)


def test_apply_mine_again_is_an_undoable_edit_that_settles_the_conflict(
        qtbot: QtBot, open_window: OpenWindow, colleague: Repository) -> None:
    window = open_window("ed_ant")
    repository = repository_of(window)
    edit_notes(repository, "r-ant", "Mijn versie")
    edit_notes(colleague, "r-ant", "Versie van de coördinator")
    sync_service.sync(colleague)
    sync_and_wait(qtbot, window)
    assert indicator(window).endswith("1 conflict")
    assert notes(repository, "r-ant") == "Versie van de coördinator"
    qtbot.mouseClick(feature(window).indicator, Qt.MouseButton.LeftButton)
    panel = feature(window).panel
    assert feature(window).dock.isVisible()
    items = [panel.table.item(0, column) for column in range(panel.table.columnCount())]
    texts = [item.text() if item is not None else "" for item in items]
    assert texts[:5] == ["Conflict", "Regio Antwerpen", "Notities", "Mijn versie", "Versie van de coördinator"]
    assert texts[5].startswith("coord, ")
    _shoot(window, "team-conflicts")
    apply_button = panel.findChild(QPushButton, "teamApplyMineButton")
    assert apply_button is not None and not apply_button.isEnabled()
    rect = panel.table.visualRect(panel.table.model().index(0, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)
    assert notes(repository, "r-ant") == "Mijn versie"
    assert local.open_issues(repository.connection) == [] and panel.table.rowCount() == 0
    assert indicator(window).endswith("1 wijziging wacht")
    assert window.session is not None
    window.session.undo_stack.undo()
    assert notes(repository, "r-ant") == "Versie van de coördinator"
    assert len(local.open_issues(repository.connection)) == 1 and panel.table.rowCount() == 1
    window.session.undo_stack.redo()
    sync_and_wait(qtbot, window)
    sync_service.sync(colleague)
    assert notes(colleague, "r-ant") == "Mijn versie"
    assert indicator(window).startswith("Gesynchroniseerd om ") and "conflict" not in indicator(window)


def test_accept_the_teams_settles_the_conflict_and_keeps_the_teams_value(
        qtbot: QtBot, open_window: OpenWindow, colleague: Repository) -> None:
    window = open_window("ed_ant")
    repository = repository_of(window)
    edit_notes(repository, "r-ant", "Mijn versie")
    edit_notes(colleague, "r-ant", "Versie van de coördinator")
    sync_service.sync(colleague)
    sync_and_wait(qtbot, window)
    panel = feature(window).panel
    panel.table.selectRow(0)
    accept = panel.findChild(QPushButton, "teamAcceptTeamButton")
    assert accept is not None
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert local.open_issues(repository.connection) == [] and panel.table.rowCount() == 0
    assert notes(repository, "r-ant") == "Versie van de coördinator"
    assert "conflict" not in indicator(window)


def test_the_window_keeps_working_while_the_server_is_slow(qtbot: QtBot, open_window: OpenWindow,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("ed_ant")
    repository = repository_of(window)
    release, entered = threading.Event(), threading.Event()
    real_exchange = sync_service.exchange

    def slow_exchange(sending: sync_service.Outgoing) -> sync_service.Exchange:
        entered.set()
        assert release.wait(60)
        return real_exchange(sending)

    monkeypatch.setattr(sync_service, "exchange", slow_exchange)
    edit_notes(repository, "r-ant", "Voor de sync")
    action = window.findChild(QAction, "syncNowAction")
    assert action is not None
    action.trigger()
    qtbot.waitUntil(entered.is_set, timeout=30_000)
    assert feature(window).syncer.is_running() and not action.isEnabled()  # one sync at a time
    assert not feature(window).sync_now()
    assert indicator(window).startswith("Synchroniseren…")
    QApplication.processEvents()  # the GUI thread goes on while the exchange waits
    edit_notes(repository, "r-gent", "Tijdens de sync")  # an edit while the server answers
    assert indicator(window) == "Synchroniseren… · 2 wijzigingen wachten"
    release.set()
    qtbot.waitUntil(lambda: not feature(window).syncer.is_running(), timeout=30_000)
    assert notes(repository, "r-gent") == "Tijdens de sync"  # not overwritten by the pull
    assert indicator(window).endswith("1 wijziging wacht")  # the edit made meanwhile goes with the next sync


def test_join_with_a_new_file_from_the_dialog_then_leave(qtbot: QtBot, team: Team, pgpass: Path,  # noqa: F811
                                                         tmp_path: Path, settings: QSettings,
                                                         dialogs: ScriptedDialogs, demo_path: Path) -> None:
    window = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    window.show()
    assert not feature(window).indicator.isVisibleTo(window)  # not part of a team: no indicator
    action = window.findChild(QAction, "teamServerAction")
    assert action is not None
    action.trigger()
    dialog = feature(window).dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    _shoot(dialog, "team-join-dialog")
    edit = dialog.findChild(QLineEdit, "teamDsnEdit")
    join = dialog.findChild(QPushButton, "teamJoinButton")
    assert edit is not None and join is not None and not join.isEnabled()
    qtbot.keyClicks(edit, dsn_of(team, "ed_ovl"))
    dialogs.save_answer = tmp_path / "team-ovl.sqlite"
    qtbot.mouseClick(join, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not feature(window).joining.is_running(), timeout=30_000)
    assert dialogs.errors == []
    assert dialogs.questions and "team-ovl.sqlite" in dialogs.questions[-1]  # offered to open
    joined = create_main_window(dialogs.save_answer, settings=settings, dialogs=dialogs)
    qtbot.addWidget(joined)
    feature(joined).syncer.stop_timers()
    joined.show()
    qtbot.waitExposed(joined)
    dialog = feature(joined).open_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.values["login"].text() == "ed_ovl"
    assert "password" not in dialog.values["server"].text()
    _shoot(joined, "team-window")
    _shoot(dialog, "team-status-dialog")
    leave = dialog.findChild(QPushButton, "teamLeaveButton")
    assert leave is not None
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    assert membership.status(repository_of(joined)) is None
    assert not feature(joined).indicator.isVisible()
    assert dialog.pages.currentIndex() == 0  # the join page again
    window.close()
    joined.close()


def _shoot(widget: QWidget, name: str) -> None:
    if not SHOTS:
        return
    if isinstance(widget, MainWindow):
        widget.showNormal()
        widget.resize(1366, 768)
        QApplication.processEvents()
    assert widget.grab().save(str(Path(SHOTS) / f"{name}.png"))
