"""The three editable tables (Gemeenten, Regiegebieden, Overeenkomsten) and the members of a regiegebied."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from typing_extensions import override

from sew_desktop.domain.coverage import DayIndex
from sew_desktop.domain.coverage_state import CoverageState
from sew_desktop.domain.model import Agreement, AgreementStatus, Membership, Municipality, Region, RegionKind
from sew_desktop.domain.status import agreement_status, best_status
from sew_desktop.services.live import LiveCache, coverage_cache
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, Key, Repository
from sew_desktop.ui.charts.areas import province_name
from sew_desktop.ui.main.commands import CompositeCommand, Step, push
from sew_desktop.ui.main.context import ViewContext
from sew_desktop.ui.main.messages import kind_text, status_text
from sew_desktop.ui.main.models.base import AnyIndex, Column, EntityTableModel, Kind


class MunicipalitiesModel(EntityTableModel):
    """Municipalities valid on the as-of date, with their regiegebied and status on that date."""

    entity = Entity.MUNICIPALITY
    depends_on = frozenset({Entity.AGREEMENT, Entity.MEMBERSHIP, Entity.REGION})

    def __init__(self, repository: Repository, undo_stack: QUndoStack, context: ViewContext,
                 coverage: LiveCache[CoverageState] | None = None) -> None:
        self.coverage = coverage or coverage_cache(repository)
        super().__init__(repository, undo_stack, context)

    def make_columns(self) -> list[Column]:
        """NIS code, name, province, arrondissement, regiegebied, status, contact, notes."""
        return [
            Column("nis_code", QCoreApplication.translate("Columns", "NIS code"), Kind.TEXT),
            Column("name_nl", QCoreApplication.translate("Columns", "Name"), Kind.TEXT, editable=True),
            Column("province", QCoreApplication.translate("Columns", "Province"), Kind.DERIVED),
            Column("arrondissement_nis", QCoreApplication.translate("Columns", "Arrondissement"), Kind.TEXT),
            Column("region", QCoreApplication.translate("Columns", "Regiegebied"), Kind.CHOICE, editable=True),
            Column("status", QCoreApplication.translate("Columns", "Status"), Kind.DERIVED),
            Column("vdab_contact", QCoreApplication.translate("Columns", "VDAB contact"), Kind.TEXT, editable=True),
            Column("notes", QCoreApplication.translate("Columns", "Notes"), Kind.TEXT, editable=True),
        ]

    def table(self) -> dict[Key, Any]:
        """Every municipality code."""
        return cast("dict[Key, Any]", self.repository.municipalities())

    def include(self, row: Any) -> bool:
        """Only the municipalities valid on the as-of date (300 in 2022, 285 from 2025)."""
        return cast(Municipality, row).validity.contains(self.context.as_of)

    def refresh_derived(self) -> None:
        """Memberships and statuses on the as-of date (shared with the coverage table when computed for it)."""
        self.day_index = self.coverage.get(self.context.as_of, self.context.horizon).day
        self._provinces = {p.nis_code: province_name(p) for p in self.repository.provinces()}

    def derived_snapshot(self) -> object:
        """The day index the derived columns were read from."""
        return self.day_index

    def derived_changes(self, before: object, changes: Sequence[Change]) -> Iterable[Key] | None:
        """Only municipalities whose status or regiegebied changed; a renamed partner may show anywhere."""
        if not isinstance(before, DayIndex) or any(c.entity is not Entity.AGREEMENT
                                                   and c.entity is not Entity.MEMBERSHIP for c in changes):
            return None
        return self.day_index.changed_since(before)

    def on_dates_changed(self) -> None:
        """A new as-of date changes which municipalities exist: one reset."""
        self.reload()

    def row_label(self, row: Any) -> str:
        """The municipality's name."""
        return cast(Municipality, row).name_nl

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The regiegebied column moves the municipality (from a confirmed date); other columns as usual."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.columns[index.column()].name != "region":
            return super().setData(index, value, role)
        nis = str(self.key_at(index.row()))
        target = self._region_id(value)
        if target is False:
            self.message.emit(self.tr_invalid(value))
            return False
        current = self.region_of(nis)
        if (current.id if current else None) == target:
            return True
        start = self.confirm_date(self.repository.municipalities()[nis].name_nl)
        if start is None:
            return False
        steps = membership_move(self.repository.memberships().values(), nis, target, start)
        text = f"{self.columns[index.column()].change_label()} — {self.repository.municipalities()[nis].name_nl}"
        return push(self.undo_stack, CompositeCommand(self.repository, text, steps))

    def pastable(self, column: Column) -> bool:
        """A regiegebied is changed from a confirmed date, one municipality at a time."""
        return column.name != "region"

    def confirm_date(self, name: str) -> date | None:
        """From which date a membership change applies; the window replaces this with a dialog."""
        return self.context.as_of

    def _region_id(self, value: object) -> int | bool | None:
        if value is None or value == "":
            return None
        if isinstance(value, int) and value in self.repository.regions():
            return value
        for region in self.repository.regions().values():
            if region.name == str(value).strip():
                return region.id
        return False

    def region_of(self, nis: str) -> Region | None:
        """The regiegebied ``nis`` belongs to on the as-of date."""
        regions = self.day_index.regions_of(nis)
        return self.repository.regions().get(regions[0]) if regions else None

    def value(self, row: Any, column: Column) -> object:
        """Derived columns by name; the rest from the row."""
        municipality = cast(Municipality, row)
        if column.name == "province":
            return self._provinces.get(municipality.province_nis, municipality.province_nis)
        if column.name == "region":
            region = self.region_of(municipality.nis_code)
            return region.name if region else ""
        if column.name == "status":
            return self.status_description(municipality.nis_code)
        return getattr(municipality, column.name)

    def status_description(self, nis: str) -> str:
        """"signed — via Demo-regio West 1", "in negotiation", ..."""
        coverage = self.day_index.coverage(nis)
        text = status_text(coverage.status)
        if coverage.status is not AgreementStatus.SIGNED:
            return text
        names = [self.repository.regions()[r].name for r in coverage.via_regions]
        names += [self.repository.municipalities()[m].name_nl for m in coverage.via_municipalities]
        via = QCoreApplication.translate("Columns", "via %1").replace("%1", ", ".join(names))
        return f"{text} — {via}"


