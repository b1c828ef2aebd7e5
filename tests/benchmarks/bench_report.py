"""`sew-desktop report --format json` on the demo database, whole process, beside `python -c "import sqlite_utils"`.

Target (issue 2): at most 2x the sqlite_utils import. Run: .venv/bin/python tests/benchmarks/bench_report.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.services.demo import write_demo
from tests.benchmarks.timing import ms, time_commands

REPEAT = 15


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        write_demo(db)
        exe = Path(sys.executable).with_name("sew-desktop")
        results = time_commands(
            {
                "import sqlite_utils": [sys.executable, "-c", "import sqlite_utils"],
                "sew-desktop report": [
                    str(exe),
                    "--db",
                    str(db),
                    "report",
                    "--as-of",
                    "2022-10-17",
                    "--format",
                    "json",
                ],
            },
            REPEAT,
        )
    for name, values in results.items():
        print(f"{name:22} {ms(values)}")
    ratio = statistics.median(results["sew-desktop report"]) / statistics.median(results["import sqlite_utils"])
    print(f"ratio report / import  {ratio:.2f}  (target <= 2.0)")


if __name__ == "__main__":
    main()
