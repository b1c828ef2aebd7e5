"""The row history panel reads the history only while it is shown: a hidden panel (its dock closed) costs nothing
per edit or selection, and catches up when opened."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from sew_desktop.services.history import history_entries
from sew_desktop.store.history import HistoryEntry
from sew_desktop.store.mapping import Entity
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.features.safety import history_panel
from sew_desktop.ui.features.safety.history_panel import HistoryPanel, SelectedRow
from tests.ui.conftest import TableParts


def test_a_hidden_panel_reads_nothing_and_catches_up_when_shown(table_parts: TableParts, qtbot: QtBot,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    repository = table_parts.session.repository
    reads: list[str] = []
    real = history_entries

    def counted(*args: Any, **kwargs: Any) -> list[HistoryEntry]:
        reads.append(kwargs["row_key"])
        return real(*args, **kwargs)

    monkeypatch.setattr(history_panel, "history_entries", counted)
    key = next(iter(repository.agreements()))
    repository.update(Entity.AGREEMENT, key, {"notes": "eerste"})
    repository.update(Entity.AGREEMENT, key, {"notes": "tweede"})
    panel = HistoryPanel(repository, QUndoStack(), Language.DUTCH)
    qtbot.addWidget(panel)
    panel.show_row(SelectedRow(Entity.AGREEMENT, key, "een overeenkomst", {"notes": "Notities"}))
    panel.refresh()
    assert reads == [] and panel.entries == []
    panel.show()
    qtbot.waitExposed(panel)
    assert reads == [str(key)]
    assert [entry.new_value for entry in panel.entries[:2]] == ["tweede", "eerste"]
    panel.refresh()  # shown: a change is read at once
    assert reads == [str(key), str(key)]


def test_an_undo_and_a_redo_say_so_in_the_row_history(table_parts: TableParts) -> None:
    """The history names an undo as an undo, not as a second change made for the original reason."""
    session, agreements = table_parts.session, table_parts.models.agreements
    key = agreements.key_at(2)
    column = [c.name for c in agreements.columns].index("notes")
    assert agreements.setData(agreements.index(2, column), "eerste versie")
    session.undo_stack.undo()
    session.undo_stack.redo()
    whys = [entry.why for entry in history_entries(session.repository, "agreement", row_key=str(key), limit=3)]
    change = session.undo_stack.text(0)
    assert whys == [f"Opnieuw gedaan: {change}", f"Ongedaan gemaakt: {change}", change]  # newest first
