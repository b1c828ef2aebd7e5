"""Coverage computation for one date pair: the demo data and the generated 100x dataset.

Targets: <= 1 ms for the demo and <= 5 ms for 100x for one date pair; the timeline <= 10 ms on 100x (the data
as columns are built once per state of the places and patched after agreement edits; both reported apart).
Run: .venv/bin/python tests/benchmarks/bench_coverage.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.domain.coverage import CoverageArrays, DayCoverage, compute_timeline
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
    arrays = CoverageArrays.build(data)
    report = DayCoverage(arrays, AS_OF, HORIZON).report
    print(f"{label:5} Flanders {report.row('Vlaanderen').municipalities_reached} reached")
    one, horizon = next(iter(data.agreements)), date(2025, 12, 31)
    for name, work, times in (
            ("columns built", lambda: CoverageArrays.build(data), max(3, repeat // 10)),
            ("one agreement patched", lambda: arrays.with_agreements(data.agreements, {one}), repeat),
            ("table + statuses", lambda: DayCoverage(arrays, AS_OF, HORIZON).report, repeat),
            ("timeline to 2025", lambda: compute_timeline(arrays, AS_OF, horizon), repeat)):
        print(f"{label:5} {name:23} {ms(time_call(work, times))}")
    repository.close()


def reference(repeat: int) -> None:
    """Machine-speed references in the same run (the machines are shared and noisy): a numpy sort of 40,000
    numbers and a pure-Python loop of 100,000 additions."""
    import numpy as np

    numbers = np.random.default_rng(1).integers(0, 10**9, 40_000)
    print(f"ref   numpy sort of 40,000        {ms(time_call(lambda: np.sort(numbers), repeat))}")
    print(f"ref   python loop of 100,000      {ms(time_call(lambda: sum(range(100_000)), repeat))}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite"
        write_demo(demo)
        reference(50)
        measure("demo", demo, 200)
    measure("100x", dataset.build(), 15)


if __name__ == "__main__":
    main()
