"""Entities of the domain as frozen dataclasses."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class AgreementStatus(enum.StrEnum):
    """Status of a samenwerkingsovereenkomst on a given date."""

    ENDED = "beëindigd"
    SIGNED = "afgesloten"
    NEGOTIATING = "in onderhandeling"
    TO_START = "op te starten"


class RegionKind(enum.StrEnum):
    """A regiegebied is a collaboration of municipalities or a single centre city."""

    COLLABORATION = "samenwerkingsverband"
    CENTRE_CITY = "centrumstad"


@dataclass(frozen=True, slots=True)
class Province:
    """One of the five Flemish provinces."""

    nis_code: str
    name_nl: str
    name_fr: str


@dataclass(frozen=True, slots=True)
class Validity:
    """A closed date interval; ``None`` at either end means unbounded."""

    valid_from: date | None = None
    valid_to: date | None = None

    def contains(self, day: date) -> bool:
        """True when ``day`` falls inside the interval (both ends inclusive)."""
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def overlaps(self, other: Validity) -> bool:
        """True when the two closed intervals share a day."""
        starts_in_time = self.valid_from is None or other.valid_to is None or self.valid_from <= other.valid_to
        other_starts_in_time = other.valid_from is None or self.valid_to is None or other.valid_from <= self.valid_to
        return starts_in_time and other_starts_in_time

    def covers(self, other: Validity) -> bool:
        """True when every day of ``other`` lies in this interval."""
        starts = self.valid_from is None or (other.valid_from is not None and self.valid_from <= other.valid_from)
        ends = self.valid_to is None or (other.valid_to is not None and self.valid_to >= other.valid_to)
        return starts and ends


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality code with its validity; mergers link old codes to a successor."""

    nis_code: str
    name_nl: str
    name_fr: str
    province_nis: str
    arrondissement_nis: str
    validity: Validity
    successor_nis: str | None = None
    vdab_contact: str = ""
    notes: str = ""
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class Region:
    """A regiegebied SEW."""

    id: int
    name: str
    kind: RegionKind
    province_nis: str
    validity: Validity
    notes: str = ""
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class Membership:
    """A municipality belongs to a regiegebied during ``validity``."""

    id: int
    region_id: int
    municipality_nis: str
    validity: Validity
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class Partner:
    """The partner of an agreement: exactly one of a municipality or a regiegebied."""

    municipality_nis: str | None = None
    region_id: int | None = None

    def __post_init__(self) -> None:
        if (self.municipality_nis is None) == (self.region_id is None):
            raise ValueError("an agreement has exactly one partner: a municipality or a regiegebied")


@dataclass(frozen=True, slots=True)
class Agreement:
    """A samenwerkingsovereenkomst between VDAB and a municipality or a regiegebied."""

    id: int
    partner: Partner
    negotiation_started: date | None = None
    expected_signing: date | None = None
    signed: date | None = None
    ended: date | None = None
    vdab_contact: str = ""
    notes: str = ""
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class OpenCall:
    """An open call for subsidies, e.g. "Lokale Regie Sociale Economie en Werk 2023-2025"."""

    id: int
    name: str
    period: Validity
    deadline: date | None = None
    uuid: str = ""
