"""A decision names a municipality that did not exist yet on the decision's date: Tongeren-Borgloon (from
01/01/2025) in a decision of 20/04/2023.

The matcher accepts every municipality valid at some day of the call period, so the name matches; but the
collaboration cannot have had that member when it was decided, and its membership would start before the
municipality existed (a rule of the store). What the clerk needs: the row refused with the municipality and the day
it starts to exist, and, when it is a merged municipality, the municipalities it was made of that did exist then
(Tongeren, Borgloon) — the names the file should list. Nothing is written for that member; the error blocks the
import until the row is corrected or excluded, as every row error does, and the rest of the file imports as
before. Only the start counts: a municipality listed after it ended (Tongeren in 2025) is carried by legal
succession to its successor, as a membership that runs past its municipality's end is.

The check runs after the last row: the date of a collaboration may stand on any of its rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sew_desktop.domain.model import Municipality
from sew_desktop.services.imports.collaboration import Collaboration
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import Columns, ErrorCode, Role, RowError


def predecessors_on(matcher: MunicipalityMatcher, nis: str, day: date) -> list[str]:
    """The names of the municipalities that merged into ``nis`` and existed on ``day``, by name."""
    return sorted(m.name_nl for m in matcher.by_code.values() if m.successor_nis == nis and m.validity.contains(day))


def not_yet_existing(
    collaborations: Iterable[Collaboration], matcher: MunicipalityMatcher, columns: Columns
) -> list[RowError]:
    """An error on the row of each member that did not exist yet on its collaboration's decision date; the member
    is dropped from the collaboration."""
    role = Role.MUNICIPALITY if Role.MUNICIPALITY in columns.roles else Role.NIS
    header = columns.headers[columns.roles[role]]
    errors: list[RowError] = []
    for collaboration in collaborations:
        day = collaboration.day
        if day is None:
            continue  # no date: the membership is clamped to the municipality's start (see the membership plan)
        for index in reversed(range(len(collaboration.members))):
            municipality = matcher.by_code.get(collaboration.members[index])
            if municipality is not None and _starts_after(municipality, day):
                errors.append(_error(collaboration.member_rows[index], header, municipality, day, matcher))
                collaboration.drop_member(index)
    return errors


def _starts_after(municipality: Municipality, day: date) -> bool:
    start = municipality.validity.valid_from
    return start is not None and day < start


def _error(row: int, header: str, municipality: Municipality, day: date, matcher: MunicipalityMatcher) -> RowError:
    start = municipality.validity.valid_from
    assert start is not None
    earlier = ", ".join(predecessors_on(matcher, municipality.nis_code, day))
    details = (municipality.name_nl, start.isoformat(), day.isoformat(), earlier)
    return RowError(row, header, municipality.name_nl, ErrorCode.NOT_YET_EXISTING, details=details)
