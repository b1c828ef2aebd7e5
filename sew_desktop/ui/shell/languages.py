"""Installing the Dutch catalogs app-wide, replacing those of a previous language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from sew_desktop.ui.core.i18n import LANGUAGE_KEY, Language, install_translators

__all__ = ["LANGUAGE_KEY", "apply_language"]
TRANSLATOR_NAME = "sewDesktopTranslator"
LANGUAGE_PROPERTY = "sewLanguage"


def apply_language(language: Language) -> None:
    """Make ``language`` the UI language of the running application."""
    app = QCoreApplication.instance()
    if app is None:
        return
    installed = app.findChildren(QTranslator, TRANSLATOR_NAME)
    if installed and all(t.property(LANGUAGE_PROPERTY) == language.value for t in installed):
        return  # loaded once: a new window in the same language reads no catalog again
    for old in installed:
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    for translator in install_translators(language, app):
        translator.setObjectName(TRANSLATOR_NAME)
        translator.setProperty(LANGUAGE_PROPERTY, language.value)
