"""The window opens where it fits: at 1500x900 on a screen with room for it, maximised on a 1366x768 laptop (or at
150 % on Full HD); a place saved on a larger screen gives way to one that fits. Nothing is off-screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize

from sew_desktop.ui.shell.window import PREFERRED_SIZE, opening_geometry

SCREENS = Path(__file__).resolve().parents[1] / "screens"
ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from sew_desktop.app import app_settings, create_main_window
settings = app_settings()
if sys.argv[3] == "saved-on-fullhd":
    settings.setValue("window/geometry", bytes.fromhex(sys.argv[4]))
window = create_main_window(Path(sys.argv[1]), settings=settings)
window.show()
app.processEvents()
screen = app.primaryScreen().availableGeometry()
extra = {}
if sys.argv[3] == "row-history":
    extra["coverage_height"] = window.coverage_dock.height()
    window.features.safety.show_history()
    for _ in range(5):
        app.processEvents()
    extra["coverage_height_with_history"] = window.coverage_dock.height()
    extra["history_right"] = window.features.safety.dock.geometry().right()
    extra["coverage_left"] = window.coverage_dock.geometry().left()
coverage = window.coverage_dock.widget()
corner = coverage.mapTo(window, coverage.rect().bottomRight())
print(json.dumps({"maximised": window.isMaximized(), "screen": [screen.width(), screen.height()],
                  "window": [window.x(), window.y(), window.width(), window.height()],
                  "coverage_inside": window.rect().contains(corner),
                  "geometry": bytes(window.saveGeometry().data()).hex(), **extra}))
"""


def open_on(screen: str, demo_path: Path, tmp_path: Path, saved: str = "", mode: str = "fresh") -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={SCREENS / screen}",
           "PYTHONPATH": str(ROOT)}
    mode = "saved-on-fullhd" if saved else mode
    result = subprocess.run([sys.executable, "-c", CHILD, str(demo_path), str(tmp_path / screen), mode, saved],
                            capture_output=True, text=True, env=env, check=True, timeout=120)
    shown: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return shown


def test_a_screen_with_room_gets_the_preferred_size_centred() -> None:
    placed, maximised = opening_geometry(QRect(0, 0, 1920, 1040))
    assert not maximised and placed.size() == PREFERRED_SIZE
    assert placed.center() == QRect(0, 0, 1920, 1040).center()


def test_a_smaller_screen_gets_a_maximised_window() -> None:
    for available in (QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 700), QRect(0, 0, 1499, 1000)):
        placed, maximised = opening_geometry(available)
        assert maximised and placed == available
    assert opening_geometry(QRect(0, 0, 1500, 900), QSize(1500, 900))[1] is False


def test_on_a_laptop_the_window_is_maximised_and_the_coverage_is_on_screen(demo_path: Path, tmp_path: Path) -> None:
    shown = open_on("laptop.json", demo_path, tmp_path)
    assert shown["maximised"] is True and shown["coverage_inside"] is True
    x, y, width, height = shown["window"]
    assert x >= 0 and y >= 0 and width <= 1366 and height <= 768


def test_a_place_saved_on_a_large_screen_gives_way_on_a_laptop(demo_path: Path, tmp_path: Path) -> None:
    on_desktop = open_on("fullhd.json", demo_path, tmp_path)
    assert on_desktop["maximised"] is False and on_desktop["window"][2:] == [1500, 900]
    on_laptop = open_on("laptop.json", demo_path, tmp_path, saved=str(on_desktop["geometry"]))
    x, y, width, height = on_laptop["window"]
    assert on_laptop["maximised"] is True and x >= 0 and y >= 0 and width <= 1366 and height <= 768


def test_the_row_history_opens_under_the_tables_not_under_the_chart(demo_path: Path, tmp_path: Path) -> None:
    shown = open_on("laptop.json", demo_path, tmp_path, mode="row-history")
    assert shown["coverage_height_with_history"] == shown["coverage_height"]  # the chart keeps its height
    assert shown["history_right"] <= shown["coverage_left"]  # the row history sits beside it, under the tables
