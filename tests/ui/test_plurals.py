"""Plural strings are resolved in Dutch: no "||" on screen, the right form for one and for several."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from sew_desktop.ui import i18n_tool
from tests.ui.translators import dutch


@pytest.mark.parametrize(("count", "expected"), [(1, "1 rij verwijderen"), (3, "3 rijen verwijderen")])
def test_dutch_plural_forms(qapp: object, count: int, expected: str) -> None:
    with dutch("main"):
        assert QCoreApplication.translate("Editing", "Delete %n row(s)", "", count) == expected


@pytest.mark.parametrize("catalog", sorted(i18n_tool.CATALOGS))
def test_every_plural_message_has_its_forms(catalog: str) -> None:
    path = i18n_tool.catalog_path(catalog)
    text = path.read_text(encoding="utf-8")
    assert "||" not in text, f"{path.name}: a plural translation is not split into its forms"
    for message in i18n_tool.messages(path):
        assert "%n" not in message.source or message.finished
