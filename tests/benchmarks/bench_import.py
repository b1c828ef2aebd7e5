"""`sew-desktop import-decisions` on a generated 50,000-row layout-(b) file, beside `sqlite-utils insert --csv`.

Target (issue 4): the whole import process (start to exit: read, match, plan, apply) is faster than
`sqlite-utils insert db.sqlite t file.csv --csv` loading the same file into an empty table; peak memory < 250 MB.
Run: .venv/bin/python tests/benchmarks/bench_import.py [ROWS]
"""

from __future__ import annotations

import csv
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.store.reference import municipality_rows

CALL = "Lokale Regie Sociale Economie en Werk 2023-2025"
MEMBERS_PER_COLLABORATION = 10
REPEAT = 3
OUTCOMES = ("Goedgekeurd", "goedgekeurd", "Afgewezen", "In behandeling")


def write_file(path: Path, rows: int) -> None:
    """Layout (b): one row per member municipality, the collaboration and its decision repeated."""
    names = [r["name_nl"] for r in municipality_rows() if not r["valid_to"]]
    rng = random.Random(4)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Samenwerkingsverband", "Gemeente", "Beslissing", "Subsidiebedrag", "Datum beslissing"])
        for number in range(rows // MEMBERS_PER_COLLABORATION):
            outcome = rng.choice(OUTCOMES)
            amount = f"€ {rng.randrange(20, 200)}.{rng.randrange(1000):03d},{rng.randrange(100):02d}"
            for name in rng.sample(names, MEMBERS_PER_COLLABORATION):
                writer.writerow([f"Samenwerkingsverband {number:05d}", name, outcome, amount, "20/04/2023"])


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        data = work / "decisions.csv"
        write_file(data, rows)
        ours, theirs = [], []
        for attempt in range(REPEAT):
            db = work / f"sew{attempt}.sqlite"
            subprocess.run([str(bin_dir / "sew-desktop"), "init", str(db)], check=True, stdout=subprocess.DEVNULL)
            command = [str(bin_dir / "sew-desktop"), "--db", str(db), "import-decisions", str(data), "--call", CALL]
            ours.append(timed([*command, "--format", "json"]))
        peak = peak_mb()  # measured before sqlite-utils runs: the largest child so far is ours
        for attempt in range(REPEAT):
            table_db = work / f"t{attempt}.sqlite"
            theirs.append(timed([str(bin_dir / "sqlite-utils"), "insert", str(table_db), "t", str(data), "--csv"]))
        ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
        print(f"file: {rows} rows, layout per-municipality, UTF-8, ',' ({data.stat().st_size / 1e6:.1f} MB)")
        for label, seconds in (("sew-desktop import-decisions", ours_s), ("sqlite-utils insert --csv", theirs_s)):
            rate = rows / seconds
            print(f"{label + ' (start to exit):':48} {seconds:.2f} s, median of {REPEAT} ({rate:,.0f} rows/s)")
        print(f"ratio: {ours_s / theirs_s:.2f} (target < 1)")
        print(f"peak memory of sew-desktop import-decisions: {peak:.0f} MB (target < 250 MB)")


if __name__ == "__main__":
    main()