def membership_move(memberships: Iterable[Membership], nis: str, target: int | None, start: date) -> list[Step]:
    """Steps that make ``nis`` a member of ``target`` (or of none) from ``start``, ending its current membership.

    A municipality belongs to at most one regiegebied on any date: the membership it has on ``start`` ends the day
    before (or disappears when it only begins then), and the new one lasts as long as the old one would have.
    """
    current = next((m for m in memberships if m.municipality_nis == nis and m.validity.contains(start)), None)
    steps: list[Step] = []
    until = current.validity.valid_to if current else None
    if current is not None:
        if current.validity.valid_from is not None and current.validity.valid_from >= start:
            steps.append(Step(Entity.MEMBERSHIP, current.id, {}, delete=True))
        else:
            old_to = current.validity.valid_to
            steps.append(Step(Entity.MEMBERSHIP, current.id, {"valid_to": (start - timedelta(days=1)).isoformat()},
                              old={"valid_to": old_to.isoformat() if old_to else None}))
    if target is not None:
        steps.append(Step(Entity.MEMBERSHIP, None, {"region_id": target, "municipality_nis": nis,
                                                     "valid_from": start.isoformat(),
                                                     "valid_to": until.isoformat() if until else None}))
    return steps


class RegionsModel(EntityTableModel):
    """Regiegebieden with their number of members and the status of their agreement on the as-of date."""

    entity = Entity.REGION
    depends_on = frozenset({Entity.AGREEMENT, Entity.MEMBERSHIP})

    def make_columns(self) -> list[Column]:
        """Name, kind, province, members, validity, status, notes."""
        return [
            Column("name", QCoreApplication.translate("Columns", "Name"), Kind.TEXT, editable=True),
            Column("kind", QCoreApplication.translate("Columns", "Kind"), Kind.CHOICE, editable=True),
            Column("province_nis", QCoreApplication.translate("Columns", "Province"), Kind.CHOICE, editable=True),
            Column("members", QCoreApplication.translate("Columns", "Members"), Kind.DERIVED),
            Column("valid_from", QCoreApplication.translate("Columns", "Valid from"), Kind.DATE, editable=True),
            Column("valid_to", QCoreApplication.translate("Columns", "Valid to"), Kind.DATE, editable=True),
            Column("status", QCoreApplication.translate("Columns", "Agreement"), Kind.DERIVED),
            Column("notes", QCoreApplication.translate("Columns", "Notes"), Kind.TEXT, editable=True),
        ]

    def table(self) -> dict[Key, Any]:
        """Every regiegebied."""
        return cast("dict[Key, Any]", self.repository.regions())

    def refresh_derived(self) -> None:
        """Member counts and agreement statuses on the as-of date."""
        day = self.context.as_of
        self._members: dict[int, int] = {}
        for membership in self.repository.memberships().values():
            if membership.validity.contains(day):
                self._members[membership.region_id] = self._members.get(membership.region_id, 0) + 1
        self._agreements: dict[int, list[Agreement]] = {}
        self._region_of_agreement: dict[int, int] = {}
        for agreement in self.repository.agreements().values():
            if agreement.partner.region_id is not None:
                self._agreements.setdefault(agreement.partner.region_id, []).append(agreement)
                self._region_of_agreement[agreement.id] = agreement.partner.region_id
        self._provinces = {p.nis_code: province_name(p) for p in self.repository.provinces()}

    def derived_snapshot(self) -> object:
        """Which regiegebied each agreement belonged to."""
        return dict(self._region_of_agreement)

    def derived_changes(self, before: object, changes: Sequence[Change]) -> Iterable[Key] | None:
        """After agreement edits, the regiegebieden they belonged to before and after; else any row."""
        if not isinstance(before, dict) or any(c.entity is not Entity.AGREEMENT for c in changes):
            return None
        keys = {int(key) for c in changes for key in c.keys}
        return {region for key in keys for region in (before.get(key), self._region_of_agreement.get(key))
                if region is not None}

    def _derived_of(self, region_id: int) -> tuple[int, AgreementStatus | None]:
        return (self._members.get(region_id, 0),
                best_status(self._agreements.get(region_id, []), self.context.as_of))

    def value(self, row: Any, column: Column) -> object:
        """Derived and translated columns."""
        region = cast(Region, row)
        if column.name == "kind":
            return kind_text(region.kind)
        if column.name == "province_nis":
            return self._provinces.get(region.province_nis, region.province_nis)
        if column.name == "members":
            return self._members.get(region.id, 0)
        if column.name == "status":
            return status_text(self._derived_of(region.id)[1])
        return getattr(region, column.name, None) if column.name not in ("valid_from", "valid_to") else getattr(
            region.validity, column.name
        )

    def parse(self, column: Column, value: object) -> object:
        """Kinds and provinces are chosen by code or by their shown name."""
        text = "" if value is None else str(value).strip()
        if column.name == "kind":
            for kind in RegionKind:
                if text in (kind.value, kind_text(kind)):
                    return kind.value
            raise ValueError(text)
        if column.name == "province_nis":
            for province in self.repository.provinces():
                if text in (province.nis_code, province.name_nl, self._provinces[province.nis_code]):
                    return province.nis_code
            raise ValueError(text)
        return super().parse(column, value)


