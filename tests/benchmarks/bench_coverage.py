"""Coverage computation for one date pair: the demo data and the generated 100x dataset.

Targets (issue 2): <= 5 ms for the demo, <= 100 ms for 100x (computation; loading is reported apart).
Run: .venv/bin/python tests/benchmarks/bench_coverage.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.domain.coverage import DayIndex, compute_coverage, municipality_coverage
from sew_desktop.services.databases import open_repository
from sew_desktop.services.demo import write_demo
from tests.benchmarks import dataset
from tests.benchmarks.timing import ms, time_call

AS_OF, HORIZON = date(2022, 10, 17), date(2022, 12, 31)


def measure(label: str, path: Path, repeat: int) -> None:
    repository = open_repository(path)
    start = time.perf_counter()
    data = repository.coverage_input()
    len(data.agreements)
    print(f"{label:5} load into memory        {(time.perf_counter() - start) * 1000:7.1f} ms (once per session)")
    report = compute_coverage(data, AS_OF, HORIZON)
    print(f"{label:5} Flanders {report.row('Vlaanderen').municipalities_reached} reached")
    print(f"{label:5} compute_coverage        {ms(time_call(lambda: compute_coverage(data, AS_OF, HORIZON), repeat))}")
    print(f"{label:5} municipality statuses   {ms(time_call(lambda: municipality_coverage(data, AS_OF), repeat))}")
    print(f"{label:5} day index (lazy status) {ms(time_call(lambda: DayIndex(data, AS_OF), repeat))}")
    repository.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite"
        write_demo(demo)
        measure("demo", demo, 200)
    measure("100x", dataset.build(), 15)


if __name__ == "__main__":
    main()
