"""Randomized: laptops edit offline (field edits, inserts, deletes, edits outside their provinces), sync in random
order with answers lost on the way; after two full rounds every laptop holds exactly the server's rows, no outbox
holds anything, and every local change was answered exactly once (applied, a conflict or refused)."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from sew_desktop.services.databases import open_repository
from sew_desktop.services.team import membership
from sew_desktop.services.team.sync import sync
from sew_desktop.store.errors import StoreError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.merge_rows import COLUMNS, CopyReader
from sew_desktop.store.repository import Repository
from sew_desktop.store.team import local, server
from tests.team.team_data import ANTWERPEN, OOST_VLAANDEREN, Team
from tests.team.test_laptop_sync import dsn_of, pgpass  # noqa: F401  (the fixture)

LAPTOPS = (("ed_ant", ANTWERPEN), ("ed_ant", ANTWERPEN), ("ed_ovl", OOST_VLAANDEREN), ("coord", ANTWERPEN))
COMPARED = ("region", "membership", "open_call", "agreement")
MEMBERS = ("11002", "44021")


def edit_notes(rng: random.Random, repository: Repository, _province: str) -> None:
    key = rng.choice(sorted(repository.regions()))
    repository.update(Entity.REGION, key, {"notes": f"notitie {rng.randrange(1000)}"})


def rename(rng: random.Random, repository: Repository, _province: str) -> None:
    key = rng.choice(sorted(repository.regions()))
    repository.update(Entity.REGION, key, {"name": f"Regio {rng.randrange(1000)}"})


def new_region(rng: random.Random, repository: Repository, province: str) -> None:
    key = repository.insert(Entity.REGION, {"name": f"Nieuw {rng.randrange(10**6)}", "kind": "samenwerkingsverband",
                                            "province_nis": province, "valid_from": "2023-01-01", "notes": ""})
    repository.insert(Entity.MEMBERSHIP, {"region_id": key, "municipality_nis": rng.choice(MEMBERS),
                                          "valid_from": "2030-01-01", "valid_to": "2030-12-31"})


def drop_membership(rng: random.Random, repository: Repository, _province: str) -> None:
    keys = sorted(repository.memberships())
    if keys:
        repository.delete(Entity.MEMBERSHIP, [rng.choice(keys)])


EDITS: tuple[Callable[[random.Random, Repository, str], None], ...] = (edit_notes, edit_notes, rename, new_region,
                                                                       drop_membership)


def dump(repository: Repository) -> dict[str, dict[str, Any]]:
    reader = CopyReader(repository.connection)
    return {table: reader.all_rows(table) for table in COMPARED}


def server_dump(team: Team) -> dict[str, dict[str, Any]]:
    with server.connect(team.admin_dsn, check_version=False) as conn:
        rows = server.snapshot(conn).rows
    return {table: {str(row["uuid"]): {k: v for k, v in row.items() if k in COLUMNS[table]} for row in rows[table]}
            for table in COMPARED}


def offline_phase(rng: random.Random, laptops: list[tuple[Repository, str]], monkeypatch: pytest.MonkeyPatch,
                  steps: int) -> None:
    for _ in range(steps):
        repository, province = rng.choice(laptops)
        if rng.random() < 0.6:
            with contextlib.suppress(StoreError):  # a rule of the file refused it: no change, nothing to count
                rng.choice(EDITS)(rng, repository, province)
            continue
        _sync_maybe_losing_the_answer(rng, repository, monkeypatch)


def _sync_maybe_losing_the_answer(rng: random.Random, repository: Repository,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    if rng.random() < 0.25:  # the answer is lost: the server applied, the laptop recorded nothing
        with monkeypatch.context() as patched:
            patched.setattr(local, "advance", _lost)
            with pytest.raises(OSError):
                sync(repository)
        return
    sync(repository)


def _lost(*_args: object, **_kwargs: object) -> None:
    raise OSError("connection dropped before the answer")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_laptop_converges_and_every_change_is_answered_once(
        seed: int, team: Team, pgpass: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    rng = random.Random(seed)
    laptops = []
    for number, (login, province) in enumerate(LAPTOPS):
        path = tmp_path / f"laptop{number}.sqlite"
        membership.join_new_file(path, dsn_of(team, login))
        laptops.append((open_repository(path), province))
    try:
        offline_phase(rng, laptops, monkeypatch, steps=60)
        for _round in range(2):
            for repository, _province in laptops:
                sync(repository)
        expected = server_dump(team)
        for repository, _province in laptops:
            differences = _differences(dump(repository), expected)
            assert not differences, "\n".join(differences)
            assert local.pending_entries(repository.connection, _answered(repository)) == []
            _answered_once(team, repository)
    finally:
        for repository, _province in laptops:
            repository.close()


def _differences(mine: dict[str, dict[str, Any]], theirs: dict[str, dict[str, Any]]) -> list[str]:
    """What a laptop holds otherwise than the server, one line per row (empty: the same)."""
    found = []
    for table in COMPARED:
        for identity in sorted(set(mine[table]) | set(theirs[table])):
            here, there = mine[table].get(identity), theirs[table].get(identity)
            if here != there:
                found.append(f"{table} {identity}: laptop {here} server {there}")
    return found


def _answered(repository: Repository) -> int:
    link = local.team_link(repository.connection)
    assert link is not None
    return link.answered_op


def _answered_once(team: Team, repository: Repository) -> None:
    """Every operation of the laptop has exactly one answer on the server, and the laptop kept each conflict and
    refusal once."""
    link = local.team_link(repository.connection)
    assert link is not None
    ops = local.operations(repository.connection, local.pending_entries(repository.connection, 0), 0)
    with psycopg.connect(team.admin_dsn) as conn:
        answers = conn.execute("SELECT op_no, outcome->>'status' FROM sew.op_log WHERE laptop = %s",
                               [link.laptop_id]).fetchall()
    assert sorted(no for no, _status in answers) == sorted(op.op_no for op in ops)
    kept = sorted(issue.op_no for issue in local.open_issues(repository.connection))
    assert kept == sorted(no for no, status in answers if status != "applied")
