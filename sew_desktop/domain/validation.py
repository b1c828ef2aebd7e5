"""Validation rules for user edits; each returns the reasons a value is refused (empty when valid)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from datetime import date

from sew_desktop.domain.model import Agreement, Membership, Region, Validity

NIS_CODE = re.compile(r"^\d{5}$")


class Problem(enum.Enum):
    """Why an edit is refused; the UI shows a translated text for each."""

    SIGNED_BEFORE_STARTED = "signed before negotiations started"
    ENDED_BEFORE_SIGNED = "ended before it was signed"
    ENDED_BEFORE_STARTED = "ended before negotiations started"
    EXPECTED_BEFORE_STARTED = "expected signing before negotiations started"
    VALID_TO_BEFORE_FROM = "valid to before valid from"
    EMPTY_NAME = "name is empty"
    BAD_NIS_CODE = "NIS code must be 5 digits"
    DUPLICATE_NIS_CODE = "NIS code already exists"
    PARTNER_NOT_VALID = "the partner does not exist on that date"
    MEMBERSHIP_OVERLAPS = "the municipality already belongs to a regiegebied then"
    OUTLIVED_BY_AGREEMENT = "the partner would not exist on the dates of one of its agreements"
    MEMBER_NOT_VALID = "the municipality does not exist on the day the membership starts"
    TEXT_TOO_LONG = "a text of more than 10,000 characters"


MAX_TEXT = 10_000  # characters in one cell: the decisions import, the tables and a merged copy agree on it


def check_texts(values: Mapping[str, object]) -> list[Problem]:
    """No text cell longer than :data:`MAX_TEXT` (a note pasted from a whole document, a hostile copy)."""
    if any(isinstance(value, str) and len(value) > MAX_TEXT for value in values.values()):
        return [Problem.TEXT_TOO_LONG]
    return []


def check_agreement(agreement: Agreement) -> list[Problem]:
    """Signed not before negotiations started; ended not before signed (nor before negotiations)."""
    problems: list[Problem] = []
    started, signed, ended = agreement.negotiation_started, agreement.signed, agreement.ended
    if started and signed and signed < started:
        problems.append(Problem.SIGNED_BEFORE_STARTED)
    if signed and ended and ended < signed:
        problems.append(Problem.ENDED_BEFORE_SIGNED)
    elif started and ended and not signed and ended < started:
        problems.append(Problem.ENDED_BEFORE_STARTED)
    if started and agreement.expected_signing and agreement.expected_signing < started:
        problems.append(Problem.EXPECTED_BEFORE_STARTED)
    return problems


def check_validity(validity: Validity) -> list[Problem]:
    """The end of a validity interval is not before its start."""
    if validity.valid_from and validity.valid_to and validity.valid_to < validity.valid_from:
        return [Problem.VALID_TO_BEFORE_FROM]
    return []


def check_region(region: Region) -> list[Problem]:
    """A regiegebied needs a name and a sensible validity."""
    problems: list[Problem] = [] if region.name.strip() else [Problem.EMPTY_NAME]
    return problems + check_validity(region.validity)


def check_membership(membership: Membership) -> list[Problem]:
    """A membership needs a sensible validity."""
    return check_validity(membership.validity)


def check_name(name: str) -> list[Problem]:
    """Names may not be empty."""
    return [] if name.strip() else [Problem.EMPTY_NAME]


def check_nis_code(code: str) -> list[Problem]:
    """NIS codes are five digits."""
    return [] if NIS_CODE.match(code) else [Problem.BAD_NIS_CODE]


def partner_exists_on(validity: Validity, *days: date | None) -> bool:
    """The partner of an agreement exists on every given (non-empty) date."""
    return all(validity.contains(day) for day in days if day is not None)


def member_exists_on_start(municipality: Validity, membership: Validity) -> bool:
    """The municipality exists on the day a membership of it starts (an open start is not checked, as an
    agreement's missing dates are not). Only the start: a membership that runs on past its municipality's end
    is how a merged municipality inherits its predecessors' regiegebied (legal succession, see coverage)."""
    start = membership.valid_from
    return start is None or municipality.contains(start)


def agreements_outside(agreements: Iterable[Agreement], validity: Validity) -> list[Agreement]:
    """The agreements whose partner would not exist on their dates if it were valid during ``validity`` (the
    rule :func:`partner_exists_on`, seen from the partner), earliest first."""
    outside = [a for a in agreements if not partner_exists_on(validity, a.negotiation_started, a.signed)]
    return sorted(outside, key=lambda a: (a.negotiation_started or a.signed or date.min, a.id))


def overlapping_membership(memberships: Iterable[Membership], municipality_nis: str, validity: Validity,
                           except_id: int | None = None) -> Membership | None:
    """The membership of ``municipality_nis`` that a new one for ``validity`` would overlap (the one a refusal
    names), the earliest first; ``except_id`` is the membership being edited."""
    clashes = [m for m in memberships if m.municipality_nis == municipality_nis and m.id != except_id
               and m.validity.overlaps(validity)]
    return min(clashes, key=lambda m: (m.validity.valid_from or date.min, m.id), default=None)
