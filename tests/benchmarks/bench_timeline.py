"""Coverage timeline (month by month) beside one coverage computation: the demo data and the 100x dataset.

Targets (milestone 1 of the charts): <= 5 ms for the demo, <= 50 ms for 100x with a two-year horizon.
Run: .venv/bin/python tests/benchmarks/bench_timeline.py
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dataclasses import replace

from sew_desktop.domain.coverage import CoverageArrays, TimelineState, compute_coverage, coverage_timeline
from sew_desktop.domain.coverage.results import CoverageInput
from sew_desktop.services.databases import open_repository
from sew_desktop.services.demo import write_demo
from tests.benchmarks import dataset
from tests.benchmarks.timing import ms, time_call

AS_OF = date(2022, 10, 17)


def measure(label: str, path: Path, horizon: date, repeat: int) -> None:
    repository = open_repository(path)
    data = repository.coverage_input()
    timeline = coverage_timeline(data, AS_OF, horizon)
    print(f"{label:5} {len(timeline.days)} points, Flanders at the horizon {timeline.area('Vlaanderen').reached[-1]}")
    print(f"{label:5} coverage_timeline  {ms(time_call(lambda: coverage_timeline(data, AS_OF, horizon), repeat))}")
    print(f"{label:5} compute_coverage   {ms(time_call(lambda: compute_coverage(data, AS_OF, horizon), repeat))}")
    print(f"{label:5} one edit, updated  {ms(time_call(_editor(data, horizon), repeat))}")
    repository.close()


def _editor(data: CoverageInput, horizon: date) -> Callable[[], object]:
    """One agreement's signing date set and cleared in turn: the columns patched, the timeline state updated."""
    agreements = dict(data.agreements)
    arrays = CoverageArrays.build(data)
    state = TimelineState(arrays, AS_OF, horizon)
    aid = next(aid for aid, a in agreements.items() if a.signed is None)
    turn = [0]

    def edit() -> object:
        nonlocal arrays
        turn[0] += 1
        agreements[aid] = replace(agreements[aid], signed=AS_OF if turn[0] % 2 else None)
        arrays = arrays.with_agreements(agreements, [aid])
        return state.update(arrays, [aid])

    return edit


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite"
        write_demo(demo)
        measure("demo", demo, date(2022, 12, 31), 200)
    measure("100x", dataset.build(), date(2024, 10, 17), 15)


if __name__ == "__main__":
    main()
