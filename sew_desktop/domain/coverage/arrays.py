"""The data coverage depends on as columns (a structure of arrays): day numbers and index arrays.

Built once per state of the municipalities, regiegebieden and memberships; agreement edits patch their rows in
place (:meth:`CoverageArrays.with_agreements`), so the common edit costs no rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from sew_desktop.domain.coverage.results import CoverageInput, province_order
from sew_desktop.domain.days import ALWAYS, NEVER, DayArray, day_number
from sew_desktop.domain.model import Agreement, Validity

IndexArray = npt.NDArray[np.int64]
NO_INDEX = -1


def _starts(validities: Iterable[Validity]) -> DayArray:
    return np.fromiter((day_number(v.valid_from, ALWAYS) for v in validities), dtype=np.int64)


def _ends(validities: Iterable[Validity]) -> DayArray:
    return np.fromiter((day_number(v.valid_to, NEVER) for v in validities), dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Places:
    """Provinces, municipalities (with their merger lineage), regiegebieden and memberships as columns."""

    provinces: tuple[str, ...]
    province_names: tuple[str, ...]
    codes: tuple[str, ...]
    index_of_code: Mapping[str, int]
    municipality_province: IndexArray
    municipality_from: DayArray
    municipality_to: DayArray
    # Every (descendant, ancestor) pair of the merger lineage, transitively: a descendant inherits.
    lineage_descendant: IndexArray
    lineage_ancestor: IndexArray
    region_ids: tuple[int, ...]
    index_of_region: Mapping[int, int]
    region_province: IndexArray
    region_from: DayArray
    region_to: DayArray
    member_region: IndexArray
    member_municipality: IndexArray
    member_from: DayArray
    member_to: DayArray
    ancestors: Mapping[int, tuple[int, ...]] = field(default_factory=dict)


def _lineage(data: CoverageInput, index_of_code: Mapping[str, int]) -> dict[int, tuple[int, ...]]:
    """Per municipality index: the indices of every code it (transitively) succeeded."""
    predecessors: dict[str, list[str]] = {}
    for municipality in data.municipalities.values():
        if municipality.successor_nis:
            predecessors.setdefault(municipality.successor_nis, []).append(municipality.nis_code)
    ancestors: dict[int, tuple[int, ...]] = {}
    for code, direct in predecessors.items():
        found: list[str] = []
        frontier = list(direct)
        while frontier:
            old = frontier.pop()
            if old not in found and old != code:
                found.append(old)
                frontier.extend(predecessors.get(old, ()))
        if code in index_of_code:
            ancestors[index_of_code[code]] = tuple(index_of_code[o] for o in found if o in index_of_code)
    return ancestors


def build_places(data: CoverageInput) -> Places:
    """The columns of everything but the agreements."""
    provinces = tuple(province_order(data.provinces))
    names = tuple(data.provinces[nis].name_nl for nis in provinces)
    province_index: dict[str, int] = {nis: i for i, nis in enumerate(provinces)}
    municipalities = list(data.municipalities.values())
    codes = tuple(m.nis_code for m in municipalities)
    index_of_code = {code: i for i, code in enumerate(codes)}
    ancestors = _lineage(data, index_of_code)
    pairs = [(desc, anc) for desc, olds in ancestors.items() for anc in olds]
    regions = list(data.regions.values())
    index_of_region = {r.id: i for i, r in enumerate(regions)}
    members = [m for m in data.memberships.values()
               if m.region_id in index_of_region and m.municipality_nis in index_of_code]
    return Places(
        provinces, names, codes, index_of_code,
        np.fromiter((province_index.get(m.province_nis, NO_INDEX) for m in municipalities), dtype=np.int64),
        _starts(m.validity for m in municipalities), _ends(m.validity for m in municipalities),
        np.fromiter((p[0] for p in pairs), dtype=np.int64), np.fromiter((p[1] for p in pairs), dtype=np.int64),
        tuple(r.id for r in regions), index_of_region,
        np.fromiter((province_index.get(r.province_nis, NO_INDEX) for r in regions), dtype=np.int64),
        _starts(r.validity for r in regions), _ends(r.validity for r in regions),
        np.fromiter((index_of_region[m.region_id] for m in members), dtype=np.int64),
        np.fromiter((index_of_code[m.municipality_nis] for m in members), dtype=np.int64),
        _starts(m.validity for m in members), _ends(m.validity for m in members),
        ancestors,
    )


@dataclass(frozen=True, slots=True)
class Agreements:
    """The agreements as columns: partner indices (NO_INDEX when the partner is the other kind or unknown) and
    the four dates as day numbers (NEVER when missing)."""

    ids: tuple[int, ...]
    municipality: IndexArray
    region: IndexArray
    started: DayArray
    expected: DayArray
    signed: DayArray
    ended: DayArray


def _agreement_row(agreement: Agreement, places: Places) -> tuple[int, int, int, int, int, int]:
    partner = agreement.partner
    municipality = places.index_of_code.get(partner.municipality_nis or "", NO_INDEX)
    region = places.index_of_region.get(partner.region_id, NO_INDEX) if partner.region_id is not None else NO_INDEX
    return (municipality, region, day_number(agreement.negotiation_started), day_number(agreement.expected_signing),
            day_number(agreement.signed), day_number(agreement.ended))


def build_agreements(agreements: Mapping[int, Agreement], places: Places) -> Agreements:
    """The columns of the agreements."""
    ids = tuple(agreements)
    rows = np.array([_agreement_row(a, places) for a in agreements.values()], dtype=np.int64).reshape(-1, 6)
    return Agreements(ids, *(np.ascontiguousarray(rows[:, i]) for i in range(6)))


@dataclass(frozen=True, slots=True)
class CoverageArrays:
    """Everything coverage depends on, as columns."""

    places: Places
    agreements: Agreements
    _position: Mapping[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, data: CoverageInput) -> CoverageArrays:
        """The columns of ``data``."""
        places = build_places(data)
        agreements = build_agreements(data.agreements, places)
        return cls(places, agreements, {aid: i for i, aid in enumerate(agreements.ids)})

    def with_agreements(self, agreements: Mapping[int, Agreement], changed: Iterable[int]) -> CoverageArrays:
        """These arrays after the agreements ``changed`` were inserted, updated or deleted (``agreements``: all
        of them now). Updated rows are written into copies of the columns; inserts and deletes rebuild them."""
        changed = {aid for aid in changed if aid in agreements or aid in self._position}  # not added-and-removed
        if any((aid in agreements) != (aid in self._position) for aid in changed):
            return replace(self, agreements=(rebuilt := build_agreements(agreements, self.places)),
                           _position={aid: i for i, aid in enumerate(rebuilt.ids)})
        columns = [np.copy(c) for c in (self.agreements.municipality, self.agreements.region,
                                        self.agreements.started, self.agreements.expected,
                                        self.agreements.signed, self.agreements.ended)]
        for aid in changed:
            for column, value in zip(columns, _agreement_row(agreements[aid], self.places), strict=True):
                column[self._position[aid]] = value
        return replace(self, agreements=Agreements(self.agreements.ids, *columns))
