"""The team server in one window: the status-bar indicator, syncs (every few minutes and on demand, the network in
a worker), File › Team server… (join, where the file stands, leave) and the conflicts panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget

from sew_desktop.store.errors import StoreError
from sew_desktop.store.team import local
from sew_desktop.store.team.local import Issue
from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Enablement, Menu
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.feature import Contribution, DockPart
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.undo import push
from sew_desktop.ui.core.window_session import WindowSession
from sew_desktop.ui.features.team.command import ApplyMineCommand, can_apply_again
from sew_desktop.ui.features.team.conflicts import ConflictsPanel
from sew_desktop.ui.features.team.dialog import TeamCalls, TeamDialog
from sew_desktop.ui.features.team.indicator import TeamIndicator
from sew_desktop.ui.features.team.joining import Joining
from sew_desktop.ui.features.team.syncer import TeamSyncer, Timing, team_figures
from sew_desktop.ui.features.team.texts import TeamFigures, indicator_text

translate = QCoreApplication.translate


class TeamFeature(QObject):
    """The team parts of one window; ``state_changed()`` whenever what they show may have changed (a sync started
    or ended, an edit, the file joined or left its team)."""

    state_changed = Signal()

    def __init__(self, session: WindowSession, frame: WindowFrame, dialogs: UserDialogs,
                 open_file: Callable[[Path], object], registry: ActionRegistry, timing: Timing | None = None) -> None:
        super().__init__()
        self.setObjectName("teamFeature")
        self._session, self._frame, self._dialogs = session, frame, dialogs
        self.syncer = TeamSyncer(session.repository, timing or Timing(), self)
        self.joining = Joining(dialogs, frame, open_file, self)
        self.indicator = TeamIndicator()
        self.panel = ConflictsPanel(self.apply_mine, self.accept_team)
        self.dock = QDockWidget(translate("Team", "Team conflicts"))
        self.dock.setObjectName("teamConflictsDock")
        self.dock.setWidget(self.panel)
        self.dialog: TeamDialog | None = None
        self._closing = False
        self.indicator.clicked.connect(self.show_conflicts)
        self.syncer.changed.connect(self.state_changed)
        self.syncer.problem.connect(self._on_problem)
        session.bus.changed.connect(lambda _changes: self.state_changed.emit())
        self.state_changed.connect(self.refresh)
        frame.closing.connect(self._stop)
        self._add_actions(registry)
        self.refresh()
        if self.figures() is not None:
            self.syncer.start_timers()

    def contribution(self) -> Contribution:
        """The indicator in the status bar; the conflicts panel as a dock (hidden at first)."""
        return Contribution(docks=(DockPart(self.dock, Qt.DockWidgetArea.BottomDockWidgetArea),),
                            status_widgets=(self.indicator,))

    def _stop(self) -> None:
        """The window closes: no more syncs; wait for a running exchange (nothing is written after it)."""
        self._closing = True
        self.syncer.stop()
        self.joining.wait()

    def _add_actions(self, registry: ActionRegistry) -> None:
        in_team = Enablement(self.state_changed, lambda: self.figures() is not None and not self.syncer.is_running())
        registry.add_all((
            ActionSpec("teamServerAction", translate("Team", "Te&am server…"), self.open_dialog, Menu.FILE, "team"),
            ActionSpec("syncNowAction", translate("Team", "&Synchronise now"), self.sync_now, Menu.FILE, "team",
                       ("F9",), enabled=in_team),
        ))

    def figures(self) -> TeamFigures | None:
        """Where the file stands with its team; None when it is not part of one."""
        if self._closing:
            return None
        return team_figures(self._session.repository)

    def status_text(self, figures: TeamFigures) -> str:
        """The indicator's text."""
        return indicator_text(figures, running=self.syncer.is_running(), offline=self.syncer.offline,
                              today=date.today())

    def refresh(self) -> None:
        """Indicator, panel and dialog show where the file stands now (read from the file: no network)."""
        figures = self.figures()
        self.indicator.setVisible(figures is not None)
        text = self.status_text(figures) if figures is not None else ""
        self.indicator.setText(text)
        self.indicator.setToolTip(self._tooltip())
        if not self._closing:
            self.panel.show_issues(local.open_issues(self._session.repository.connection), date.today())
        if self.dialog is not None:
            self.dialog.show_figures(figures, text, self.syncer.is_running(), date.today())

    def _tooltip(self) -> str:
        reason = self.syncer.offline_reason
        if reason is None:
            return translate("Team", "Team server: click to see the conflicts (F9 synchronises now)")
        return translate("Team", "The team server cannot be reached (%1). Your changes are kept and sent at the"
                         " next sync.").replace("%1", reason)

    def sync_now(self) -> bool:
        """File › Synchronise now (F9): start a sync in the background (False: one runs already)."""
        return self.syncer.sync_now()

    def _on_problem(self, text: str) -> None:
        self._frame.show_message(translate("Team", "Team server: %1").replace("%1", text), 15000)

    def show_conflicts(self) -> None:
        """The conflicts panel."""
        self.dock.show()
        self.dock.raise_()

    def open_dialog(self) -> TeamDialog:
        """File › Team server…"""
        if self.dialog is None:
            calls = TeamCalls(self.joining.join, self.sync_now, self.show_conflicts, self.leave)
            self.dialog = TeamDialog(calls, self._frame.host())
        self.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def leave(self) -> bool:
        """Leave the team (asked first); the data stay."""
        if self.syncer.is_running() or not self._dialogs.confirm(
                translate("Team", "Leave the team"),
                translate("Team", "Stop working with the team server? The data stay in this file, but your changes"
                          " no longer reach the team and theirs no longer reach you.")):
            return False
        from sew_desktop.services.team import membership

        try:
            membership.leave(self._session.repository)
        except StoreError as error:
            self._dialogs.error(translate("Team", "Cannot leave the team"), str(error))
            return False
        self.syncer.stop_timers()
        self.syncer.offline_reason = None
        self.state_changed.emit()
        return True

    def apply_mine(self, issues: list[Issue]) -> int:
        """Apply my values of these conflicts again, each an undoable edit; returns how many were written."""
        done = 0
        for issue in (i for i in issues if can_apply_again(i)):
            command = ApplyMineCommand(self._session.repository, issue)
            if push(self._session.undo_stack, command):
                done += 1
            else:
                self._dialogs.error(translate("Team", "Cannot apply your value"), str(command.error))
        self.state_changed.emit()
        return done

    def accept_team(self, issues: list[Issue]) -> None:
        """Settle these issues: the team's values stay."""
        try:
            with self._session.repository.transaction() as tx:
                for issue in issues:
                    local.resolve_issue(tx, issue.id)
        except StoreError as error:
            self._dialogs.error(translate("Team", "Cannot settle the conflicts"), str(error))
        self.state_changed.emit()
