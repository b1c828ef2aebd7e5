"""Tiny helpers for benchmark scripts: medians of repeated timings, side by side."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence


def time_call(function: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return timings


def time_commands(commands: dict[str, Sequence[str]], repeat: int) -> dict[str, list[float]]:
    """Run the commands interleaved (so both see the same machine load); seconds per run."""
    results: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            results[name].append(time.perf_counter() - start)
    return results


def ms(values: list[float]) -> str:
    """Median and spread in milliseconds."""
    median, low, high = (1000 * v for v in (statistics.median(values), min(values), max(values)))
    return f"median {median:7.1f} ms (min {low:.1f}, max {high:.1f})"
