"""A membership starts on a day its municipality exists: Tongeren-Borgloon (73111, from 01/01/2025) cannot belong
to a regiegebied from 01/01/2023. The domain rule, the write path (the window's validation and every write), and
``check`` on a file written before the rule or by another program; agreements have the same rule for partners."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sew_desktop.domain.consistency import members_before_existence
from sew_desktop.domain.model import RegionKind, Validity
from sew_desktop.domain.validation import Problem, member_exists_on_start
from sew_desktop.services.checks import check_database, report_text
from sew_desktop.store.checks import RowValidationError
from sew_desktop.store.database import create_database, open_database
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from tests.domain.factories import member, municipality, region

TONGEREN_BORGLOON, TONGEREN = "73111", "73083"  # from 01/01/2025; until 31/12/2024
MERGED = Validity(date(2025, 1, 1), None)
ENDED = Validity(date(2019, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("exists", "membership", "fine"),
    [
        (MERGED, Validity(date(2023, 1, 1), date(2025, 12, 31)), False),  # two years before it existed
        (MERGED, Validity(date(2024, 12, 31), None), False),  # one day before
        (MERGED, Validity(date(2025, 1, 1), None), True),
        (MERGED, Validity(None, None), True),  # an open start is not checked (as an agreement's missing dates)
        (ENDED, Validity(date(2025, 1, 1), None), False),  # starts after the municipality ended
        (ENDED, Validity(date(2023, 1, 1), date(2025, 12, 31)), True),  # runs on: the successor inherits it
    ],
)
def test_a_membership_starts_on_a_day_its_municipality_exists(exists: Validity, membership: Validity,
                                                               fine: bool) -> None:
    assert member_exists_on_start(exists, membership) is fine


def test_check_names_the_municipality_the_regiegebied_and_the_dates_in_one_line() -> None:
    municipalities = {"73111": municipality("73111", valid_from="2025-01-01"), "73083": municipality("73083")}
    regions = {1: region(1)}
    early, fine = member(1, "73111", "2023-01-01", "2025-12-31"), member(1, "73083", "2023-01-01")
    found = members_before_existence({m.id: m for m in (early, fine)}, municipalities, regions)
    assert [(f.entity, f.problem) for f in found] == [("membership", Problem.MEMBER_NOT_VALID.value)]
    assert found[0].key == "Gemeente 73111 (73111, 01/01/2025 – …) · Regio 1 · 01/01/2023 – 31/12/2025"


def _region(repository: Repository) -> int:  # id 1 in a new file
    return int(repository.insert(Entity.REGION, {"name": "Regio Haspengouw", "kind": RegionKind.COLLABORATION,
                                                 "province_nis": "70000", "valid_from": date(2020, 1, 1)}))


def test_the_write_path_refuses_a_membership_before_its_municipality_existed(memory_repository: Repository) -> None:
    region_id = _region(memory_repository)
    early = {"region_id": region_id, "municipality_nis": TONGEREN_BORGLOON, "valid_from": date(2023, 1, 1)}
    assert memory_repository.problems(Entity.MEMBERSHIP, None, early) == [Problem.MEMBER_NOT_VALID]
    with pytest.raises(RowValidationError) as refused:
        memory_repository.insert(Entity.MEMBERSHIP, early)
    assert refused.value.problems == [Problem.MEMBER_NOT_VALID]
    assert memory_repository.memberships() == {}
    key = memory_repository.insert(Entity.MEMBERSHIP, {**early, "valid_from": date(2025, 1, 1)})
    with pytest.raises(RowValidationError):  # an edit of the start, as the members panel makes it
        memory_repository.update(Entity.MEMBERSHIP, key, {"valid_from": date(2024, 6, 1)})
    assert memory_repository.memberships()[int(key)].validity.valid_from == date(2025, 1, 1)
    ended = {"region_id": region_id, "municipality_nis": TONGEREN, "valid_from": date(2023, 1, 1)}
    memory_repository.insert(Entity.MEMBERSHIP, ended)  # Tongeren until 2024, its membership runs on: succession
    assert check_database(memory_repository).ok


def _write_behind_the_rules(path: Path, sql: str) -> None:
    """Another program (or this one before the rule) wrote the file."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(sql)
    connection.close()


def _add_region(repository: Repository) -> None:
    _region(repository)


def _file_with_region(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite"
    create_database(path, populate=_add_region).close()
    return path


def test_check_reports_a_membership_written_before_the_rule(tmp_path: Path) -> None:
    path = _file_with_region(tmp_path)
    _write_behind_the_rules(path, "INSERT INTO membership (uuid, region_id, municipality_nis, valid_from, valid_to, "
                                  "updated_at) VALUES ('u1', 1, '73111', '2023-01-01', '2025-12-31', '2023-04-20')")
    result = subprocess.run([sys.executable, "-m", "sew_desktop", "--db", str(path), "check"], capture_output=True,
                            text=True, timeout=60, check=False)
    assert ("membership Tongeren-Borgloon (73111, 01/01/2025 – …) · Regio Haspengouw · 01/01/2023 – 31/12/2025: "
            "the municipality does not exist on the day the membership starts") in result.stdout
    assert "database is OK" not in result.stdout


def test_check_reports_an_agreement_dated_before_its_partner_municipality_existed(tmp_path: Path) -> None:
    path = _file_with_region(tmp_path)
    _write_behind_the_rules(path, "INSERT INTO agreement (uuid, municipality_nis, negotiation_started, updated_at) "
                                  "VALUES ('a1', '73111', '2023-04-20', '2023-04-20')")
    repository = Repository(open_database(path), path)
    try:
        text = report_text(check_database(repository))
    finally:
        repository.close()
    assert "agreement 1: The partner does not exist on these dates." in text
