"""Screenshots of the real main window on the demo data at 17/10/2022: two screen sizes, 100 % and 150 % scaling,
Dutch and English; each table tab with a chart tab of the coverage dock, saved as PNG.

Not part of the test suite (it starts one process per size, scale and language). Look at every picture.

Run: .venv/bin/python tests/ui/screenshots.py [OUTPUT_FOLDER]   (default: screenshots/)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SCREENS = ((1366, 768), (1920, 1080))
SCALES = (1.0, 1.5)
LANGUAGES = ("nl", "en")
TASKBAR = 40  # pixels of the screen the window does not get (taskbar, title bar)
AS_OF = date(2022, 10, 17)
# (table tab, dock tab, horizon, name of the picture); the last one reaches past the 2025 mergers
VIEWS = ((0, 0, date(2022, 12, 31), "gemeenten-staafdiagram"),
         (1, 1, date(2022, 12, 31), "regiegebieden-regiegebieden"),
         (2, 2, date(2022, 12, 31), "overeenkomsten-tijdlijn"),
         (0, 2, date(2025, 6, 30), "tijdlijn-tot-2025-fusies"))


def screen_config(folder: Path, width: int, height: int) -> Path:
    """The offscreen platform's screen of ``width`` × ``height`` physical pixels."""
    path = folder / f"screen-{width}x{height}.json"
    path.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width,
                                             "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                             "dpr": 1}]}))
    return path


def shoot_all(output: Path) -> list[Path]:
    """Every size, scale and language in its own process (the scale factor is read when Qt starts)."""
    output.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as work:
        for width, height in SCREENS:
            config = screen_config(Path(work), width, height)
            for scale in SCALES:
                for language in LANGUAGES:
                    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                               QT_SCALE_FACTOR=str(scale))
                    prefix = f"{width}x{height}-{round(scale * 100)}-{language}"
                    command = [sys.executable, __file__, "--child", str(output), prefix, language,
                               str(width), str(height), str(scale)]
                    result = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
                    written += [Path(line) for line in result.stdout.splitlines() if line.endswith(".png")]
    return written


def shoot_one(output: Path, prefix: str, language: str, width: int, height: int, scale: float) -> None:
    """One process: the window at the screen's size less the taskbar, grabbed for each view."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from sew_desktop.app import app_settings, create_main_window
    from sew_desktop.services.demo import write_demo

    app = QApplication([])
    with tempfile.TemporaryDirectory() as work:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(work) / "settings"))
        settings = app_settings()
        settings.setValue("ui/language", language)
        demo = Path(work) / "demo.sqlite"
        write_demo(demo)
        window = create_main_window(demo, settings=settings)
        assert window.session is not None
        window.session.live.set_dates(AS_OF, date(2022, 12, 31))
        window.resize(round(width / scale), round((height - TASKBAR) / scale))
        window.show()
        dock_tabs = window.coverage_dock.widget().charts  # type: ignore[attr-defined]
        for table_tab, dock_tab, horizon, name in VIEWS:
            window.session.live.set_dates(AS_OF, horizon)
            window.tabs.setCurrentIndex(table_tab)
            dock_tabs.setCurrentIndex(dock_tab)
            for _ in range(5):
                QCoreApplication.processEvents()
            window.session.live.refresh()
            QCoreApplication.processEvents()
            path = output / f"{prefix}-{name}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    del app


def main(argv: list[str]) -> int:
    """The parent writes every picture; ``--child`` writes those of one size, scale and language."""
    if argv[:1] == ["--child"]:
        folder, prefix, language, width, height, scale = argv[1:7]
        shoot_one(Path(folder), prefix, language, int(width), int(height), float(scale))
        return 0
    for path in shoot_all(Path(argv[0]) if argv else Path("screenshots")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
