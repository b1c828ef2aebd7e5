"""The Regiegebieden and Overeenkomsten tables and the members of a regiegebied (Gemeenten: municipalities.py)."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from sew_desktop.domain.coverage import DayCoverage
from sew_desktop.domain.model import Agreement, Membership, Region, RegionKind, Validity
from sew_desktop.domain.status import agreement_status
from sew_desktop.domain.validation import Problem, agreements_outside, overlapping_membership
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Key, Repository
from sew_desktop.store.rows import to_date
from sew_desktop.ui.core.columns import AnyIndex, Column, Kind
from sew_desktop.ui.core.entity_model import EntityTableModel
from sew_desktop.ui.core.i18n import format_date
from sew_desktop.ui.core.labels import province_name
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.messages import kind_text, member_start_text, outlived_text, overlap_text, status_text


class RegionsModel(EntityTableModel):
    """Regiegebieden with their number of members and the status of their agreement on the as-of date."""

    entity = Entity.REGION

    def __init__(self, repository: Repository, undo_stack: QUndoStack, live: LiveCoverage) -> None:
        self.day = live.day
        self._provinces = {p.nis_code: province_name(p) for p in repository.provinces()}
        super().__init__(repository, undo_stack, live)

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

    def on_coverage(self, day: DayCoverage, previous: DayCoverage) -> None:
        """Only regiegebieden whose number of members or agreement status changed."""
        self.day = day
        keys = day.changed_regions(previous)
        if keys is None:
            self.all_rows_changed()
        else:
            self.rows_changed(keys)

    def value(self, row: Any, column: Column) -> object:
        """Derived and translated columns."""
        region = cast(Region, row)
        if column.name == "kind":
            return kind_text(region.kind)
        if column.name == "province_nis":
            return self._provinces.get(region.province_nis, region.province_nis)
        if column.name == "members":
            return self.day.region_members(region.id)
        if column.name == "status":
            return status_text(self.day.region_status(region.id))
        return getattr(region, column.name, None) if column.name not in ("valid_from", "valid_to") else getattr(
            region.validity, column.name
        )

    def problems_message(self, key: Key | None, changes: dict[str, object], problems: list[Problem]) -> str:
        """A validity that would leave an agreement without its regiegebied names that agreement's dates."""
        region = self.repository.regions().get(int(key)) if key is not None else None
        if Problem.OUTLIVED_BY_AGREEMENT not in problems or region is None:
            return super().problems_message(key, changes, problems)
        validity = Validity(
            to_date(changes["valid_from"]) if "valid_from" in changes else region.validity.valid_from,
            to_date(changes["valid_to"]) if "valid_to" in changes else region.validity.valid_to)
        own = [a for a in self.repository.agreements().values() if a.partner.region_id == region.id]
        outside = agreements_outside(own, validity)
        if not outside:
            return super().problems_message(key, changes, problems)
        return outlived_text(region.name, outside[0], validity, self.live.language)

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

    def calendar_start(self, index: AnyIndex) -> date:
        """The latest date the agreement already has (a signing follows the negotiations), else the as-of date."""
        agreement = self.repository.agreements().get(int(self.key_at(index.row()))) if index.isValid() else None
        known = [d for d in (agreement.negotiation_started, agreement.expected_signing, agreement.signed,
                             agreement.ended) if d is not None] if agreement else []
        return max(known, default=self.live.as_of)

    def on_dates_changed(self) -> None:
        """The status is judged on the as-of date."""
        self.all_rows_changed()

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
            return status_text(agreement_status(agreement, self.live.as_of))
        return getattr(agreement, column.name)

    def tooltip(self, row: Any, column: Column) -> str | None:
        """The status cell says where it comes from and how to change it."""
        if column.name != "status":
            return None
        agreement = cast(Agreement, row)
        dates = [(QCoreApplication.translate("Columns", "Negotiations started"), agreement.negotiation_started),
                 (QCoreApplication.translate("Columns", "Signed on"), agreement.signed),
                 (QCoreApplication.translate("Columns", "Ended on"), agreement.ended)]
        lines = [f"{label}: {format_date(day, self.live.language) or '—'}" for label, day in dates]
        intro = QCoreApplication.translate("Columns", "The status on %1 follows from the dates:").replace(
            "%1", format_date(self.live.as_of, self.live.language))
        hint = QCoreApplication.translate("Columns", "Double-click to start negotiations, sign or end.")
        return "\n".join([intro, *lines, hint])

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
            if municipality.name_nl == text and municipality.validity.contains(self.live.as_of):
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

    def problems_message(self, key: Key | None, changes: dict[str, object], problems: list[Problem]) -> str:
        """A start on which the municipality does not exist names its dates; an overlap names the regiegebied the
        municipality already belongs to, and when."""
        base = self.repository.memberships().get(int(key)) if key is not None else None
        nis = str(changes.get("municipality_nis", base.municipality_nis if base else ""))
        validity = Validity(
            to_date(changes["valid_from"]) if "valid_from" in changes else (base.validity.valid_from if base else None),
            to_date(changes["valid_to"]) if "valid_to" in changes else (base.validity.valid_to if base else None))
        municipality = self.repository.municipalities().get(nis)
        if Problem.MEMBER_NOT_VALID in problems and municipality is not None and validity.valid_from is not None:
            return member_start_text(municipality.name_nl, municipality.validity, validity.valid_from,
                                     self.live.language)
        clash = overlapping_membership(self.repository.memberships().values(), nis, validity,
                                       int(key) if key is not None else None)
        if Problem.MEMBERSHIP_OVERLAPS not in problems or clash is None:
            return super().problems_message(key, changes, problems)
        region = self.repository.regions().get(clash.region_id)
        return overlap_text(municipality.name_nl if municipality else nis, region.name if region else "?",
                            clash.validity, self.live.language)

    def value(self, row: Any, column: Column) -> object:
        """The member's name or a validity date."""
        membership = cast(Membership, row)
        if column.name == "municipality":
            municipality = self.repository.municipalities().get(membership.municipality_nis)
            return municipality.name_nl if municipality else membership.municipality_nis
        return getattr(membership.validity, column.name)
