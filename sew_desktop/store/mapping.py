"""Conversion between stored rows and domain objects."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import Any

from sew_desktop.domain.model import (
    Agreement,
    Membership,
    Municipality,
    OpenCall,
    Partner,
    Province,
    Region,
    RegionKind,
    Validity,
)
from sew_desktop.store.rows import to_date

Row = Mapping[str, Any]
_REGION_KINDS = {kind.value: kind for kind in RegionKind}  # a dict lookup: RegionKind(value) is slow in bulk


class Entity(enum.StrEnum):
    """Kinds of rows users edit; the value is the table name."""

    MUNICIPALITY = "municipality"
    REGION = "region"
    MEMBERSHIP = "membership"
    AGREEMENT = "agreement"
    OPEN_CALL = "open_call"
    SUBSIDY_DECISION = "subsidy_decision"  # written by imports only; announced so views can follow
    IMPORT_LOG = "import_log"
    BOUNDARY = "boundary_shape"  # loaded as a whole, never edited row by row; keyed period/kind/code


PRIMARY_KEY = {
    Entity.MUNICIPALITY: "nis_code",
    Entity.REGION: "id",
    Entity.MEMBERSHIP: "id",
    Entity.AGREEMENT: "id",
    Entity.OPEN_CALL: "id",
    Entity.SUBSIDY_DECISION: "id",
    Entity.IMPORT_LOG: "id",
}

EDITABLE_COLUMNS: dict[Entity, frozenset[str]] = {
    Entity.MUNICIPALITY: frozenset({"name_nl", "name_fr", "vdab_contact", "contacts", "notes"}),
    Entity.REGION: frozenset({"name", "kind", "province_nis", "valid_from", "valid_to", "notes"}),
    Entity.MEMBERSHIP: frozenset({"region_id", "municipality_nis", "valid_from", "valid_to"}),
    Entity.AGREEMENT: frozenset(
        {
            "municipality_nis",
            "region_id",
            "negotiation_started",
            "expected_signing",
            "signed",
            "ended",
            "vdab_contact",
            "notes",
        }
    ),
    Entity.OPEN_CALL: frozenset({"name", "period_start", "period_end", "deadline"}),
}

DATE_COLUMNS = frozenset(
    {
        "valid_from",
        "valid_to",
        "negotiation_started",
        "expected_signing",
        "signed",
        "ended",
        "period_start",
        "period_end",
        "deadline",
    }
)


def storable(column: str, value: object) -> object:
    """A domain value as stored: dates as ISO text, empty dates as NULL."""
    if column in DATE_COLUMNS:
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value.isoformat()
        return date.fromisoformat(str(value)).isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _validity(row: Row) -> Validity:
    return Validity(to_date(row["valid_from"]), to_date(row["valid_to"]))


def province(row: Row) -> Province:
    """A province row."""
    return Province(row["nis_code"], row["name_nl"], row["name_fr"])


def municipality(row: Row) -> Municipality:
    """A municipality row."""
    return Municipality(
        nis_code=row["nis_code"],
        name_nl=row["name_nl"],
        name_fr=row["name_fr"],
        province_nis=row["province_nis"],
        arrondissement_nis=row["arrondissement_nis"],
        validity=_validity(row),
        successor_nis=row["successor_nis"],
        vdab_contact=row["vdab_contact"],
        notes=row["notes"],
        uuid=row["uuid"],
    )


def region(row: Row) -> Region:
    """A regiegebied row."""
    return Region(
        id=row["id"],
        name=row["name"],
        kind=_REGION_KINDS[row["kind"]],
        province_nis=row["province_nis"],
        validity=_validity(row),
        notes=row["notes"],
        uuid=row["uuid"],
    )


def membership(row: Row) -> Membership:
    """A membership row."""
    return Membership(row["id"], row["region_id"], row["municipality_nis"], _validity(row), row["uuid"])


def agreement(row: Row) -> Agreement:
    """An agreement row."""
    return Agreement(
        id=row["id"],
        partner=Partner(row["municipality_nis"], row["region_id"]),
        negotiation_started=to_date(row["negotiation_started"]),
        expected_signing=to_date(row["expected_signing"]),
        signed=to_date(row["signed"]),
        ended=to_date(row["ended"]),
        vdab_contact=row["vdab_contact"],
        notes=row["notes"],
        uuid=row["uuid"],
    )


def open_call(row: Row) -> OpenCall:
    """An open call row."""
    return OpenCall(
        id=row["id"],
        name=row["name"],
        period=Validity(to_date(row["period_start"]), to_date(row["period_end"])),
        deadline=to_date(row["deadline"]),
        uuid=row["uuid"],
    )


TO_DOMAIN = {
    Entity.MUNICIPALITY: municipality,
    Entity.REGION: region,
    Entity.MEMBERSHIP: membership,
    Entity.AGREEMENT: agreement,
    Entity.OPEN_CALL: open_call,
}


def shown_column(row: object, column: str) -> object:
    """A stored column's value as a domain object holds it (``valid_from`` of its validity, ``region_id`` of an
    agreement's partner, ``period_start`` of an open call's period), in stored form."""
    for holder_name, names in (("validity", ("valid_from", "valid_to")),
                               ("partner", ("municipality_nis", "region_id")),
                               ("period", ("period_start", "period_end"))):
        if column in names and hasattr(row, holder_name):
            field = {"period_start": "valid_from", "period_end": "valid_to"}.get(column, column)
            return storable(column, getattr(getattr(row, holder_name), field))
    return storable(column, getattr(row, column))
