"""Team server benchmarks (issue 24), against a throw-away PostgreSQL with TLS started here (as the tests do).

1. 50 simulated laptops, 8 syncing at once: each sync connects over TLS, pushes a few field edits of its
   province's regiegebieden and pulls what is new. Printed: p95 of connect, push and pull, beside the same-run
   reference of a bare TLS connect + ``SELECT 1``; the server's CPU per sync (the postgres processes' CPU time,
   from /proc, over the run / syncs); and every edit accounted for (each operation answered exactly once).
   Targets: push p95 <= 300 ms, pull p95 <= 150 ms, connect p95 <= 150 ms, server CPU <= 25 ms per sync.
2. ``team join`` of the 100x demo set (seeded on the server from the file), beside the same-run reference of
   reading the same rows from the file (``CopyReader.all_rows``). Target: <= 10 s.
3. An agreement edit in the window on a team's file (demo data), alone and while a worker thread syncs back to
   back (TLS connections and pulls of what is new; and, the worst case, of the whole log as after a long time
   offline): the edit's target (16 ms) during a sync.

Run: .venv/bin/python tests/benchmarks/bench_team.py [--laptops 50] [--parallel 8] [--rounds 6]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.services.demo import write_demo
from sew_desktop.services.team import membership
from sew_desktop.store.merge_rows import INSERT_ORDER, CopyReader
from sew_desktop.store.team import server
from sew_desktop.store.team.protocol import Operation
from tests.benchmarks import dataset
from tests.team import pg

PASSWORD = "bench password"
PROVINCES = ("10000", "20001", "30000", "40000", "70000")


def p95(values: list[float]) -> str:
    ordered = sorted(values)
    return f"{ordered[int(0.95 * (len(ordered) - 1))] * 1000:.0f} ms (median {statistics.median(ordered) * 1000:.0f})"


def server_cpu_seconds() -> float:
    """CPU time (user + system) of every postgres process, from /proc."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/comm") as comm:
                name = comm.read().strip()
        except OSError:
            continue
        if name.startswith("postgres"):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class Laptop:
    """A simulated laptop: a login, an id, an operation counter and a cursor."""

    def __init__(self, login: str, regions: list[str]) -> None:
        self.login, self.id, self.regions = login, str(uuid.uuid4()), regions
        self.op_no, self.cursor, self.answered = 0, 0, 0

    def operations(self, rng: random.Random) -> list[Operation]:
        ops = []
        for _ in range(rng.randint(1, 5)):
            self.op_no += 1
            ops.append(Operation(self.op_no, "region", rng.choice(self.regions), "update", "notes",
                                 f"{self.login} {self.op_no}", self.cursor))
        return ops


def one_sync(cluster: pg.Cluster, database: str, laptop: Laptop, rng: random.Random) -> tuple[float, float, float]:
    start = time.perf_counter()
    with server.connect(cluster.dsn(database, user=laptop.login, password=PASSWORD)) as conn:
        connected = time.perf_counter()
        outcomes = server.push(conn, laptop.id, laptop.operations(rng))
        pushed = time.perf_counter()
        changes = server.pull(conn, laptop.cursor)
        pulled = time.perf_counter()
    laptop.answered += len(outcomes)
    laptop.cursor = max([laptop.cursor, *(c.seq for c in changes)])
    return connected - start, pushed - connected, pulled - pushed


def bare_connect(cluster: pg.Cluster, database: str) -> float:
    start = time.perf_counter()
    with server.connect(cluster.dsn(database), check_version=False) as conn:
        conn.execute("SELECT 1").fetchone()
    return time.perf_counter() - start


def seed_regions(count: int) -> dict[str, list[dict[str, object]]]:
    regions: list[dict[str, object]] = [
        {"uuid": str(uuid.uuid4()), "name": f"Regio {n}", "kind": "samenwerkingsverband",
         "province_nis": PROVINCES[n % len(PROVINCES)], "valid_from": "2023-01-01", "valid_to": None, "notes": ""}
        for n in range(count)]
    return {"region": regions}


