"""Start-up imports only what the first paint needs: the imports tab's lists (with the import services behind them),
and platformdirs come when first used. Counted in a fresh process, as the map's geometry is."""

from __future__ import annotations

from pathlib import Path

from tests.ui.startup_probe import imported_before_and_after

DEFERRED = ("sew_desktop.ui.features.imports.calls", "sew_desktop.ui.features.imports.log",
            "sew_desktop.services.imports.service", "platformdirs")
SHOW_IMPORTS_TAB = """
page = window.findChild(QWidget, "importsPage")
tabs = next(t for t in window.findChildren(QTabWidget) if t.indexOf(page) >= 0)
tabs.setCurrentWidget(page)
"""


def test_the_imports_tab_and_platformdirs_are_imported_when_first_used(demo_path: Path, tmp_path: Path) -> None:
    before, after = imported_before_and_after(SHOW_IMPORTS_TAB, DEFERRED, demo_path, tmp_path)
    assert before == []
    assert after == ["sew_desktop.ui.features.imports.calls", "sew_desktop.ui.features.imports.log",
                     "sew_desktop.services.imports.service"]
