"""Qt fixtures: isolated settings, a wired main window on a private copy of the demo data, or only its tables."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sew_desktop.app import app_settings, build_models, build_session, create_main_window
from sew_desktop.services.databases import open_repository
from sew_desktop.ui.core.collector import install_main_thread_collector
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.new_row_forms import AgreementDraft, RegionDraft
from sew_desktop.ui.core.table_page import TablePage, pages_of
from sew_desktop.ui.core.window_session import WindowSession
from sew_desktop.ui.shell.connections import connect_session
from sew_desktop.ui.shell.languages import apply_language
from sew_desktop.ui.shell.window import MainWindow
from sew_desktop.ui.tables.models import TableModels
from sew_desktop.ui.tables.pages import build_pages


class ScriptedDialogs(UserDialogs):
    """Answers the window's questions without modal dialogs, and records what it was told."""

    def __init__(self) -> None:
        super().__init__(None, Language.DUTCH)
        self.errors: list[tuple[str, str]] = []
        self.confirm_answer = True
        self.questions: list[str] = []
        self.date_answer: date | None = None
        self.date_questions: list[tuple[str, date]] = []  # (question, proposed day)
        self.open_answer: Path | None = None
        self.save_answer: Path | None = None
        self.save_suggestions: list[str] = []
        self.region_answer: RegionDraft | None = None
        self.agreement_answer: AgreementDraft | None = None
        self.asked: list[dict[str, object]] = []

    def error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def information(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.confirm_answer

    def ask_date(self, title: str, text: str, default: date) -> date | None:
        self.date_questions.append((text, default))
        return self.date_answer or default

    def ask_new_region(self, provinces: Mapping[str, str], province_nis: str, municipalities: Mapping[str, str],
                       start: date) -> RegionDraft | None:
        self.asked.append({"province": province_nis, "start": start})
        return self.region_answer

    def ask_new_agreement(self, partners: Mapping[str, str], start: date) -> AgreementDraft | None:
        self.asked.append({"partners": partners, "start": start})
        return self.agreement_answer

    def open_path(self, title: str) -> Path | None:
        return self.open_answer

    def save_path(self, title: str, suggestion: str = "", filters: str = "") -> Path | None:
        self.save_suggestions.append(suggestion)
        return self.save_answer


@pytest.fixture(autouse=True, scope="session")
def collection_in_the_gui_thread(qapp: QApplication) -> None:
    """As in the app: no garbage collection in a planning thread (a Qt object freed there can deadlock)."""
    install_main_thread_collector(qapp)


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A window installs its language app-wide; take it away afterwards, so that a test that expects English
    does not depend on which test ran before it (cheap: no window is built here)."""
    yield
    apply_language(Language.ENGLISH)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary folder, Dutch UI."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    result = app_settings()
    result.setValue("ui/language", "nl")
    return result


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    """The scripted answers the window gets instead of modal dialogs."""
    return ScriptedDialogs()


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, settings: QSettings, dialogs: ScriptedDialogs) -> Iterator[MainWindow]:
    """The main window on the demo data at 17/10/2022 (horizon 31/12/2022), shown offscreen."""
    main = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    assert main.session is not None
    main.session.live.set_dates(date(2022, 10, 17), date(2022, 12, 31))
    main.session.live.refresh()
    main.show()
    qtbot.waitExposed(main)
    yield main


@dataclass(frozen=True)
class TableParts:
    """The data side of a window and its table pages, without the window (for tests of a part)."""

    session: WindowSession
    models: TableModels
    pages: list[TablePage]
    tabs: list[QWidget]  # what holds the pages (the regiegebieden's page sits in a splitter)

    def page(self, name: str) -> TablePage:
        """The page whose view is called ``name`` ("agreementsTable")."""
        return next(page for page in self.pages if page.view.objectName() == name)


@pytest.fixture
def table_parts(qtbot: QtBot, demo_path: Path, dialogs: ScriptedDialogs) -> Iterator[TableParts]:
    """Session, models and table pages on the demo data at 17/10/2022 (horizon 31/12/2022), in Dutch, connected as
    in a window (the change bus and the live coverage reach the models); no window."""
    apply_language(Language.DUTCH)
    session = build_session(open_repository(demo_path), Language.DUTCH)
    session.live.set_dates(date(2022, 10, 17), date(2022, 12, 31))
    session.live.refresh()
    models = build_models(session, dialogs)
    frame = WindowFrame()
    qtbot.addWidget(frame.tabs)
    qtbot.addWidget(frame.status)
    connect_session(session, models, frame, dialogs)
    tabs = [page for _, page in build_pages(models, Language.DUTCH, dialogs.ask_date)]
    for tab in tabs:
        qtbot.addWidget(tab)
    yield TableParts(session, models, pages_of(tabs), tabs)
    session.bus.detach()
    session.live.stop()
    session.repository.close()
    for owned in (frame, session.bus, session.live, session.undo_stack, *models.all()):
        owned.deleteLater()  # deleted in this thread, not left for a collection elsewhere
