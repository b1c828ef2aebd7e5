"""Domain rules applied to a row about to be written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from sew_desktop.domain import validation
from sew_desktop.domain.model import Partner, Validity
from sew_desktop.domain.validation import Problem
from sew_desktop.store import mapping
from sew_desktop.store.errors import ValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.rows import to_date


class StoredRows(Protocol):
    """What the checks read from the file (the repository): rows as stored, in the open transaction."""

    def raw_row(self, entity: Entity, key: str | int) -> dict[str, Any]:
        """One stored row; KeyError when there is none."""
        ...

    def stored_memberships_of(self, municipality_nis: str) -> list[dict[str, Any]]:
        """The stored memberships of a municipality."""
        ...

    def stored_agreements_of(self, partner: Partner) -> list[dict[str, Any]]:
        """The stored agreements whose partner is ``partner``."""
        ...

_DEFAULTS = {"id": 0, "uuid": "", "notes": "", "vdab_contact": "", "name_fr": "", "successor_nis": None}


class RowValidationError(ValidationError):
    """A row breaks one or more rules."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.value for p in problems))
        self.problems = problems


def check_row(repository: StoredRows, entity: Entity, row: Mapping[str, Any]) -> None:
    """Raise :class:`RowValidationError` when ``row`` may not be written."""
    problems = validation.check_texts(row) or _problems(repository, entity, {**_DEFAULTS, **row})
    if problems:
        raise RowValidationError(problems)


def _problems(repository: StoredRows, entity: Entity, row: dict[str, Any]) -> list[Problem]:
    if entity is Entity.AGREEMENT:
        row.setdefault("municipality_nis", None)
        row.setdefault("region_id", None)
        for column in ("negotiation_started", "expected_signing", "signed", "ended"):
            row.setdefault(column, None)
        agreement = mapping.agreement(row)
        return validation.check_agreement(agreement) + _partner_problems(repository, row)
    if entity is Entity.REGION:
        return validation.check_name(str(row.get("name", ""))) + (
            _validity_problems(row) or _outlived_problems(repository, entity, row))
    if entity is Entity.MEMBERSHIP:
        return _validity_problems(row) or _member_problems(repository, row) or _overlap_problems(repository, row)
    if entity is Entity.MUNICIPALITY:
        return validation.check_name(str(row.get("name_nl", ""))) + validation.check_nis_code(
            str(row.get("nis_code", ""))
        ) + _outlived_problems(repository, entity, row)
    if entity is Entity.OPEN_CALL:
        period = Validity(to_date(row.get("period_start")), to_date(row.get("period_end")))
        return validation.check_name(str(row.get("name", ""))) + validation.check_validity(period)
    return []


def _validity_problems(row: Mapping[str, Any]) -> list[Problem]:
    return validation.check_validity(Validity(to_date(row.get("valid_from")), to_date(row.get("valid_to"))))


def _member_problems(repository: StoredRows, row: Mapping[str, Any]) -> list[Problem]:
    """The municipality exists on the day the membership starts (read from the file, as the partner of an
    agreement is); an unknown municipality is left to the foreign key."""
    try:
        municipality = repository.raw_row(Entity.MUNICIPALITY, str(row.get("municipality_nis", "")))
    except KeyError:
        return []
    exists = Validity(to_date(municipality["valid_from"]), to_date(municipality["valid_to"]))
    membership = Validity(to_date(row.get("valid_from")), to_date(row.get("valid_to")))
    return [] if validation.member_exists_on_start(exists, membership) else [Problem.MEMBER_NOT_VALID]


def _overlap_problems(repository: StoredRows, row: Mapping[str, Any]) -> list[Problem]:
    """A municipality belongs to at most one regiegebied on any day (read from the file: a membership move
    shortens the old membership earlier in the same transaction)."""
    validity = Validity(to_date(row.get("valid_from")), to_date(row.get("valid_to")))
    for other in repository.stored_memberships_of(str(row.get("municipality_nis", ""))):
        stored = Validity(to_date(other["valid_from"]), to_date(other["valid_to"]))
        if other["id"] != row.get("id") and validity.overlaps(stored):
            return [Problem.MEMBERSHIP_OVERLAPS]
    return []


def _outlived_problems(repository: StoredRows, entity: Entity, row: Mapping[str, Any]) -> list[Problem]:
    """A regiegebied or municipality whose validity changes must still exist on the dates of each agreement it
    is the partner of (the rule :func:`_partner_problems` checks from the agreement's side)."""
    key = row.get(mapping.PRIMARY_KEY[entity])
    try:
        stored = repository.raw_row(entity, key) if key is not None else None
    except KeyError:
        stored = None
    if key is None or stored is None:
        return []  # a new row: no agreement names it yet
    validity = Validity(to_date(row.get("valid_from")), to_date(row.get("valid_to")))
    if validity == Validity(to_date(stored["valid_from"]), to_date(stored["valid_to"])):
        return []  # an edit of another column does not answer for agreements made before
    partner = Partner(municipality_nis=str(key)) if entity is Entity.MUNICIPALITY else Partner(region_id=int(key))
    agreements = [mapping.agreement(r) for r in repository.stored_agreements_of(partner)]
    return [Problem.OUTLIVED_BY_AGREEMENT] if validation.agreements_outside(agreements, validity) else []


def _partner_problems(repository: StoredRows, row: Mapping[str, Any]) -> list[Problem]:
    days = [to_date(row[c]) for c in ("negotiation_started", "signed")]
    # Read from the file, not the cache: the partner may have been added earlier in this transaction.
    if row["municipality_nis"] is not None:
        entity, key = Entity.MUNICIPALITY, row["municipality_nis"]
    else:
        entity, key = Entity.REGION, row["region_id"]
    try:
        partner = repository.raw_row(entity, key)
    except KeyError:
        return [Problem.PARTNER_NOT_VALID]
    validity = Validity(to_date(partner["valid_from"]), to_date(partner["valid_to"]))
    return [] if validation.partner_exists_on(validity, *days) else [Problem.PARTNER_NOT_VALID]