class AgreementsModel(EntityTableModel):
    """Samenwerkingsovereenkomsten with their status on the as-of date."""

    entity = Entity.AGREEMENT
    depends_on = frozenset({Entity.REGION, Entity.MUNICIPALITY})

    def make_columns(self) -> list[Column]:
        """Partner, status, four dates, contact, notes."""
        return [
            Column("partner", QCoreApplication.translate("Columns", "Partner"), Kind.CHOICE, editable=True),
            Column("status", QCoreApplication.translate("Columns", "Status"), Kind.DERIVED),
            Column("negotiation_started", QCoreApplication.translate("Columns", "Negotiations started"), Kind.DATE,
                   editable=True),
            Column("expected_signing", QCoreApplication.translate("Columns", "Expected signing"), Kind.DATE,
                   editable=True),
            Column("signed", QCoreApplication.translate("Columns", "Signed on"), Kind.DATE, editable=True),
            Column("ended", QCoreApplication.translate("Columns", "Ended on"), Kind.DATE, editable=True),
            Column("vdab_contact", QCoreApplication.translate("Columns", "VDAB contact"), Kind.TEXT, editable=True),
            Column("notes", QCoreApplication.translate("Columns", "Notes"), Kind.TEXT, editable=True),
        ]

    def table(self) -> dict[Key, Any]:
        """Every agreement."""
        return cast("dict[Key, Any]", self.repository.agreements())

    def partner_name(self, agreement: Agreement) -> str:
        """The municipality's or regiegebied's name."""
        partner = agreement.partner
        if partner.municipality_nis is not None:
            municipality = self.repository.municipalities().get(partner.municipality_nis)
            return municipality.name_nl if municipality else partner.municipality_nis
        region = self.repository.regions().get(partner.region_id or 0)
        return region.name if region else "?"

    def row_label(self, row: Any) -> str:
        """The partner's name."""
        return self.partner_name(cast(Agreement, row))

    def province_of(self, row: Any) -> str:
        """The partner's province."""
        partner = cast(Agreement, row).partner
        if partner.municipality_nis is not None:
            municipality = self.repository.municipalities().get(partner.municipality_nis)
            return municipality.province_nis if municipality else ""
        region = self.repository.regions().get(partner.region_id or 0)
        return region.province_nis if region else ""

    def value(self, row: Any, column: Column) -> object:
        """Partner name, derived status, or the row's value."""
        agreement = cast(Agreement, row)
        if column.name == "partner":
            return self.partner_name(agreement)
        if column.name == "status":
            return status_text(agreement_status(agreement, self.context.as_of))
        return getattr(agreement, column.name)

    def parse(self, column: Column, value: object) -> object:
        """A partner is given as ``m:NIS`` / ``r:ID``, or by its exact name."""
        if column.name != "partner":
            return super().parse(column, value)
        text = "" if value is None else str(value).strip()
        if text.startswith("m:") and text[2:] in self.repository.municipalities():
            return text
        if text.startswith("r:") and text[2:].isdigit() and int(text[2:]) in self.repository.regions():
            return text
        for region in self.repository.regions().values():
            if region.name == text:
                return f"r:{region.id}"
        for municipality in self.repository.municipalities().values():
            if municipality.name_nl == text and municipality.validity.contains(self.context.as_of):
                return f"m:{municipality.nis_code}"
        raise ValueError(text)

    def stored(self, column: Column, value: object) -> dict[str, object]:
        """A partner writes both partner columns."""
        if column.name != "partner":
            return super().stored(column, value)
        text = str(value)
        if text.startswith("m:"):
            return {"municipality_nis": text[2:], "region_id": None}
        return {"municipality_nis": None, "region_id": int(text[2:])}


