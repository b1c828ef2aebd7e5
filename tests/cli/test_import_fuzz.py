"""A bounded fuzz run over mutated sample files through the command line.

Each case: a dry run, then an apply on a fresh copy of the demo database. Never a traceback or an "unexpected
error", exit 0, 1 or 2 only, the same exit code for both runs, and the database byte for byte as before when the
apply did not succeed. The mutator is seeded, so a failure names a reproducible case.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from sew_desktop import cli
from tests.services.imports.helpers import CALL, SAMPLES

SEED = 20261201
CASES = 400  # every case runs, whatever the machine's speed: the test checks the same files on every run
Mutation = Callable[[random.Random, bytes], bytes]


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert(rng: random.Random, data: bytes) -> bytes:
    token = rng.choice([b'"', b"'", b"\\", b";", b",", b"\t", b"\x00", b"\r", b"\n", b"\xff\xfe", b"=1/0", b"1e30"])
    at = rng.randrange(len(data) + 1)
    return data[:at] + token * rng.randint(1, 3) + data[at:]


def _cut(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 200) :]


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def _duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    line = rng.choice(lines)
    at = rng.randrange(len(lines) + 1)
    return b"\n".join([*lines[:at], line, *lines[at:]])


def _amount(rng: random.Random, data: bytes) -> bytes:
    value = rng.choice([b"99999999999999999,99", b"1e30", b"nan", b"inf", b"-5", b"1.000.000.000,00", b"0,001"])
    return data.replace(b"50.000,00", value, 1)


def _reencode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    codec = rng.choice(["utf-16-le", "utf-16-be", "mac_roman", "cp1252", "utf-8-sig"])
    return text.encode(codec, errors="replace")


MUTATIONS: tuple[Mutation, ...] = (_flip, _insert, _cut, _truncate, _duplicate_line, _amount, _reencode)
SOURCES = ("beslissingen_met_fouten.csv", "beslissingen_per_gemeente_cp1252.csv",
           "beslissingen_per_samenwerkingsverband_utf8.csv", "beslissingen_lokale_regie.xlsx")  # fmt: skip


def _case(rng: random.Random) -> tuple[str, bytes]:
    name = rng.choice(SOURCES)
    data = (SAMPLES / name).read_bytes()
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choice(MUTATIONS[:4] if name.endswith(".xlsx") else MUTATIONS)
        data = mutation(rng, data) or b" "
    return name, data


def _run(db: Path, file: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = cli.main(["--db", str(db), "import-decisions", str(file), "--call", CALL, *extra])
    _out, err = capsys.readouterr()
    return code, err


def test_mutated_files_never_break_the_contract(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED)
    template = demo_template.read_bytes()
    for number in range(CASES):
        name, data = _case(rng)
        file = tmp_path / f"case{number}{Path(name).suffix}"
        file.write_bytes(data)
        db = tmp_path / f"case{number}.sqlite"
        db.write_bytes(template)
        dry, dry_err = _run(db, file, capsys, "--dry-run")
        applied, err = _run(db, file, capsys)
        where = f"case {number} (seed {SEED}, from {name})"
        for code, text in ((dry, dry_err), (applied, err)):
            assert code in (0, 1, 2), (where, code, text)
            assert "unexpected error" not in text and "Traceback" not in text, (where, text)
            assert len(text.strip().splitlines()) <= 1, (where, text)
        assert dry == applied, (where, dry, dry_err, applied, err)
        if applied != 0:
            assert db.read_bytes() == template, where
