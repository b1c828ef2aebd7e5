from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sew_desktop.services.databases import open_repository
from sew_desktop.services.demo import write_demo
from sew_desktop.services.report import as_csv, as_json, as_markdown, as_text, coverage_report
from sew_desktop.store.errors import DatabaseExistsError

EXPECTED = {
    # area: (reached, total, forecast, regions with SO, regions total, regions forecast)
    "West-Vlaanderen": (46, 64, 57, 3, 5, 4),
    "Oost-Vlaanderen": (55, 60, 55, 7, 7, 7),
    "Antwerpen": (51, 69, 68, 9, 11, 11),
    "Vlaams-Brabant": (26, 65, 26, 7, 7, 7),
    "Limburg": (22, 42, 23, 4, 7, 4),
    "Vlaanderen": (200, 300, 229, 30, 37, 33),
}
PERCENTS = {
    "West-Vlaanderen": (72, 89, 60, 80),
    "Oost-Vlaanderen": (92, 92, 100, 100),
    "Antwerpen": (74, 99, 82, 100),
    "Vlaams-Brabant": (40, 40, 100, 100),
    "Limburg": (52, 55, 57, 57),
    "Vlaanderen": (67, 76, 81, 89),
}


def test_demo_reproduces_the_published_table(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    report = coverage_report(repository, date(2022, 10, 17), date(2022, 12, 31))
    data = json.loads(as_json(report))
    assert [r["area"] for r in data["rows"]] == list(EXPECTED)
    for row in data["rows"]:
        m, g = row["municipalities"], row["regions"]
        assert (m["reached"], m["total"], m["forecast"], g["with_agreement"], g["total"], g["forecast"]) == EXPECTED[
            row["area"]
        ]
        assert (m["percent"], m["forecast_percent"], g["percent"], g["forecast_percent"]) == PERCENTS[row["area"]]


def test_demo_shape(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    regions = list(repository.regions().values())
    assert repository.is_demo()
    assert len(regions) == 37
    assert sum(r.kind.value == "centrumstad" for r in regions) == 3
    assert len({m.municipality_nis for m in repository.memberships().values()}) == 238
    assert all(r.name.startswith("Demo-") for r in regions)
    assert "Demo-regio West 1" in {r.name for r in regions}


def test_demo_after_the_mergers_has_285_municipalities(demo_path: Path) -> None:
    report = coverage_report(open_repository(demo_path), date(2025, 6, 1))
    assert report.row("Vlaanderen").municipalities_reached.total == 285
    assert report.horizon == date(2025, 12, 31)


def test_demo_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_text("mine")
    with pytest.raises(DatabaseExistsError):
        write_demo(path)
    assert path.read_text() == "mine"
    write_demo(path, force=True)
    assert open_repository(path).is_demo()


def test_text_markdown_and_csv_layouts(demo_path: Path) -> None:
    report = coverage_report(open_repository(demo_path), date(2022, 10, 17), date(2022, 12, 31))
    text = as_text(report)
    assert "West-Vlaanderen" in text and "46/64" in text and "72 %" in text and "17/10/2022" in text
    west = next(line for line in text.splitlines() if line.startswith("West-Vlaanderen"))
    assert west.split() == [
        "West-Vlaanderen",
        "46/64",
        "72",
        "%",
        "57/64",
        "89",
        "%",
        "3/5",
        "60",
        "%",
        "4/5",
        "80",
        "%",
    ]
    assert "| Vlaanderen | 200/300 | 67 % |" in as_markdown(report)
    assert as_csv(report).splitlines()[1].startswith("West-Vlaanderen,46,64,72,57,89,3,5,60,4,80")