class MembersModel(EntityTableModel):
    """The members of one regiegebied (the side panel)."""

    entity = Entity.MEMBERSHIP
    depends_on = frozenset({Entity.MUNICIPALITY})
    region_id: int | None = None

    def make_columns(self) -> list[Column]:
        """Municipality, valid from, valid to."""
        return [
            Column("municipality", QCoreApplication.translate("Columns", "Municipality"), Kind.DERIVED),
            Column("valid_from", QCoreApplication.translate("Columns", "Valid from"), Kind.DATE, editable=True),
            Column("valid_to", QCoreApplication.translate("Columns", "Valid to"), Kind.DATE, editable=True),
        ]

    def table(self) -> dict[Key, Any]:
        """Every membership."""
        return cast("dict[Key, Any]", self.repository.memberships())

    def include(self, row: Any) -> bool:
        """Only the memberships of the chosen regiegebied."""
        return self.region_id is not None and cast(Membership, row).region_id == self.region_id

    def set_region(self, region_id: int | None) -> None:
        """Show the members of another regiegebied."""
        self.region_id = region_id
        self.reload()

    def row_label(self, row: Any) -> str:
        """The member's name."""
        return str(self.value(row, self.columns[0]))

    def value(self, row: Any, column: Column) -> object:
        """The member's name or a validity date."""
        membership = cast(Membership, row)
        if column.name == "municipality":
            municipality = self.repository.municipalities().get(membership.municipality_nis)
            return municipality.name_nl if municipality else membership.municipality_nis
        return getattr(membership.validity, column.name)
