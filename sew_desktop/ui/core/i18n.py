"""Language of the UI: choice (system locale or the user's override), translators, and Dutch/English formats."""

from __future__ import annotations

import enum
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QSettings, QTranslator

import sew_desktop

LANGUAGE_KEY = "ui/language"


class Language(enum.StrEnum):
    """The languages of the UI."""

    DUTCH = "nl"
    ENGLISH = "en"


def resources_dir() -> Path:
    """``resources/`` of a source checkout, or its copy inside an installed wheel."""
    package = Path(sew_desktop.__file__).resolve().parent
    for candidate in (package / "_resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found next to the package")


def system_language(locale: QLocale | None = None) -> Language:
    """Dutch for an nl* system locale, English otherwise."""
    name = (locale or QLocale.system()).name()
    return Language.DUTCH if name.lower().startswith("nl") else Language.ENGLISH


def chosen_language(settings: QSettings) -> Language:
    """The language the user picked in View › Language, else the system's."""
    stored = settings.value(LANGUAGE_KEY, "")
    return Language(stored) if stored in {lang.value for lang in Language} else system_language()


def install_translators(language: Language, owner: QCoreApplication | None = None) -> list[QTranslator]:
    """Load every Dutch catalog (``resources/i18n/*_nl.qm``) and Qt's own for Dutch, or only the English plural
    forms for English; returns them."""
    app = owner or QCoreApplication.instance()
    installed: list[QTranslator] = []
    if app is None:
        return installed
    if language is Language.ENGLISH:  # only the plural forms: "1 row", "3 rows"
        return _install(app, [resources_dir() / "i18n" / "plurals_en.qm"])
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language.value}.qm"
    # Qt's own texts too (Cancel, Yes, No, file dialogs); ours are installed later, so they are searched first
    return _install(app, [qt_own, *sorted((resources_dir() / "i18n").glob(f"*_{language.value}.qm"))])


def _install(app: QCoreApplication, catalogs: list[Path]) -> list[QTranslator]:
    installed: list[QTranslator] = []
    for qm in catalogs:
        translator = QTranslator(app)
        if qm.exists() and translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators`."""
    app = QCoreApplication.instance()
    for translator in translators:
        if app is not None:
            app.removeTranslator(translator)


def locale_for(language: Language) -> QLocale:
    """Belgian Dutch or English number formats."""
    if language is Language.DUTCH:
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def date_format(language: Language) -> str:
    """Qt date format: dd/MM/yyyy, in English too (as in Belgium, and as on the charts and exports)."""
    return "dd/MM/yyyy"


def format_date(value: date | None, language: Language) -> str:
    """A date as the UI shows it (dd/mm/yyyy); empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def format_percent(value: float, language: Language, decimals: int = 0) -> str:
    """``71,9 %`` in Dutch, ``71.9 %`` in English."""
    return f"{locale_for(language).toString(float(value), 'f', decimals)} %"


def to_qdate(value: date | None) -> QDate:
    """A Python date as QDate (invalid for ``None``)."""
    return QDate(value.year, value.month, value.day) if value is not None else QDate()


def from_qdate(value: QDate) -> date | None:
    """A QDate as Python date (``None`` when invalid or null)."""
    if value.isNull() or not value.isValid():
        return None
    return date(value.year(), value.month(), value.day())
