"""The data coverage depends on as columns (a structure of arrays): day numbers and index arrays.

Built once per state of the municipalities, regiegebieden and memberships; agreement edits patch their rows in
place (:meth:`CoverageArrays.with_agreements`), so the common edit costs no rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import numpy.typing as npt

from sew_desktop.domain.coverage.results import CoverageInput, province_order
from sew_desktop.domain.days import ALWAYS, NEVER, DayArray, day_number
from sew_desktop.domain.model import Agreement, Membership, Municipality, Region, Validity

IndexArray = npt.NDArray[np.int64]
NO_INDEX = -1


def _numbers(values: Iterable[date | None], missing: int) -> DayArray:
    """Day numbers of a column of dates; each distinct date is converted once (dates repeat a lot)."""
    cache: dict[date | None, int] = {None: missing}
    numbers = [cache[v] if v in cache else cache.setdefault(v, day_number(v)) for v in values]
    return np.array(numbers, dtype=np.int64)


def _starts(validities: Iterable[Validity]) -> DayArray:
    return _numbers((v.valid_from for v in validities), ALWAYS)


def _ends(validities: Iterable[Validity]) -> DayArray:
    return _numbers((v.valid_to for v in validities), NEVER)


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
    ancestors: Mapping[int, tuple[int, ...]] = field(default_factory=dict)
    successors: Mapping[str, str] = field(default_factory=dict)

    def fits(self, municipalities: Mapping[str, Municipality], regions: Mapping[int, Region],
             codes: Iterable[str], region_ids: Iterable[int]) -> bool:
        """Whether these columns still describe the given rows after they were updated (a name, contact or
        note changed, nothing coverage depends on): then they need not be built again."""
        for code in codes:
            index, row = self.index_of_code.get(code), municipalities.get(code)
            if index is None or row is None or self.successors.get(code) != row.successor_nis or (
                    self._province(index, self.municipality_province) != row.province_nis
                    or not self._same_validity(index, self.municipality_from, self.municipality_to, row.validity)):
                return False
        for region_id in region_ids:
            index, region = self.index_of_region.get(region_id), regions.get(region_id)
            if index is None or region is None or (
                    self._province(index, self.region_province) != region.province_nis
                    or not self._same_validity(index, self.region_from, self.region_to, region.validity)):
                return False
        return True

    def _province(self, index: int, column: IndexArray) -> str | None:
        position = int(column[index])
        return None if position == NO_INDEX else self.provinces[position]

    @staticmethod
    def _same_validity(index: int, starts: DayArray, ends: DayArray, validity: Validity) -> bool:
        return (int(starts[index]) == day_number(validity.valid_from, ALWAYS)
                and int(ends[index]) == day_number(validity.valid_to, NEVER))


@dataclass(frozen=True, slots=True)
class Members:
    """The memberships as columns: regiegebied and municipality indices, validity as day numbers."""

    region: IndexArray
    municipality: IndexArray
    valid_from: DayArray
    valid_to: DayArray


def build_members(memberships: Mapping[int, Membership], places: Places) -> Members:
    """The columns of the memberships whose regiegebied and municipality are known."""
    regions, codes = places.index_of_region, places.index_of_code
    members = [m for m in memberships.values() if m.region_id in regions and m.municipality_nis in codes]
    return Members(np.fromiter((regions[m.region_id] for m in members), dtype=np.int64, count=len(members)),
                   np.fromiter((codes[m.municipality_nis] for m in members), dtype=np.int64, count=len(members)),
                   _starts(m.validity for m in members), _ends(m.validity for m in members))


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
    """The columns of the provinces, municipalities and regiegebieden."""
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
    return Places(
        provinces, names, codes, index_of_code,
        np.fromiter((province_index.get(m.province_nis, NO_INDEX) for m in municipalities), dtype=np.int64),
        _starts(m.validity for m in municipalities), _ends(m.validity for m in municipalities),
        np.fromiter((p[0] for p in pairs), dtype=np.int64), np.fromiter((p[1] for p in pairs), dtype=np.int64),
        tuple(r.id for r in regions), index_of_region,
        np.fromiter((province_index.get(r.province_nis, NO_INDEX) for r in regions), dtype=np.int64),
        _starts(r.validity for r in regions), _ends(r.validity for r in regions),
        ancestors, {m.nis_code: m.successor_nis for m in municipalities if m.successor_nis},
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

    def take(self, rows: IndexArray) -> Agreements:
        """Only the agreements at positions ``rows``."""
        return Agreements(tuple(self.ids[i] for i in rows.tolist()), self.municipality[rows], self.region[rows],
                          self.started[rows], self.expected[rows], self.signed[rows], self.ended[rows])


def _agreement_row(agreement: Agreement, places: Places) -> tuple[int, int, int, int, int, int]:
    partner = agreement.partner
    municipality = places.index_of_code.get(partner.municipality_nis or "", NO_INDEX)
    region = places.index_of_region.get(partner.region_id, NO_INDEX) if partner.region_id is not None else NO_INDEX
    return (municipality, region, day_number(agreement.negotiation_started), day_number(agreement.expected_signing),
            day_number(agreement.signed), day_number(agreement.ended))


def build_agreements(agreements: Mapping[int, Agreement], places: Places) -> Agreements:
    """The columns of the agreements."""
    values = list(agreements.values())
    codes, regions = places.index_of_code, places.index_of_region
    partners = [a.partner for a in values]
    municipality = np.array([codes.get(p.municipality_nis, NO_INDEX) if p.municipality_nis is not None
                             else NO_INDEX for p in partners], dtype=np.int64)
    region = np.array([regions.get(p.region_id, NO_INDEX) if p.region_id is not None else NO_INDEX
                       for p in partners], dtype=np.int64)
    return Agreements(tuple(agreements), municipality, region,
                      _numbers((a.negotiation_started for a in values), NEVER),
                      _numbers((a.expected_signing for a in values), NEVER),
                      _numbers((a.signed for a in values), NEVER), _numbers((a.ended for a in values), NEVER))


@dataclass(frozen=True, slots=True)
class CoverageArrays:
    """Everything coverage depends on, as columns."""

    places: Places
    members: Members
    agreements: Agreements
    _position: Mapping[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, data: CoverageInput) -> CoverageArrays:
        """The columns of ``data``."""
        places = build_places(data)
        agreements = build_agreements(data.agreements, places)
        return cls(places, build_members(data.memberships, places), agreements,
                   {aid: i for i, aid in enumerate(agreements.ids)})

    def positions(self, ids: Iterable[int]) -> IndexArray:
        """The rows of those of the agreements ``ids`` that these columns hold."""
        position = self._position or {aid: i for i, aid in enumerate(self.agreements.ids)}
        return np.array([position[aid] for aid in ids if aid in position], dtype=np.int64)

    def with_memberships(self, memberships: Mapping[int, Membership]) -> CoverageArrays:
        """These arrays with the membership columns built again (places and agreements stay)."""
        return replace(self, members=build_members(memberships, self.places))

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
