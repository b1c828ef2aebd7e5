"""Data safety costs on the demo database, each beside its reference in the same run.

- an edit (one field, one transaction, through the repository) with the history triggers, without any history,
  and with the history written by Python in the repository instead (the design not chosen);
- a backup of the demo (VACUUM INTO on its own connection), beside a plain file copy;
- ``sew-desktop history`` for 10,000 entries, beside ``sew-desktop calls`` (process start and open only).

Run: .venv/bin/python tests/benchmarks/bench_safety.py
"""

from __future__ import annotations

import compileall
import shutil
import sqlite3
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.services.backups import BackupReason, take_backup
from sew_desktop.services.databases import open_repository
from sew_desktop.services.demo import write_demo
from sew_desktop.services.history import history_entries, render
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from tests.benchmarks.timing import ms, time_call, time_commands

EDITS = 300
REPEAT = 9
_MANUAL = ("INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, row_uuid, action, field,"
           " old_value, new_value) VALUES (?, ?, ?, ?, ?, 'region', ?, ?, 'update', 'notes', ?, ?)")


def _without_history(path: Path) -> None:
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history%'"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE change_context")
    conn.commit()
    conn.close()


def _edit_burst(repository: Repository, manual: bool) -> None:
    region = next(iter(repository.regions()))
    for number in range(EDITS):
        with repository.transaction():
            old = repository.update(Entity.REGION, region, {"notes": f"bench {number}"})
            if manual:
                repository.database.execute(_MANUAL, [str(uuid.uuid4()), uuid.uuid4().hex, "t", "bench", "",
                                                      str(region), "", old["notes"], f"bench {number}"])


def bench_edits(folder: Path, template: Path) -> None:
    variants = {"history by triggers": (False, False), "no history": (True, False),
                "history by Python": (True, True)}
    results: dict[str, list[float]] = {name: [] for name in variants}
    for round_number in range(REPEAT):
        for name, (strip, manual) in variants.items():
            path = folder / f"edit-{round_number}-{name.replace(' ', '-')}.sqlite"
            shutil.copyfile(template, path)
            if strip:
                _without_history(path)
            repository = open_repository(path)
            seconds = time_call(lambda r=repository, m=manual: _edit_burst(r, m), 1)[0]  # type: ignore[misc]
            results[name].append(seconds / EDITS)
            repository.close()
    for name, values in results.items():
        print(f"edit, {name:21} {ms(values)} per edit")
    extra = sorted(results["history by triggers"])[REPEAT // 2] - sorted(results["no history"])[REPEAT // 2]
    print(f"history cost per edit: {1000 * extra:.3f} ms (target <= 1 ms)")


def bench_backup(folder: Path, template: Path) -> None:
    source = folder / "backup-source.sqlite"
    shutil.copyfile(template, source)
    backup = time_call(lambda: take_backup(source, BackupReason.PERIODIC, force=True), REPEAT)
    print(f"backup of the demo     {ms(backup)}"
          f" ({source.stat().st_size // 1024} KB, target <= 200 ms)")
    print(f"plain copy (reference) {ms(time_call(lambda: shutil.copyfile(source, folder / 'c.sqlite'), REPEAT))}")


def bench_history_command(folder: Path, template: Path) -> None:
    path = folder / "history.sqlite"
    shutil.copyfile(template, path)
    repository = open_repository(path)
    region = next(iter(repository.regions()))
    with repository.transaction():
        for number in range(10_000):
            repository.update(Entity.REGION, region, {"notes": f"n{number}"})
    repository.close()
    conn = sqlite3.connect(path)
    entries = conn.execute("SELECT count(*) FROM change_history").fetchone()[0]
    conn.close()
    repository = open_repository(path)
    in_process = time_call(lambda: render(history_entries(repository), "text"), REPEAT)
    repository.close()
    print(f"history query + text, in process {ms(in_process)} ({entries} entries)")
    exe = str(Path(sys.executable).with_name("sew-desktop"))
    results = time_commands({"history (text)": [exe, "--db", str(path), "history"],
                             "history (json)": [exe, "--db", str(path), "history", "--format", "json"],
                             "calls (reference)": [exe, "--db", str(path), "calls"]}, REPEAT)
    for name, values in results.items():
        print(f"{name:18} {ms(values)} ({entries} entries, target <= 0.5 s)")


def main() -> None:
    compileall.compile_dir(str(Path(__file__).resolve().parents[2] / "sew_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = folder / "demo.sqlite"
        write_demo(template)
        bench_edits(folder, template)
        bench_backup(folder, template)
        bench_history_command(folder, template)


if __name__ == "__main__":
    main()
