"""Plural strings are resolved in Dutch and English: no "||" or "(s)" on screen, the right form for one and for
several."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication

from sew_desktop.ui import i18n_tool
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.shell.languages import apply_language
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


def plural_sources() -> list[tuple[str, str]]:
    found = []
    for catalog in i18n_tool.CATALOGS:
        for context in ElementTree.parse(i18n_tool.catalog_path(catalog)).getroot().iter("context"):
            found += [(context.findtext("name", ""), m.findtext("source", "")) for m in context.iter("message")
                      if "%n" in m.findtext("source", "")]
    return sorted(set(found))


def test_english_resolves_every_plural_too(qapp: object) -> None:
    """English says "1 row" and "3 rows", never "row(s)": every plural message has English forms."""
    apply_language(Language.ENGLISH)
    sources = plural_sources()
    assert len(sources) >= 10
    for context, source in sources:
        one = QCoreApplication.translate(context, source, "", 1)
        many = QCoreApplication.translate(context, source, "", 3)
        assert re.search(r"\b1\b", one) and re.search(r"\b3\b", many), (one, many)
        assert one != many and not re.search(r"\((s|es|en)\)", one + many), (one, many)
    assert QCoreApplication.translate("RowCount", "%n municipality(s)", "", 2) == "2 municipalities"
    assert QCoreApplication.translate("Editing", "Delete %n row(s)?", "", 1) == "Delete 1 row?"


def test_the_english_plural_catalog_is_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    committed = i18n_tool.ENGLISH_PLURALS.read_text(encoding="utf-8")
    monkeypatch.setattr(i18n_tool, "ENGLISH_PLURALS", tmp_path / "plurals_en.ts")
    i18n_tool.write_english_plurals()
    assert (tmp_path / "plurals_en.ts").read_text(encoding="utf-8") == committed, "run `make translations`"
