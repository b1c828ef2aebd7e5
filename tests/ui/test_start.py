"""Starting the app: a broken last file falls back to the next choice; unexpected errors become a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from sew_desktop import app
from sew_desktop.store.errors import NotADatabaseError
from sew_desktop.ui.controllers.files import FileController
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.shell import welcome
from sew_desktop.ui.shell.crash import error_dialog_hook
from sew_desktop.ui.shell.languages import apply_language
from tests.ui.conftest import ScriptedDialogs


@pytest.fixture(autouse=True)
def dutch(qapp: object) -> None:
    """The messages are checked in Dutch."""
    apply_language(Language.DUTCH)


def test_a_broken_last_file_falls_back_to_the_default_database(tmp_path: Path, settings: QSettings,
                                                               dialogs: ScriptedDialogs,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    broken, default = tmp_path / "broken.sqlite", tmp_path / "sew.sqlite"
    broken.write_text("no database")
    default.write_text("stands in for the default database")
    settings.setValue("files/last", str(broken))
    monkeypatch.setattr(app, "default_database_path", lambda: default)
    opened: list[Path] = []

    def open_window(path: Path) -> None:
        if path == broken:
            raise NotADatabaseError(path)
        opened.append(path)

    assert app.open_first_window(FileController(None, dialogs, open_window), settings)
    assert opened == [default]
    assert "geen SQLite" in dialogs.errors[-1][1]  # the user was told why the last file did not open


def test_without_any_file_the_welcome_dialog_is_asked_until_a_choice_opens(tmp_path: Path, settings: QSettings,
                                                                          dialogs: ScriptedDialogs,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "default_database_path", lambda: tmp_path / "sew.sqlite")
    answers = [tmp_path / "bad.sqlite", tmp_path / "good.sqlite", None]
    monkeypatch.setattr(welcome, "choose_start", lambda default, create: answers.pop(0))
    opened: list[Path] = []

    def open_window(path: Path) -> None:
        if path.name == "bad.sqlite":
            raise NotADatabaseError(path)
        opened.append(path)

    assert app.open_first_window(FileController(None, dialogs, open_window), settings)
    assert opened == [tmp_path / "good.sqlite"] and answers == [None]


def test_an_unexpected_error_is_shown_in_dutch_with_the_details_on_stderr(settings: QSettings,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    shown: list[tuple[str, str]] = []
    hook = error_dialog_hook(lambda title, text: shown.append((title, text)))
    try:
        raise KeyError("partner")
    except KeyError as error:
        hook(KeyError, error, error.__traceback__)
    assert shown[0][0] == "Onverwachte fout"
    assert "gegevens zijn veilig" in shown[0][1] and "KeyError" in shown[0][1]
    assert "Traceback" in capsys.readouterr().err


def test_closing_the_welcome_dialog_ends_without_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make run` on a fresh machine, the welcome dialog cancelled: exit 0 (make said "Error 2")."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(app, "default_database_path", lambda: tmp_path / "sew.sqlite")
    monkeypatch.setattr(welcome, "choose_start", lambda default, create: None)
    told = ScriptedDialogs()
    monkeypatch.setattr(app, "UserDialogs", lambda parent, language: told)
    assert app.run_gui(None) == 0
    assert app.run_gui(tmp_path / "missing.sqlite") == 2  # a file named on the command line that cannot open
    assert told.errors and "missing.sqlite" in told.errors[-1][1]
