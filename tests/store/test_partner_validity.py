"""A regiegebied's (or municipality's) validity may not leave one of its agreements without a partner on its
dates: the rule "the partner exists on the agreement's dates", checked from the partner's side."""

from __future__ import annotations

from datetime import date

import pytest

from sew_desktop.domain.model import RegionKind
from sew_desktop.domain.validation import Problem
from sew_desktop.services.checks import check_database
from sew_desktop.store.checks import RowValidationError, check_row
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository

OUTLIVED = [Problem.OUTLIVED_BY_AGREEMENT]


def _region_with_agreement(repository: Repository, name: str = "Regio Test") -> tuple[int, int]:
    region = int(repository.insert(Entity.REGION, {"name": name, "kind": RegionKind.COLLABORATION,
                                                   "province_nis": "30000", "valid_from": date(2020, 1, 1)}))
    agreement = int(repository.insert(Entity.AGREEMENT, {"region_id": region, "negotiation_started": date(2022, 3, 1),
                                                         "signed": date(2022, 9, 1), "ended": date(2024, 12, 31)}))
    return region, agreement


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"valid_to": date(2022, 8, 31)}, OUTLIVED),  # ends the day before the signing
        ({"valid_to": date(2022, 9, 1)}, []),  # ends on the signing day: still there
        ({"valid_to": date(2022, 1, 1)}, OUTLIVED),  # ends before the negotiations
        ({"valid_to": date(2023, 6, 30)}, []),  # the end of the agreement is not one of the rule's dates
        ({"valid_from": date(2022, 3, 2)}, OUTLIVED),  # starts after the negotiations started
        ({"valid_from": date(2022, 3, 1)}, []),
        ({"valid_from": None}, []),
        ({"valid_from": date(2022, 9, 2), "valid_to": date(2030, 1, 1)}, OUTLIVED),
    ],
)
def test_a_regiegebied_validity_that_leaves_its_agreement_without_a_partner_is_refused(
    memory_repository: Repository, changes: dict[str, object], problems: list[Problem]
) -> None:
    region, _ = _region_with_agreement(memory_repository)
    assert memory_repository.problems(Entity.REGION, region, changes) == problems
    if problems:
        before = memory_repository.raw_row(Entity.REGION, region)
        with pytest.raises(RowValidationError) as refused:
            memory_repository.update(Entity.REGION, region, changes)
        assert refused.value.problems == problems
        assert memory_repository.raw_row(Entity.REGION, region) == before
    else:
        memory_repository.update(Entity.REGION, region, changes)
    assert check_database(memory_repository).rules == []


def test_only_its_own_agreements_count_and_an_unrelated_edit_is_not_blocked(memory_repository: Repository) -> None:
    region, agreement = _region_with_agreement(memory_repository, "Regio A")
    other, _ = _region_with_agreement(memory_repository, "Regio B")
    memory_repository.update(Entity.AGREEMENT, agreement, {"region_id": other})
    memory_repository.update(Entity.REGION, region, {"valid_to": date(2021, 12, 31)})  # no agreement of its own now
    assert memory_repository.problems(Entity.REGION, other, {"valid_to": date(2021, 12, 31)}) == OUTLIVED
    # a file that already breaks the rule (an older version wrote it) still takes a new note on that regiegebied
    memory_repository.database.execute("UPDATE region SET valid_to = '2021-12-31' WHERE id = ?", [other])
    memory_repository.update(Entity.REGION, other, {"notes": "nog na te kijken"})
    assert memory_repository.problems(Entity.REGION, other, {"valid_to": date(2021, 6, 30)}) == OUTLIVED


def test_moving_the_agreement_first_in_the_same_transaction_lets_the_regiegebied_end(
    memory_repository: Repository,
) -> None:
    region, agreement = _region_with_agreement(memory_repository)
    with memory_repository.transaction():  # the rule reads the file: the agreement's new dates count already
        memory_repository.update(Entity.AGREEMENT, agreement, {"negotiation_started": date(2021, 1, 1),
                                                               "signed": date(2021, 6, 1)})
        memory_repository.update(Entity.REGION, region, {"valid_to": date(2021, 12, 31)})
    assert memory_repository.regions()[region].validity.valid_to == date(2021, 12, 31)
    assert check_database(memory_repository).rules == []


def test_a_municipality_validity_is_held_to_its_agreements_too(memory_repository: Repository) -> None:
    nis = "11001"
    memory_repository.insert(Entity.AGREEMENT, {"municipality_nis": nis, "signed": date(2022, 9, 1)})
    stored = memory_repository.raw_row(Entity.MUNICIPALITY, nis)
    with pytest.raises(RowValidationError) as refused:  # the check every write path runs (history, boundaries)
        check_row(memory_repository, Entity.MUNICIPALITY, {**stored, "valid_to": "2022-08-31"})
    assert refused.value.problems == OUTLIVED
    check_row(memory_repository, Entity.MUNICIPALITY, {**stored, "valid_to": "2022-09-01"})
    check_row(memory_repository, Entity.MUNICIPALITY, {**stored, "notes": "x"})
