"""Start-up imports only what the first paint needs: the imports tab's lists (with the import services behind them),
and platformdirs come when first used. Counted in a fresh process, as the map's geometry is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

STARTUP = """
import sys
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from PySide6.QtCore import QSettings
from pathlib import Path
app = QApplication([])
from sew_desktop.app import create_main_window
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = create_main_window(Path(sys.argv[1]), settings=settings)
window.show()
for _ in range(5):
    app.processEvents()
deferred = ("sew_desktop.ui.features.imports.calls", "sew_desktop.ui.features.imports.log",
            "sew_desktop.services.imports.service", "platformdirs")
print(",".join(name for name in deferred if name in sys.modules))
page = window.findChild(QWidget, "importsPage")
tabs = next(t for t in window.findChildren(QTabWidget) if t.indexOf(page) >= 0)
tabs.setCurrentWidget(page)
for _ in range(20):
    app.processEvents()
print(",".join(name for name in deferred if name in sys.modules))
"""


def test_the_imports_tab_and_platformdirs_are_imported_when_first_used(demo_path: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", STARTUP, str(demo_path), str(tmp_path / "s.ini")],
                            capture_output=True, text=True, timeout=120, check=False,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.splitlines()[-2:]
    assert before == ""
    assert after == ("sew_desktop.ui.features.imports.calls,sew_desktop.ui.features.imports.log,"
                     "sew_desktop.services.imports.service")
