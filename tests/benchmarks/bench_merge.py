"""Merging copies: the dry run of two copies with N edits each, beside reading both files in the same run.

- the demo, 100 edits on each copy (target <= 1 s), in-process, beside reading every row of both copies;
- the 100x set (``sew-desktop demo PATH --scale 100``), 1,000 edits on each (target <= 10 s), as the CLI runs it
  (``merge --dry-run``, process start included), beside ``sew-desktop report`` on the same file; peak memory of
  the merge process (target <= 300 MB).

Run: .venv/bin/python tests/benchmarks/bench_merge.py
"""

from __future__ import annotations

import compileall
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.services.databases import open_repository
from sew_desktop.services.demo import write_demo
from sew_desktop.services.merging.plan import plan_merge
from sew_desktop.services.merging.resolve import resolve
from sew_desktop.store.errors import ValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.merge_rows import CopyReader
from tests.benchmarks import dataset
from tests.benchmarks.timing import ms, time_call

CLI = str(Path(sys.executable).with_name("sew-desktop"))


def _edit(path: Path, seed: int, count: int) -> None:
    rng = random.Random(seed)
    repository = open_repository(path)
    regions, agreements = sorted(repository.regions()), sorted(repository.agreements())
    municipalities = sorted(repository.municipalities())
    done = 0
    with repository.transaction():
        while done < count:
            kind = done % 3
            entity, key, column = ((Entity.REGION, rng.choice(regions), "notes") if kind == 0 else
                                   (Entity.AGREEMENT, rng.choice(agreements), "notes") if kind == 1 else
                                   (Entity.MUNICIPALITY, rng.choice(municipalities), "contacts"))
            try:
                repository.update(entity, key, {column: f"{seed} {done}"})
            except ValidationError:  # a row of the generated set that breaks a rule: edit another one
                continue
            done += 1
    repository.close()


def _copies(source: Path, folder: Path, edits: int) -> tuple[Path, Path]:
    a, b = folder / "a.sqlite", folder / "b.sqlite"
    shutil.copyfile(source, a)
    shutil.copyfile(source, b)
    _edit(a, 1, edits)
    _edit(b, 2, edits)
    return a, b


def _read_both(a: Path, b: Path) -> None:
    for path in (a, b):
        conn = sqlite3.connect(path)
        reader = CopyReader(conn)
        for table in ("municipality", "region", "membership", "agreement", "open_call", "subsidy_decision"):
            reader.all_rows(table)
        conn.close()


def demo_figures(folder: Path) -> None:
    source = folder / "demo.sqlite"
    write_demo(source)
    a, b = _copies(source, folder, 100)
    repository = open_repository(a)

    def dry_run() -> None:
        resolve(plan_merge(repository, b))

    print(f"demo, 100 edits each: dry run   {ms(time_call(dry_run, 7))}   (target <= 1000 ms)")
    print(f"demo reference: read both files {ms(time_call(lambda: _read_both(a, b), 7))}")
    repository.close()


def _run(command: list[str]) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def scaled_figures(folder: Path) -> None:
    a, b = _copies(dataset.build(), folder, 1000)
    merge = [CLI, "--db", str(a), "merge", str(b), "--dry-run", "--format", "json"]
    report = [CLI, "--db", str(a), "report"]
    for path in (a, b):
        path.read_bytes()  # the file cache warm for both commands
    merge_times = []
    merge_peak = 0
    for _ in range(3):  # first: the peak of the children so far is the merge's own
        elapsed, merge_peak = _run(merge)
        merge_times.append(elapsed)
    report_times = [_run(report)[0] for _ in range(3)]
    print(f"100x, 1,000 edits each: merge --dry-run {ms(merge_times)}   (target <= 10000 ms)")
    print(f"100x reference: report                 {ms(report_times)}")
    print(f"peak memory of merge --dry-run: {merge_peak / 1024:.0f} MB (target <= 300 MB)")


def main() -> None:
    compileall.compile_dir(str(Path(__file__).resolve().parents[2] / "sew_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        demo_figures(folder)
        scaled = folder / "scaled"
        scaled.mkdir()
        scaled_figures(scaled)


if __name__ == "__main__":
    main()
