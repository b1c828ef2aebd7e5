"""A generated 100x dataset for benchmarks: 31,200 municipality codes, 3,700 regiegebieden, 40,000 agreements.

The demo dataset is copied 100 times under fresh NIS codes (same provinces, validity and mergers), then extra
agreements with single municipalities (ended, negotiating, still to start) bring the total to 40,000.
"""

from __future__ import annotations

import random
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from sew_desktop.services.demo import write_demo
from sew_desktop.store.migrations import known_names

COPIES = 100
AGREEMENTS = 40_000
# The schema version is in the name: a file built by another version (another checkout on the same machine) is
# never opened, and so never migrated under the feet of that version.
DEFAULT_PATH = Path(f"/tmp/sew-desktop-bench-100x-v{len(known_names())}.sqlite")


def _code_map(src: list[tuple[object, ...]], free: Iterator[int]) -> dict[str, str]:
    return {str(row[0]): f"{next(free):05d}" for row in src}


def _copy_municipalities(
    conn: sqlite3.Connection, src: list[tuple[object, ...]], codes: dict[str, str], copy: int
) -> None:
    rows = []
    for nis, name, name_fr, province, _arr, valid_from, valid_to, successor in src:
        new = codes[str(nis)]
        rows.append(
            (
                new,
                f"bench-{copy}-{nis}",
                f"{name} {copy}",
                name_fr,
                province,
                new[:2] + "000",
                valid_from,
                valid_to,
                codes[str(successor)] if successor else None,
                "2026-01-01",
            )
        )
    conn.executemany(
        "INSERT INTO municipality (nis_code, uuid, name_nl, name_fr, province_nis, arrondissement_nis, valid_from,"
        " valid_to, successor_nis, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _copy_regions(conn: sqlite3.Connection, codes: dict[str, str], copy: int, last: tuple[int, int]) -> None:
    regions = conn.execute(
        "SELECT id, name, kind, province_nis, valid_from FROM region WHERE id <= ?", [last[0]]
    ).fetchall()
    new_id = {}
    for rid, name, kind, province, valid_from in regions:
        cursor = conn.execute(
            "INSERT INTO region (uuid, name, kind, province_nis, valid_from, updated_at) VALUES (?,?,?,?,?,?)",
            [f"bench-r-{copy}-{rid}", f"{name} ({copy})", kind, province, valid_from, "2026-01-01"],
        )
        new_id[rid] = cursor.lastrowid
    conn.executemany(
        "INSERT INTO membership (uuid, region_id, municipality_nis, valid_from, updated_at) VALUES (?,?,?,?,?)",
        [
            (f"bench-m-{copy}-{mid}", new_id[rid], codes[nis], vf, "2026-01-01")
            for mid, rid, nis, vf in conn.execute(
                "SELECT id, region_id, municipality_nis, valid_from FROM membership WHERE region_id <= ?", [last[0]]
            )
        ],
    )
    conn.executemany(
        "INSERT INTO agreement (uuid, municipality_nis, region_id, negotiation_started, expected_signing, signed,"
        " ended, updated_at) VALUES (?,?,?,?,?,?,?,?)",
        [
            (f"bench-a-{copy}-{aid}", codes[m] if m else None, new_id[r] if r else None, s, e, g, n, "2026-01-01")
            for aid, m, r, s, e, g, n in conn.execute(
                "SELECT id, municipality_nis, region_id, negotiation_started, expected_signing, signed, ended"
                " FROM agreement WHERE id <= ?",
                [last[1]],
            )
        ],
    )


def _extra_agreements(conn: sqlite3.Connection, count: int) -> None:
    rng = random.Random(100)
    codes = [r[0] for r in conn.execute("SELECT nis_code FROM municipality WHERE valid_to IS NULL")]
    rows = []
    for i in range(count):
        kind = i % 3
        started = f"2022-{rng.randrange(1, 10):02d}-01"
        signed = f"2020-{rng.randrange(1, 13):02d}-15" if kind == 0 else None
        rows.append(
            (
                f"bench-x-{i}",
                rng.choice(codes),
                "2019-06-01" if kind == 0 else started if kind == 1 else None,
                "2023-03-01" if kind else None,
                signed,
                "2021-12-31" if kind == 0 else None,
                "2026-01-01",
            )
        )
    conn.executemany(
        "INSERT INTO agreement (uuid, municipality_nis, negotiation_started, expected_signing, signed, ended,"
        " updated_at) VALUES (?,?,?,?,?,?,?)",
        rows,
    )


def build(path: Path = DEFAULT_PATH) -> Path:
    """Write the 100x dataset to ``path`` (reused when it exists)."""
    if path.exists():
        return path
    template = path.with_suffix(".demo.sqlite")
    write_demo(template, force=True)
    conn = sqlite3.connect(template)
    conn.execute("PRAGMA foreign_keys = OFF")
    src = conn.execute(
        "SELECT nis_code, name_nl, name_fr, province_nis, arrondissement_nis, valid_from, valid_to,"
        " successor_nis FROM municipality ORDER BY nis_code"
    ).fetchall()
    last = conn.execute("SELECT (SELECT max(id) FROM region), (SELECT max(id) FROM agreement)").fetchone()
    used = {int(str(row[0])) for row in src}
    free = (code for code in range(10_000, 100_000) if code not in used)
    with conn:
        for copy in range(1, COPIES):
            codes = _code_map(src, free)
            _copy_municipalities(conn, src, codes, copy)
            _copy_regions(conn, codes, copy, last)
        current = conn.execute("SELECT count(*) FROM agreement").fetchone()[0]
        _extra_agreements(conn, AGREEMENTS - current)
    conn.execute("VACUUM")
    conn.close()
    template.replace(path)
    return path


if __name__ == "__main__":
    target = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH)
    conn = sqlite3.connect(target)
    for table in ("municipality", "region", "membership", "agreement"):
        print(table, conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
