"""No test measures time: on shared, noisy machines a timing limit fails at random. Tests count calls, events or
bytes instead; timings belong to the benchmarks (``make bench``)."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CLOCKS = re.compile(r"\b(?:time\.(?:perf_counter|monotonic|time|process_time)(?:_ns)?|timeit)\s*\(")


def clock_calls(root: Path) -> list[str]:
    """``file:line`` of every clock read in the test files under ``root`` (benchmarks excepted)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "benchmarks" in path.parts or path == Path(__file__).resolve():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if CLOCKS.search(line):
                found.append(f"{path.relative_to(root)}:{number}")
    return found


def test_no_test_reads_a_clock() -> None:
    assert clock_calls(TESTS) == []


def test_a_clock_read_would_be_found(tmp_path: Path) -> None:
    (tmp_path / "test_x.py").write_text("import time\nstarted = time.perf_counter()\n", encoding="utf-8")
    assert clock_calls(tmp_path) == ["test_x.py:2"]