def bench_syncs(cluster: pg.Cluster, laptops_count: int, parallel: int, rounds: int) -> None:
    database = cluster.create_database()
    seed = seed_regions(50)
    with server.connect(cluster.dsn(database), check_version=False) as conn:
        server.init(conn, seed)
        for number, province in enumerate(PROVINCES):
            server.add_user(conn, f"nm{number}", [province], False, PASSWORD)
    by_province = {p: [str(r["uuid"]) for r in seed["region"] if r["province_nis"] == p] for p in PROVINCES}
    laptops = [Laptop(f"nm{n % 5}", by_province[PROVINCES[n % 5]]) for n in range(laptops_count)]
    for laptop in laptops:
        with server.connect(cluster.dsn(database, user=laptop.login, password=PASSWORD)) as conn:
            server.register_laptop(conn, laptop.id)
    timings: list[tuple[float, float, float]] = []
    references = [bare_connect(cluster, database) for _ in range(20)]
    cpu_before, syncs = server_cpu_seconds(), 0
    with ThreadPoolExecutor(parallel) as pool:
        for round_number in range(rounds):
            rngs = [random.Random(round_number * 1000 + n) for n in range(len(laptops))]
            timings += pool.map(lambda pair: one_sync(cluster, database, *pair), zip(laptops, rngs, strict=True))
            syncs += len(laptops)
    cpu = (server_cpu_seconds() - cpu_before) / syncs
    references += [bare_connect(cluster, database) for _ in range(20)]
    sent = sum(laptop.op_no for laptop in laptops)
    with server.connect(cluster.dsn(database), check_version=False) as conn:
        row = conn.execute("SELECT count(*) FROM sew.op_log").fetchone()
    print(f"{laptops_count} laptops, {parallel} at once, {syncs} syncs")
    print(f"  connect with TLS p95 : {p95([t[0] for t in timings])}  (bare TLS connect + SELECT 1: {p95(references)};"
          " target <= 150 ms)")
    print(f"  push p95             : {p95([t[1] for t in timings])}  (target <= 300 ms)")
    print(f"  pull p95             : {p95([t[2] for t in timings])}  (target <= 150 ms)")
    print(f"  server CPU per sync  : {cpu * 1000:.1f} ms  (target <= 25 ms)")
    print(f"  edits sent {sent}, answered {sum(laptop.answered for laptop in laptops)}, answers kept on the server "
          f"{row[0] if row else 0}  (unaccounted: {sent - (row[0] if row else 0)})")
    cluster.drop_database(database)


def bench_join(cluster: pg.Cluster, work: Path) -> None:
    big = work / "big.sqlite"
    dataset.build(big)
    database = cluster.create_database()
    reader_start = time.perf_counter()
    import sqlite3

    with sqlite3.connect(big) as conn:
        reader = CopyReader(conn)
        rows = {table: list(reader.all_rows(table).values()) for table in INSERT_ORDER}
        rows["municipality"] = [{**row, "nis_code": nis} for nis, row in reader.all_rows("municipality").items()]
    reference = time.perf_counter() - reader_start
    with server.connect(cluster.dsn(database), check_version=False) as conn:
        server.init(conn, rows)
    target = work / "joined.sqlite"
    start = time.perf_counter()
    report = membership.join_new_file(target, cluster.dsn(database))
    took = time.perf_counter() - start
    print(f"team join of the 100x set: {took:.2f} s for {report.rows} rows  (reading the same rows from the file:"
          f" {reference:.2f} s; target <= 10 s)")
    cluster.drop_database(database)


def bench_edit_while_syncing(cluster: pg.Cluster, work: Path, repeat: int) -> None:
    """The window's edit latency on a team's file (the demo data), alone and while syncs run in a worker thread
    of the same process (what the window's team feature does every few minutes)."""
    from tests.benchmarks.bench_gui import bench_edit

    demo = work / "demo.sqlite"
    write_demo(demo)
    database = cluster.create_database()
    with server.connect(cluster.dsn(database), check_version=False) as conn:
        server.init(conn, server.seed_from_file(demo))
    joined = work / "team-demo.sqlite"
    membership.join_new_file(joined, cluster.dsn(database))
    bench_edit("team file, no sync", joined, repeat)
    with server.connect(cluster.dsn(database)) as conn:
        newest = server.pull(conn, 0)[-1].seq
    for label, after in (("syncing", newest), ("pulling all", 0)):
        stop = threading.Event()
        worker = threading.Thread(target=_sync_loop, args=(cluster.dsn(database), after, stop), daemon=True)
        worker.start()
        try:
            bench_edit(f"team file, {label}", joined, repeat)
        finally:
            stop.set()
            worker.join()
    cluster.drop_database(database)


def _sync_loop(dsn: str, after: int, stop: threading.Event) -> None:
    """A worker's syncs back to back: a TLS connection and a pull after ``after`` (the newest: a usual sync; 0:
    the whole log, as after a long time offline)."""
    while not stop.is_set():
        with server.connect(dsn) as conn:
            server.pull(conn, after)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    if pg.find_bin() is None:
        print("PostgreSQL is not installed (Debian: apt-get install postgresql): team benchmarks skipped")
        return
    cluster = pg.start()
    try:
        bench_syncs(cluster, args.laptops, args.parallel, args.rounds)
        with tempfile.TemporaryDirectory() as work:
            bench_join(cluster, Path(work))
            bench_edit_while_syncing(cluster, Path(work), 15)
    finally:
        pg.stop(cluster)


if __name__ == "__main__":
    main()
