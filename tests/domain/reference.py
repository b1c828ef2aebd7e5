"""A tiny, obviously correct coverage implementation to compare the vectorised one with: loops over the rules
as the README states them, one municipality and one agreement at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sew_desktop.domain.coverage import CoverageInput
from sew_desktop.domain.model import Agreement, AgreementStatus, Validity

Counts = Callable[[Agreement], bool]


def status(a: Agreement, day: date) -> AgreementStatus:
    if a.ended is not None and a.ended <= day:
        return AgreementStatus.ENDED
    if a.signed is not None and a.signed <= day:
        return AgreementStatus.SIGNED
    if a.negotiation_started is not None and a.negotiation_started <= day:
        return AgreementStatus.NEGOTIATING
    return AgreementStatus.TO_START


def expected(a: Agreement, as_of: date, horizon: date) -> bool:
    now = status(a, as_of)
    if now is AgreementStatus.SIGNED:
        return True
    if now is AgreementStatus.ENDED:
        return False
    if a.signed is not None and a.signed <= horizon:
        return True
    return now is AgreementStatus.NEGOTIATING and a.expected_signing is not None and a.expected_signing <= horizon


def inside(validity: Validity, day: date) -> bool:
    return (validity.valid_from is None or validity.valid_from <= day) and (
        validity.valid_to is None or day <= validity.valid_to)


def lineage(data: CoverageInput, nis: str) -> set[str]:
    """The code and every code that (transitively) merged into it."""
    found = {nis}
    changed = True
    while changed:
        changed = False
        for m in data.municipalities.values():
            if m.successor_nis in found and m.nis_code not in found:
                found.add(m.nis_code)
                changed = True
    return found


def reached(data: CoverageInput, nis: str, day: date, counts: Counts) -> bool:
    """Some agreement that counts has as partner the code, a predecessor, or a regiegebied one of them belongs
    to on ``day`` (the regiegebied valid that day)."""
    codes = lineage(data, nis)
    for a in data.agreements.values():
        if not counts(a):
            continue
        if a.partner.municipality_nis in codes:
            return True
        region = data.regions.get(a.partner.region_id) if a.partner.region_id is not None else None
        if region is None or not inside(region.validity, day):
            continue
        for ms in data.memberships.values():
            if ms.region_id == region.id and ms.municipality_nis in codes and inside(ms.validity, day):
                return True
    return False


def report(data: CoverageInput, as_of: date, horizon: date) -> dict[str, tuple[int, ...]]:
    """Per province code: reached, forecast, valid municipalities; regiegebieden with SO, forecast, valid."""
    rows = {nis: [0, 0, 0, 0, 0, 0] for nis in data.provinces}
    for m in data.municipalities.values():
        if not inside(m.validity, as_of) or m.province_nis not in rows:
            continue
        row = rows[m.province_nis]
        row[0] += reached(data, m.nis_code, as_of, lambda a: status(a, as_of) is AgreementStatus.SIGNED)
        row[1] += reached(data, m.nis_code, as_of, lambda a: expected(a, as_of, horizon))
        row[2] += 1
    for r in data.regions.values():
        members = [m for m in data.memberships.values() if m.region_id == r.id and inside(m.validity, as_of)]
        if not inside(r.validity, as_of) or r.province_nis not in rows or not members:
            continue  # a regiegebied counts only while valid and with at least one member
        own = [a for a in data.agreements.values() if a.partner.region_id == r.id]
        row = rows[r.province_nis]
        row[3] += any(status(a, as_of) is AgreementStatus.SIGNED for a in own)
        row[4] += any(expected(a, as_of, horizon) for a in own)
        row[5] += 1
    return {nis: tuple(row) for nis, row in rows.items()}


def municipality_status(data: CoverageInput, nis: str, day: date) -> AgreementStatus:
    if reached(data, nis, day, lambda a: status(a, day) is AgreementStatus.SIGNED):
        return AgreementStatus.SIGNED
    if reached(data, nis, day, lambda a: status(a, day) is AgreementStatus.NEGOTIATING):
        return AgreementStatus.NEGOTIATING
    return AgreementStatus.TO_START


def timeline_point(data: CoverageInput, as_of: date, day: date) -> dict[str, tuple[int, int]]:
    """Per province: reached and valid municipalities on a timeline point (forecast after the as-of date)."""
    def counts(a: Agreement) -> bool:
        return status(a, day) is AgreementStatus.SIGNED if day <= as_of else expected(a, as_of, day)

    result = {nis: (0, 0) for nis in data.provinces}
    for m in data.municipalities.values():
        if inside(m.validity, day) and m.province_nis in result:
            part, whole = result[m.province_nis]
            result[m.province_nis] = (part + reached(data, m.nis_code, day, counts), whole + 1)
    return result
