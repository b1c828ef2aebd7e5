"""`sew-desktop export report` on the demo database, whole process (target <= 2 s wall), beside `export table`.

Run: .venv/bin/python tests/benchmarks/bench_export.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.services.demo import write_demo
from tests.benchmarks.timing import ms, time_commands

REPEAT = 7


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        write_demo(db)
        exe = str(Path(sys.executable).with_name("sew-desktop"))
        common = ["--db", str(db), "export"]
        dates = ["--as-of", "2022-10-17", "--force"]
        results = time_commands(
            {
                "export report (pdf)": [exe, *common, "report", "-o", f"{folder}/r.pdf", *dates],
                "export chart (png 2x)": [exe, *common, "chart", "-o", f"{folder}/c.png", *dates],
                "export table (xlsx)": [exe, *common, "table", "--format", "xlsx", "-o", f"{folder}/t.xlsx", *dates],
            },
            REPEAT,
        )
    for name, values in results.items():
        print(f"{name:24} {ms(values)}")
    print(f"report median {statistics.median(results['export report (pdf)']):.2f} s (target <= 2 s)")


if __name__ == "__main__":
    main()
