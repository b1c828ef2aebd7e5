"""Every menu can be worked with the keyboard: no two entries of the menu bar, or of one menu, share their Alt
letter, in Dutch and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from tests.ui.conftest import ScriptedDialogs

MNEMONIC = re.compile(r"&([^&\s])")


def letters(texts: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for text in texts:
        match = MNEMONIC.search(text.replace("&&", ""))
        if match:
            found.setdefault(match.group(1).lower(), []).append(text)
    return {letter: owners for letter, owners in found.items() if len(owners) > 1}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_two_menu_entries_share_an_alt_letter(qtbot: QtBot, demo_path: Path, settings: QSettings,
                                                 dialogs: ScriptedDialogs, language: str) -> None:
    settings.setValue("ui/language", language)
    window = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    bar = [a.text() for a in window.menuBar().actions()]
    assert letters(bar) == {}, bar
    clashes = {}
    for menu in window.menuBar().findChildren(QMenu):
        shared = letters([a.text() for a in menu.actions() if a.text()])
        if shared:
            clashes[menu.title()] = shared
    assert clashes == {}
