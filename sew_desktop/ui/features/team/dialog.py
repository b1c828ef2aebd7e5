"""File › Team server…: join the team with a new file, or, in a team, where the file stands (server, login, this
laptop, last sync, changes waiting, open conflicts) with Sync now and Leave. No password is asked or kept here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.ui.features.team.texts import TeamFigures, moment

translate = QCoreApplication.translate


@dataclass(frozen=True)
class TeamCalls:
    """What the dialog's buttons do (the feature's methods)."""

    join: Callable[[str], object]
    sync_now: Callable[[], object]
    show_conflicts: Callable[[], object]
    leave: Callable[[], object]


def password_help() -> str:
    """Where the password comes from (never from this dialog or the file)."""
    return translate("Team", "SEW Desktop keeps no password. Your password comes from where PostgreSQL looks for it:"
                     " the file .pgpass (on Windows %APPDATA%\\postgresql\\pgpass.conf) or a service file your IT"
                     " department gives you; with Kerberos you need none.")


class TeamDialog(QDialog):
    """Not modal: the window stays usable (a sync runs in the background)."""

    def __init__(self, calls: TeamCalls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(translate("Team", "Team server"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._join_page(calls))
        self.pages.addWidget(self._status_page(calls))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(close)

    def _join_page(self, calls: TeamCalls) -> QWidget:
        page = QWidget(self)
        intro = QLabel(translate("Team", "This file is not part of a team. To work with your team, join its server"
                                 " with a new file: it receives the team's data and keeps working offline."), page)
        intro.setWordWrap(True)
        self.dsn_edit = QLineEdit(page)
        self.dsn_edit.setObjectName("teamDsnEdit")
        self.dsn_edit.setPlaceholderText("postgresql://login@server/sew?sslmode=verify-full")
        self.join_button = QPushButton(translate("Team", "&Join with a new file…"), page)
        self.join_button.setObjectName("teamJoinButton")
        self.join_button.clicked.connect(lambda _=False: calls.join(self.dsn_edit.text().strip()))
        self.dsn_edit.textChanged.connect(lambda text: self.join_button.setEnabled(bool(text.strip())))
        self.join_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(translate("Team", "&Server (connection string):"), self.dsn_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.join_button)
        layout.addWidget(_help(page))
        layout.addStretch(1)
        return page

    def _status_page(self, calls: TeamCalls) -> QWidget:
        page = QWidget(self)
        self.values = {key: QLabel(page) for key in ("server", "login", "laptop", "state", "last_sync",
                                                      "pending", "issues")}
        form = QFormLayout()
        for key, title in (("server", translate("Team", "Server:")), ("login", translate("Team", "Login:")),
                           ("laptop", translate("Team", "This laptop:")), ("state", translate("Team", "Status:")),
                           ("last_sync", translate("Team", "Last sync:")),
                           ("pending", translate("Team", "Changes waiting:")),
                           ("issues", translate("Team", "Open conflicts:"))):
            self.values[key].setObjectName(f"team_{key}")
            self.values[key].setWordWrap(True)
            form.addRow(title, self.values[key])
        self.sync_button = _button(page, "teamSyncButton", translate("Team", "S&ync now"), calls.sync_now)
        conflicts = _button(page, "teamConflictsButton", translate("Team", "&Conflicts…"), calls.show_conflicts)
        self.leave_button = _button(page, "teamLeaveButton", translate("Team", "&Leave the team…"), calls.leave)
        buttons = QHBoxLayout()
        for button in (self.sync_button, conflicts):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(_help(page))
        layout.addStretch(1)
        return page

    def show_figures(self, figures: TeamFigures | None, state: str, running: bool, today: date) -> None:
        """Show the join page (not in a team) or where the file stands; ``state`` is the indicator's text."""
        self.pages.setCurrentIndex(0 if figures is None else 1)
        if figures is None:
            return
        link = figures.link
        last = moment(link.last_sync, today) if link.last_sync else translate("Team", "not yet")
        texts = {"server": link.dsn, "login": link.login, "laptop": link.laptop_id, "state": state, "last_sync": last,
                 "pending": str(figures.pending), "issues": str(figures.conflicts + figures.refused)}
        for key, text in texts.items():
            self.values[key].setText(text)
        self.sync_button.setEnabled(not running)
        self.leave_button.setEnabled(not running)


def _button(parent: QWidget, name: str, text: str, run: Callable[[], object]) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(lambda _=False: run())
    return button


def _help(parent: QWidget) -> QLabel:
    label = QLabel(password_help(), parent)
    label.setWordWrap(True)
    label.setObjectName("teamPasswordHelp")
    return label
