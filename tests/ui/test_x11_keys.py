"""Keys as an X11 desktop delivers them. On X11 a line edit claims Emacs keys (Ctrl+E: end of line), which the
offscreen platform does not: this test runs the window on a real X server (Xvfb) in a child process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
app = QApplication(sys.argv[:1])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from sew_desktop.app import app_settings, create_main_window
window = create_main_window(Path(sys.argv[1]), settings=app_settings())
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window, 5000)
page = window.findChild(QLineEdit, "searchField")
page.setFocus()
QTest.qWait(50)
QTest.keyClicks(page, "gent")
QTest.keyClick(page, Qt.Key.Key_Home)
QTest.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
QTest.qWait(50)
dialog = next((d for d in window.findChildren(QDialog) if d.objectName() == "exportDialog" and d.isVisible()), None)
print(json.dumps({"platform": app.platformName(), "focused": app.focusWidget() is page or dialog is not None,
                  "emacs_end": "Ctrl+E" in [k.toString() for k in QKeySequence.keyBindings(
                      QKeySequence.StandardKey.MoveToEndOfLine)],
                  "export_dialog": dialog is not None, "filter": page.text(), "cursor": page.cursorPosition()}))
"""


def on_x11(demo_path: Path, tmp_path: Path) -> dict[str, Any]:
    if shutil.which("xvfb-run") is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run is missing: .ci/run installs it (Debian package xvfb)")
        pytest.skip("needs an X server: install the Debian packages xvfb and xauth (.ci/run lists them)")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-c", CHILD,
                             str(demo_path), str(tmp_path / "settings")],
                            capture_output=True, text=True, env=env, check=True, timeout=120)
    shown: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return shown


def test_ctrl_e_in_the_filter_field_opens_the_export_on_x11(demo_path: Path, tmp_path: Path) -> None:
    shown = on_x11(demo_path, tmp_path)
    assert shown["platform"] == "xcb" and shown["emacs_end"]  # the case the offscreen tests cannot see
    assert shown["export_dialog"] is True
    assert shown["filter"] == "gent" and shown["cursor"] == 0  # the field kept its text; Ctrl+E did not move it
