"""Random edits of every kind on a copy, and a three-way oracle computed from the data alone."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sew_desktop.services.checks import check_database
from sew_desktop.services.databases import open_repository
from sew_desktop.services.imports.model import Options
from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.store.errors import StoreError, ValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.merge_rows import INSERT_ORDER, CopyReader, canonical_dump
from sew_desktop.store.repository import Repository
from tests.services.imports.helpers import CALL, HEADER, write_csv

TABLES = ("municipality", *INSERT_ORDER)


def copy(source: Path, target: Path) -> Path:
    """A copy handed to a colleague (the file as a whole, its history included)."""
    shutil.copyfile(source, target)
    return target


@contextmanager
def opened(path: Path) -> Iterator[Repository]:
    repository = open_repository(path)
    try:
        yield repository
    finally:
        repository.close()


def _edit_dates(repository: Repository, rng: random.Random) -> None:
    """Dates whose order a rule checks: an agreement's signing and end, a regiegebied's validity."""
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(900))
    if rng.random() < 0.6 and repository.agreements():
        agreement = rng.choice(sorted(repository.agreements()))
        repository.update(Entity.AGREEMENT, agreement, {rng.choice(("signed", "ended")): day})
    else:
        region = rng.choice(sorted(repository.regions()))
        day -= timedelta(days=rng.randrange(1200))  # often before its agreements' dates: then refused
        repository.update(Entity.REGION, region, {"valid_to": day})


def _edit_fields(repository: Repository, rng: random.Random, tag: str, n: int) -> None:
    choice = rng.randrange(4)
    if choice == 3:
        _edit_dates(repository, rng)
        return
    if choice == 0:
        region = rng.choice(sorted(repository.regions()))
        repository.update(Entity.REGION, region, {rng.choice(("notes", "name")): f"{tag} {n}"})
    elif choice == 1 and repository.agreements():
        agreement = rng.choice(sorted(repository.agreements()))
        repository.update(Entity.AGREEMENT, agreement, {rng.choice(("notes", "vdab_contact")): f"{tag} {n}"})
    else:
        nis = rng.choice(sorted(repository.municipalities())[:40])
        repository.update(Entity.MUNICIPALITY, nis, {rng.choice(("notes", "contacts")): f"{tag} {n}"})


def _move(repository: Repository, rng: random.Random) -> None:
    open_ended = [m for m in repository.memberships().values() if m.validity.valid_to is None
                  and (m.validity.valid_from is None or m.validity.valid_from < date(2024, 1, 1))]
    if not open_ended:
        return
    member = rng.choice(sorted(open_ended, key=lambda m: m.id))
    other = rng.choice(sorted(r for r in repository.regions() if r != member.region_id))
    with repository.transaction():
        repository.update(Entity.MEMBERSHIP, member.id, {"valid_to": date(2024, 6, 30)})
        repository.insert(Entity.MEMBERSHIP, {"region_id": other, "municipality_nis": member.municipality_nis,
                                              "valid_from": date(2024, 7, 1)})


def _import(repository: Repository, folder: Path, tag: str, n: int) -> None:
    path = write_csv(folder / f"{tag}-{n}.csv", [HEADER, [f"Regio {tag} {n}", "Geel", "goedgekeurd", "1.000,00", ""],
                                               [f"Regio {tag} {n}", "Mol", "goedgekeurd", "1.000,00", ""]])
    plan = prepare(repository, path, find_call(repository, CALL), Options(as_of=date(2023, 6, 1)))
    apply(repository, plan)


def random_edits(path: Path, seed: int, tag: str, count: int, folder: Path) -> None:
    """``count`` random edits of every kind through the product's write path."""
    rng = random.Random(seed)
    with opened(path) as repository:
        for n in range(count):
            kind = rng.randrange(8)
            try:
                if kind <= 2:
                    _edit_fields(repository, rng, tag, n)
                elif kind == 3:
                    repository.insert(Entity.REGION, {"name": f"{tag} nieuw {n}", "kind": "samenwerkingsverband",
                                                      "province_nis": "10000", "valid_from": date(2024, 1, 1)})
                elif kind == 4:
                    nis = rng.choice(sorted(repository.municipalities())[:60])
                    repository.insert(Entity.AGREEMENT, {"municipality_nis": nis,
                                                         "negotiation_started": date(2024, 2, 1), "notes": tag})
                elif kind == 5 and repository.agreements():
                    repository.delete(Entity.AGREEMENT, [rng.choice(sorted(repository.agreements()))])
                elif kind == 6:
                    _move(repository, rng)
                elif rng.random() < 0.5:
                    _import(repository, folder, tag, n)
            except (ValidationError, StoreError):
                continue
        assert check_database(repository).rules == []  # every write path keeps the copy within the rules


def portable(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Every row of the data tables, portable, by (table, identity)."""
    conn = sqlite3.connect(path)
    try:
        reader = CopyReader(conn)
        return {(t, i): row for t in TABLES for i, row in reader.all_rows(t).items()}
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    """The canonical dump of the data tables."""
    conn = sqlite3.connect(path)
    try:
        return canonical_dump(conn)
    finally:
        conn.close()
