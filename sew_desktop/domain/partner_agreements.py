"""Which agreements count for each partner, kept so that an agreement edit touches only its old and new partner
(shared by the live coverage table and the live timeline)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from sew_desktop.domain.model import Agreement, Partner

if TYPE_CHECKING:
    from sew_desktop.domain.coverage import CoverageInput  # coverage imports this module

K = TypeVar("K", str, int)


@dataclass(slots=True)
class PartnerAgreements:
    """The counting agreements per partner municipality and per partner regiegebied. Lists are never changed in
    place (an edited copy gets new ones), so a copy made before an edit stays as it was."""

    partner_of: dict[int, Partner] = field(default_factory=dict)
    of_municipality: dict[str, list[int]] = field(default_factory=dict)
    of_region: dict[int, list[int]] = field(default_factory=dict)

    def add(self, agreement: Agreement) -> None:
        """While building: one more counting agreement."""
        partner = self.partner_of[agreement.id] = agreement.partner
        if partner.municipality_nis is not None:
            self.of_municipality.setdefault(partner.municipality_nis, []).append(agreement.id)
        elif partner.region_id is not None:
            self.of_region.setdefault(partner.region_id, []).append(agreement.id)

    def after_edits(self, changed: Iterable[int], data: CoverageInput,
                    counts: Callable[[Agreement], bool]) -> tuple[PartnerAgreements, set[str], set[int]]:
        """A copy with the ``changed`` agreements under their partner in ``data`` (gone when deleted or no longer
        counting), and the municipalities and regiegebieden whose agreements changed."""
        edited = PartnerAgreements(dict(self.partner_of), dict(self.of_municipality), dict(self.of_region))
        municipalities: set[str] = set()
        regions: set[int] = set()
        for agreement_id in changed:
            previous = edited.partner_of.pop(agreement_id, None)
            if previous is not None:
                edited._replace(previous, agreement_id, add=False)
                _note(previous, municipalities, regions)
            agreement = data.agreements.get(agreement_id)
            if agreement is not None and counts(agreement):
                edited.partner_of[agreement_id] = agreement.partner
                edited._replace(agreement.partner, agreement_id, add=True)
                _note(agreement.partner, municipalities, regions)
        return edited, municipalities, regions

    def _replace(self, partner: Partner, agreement_id: int, *, add: bool) -> None:
        if partner.municipality_nis is not None:
            _replace_entry(self.of_municipality, partner.municipality_nis, agreement_id, add=add)
        elif partner.region_id is not None:
            _replace_entry(self.of_region, partner.region_id, agreement_id, add=add)


def _note(partner: Partner, municipalities: set[str], regions: set[int]) -> None:
    if partner.municipality_nis is not None:
        municipalities.add(partner.municipality_nis)
    elif partner.region_id is not None:
        regions.add(partner.region_id)


def _replace_entry(lists: dict[K, list[int]], key: K, agreement_id: int, *, add: bool) -> None:
    others = [a for a in lists.get(key, ()) if a != agreement_id]
    if add:
        others.append(agreement_id)
    if others:
        lists[key] = others
    else:
        lists.pop(key, None)
