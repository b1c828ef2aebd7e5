"""Coverage for one pair of dates in one vectorised pass over :class:`CoverageArrays`.

A municipality is reached on D when an agreement signed (afgesloten) on D has as partner the municipality,
a regiegebied it belongs to on D, or -- by legal succession after a merger -- one of its predecessors or a
regiegebied a predecessor belongs to on D. The forecast for a horizon counts the agreements
:func:`~sew_desktop.domain.status.expected_by` that horizon; "negotiating" is the status on D.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np

from sew_desktop.domain.coverage.arrays import CoverageArrays, IndexArray
from sew_desktop.domain.coverage.map_status import Pending
from sew_desktop.domain.coverage.results import (
    AreaCoverage,
    CoverageReport,
    MunicipalityCoverage,
    flanders_total,
)
from sew_desktop.domain.days import Flags, horizon_for
from sew_desktop.domain.model import AgreementStatus
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.status import NEGOTIATING, SIGNED, STATUS_OF_CODE, TO_START, expected_by, status_codes

NO_STATUS = -1  # a regiegebied without agreements


@dataclass(frozen=True, slots=True)
class PartnerFlags:
    """Per partner (municipalities, or regiegebieden): signed on D, expected by the horizon, negotiating on D."""

    signed: Flags
    forecast: Flags
    negotiating: Flags

    def differs(self, other: PartnerFlags) -> Flags:
        """Partners whose signed or negotiating flag differs (what statuses show)."""
        differs: Flags = (self.signed != other.signed) | (self.negotiating != other.negotiating)
        return differs


def _partner_flags(partner: IndexArray, size: int, signed: Flags, forecast: Flags, negotiating: Flags) -> PartnerFlags:
    known = partner >= 0
    result = PartnerFlags(np.zeros(size, bool), np.zeros(size, bool), np.zeros(size, bool))
    for target, source in ((result.signed, signed), (result.forecast, forecast), (result.negotiating, negotiating)):
        target[partner[known & source]] = True  # setting True twice is harmless: no accumulation needed
    return result


def _inherit(flags: Flags, descendant: IndexArray, ancestor: IndexArray) -> Flags:
    """A merged municipality is reached where any of its predecessors is."""
    result = flags.copy()
    result[descendant[flags[ancestor]]] = True
    return result


class DayCoverage:
    """The published table and the status of every municipality for ``as_of`` and ``horizon``."""

    def __init__(self, arrays: CoverageArrays, as_of: date, horizon: date) -> None:
        horizon_for(as_of, horizon)  # raises when the horizon lies before the as-of date
        self.arrays, self.as_of, self.horizon = arrays, as_of, horizon
        places, agreements, day = arrays.places, arrays.agreements, as_of.toordinal()
        codes = status_codes(agreements.started, agreements.signed, agreements.ended, day)
        self.agreement_codes = codes
        signed, negotiating = codes == SIGNED, codes == NEGOTIATING
        forecast = expected_by(codes, agreements.signed, agreements.expected, horizon.toordinal())
        self.municipality_partners = _partner_flags(agreements.municipality, len(places.codes), signed, forecast,
                                                    negotiating)
        self.region_partners = _partner_flags(agreements.region, len(places.region_ids), signed, forecast,
                                              negotiating)
        self.region_valid = (places.region_from <= day) & (day <= places.region_to)
        members = arrays.members
        member_dates = (members.valid_from <= day) & (day <= members.valid_to)
        self.member_valid = member_dates & self.region_valid[members.region]
        self.municipality_valid = (places.municipality_from <= day) & (day <= places.municipality_to)
        self.reached = self._reach(self.municipality_partners.signed, self.region_partners.signed)
        self.forecast = self._reach(self.municipality_partners.forecast, self.region_partners.forecast) | self.reached
        negotiating_reach = self._reach(self.municipality_partners.negotiating, self.region_partners.negotiating)
        self.codes = np.where(self.reached, SIGNED, np.where(negotiating_reach, NEGOTIATING, TO_START))
        self.region_codes = np.full(len(places.region_ids), NO_STATUS, dtype=np.int64)
        with_region = agreements.region >= 0
        np.maximum.at(self.region_codes, agreements.region[with_region], codes[with_region])
        self.region_member_counts = np.bincount(members.region[member_dates],
                                                minlength=len(places.region_ids))

    def pending(self) -> Pending:
        """Partners of agreements that on the as-of date are neither ended, signed nor being negotiated."""
        return self._pending

    @cached_property
    def _pending(self) -> Pending:
        agreements, places = self.arrays.agreements, self.arrays.places
        to_start = self.agreement_codes == TO_START
        municipalities = agreements.municipality[to_start & (agreements.municipality >= 0)]
        regions = agreements.region[to_start & (agreements.region >= 0)]
        return Pending(frozenset(places.codes[i] for i in municipalities.tolist()),
                       frozenset(places.region_ids[i] for i in regions.tolist()))

    def _reach(self, own: Flags, regions: Flags) -> Flags:
        places = self.arrays.places
        flags = own.copy()
        members = self.arrays.members
        flags[members.municipality[self.member_valid & regions[members.region]]] = True
        return _inherit(flags, places.lineage_descendant, places.lineage_ancestor)

    @cached_property
    def report(self) -> CoverageReport:
        """The coverage table per province (published order) and for Flanders."""
        places = self.arrays.places
        size = len(places.provinces)

        def per_province(province: IndexArray, selected: Flags) -> list[int]:
            return [int(n) for n in np.bincount(province[selected & (province >= 0)], minlength=size)]

        m_province, r_province = places.municipality_province, places.region_province
        valid_m, valid_r = self.municipality_valid, self.counted_regions()
        columns = (per_province(m_province, valid_m & self.reached), per_province(m_province, valid_m & self.forecast),
                   per_province(m_province, valid_m),
                   per_province(r_province, valid_r & self.region_partners.signed),
                   per_province(r_province, valid_r & (self.region_partners.signed | self.region_partners.forecast)),
                   per_province(r_province, valid_r))
        rows = [AreaCoverage(places.province_names[i], nis,
                             Ratio(columns[0][i], columns[2][i]), Ratio(columns[1][i], columns[2][i]),
                             Ratio(columns[3][i], columns[5][i]), Ratio(columns[4][i], columns[5][i]))
                for i, nis in enumerate(places.provinces)]
        return CoverageReport(self.as_of, self.horizon, (*rows, flanders_total(rows)))

    def counted_regions(self) -> Flags:
        """Regiegebieden counted in the table: valid on the as-of date and with at least one member then (a
        regiegebied being set up, still without members, does not lower the published percentages)."""
        counted: Flags = self.region_valid & (self.region_member_counts > 0)
        return counted

    def valid_codes(self) -> list[str]:
        """Municipality codes valid on the as-of date (300 in 2022, 285 from 2025)."""
        codes = self.arrays.places.codes
        return [codes[i] for i in np.flatnonzero(self.municipality_valid)]

    def status(self, nis: str) -> AgreementStatus:
        """Afgesloten, in onderhandeling or op te starten for ``nis`` on the as-of date."""
        index = self.arrays.places.index_of_code.get(nis)
        return AgreementStatus.TO_START if index is None else STATUS_OF_CODE[int(self.codes[index])]

    @cached_property
    def _regions_by_municipality(self) -> dict[int, tuple[int, ...]]:
        places = self.arrays.places
        members = self.arrays.members
        rows = np.flatnonzero(self.member_valid)
        result: dict[int, tuple[int, ...]] = {}
        for municipality, region in zip(members.municipality[rows].tolist(), members.region[rows].tolist(),
                                        strict=True):
            result[municipality] = (*result.get(municipality, ()), places.region_ids[region])
        return result

    def region_of_municipality(self) -> IndexArray:
        """Per municipality index: the index of the regiegebied it belongs to on the as-of date (-1: none)."""
        members = self.arrays.members
        result = np.full(len(self.arrays.places.codes), -1, dtype=np.int64)
        result[members.municipality[self.member_valid]] = members.region[self.member_valid]
        return result

    def regions_of(self, nis: str) -> tuple[int, ...]:
        """Regiegebieden ``nis`` itself belongs to on the as-of date."""
        index = self.arrays.places.index_of_code.get(nis)
        return () if index is None else self._regions_by_municipality.get(index, ())

    def inherited_regions(self, nis: str) -> tuple[tuple[int, str], ...]:
        """(regiegebied, predecessor code) for each regiegebied a code reaches through the codes it succeeded
        on the as-of date (a municipality merged in 2025 is in the regiegebieden of its former municipalities)."""
        places = self.arrays.places
        index = places.index_of_code.get(nis)
        if index is None:
            return ()
        found: dict[int, str] = {}
        for ancestor in places.ancestors.get(index, ()):
            for region in self._regions_by_municipality.get(ancestor, ()):
                found.setdefault(region, places.codes[ancestor])
        return tuple(found.items())

    @property
    def day(self) -> date:
        """The as-of date (the day the statuses are judged on)."""
        return self.as_of

    def coverage(self, nis: str) -> MunicipalityCoverage:
        """The status with, when reached, the partners that reach ``nis``."""
        status = self.status(nis)
        if status is not AgreementStatus.SIGNED:
            return MunicipalityCoverage(status)
        return self._reached_via(nis, self.municipality_partners.signed, self.region_partners.signed)

    def forecast_coverage(self, nis: str) -> MunicipalityCoverage:
        """Like :meth:`coverage`, but afgesloten also when expected signed by the horizon (the forecast column of
        the coverage table), with the partners that reach it then."""
        index = self.arrays.places.index_of_code.get(nis)
        if index is None or not self.forecast[index]:
            return MunicipalityCoverage(self.status(nis))  # never afgesloten: that is in the forecast
        municipalities, regions = self.municipality_partners, self.region_partners
        return self._reached_via(nis, municipalities.signed | municipalities.forecast,
                                 regions.signed | regions.forecast)

    def lineage(self, nis: str) -> tuple[str, ...]:
        """``nis`` and every code it (transitively) succeeded."""
        places = self.arrays.places
        index = places.index_of_code.get(nis)
        return (nis,) if index is None else (nis, *(places.codes[i] for i in places.ancestors.get(index, ())))

    def _reached_via(self, nis: str, municipality_flags: Flags, region_flags: Flags) -> MunicipalityCoverage:
        places = self.arrays.places
        index = places.index_of_code[nis]
        lineage = (index, *places.ancestors.get(index, ()))
        via_municipalities = tuple(places.codes[i] for i in lineage if municipality_flags[i])
        region_index = places.index_of_region
        via_regions = tuple(dict.fromkeys(
            r for i in lineage for r in self._regions_by_municipality.get(i, ()) if region_flags[region_index[r]]))
        return MunicipalityCoverage(AgreementStatus.SIGNED, via_municipalities, via_regions)

    def changed_since(self, previous: DayCoverage) -> set[str] | None:
        """Codes whose status, reaching partners or regiegebieden may differ from ``previous`` (None: any)."""
        places = self.arrays.places
        if previous.as_of != self.as_of or previous.arrays.places is not places:
            return None
        touched = self.municipality_partners.differs(previous.municipality_partners)
        regions = self.region_partners.differs(previous.region_partners)
        members = self.arrays.members
        touched[members.municipality[self.member_valid & regions[members.region]]] = True
        if members is not previous.arrays.members:
            touched |= self.region_of_municipality() != previous.region_of_municipality()
        touched = _inherit(touched, places.lineage_descendant, places.lineage_ancestor)
        return {places.codes[i] for i in np.flatnonzero(touched)}

    def region_status(self, region_id: int) -> AgreementStatus | None:
        """The most advanced status of the regiegebied's agreements on the as-of date (None: it has none)."""
        index = self.arrays.places.index_of_region.get(region_id)
        code = NO_STATUS if index is None else int(self.region_codes[index])
        return None if code == NO_STATUS else STATUS_OF_CODE[code]

    def region_members(self, region_id: int) -> int:
        """The number of memberships of the regiegebied valid on the as-of date (whether or not it is valid then)."""
        index = self.arrays.places.index_of_region.get(region_id)
        return 0 if index is None else int(self.region_member_counts[index])

    def changed_regions(self, previous: DayCoverage) -> set[int] | None:
        """Regiegebieden whose status or number of members may differ from ``previous`` (None: any)."""
        places = self.arrays.places
        if previous.as_of != self.as_of or previous.arrays.places is not places:
            return None
        differs = ((self.region_codes != previous.region_codes)
                   | (self.region_member_counts != previous.region_member_counts))
        return {places.region_ids[i] for i in np.flatnonzero(differs)}
