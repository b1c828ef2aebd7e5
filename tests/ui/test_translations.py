"""The Dutch translation is complete: every string in the UI sources is in a catalog and translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sew_desktop.ui import i18n_tool


@pytest.mark.parametrize("catalog", sorted(i18n_tool.CATALOGS))
def test_catalog_is_complete_and_up_to_date(catalog: str, tmp_path: Path) -> None:
    if not i18n_tool.sources(catalog):  # written by hand (Qt's own texts): every message translated
        written = i18n_tool.messages(i18n_tool.catalog_path(catalog))
        assert written and all(m.finished for m in written)
        return
    fresh = tmp_path / f"{catalog}.ts"
    i18n_tool.lupdate(catalog, fresh)
    needed = {(m.context, m.source) for m in i18n_tool.messages(fresh)}
    committed = {(m.context, m.source): m for m in i18n_tool.messages(i18n_tool.catalog_path(catalog))}
    missing = sorted(needed - set(committed))
    assert not missing, f"strings missing from {catalog}_nl.ts (run `make translations`): {missing[:10]}"
    unfinished = sorted(k for k in needed if not committed[k].finished)
    assert not unfinished, f"untranslated strings in {catalog}_nl.ts: {unfinished[:10]}"
    qm = i18n_tool.catalog_path(catalog).with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= i18n_tool.catalog_path(catalog).stat().st_mtime - 1


PLURAL_CALL = re.compile(r'translate\(\s*"(?P<context>[^"]+)",\s*"(?P<source>[^"]*%n[^"]*)"')


@pytest.mark.parametrize("catalog", sorted(i18n_tool.CATALOGS))
def test_every_plural_string_reaches_the_catalog(catalog: str) -> None:
    """pyside6-lupdate silently skips a %n string whose count is an expression: the test above cannot see it."""
    in_sources = {(m["context"], m["source"]) for path in i18n_tool.sources(catalog)
                  for m in PLURAL_CALL.finditer(path.read_text(encoding="utf-8"))}
    catalog_messages = {(m.context, m.source): m for m in i18n_tool.messages(i18n_tool.catalog_path(catalog))}
    missing = sorted(in_sources - set(catalog_messages))
    assert not missing, f"plural strings not in {catalog}_nl.ts (pass the count as a plain name): {missing}"
    assert all(catalog_messages[key].finished for key in in_sources)
