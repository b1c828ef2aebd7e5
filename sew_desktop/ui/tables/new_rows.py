"""New regiegebieden and agreements, as the forms of :mod:`sew_desktop.ui.core.new_row_forms` describe them: one
transaction and one undo step each."""

from __future__ import annotations

from datetime import date

from typing_extensions import override

from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.new_row_forms import AgreementDraft, RegionDraft
from sew_desktop.ui.core.undo import CompositeCommand, Step
from sew_desktop.ui.tables.municipalities import membership_move


class NewRegionCommand(CompositeCommand):
    """A regiegebied with its first members, as one transaction and one undo step: the members leave the
    regiegebied they belong to on the start date (a municipality belongs to one at a time)."""

    def __init__(self, repository: Repository, text: str, draft: RegionDraft) -> None:
        super().__init__(repository, text, [])
        self.draft = draft
        self.key: int | None = None

    @override
    def _apply_all(self) -> None:
        if self._steps:
            super()._apply_all()
            return
        with self._repository.transaction():
            region = Step(Entity.REGION, None, {"name": self.draft.name, "kind": self.draft.kind.value,
                                                "province_nis": self.draft.province_nis,
                                                "valid_from": self.draft.start.isoformat()})
            self._apply(region)
            self.key = int(region.key) if region.key is not None else None
            steps = [region]
            for nis in self.draft.members:
                moves = membership_move(self._repository.memberships().values(), nis, self.key, self.draft.start)
                for step in moves:
                    self._apply(step)
                steps += moves
            self._steps = steps


def agreement_values(draft: AgreementDraft) -> dict[str, object]:
    """The stored columns of a new agreement."""
    kind, _, key = draft.partner.partition(":")
    partner: dict[str, object] = ({"municipality_nis": key, "region_id": None} if kind == "m"
                                  else {"municipality_nis": None, "region_id": int(key)})
    return {**partner, "negotiation_started": draft.negotiation_started.isoformat()}


def partner_choices(repository: Repository, day: date) -> dict[str, str]:
    """Regiegebieden and municipalities valid on ``day`` by their shown names."""
    choices = {r.name: f"r:{r.id}" for r in repository.regions().values() if r.validity.contains(day)}
    for municipality in repository.municipalities().values():
        if municipality.validity.contains(day):
            choices.setdefault(municipality.name_nl, f"m:{municipality.nis_code}")
    return choices


def municipality_choices(repository: Repository, day: date, province_nis: str | None = None) -> dict[str, str]:
    """Municipalities valid on ``day`` by name (all provinces: a regiegebied may cross a border)."""
    return {m.name_nl: m.nis_code for m in repository.municipalities().values()
            if m.validity.contains(day) and (province_nis is None or m.province_nis == province_nis)}
