"""Status map benchmarks (issue 13), offscreen.

1. Loading and preparing boundaries: the reference municipality file (../shared/reference, when present) and a
   synthetic file of ~19,200 statistical sectors, against reading the same JSON alone. Targets: <= 3 s and <= 15 s.
2. First paint: building the map widget's items from the stored shapes and painting it, against painting an
   empty view of the same size. Target <= 150 ms.
3. Recolour + repaint after an edit that changes a regiegebied's members. Target <= 16 ms.
4. SVG export of the whole map with title, legend and credit, against the PNG export. Target <= 0.5 s.
5. Start-up: process start to the shown, painted main window on the demo data, with the map's tab and menu
   action and with them left out, run interleaved. Target: the map adds <= 5 %.

Run: .venv/bin/python tests/benchmarks/bench_map.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# Offscreen on a Full HD screen, as the tests (the plain offscreen screen is 800x800: the window would be maximised).
os.environ.setdefault("QT_QPA_PLATFORM",
                      f"offscreen:configfile={Path(__file__).resolve().parents[1] / 'screens' / 'fullhd.json'}")

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView
from shapely.geometry import Polygon

from sew_desktop.domain.boundaries import Period
from sew_desktop.domain.coverage import CoverageArrays, DayCoverage
from sew_desktop.domain.coverage.map_status import MapStatus, map_statuses, valid_codes
from sew_desktop.services.boundaries.service import load_boundaries
from sew_desktop.services.boundaries.shapes import map_shapes
from sew_desktop.services.databases import open_repository
from sew_desktop.services.demo import write_demo
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.statusmap.cli_export import map_picture
from sew_desktop.ui.statusmap.render import render_map
from sew_desktop.ui.statusmap.widget import StatusMapWidget
from tests.benchmarks.timing import ms, time_call
from tests.services.boundaries.files import ORIGIN, SIDE, boundary_file, reference_codes, square, squares

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "flanders_municipalities_2019_2024.geojson"
AS_OF, HORIZON = date(2022, 10, 17), date(2022, 12, 31)


def fresh_demo(folder: Path, name: str) -> Repository:
    path = folder / name
    write_demo(path, force=True)
    return open_repository(path)


def jitter(i: int, j: int) -> tuple[float, float]:
    """A fixed offset (metres) per lattice point, shared by the sectors that meet there: borders stay exact."""
    seed = (i * 73856093) ^ (j * 19349663)
    return (seed % 11 - 5) * 1.0, (seed // 11 % 11 - 5) * 1.0


def dense_sectors(codes: list[str], split: int = 8, steps: int = 16) -> list[tuple[dict[str, object], Polygon]]:
    """Sectors like Statbel's in number (split x split per municipality) with wiggly shared borders
    (4 x steps vertices each), on the grid of the test squares."""
    features: list[tuple[dict[str, object], Polygon]] = []
    lattice = SIDE / split / steps
    for number, code in enumerate(codes):
        xmin, ymin, _, _ = square(number).bounds
        for part in range(split * split):
            i0 = round((xmin - ORIGIN[0]) / lattice) + (part % split) * steps
            j0 = round((ymin - ORIGIN[1]) / lattice) + (part // split) * steps
            ring = ([(i0 + k, j0) for k in range(steps)] + [(i0 + steps, j0 + k) for k in range(steps)]
                    + [(i0 + steps - k, j0 + steps) for k in range(steps)]
                    + [(i0, j0 + steps - k) for k in range(steps)])
            points = [(ORIGIN[0] + i * lattice + jitter(i, j)[0], ORIGIN[1] + j * lattice + jitter(i, j)[1])
                      for i, j in ring]
            features.append(({"CD_SECTOR": f"{code}A{part:03d}", "CD_MUNTY_REFNIS": code}, Polygon(points)))
    return features


def read_json(path: Path) -> object:
    return json.loads(path.read_bytes())


def bench_loading(folder: Path, repeat: int) -> Path:
    codes = reference_codes(Period.FROM_2019)
    sources = {"synthetic sectors (19,200)": boundary_file(folder, "geojson",
                                                          squares(codes, "CD_MUNTY_REFNIS", split=8), name="sectors"),
               "dense sectors (19,200 x 64 pts)": boundary_file(folder, "geojson", dense_sectors(codes),
                                                                 name="dense")}
    if REFERENCE.exists():
        sources["reference municipality file"] = REFERENCE
    else:
        print("reference geometry not found: municipality file not measured")
    for label, path in sources.items():
        repository = fresh_demo(folder, f"load-{len(label)}.sqlite")
        read = time_call(partial(read_json, path), repeat)
        load = time_call(partial(load_boundaries, repository, path), repeat)
        repository.close()
        print(f"load {label:31}: {ms(load)}   (reading the JSON alone: {ms(read)})")
    return sources.get("reference municipality file", sources["synthetic sectors (19,200)"])


def first_paint(repository: Repository, statuses: dict[str, MapStatus]) -> None:
    widget = StatusMapWidget(Language.DUTCH, lambda code: code)
    widget.resize(680, 520)
    widget.set_shapes(map_shapes(repository, Period.FROM_2019), "credit")
    widget.set_statuses(statuses, (AS_OF, HORIZON), expected=229)
    widget.show()
    widget.view.viewport().repaint()
    widget.close()
    widget.deleteLater()


def empty_paint() -> None:
    view = QGraphicsView(QGraphicsScene())
    view.resize(680, 420)
    view.show()
    view.viewport().repaint()
    view.close()
    view.deleteLater()


def bench_painting(repository: Repository, repeat: int) -> None:
    data = repository.coverage_input()
    statuses = map_statuses(DayCoverage(CoverageArrays.build(data), AS_OF, HORIZON),
                            valid_codes(data.municipalities.values(), AS_OF))
    paint = time_call(lambda: first_paint(repository, statuses), repeat)
    empty = time_call(empty_paint, repeat)
    print(f"first paint of the map            : {ms(paint)}   (an empty view: {ms(empty)})")
    widget = StatusMapWidget(Language.DUTCH, lambda code: code)
    widget.resize(680, 520)
    widget.set_shapes(map_shapes(repository, Period.FROM_2019), "credit")
    widget.set_statuses(statuses, (AS_OF, HORIZON), expected=229)
    widget.show()
    QApplication.processEvents()
    region = next(r for r in repository.regions().values() if r.name == "Demo-regio West 4")
    members = {m.municipality_nis for m in repository.memberships().values() if m.region_id == region.id}
    signed = {**statuses, **dict.fromkeys(members, MapStatus.SIGNED_VIA_REGION)}
    flip = [signed, statuses]

    def recolour() -> None:  # as after an edit: Qt repaints what changed in the next event-loop turn
        flip.reverse()
        widget.set_statuses(flip[0], (AS_OF, HORIZON), expected=229)
        QApplication.processEvents()

    def recolour_full() -> None:
        flip.reverse()
        widget.set_statuses(flip[0], (AS_OF, HORIZON), expected=229)
        widget.view.viewport().repaint()

    def repaint_uncached() -> None:
        widget.view.viewport().repaint()

    print(f"recolour {len(members):2} + Qt's repaint         : {ms(time_call(recolour, repeat * 5))}")
    print(f"recolour {len(members):2} + full viewport repaint: {ms(time_call(recolour_full, repeat * 5))}")
    for item in widget.scene.items():
        item.setCacheMode(item.CacheMode.NoCache)
    print(f"full repaint without item caches   : {ms(time_call(repaint_uncached, repeat * 5))}  (reference)")
    widget.close()


def bench_export(repository: Repository, repeat: int) -> None:
    picture = map_picture(repository, (AS_OF, HORIZON), Language.DUTCH, forecast=False)
    svg = time_call(lambda: render_map(picture, "svg", QSize(1600, 1000)), repeat)
    png = time_call(lambda: render_map(picture, "png", QSize(1600, 1000)), repeat)
    print(f"SVG export (1600x1000)             : {ms(svg)}   (PNG export: {ms(png)})")


STARTUP = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
import sew_desktop.app as composition
if sys.argv[3] == "without":
    composition.install_status_map = lambda *args: None
window = composition.create_main_window(Path(sys.argv[1]), settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
window.repaint()
app.processEvents()
print(time.perf_counter() - start)
"""


def bench_startup(folder: Path, repeat: int) -> None:
    demo = folder / "startup.sqlite"
    write_demo(demo, force=True)
    times: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(repeat):
        for variant, values in times.items():
            output = subprocess.run([sys.executable, "-c", STARTUP, str(demo), str(folder / "s.ini"), variant],
                                    check=True, capture_output=True, text=True).stdout
            values.append(float(output.split()[-1]))
    ratio = statistics.median(times["with"]) / statistics.median(times["without"])
    print(f"start-up without the map           : {ms(times['without'])}")
    print(f"start-up with the map tab          : {ms(times['with'])}   (ratio {ratio:.3f}, target <= 1.05)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[2] / "sew_desktop")],
                   check=True)
    application = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = bench_loading(folder, max(1, args.repeat // 2))
        repository = fresh_demo(folder, "map.sqlite")
        load_boundaries(repository, source)
        bench_painting(repository, args.repeat)
        bench_export(repository, args.repeat)
        repository.close()
        bench_startup(folder, args.repeat)
    del application


if __name__ == "__main__":
    main()
