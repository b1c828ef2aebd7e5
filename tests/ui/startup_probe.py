"""What a fresh process has imported before and after a step: the window opened and painted, then ``step`` (code
that uses ``app`` and ``window``) run and the events processed. For tests that a part of the window is imported
only when first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
app = QApplication([])
from sew_desktop.app import create_main_window
window = create_main_window(Path(sys.argv[1]), settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
for _ in range(5):
    app.processEvents()
watched = sys.argv[3].split(",")
print(",".join(name for name in watched if name in sys.modules))
exec(sys.argv[4])
for _ in range(20):
    app.processEvents()
print(",".join(name for name in watched if name in sys.modules))
"""


def imported_before_and_after(step: str, watched: tuple[str, ...], demo_path: Path,
                              tmp_path: Path) -> tuple[list[str], list[str]]:
    """The ``watched`` modules imported after the first paint, and after ``step``."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(demo_path), str(tmp_path / "s.ini"), ",".join(watched),
                             step], capture_output=True, text=True, timeout=120, check=False,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.splitlines()[-2:]
    return [name for name in before.split(",") if name], [name for name in after.split(",") if name]
