"""Install the Dutch catalogs for a test (the app-wide installer lives elsewhere)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator

from sew_desktop.ui.i18n_tool import I18N


@contextmanager
def dutch(*catalogs: str) -> Iterator[None]:
    """Load ``resources/i18n/<catalog>_nl.qm`` for the duration of the block."""
    translators = []
    for name in catalogs:
        translator = QTranslator()
        assert translator.load(str(I18N / f"{name}_nl.qm")), name
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    try:
        yield
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
