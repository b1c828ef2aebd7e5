"""The Dutch translation is complete: every string in the UI sources is in a catalog and translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from sew_desktop.ui import i18n_tool


@pytest.mark.parametrize("catalog", sorted(i18n_tool.CATALOGS))
def test_catalog_is_complete_and_up_to_date(catalog: str, tmp_path: Path) -> None:
    if not i18n_tool.sources(catalog):
        pytest.skip(f"no sources for catalog {catalog} yet")
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
