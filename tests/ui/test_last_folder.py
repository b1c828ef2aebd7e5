"""File dialogs open in Documents at first, then in the folder where the user last chose a file, also after a
restart (the folder is kept in the user's settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from sew_desktop.app import app_settings
from sew_desktop.ui.core.file_dialogs import choose_open_file, choose_save_file, documents_folder, remember_folders_in


def answer_with(qtbot: QtBot, chosen: Path, seen: list[Path]) -> None:
    """When the dialog shows: note the folder it opened in, go to ``chosen``'s folder (as a user clicks through
    folders), type its name and press Enter."""
    def act() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        seen.append(Path(dialog.directory().absolutePath()))
        dialog.setDirectory(str(chosen.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.clear()
        qtbot.keyClicks(name, chosen.name)
        qtbot.keyClick(name, Qt.Key.Key_Return)
        if dialog.isVisible():  # never left open: a failed step must fail the test, not hang it
            dialog.reject()

    QTimer.singleShot(0, act)


def test_dialogs_open_in_documents_then_in_the_last_folder_used(qtbot: QtBot, settings: QSettings,
                                                                 tmp_path: Path) -> None:
    remember_folders_in(settings)
    elsewhere = tmp_path / "verslagen"
    elsewhere.mkdir()
    seen: list[Path] = []
    answer_with(qtbot, elsewhere / "kaart.png", seen)
    chosen = choose_save_file(None, "Kaart opslaan", "PNG (*.png)", "kaart.png", "png")
    assert chosen == elsewhere / "kaart.png"
    assert seen == [documents_folder()]  # the first time: Documents, not the process's working folder

    (elsewhere / "besluiten.csv").write_text("a;b\n")
    answer_with(qtbot, elsewhere / "besluiten.csv", seen)
    assert choose_open_file(None, "Bestand kiezen", "*.csv") == elsewhere / "besluiten.csv"
    assert seen[1] == elsewhere  # where the last file was chosen

    remember_folders_in(app_settings())  # the next day: a new settings object reads the same folder
    answer_with(qtbot, elsewhere / "grafiek.png", seen)
    choose_save_file(None, "Grafiek opslaan", "PNG (*.png)", "grafiek.png", "png")
    assert seen[2] == elsewhere


def test_a_folder_that_is_gone_gives_documents_again(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    remember_folders_in(settings)
    settings.setValue("files/lastFolder", str(tmp_path / "verwijderd"))
    seen: list[Path] = []
    answer_with(qtbot, tmp_path / "x.png", seen)
    choose_save_file(None, "Opslaan", "PNG (*.png)", "x.png", "png")
    assert seen == [documents_folder()]
