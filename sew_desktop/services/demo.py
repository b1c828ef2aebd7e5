"""A fictitious but realistic demo database that reproduces the published figures of 17/10/2022.

With as-of 17/10/2022 and horizon 31/12/2022 it yields West-Vlaanderen 46/64 (forecast 57/64), regiegebieden
3/5 (4/5); Oost-Vlaanderen 55/60; Antwerpen 51/69 (68/69); Vlaams-Brabant 26/65; Limburg 22/42 (23/42);
Flanders 200/300 (229/300) and 30/37 (33/37) regiegebieden.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sew_desktop import __version__
from sew_desktop.domain.model import Municipality, RegionKind
from sew_desktop.services.backups import back_up_before_replacing
from sew_desktop.store.database import create_database
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from sew_desktop.store.scaled_demo import scale_demo

AS_OF = date(2022, 10, 17)
REGION_START = date(2020, 1, 1)


class Plan(enum.Enum):
    """How far the agreement of a partner is on 17/10/2022."""

    SIGNED = "signed"
    DUE = "due"  # negotiating, signing expected before the end of 2022
    LATE = "late"  # negotiating, signing expected in 2023
    TO_START = "to start"  # an agreement is planned, talks have not started
    NONE = "none"  # no agreement recorded yet


@dataclass(frozen=True)
class ProvinceDemo:
    """The demo layout of one province."""

    province_nis: str
    label: str
    centre_city: str | None
    regions: tuple[tuple[int, Plan], ...]
    single_agreements: tuple[Plan, ...]


PROVINCES = (
    ProvinceDemo(
        "30000",
        "West",
        None,
        ((16, Plan.SIGNED), (14, Plan.SIGNED), (14, Plan.SIGNED), (11, Plan.DUE), (6, Plan.TO_START)),
        (Plan.SIGNED, Plan.SIGNED, Plan.TO_START),
    ),
    ProvinceDemo("40000", "Oost", "44021", ((1, Plan.SIGNED), *((9, Plan.SIGNED),) * 6), (Plan.LATE, Plan.TO_START)),
    ProvinceDemo(
        "10000",
        "Antwerpen",
        "11002",
        (
            (1, Plan.SIGNED),
            (7, Plan.SIGNED),
            (6, Plan.SIGNED),
            (7, Plan.SIGNED),
            (6, Plan.SIGNED),
            (6, Plan.SIGNED),
            (6, Plan.SIGNED),
            (6, Plan.SIGNED),
            (6, Plan.SIGNED),
            (9, Plan.DUE),
            (8, Plan.DUE),
        ),
        (Plan.TO_START,),
    ),
    ProvinceDemo(
        "20001",
        "Brabant",
        "24062",
        (
            (1, Plan.SIGNED),
            (4, Plan.SIGNED),
            (4, Plan.SIGNED),
            (4, Plan.SIGNED),
            (4, Plan.SIGNED),
            (4, Plan.SIGNED),
            (3, Plan.SIGNED),
        ),
        (Plan.SIGNED, Plan.SIGNED, Plan.LATE, Plan.TO_START, Plan.TO_START, Plan.TO_START),
    ),
    ProvinceDemo(
        "70000",
        "Limburg",
        None,
        (
            (6, Plan.SIGNED),
            (6, Plan.SIGNED),
            (5, Plan.SIGNED),
            (5, Plan.SIGNED),
            (3, Plan.LATE),
            (3, Plan.TO_START),
            (2, Plan.NONE),
        ),
        (Plan.DUE, Plan.TO_START),
    ),
)

CONTACTS = (
    "An Peeters",
    "Bart Janssens",
    "Els Maes",
    "Koen Jacobs",
    "Sofie Mertens",
    "Tom Willems",
    "Lien Claes",
    "Wim Goossens",
    "Nele Wouters",
    "Pieter De Smet",
)


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def agreement_dates(plan: Plan, rng: random.Random) -> dict[str, date | None]:
    """Plausible dates for an agreement in the given state on 17/10/2022."""
    if plan is Plan.SIGNED:
        signed = _day(rng, date(2021, 3, 1), date(2022, 9, 30))
        started = signed - timedelta(days=rng.randrange(60, 240))
        return {"negotiation_started": started, "expected_signing": signed, "signed": signed}
    if plan is Plan.DUE:
        return {
            "negotiation_started": _day(rng, date(2022, 3, 1), date(2022, 9, 30)),
            "expected_signing": _day(rng, date(2022, 11, 1), date(2022, 12, 20)),
            "signed": None,
        }
    if plan is Plan.LATE:
        return {
            "negotiation_started": _day(rng, date(2022, 5, 1), date(2022, 10, 1)),
            "expected_signing": _day(rng, date(2023, 2, 1), date(2023, 6, 30)),
            "signed": None,
        }
    return {
        "negotiation_started": None,
        "expected_signing": _day(rng, date(2023, 3, 1), date(2023, 12, 31)),
        "signed": None,
    }


class _Builder:
    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.rng = random.Random(17102022)

    def agreement(self, plan: Plan, *, municipality: str | None = None, region: int | None = None) -> None:
        if plan is Plan.NONE:
            return
        contact = self.rng.choice(CONTACTS)
        values: dict[str, object] = {
            "municipality_nis": municipality,
            "region_id": region,
            "vdab_contact": f"{contact} (demo)",
            **agreement_dates(plan, self.rng),
        }
        if plan is Plan.TO_START:
            values["notes"] = "Eerste contact gepland."
        self.repository.insert(Entity.AGREEMENT, values)

    def region(self, name: str, kind: RegionKind, province: str, members: list[Municipality]) -> int:
        region_id = int(
            self.repository.insert(
                Entity.REGION, {"name": name, "kind": kind, "province_nis": province, "valid_from": REGION_START}
            )
        )
        self.repository.insert_many(
            Entity.MEMBERSHIP,
            [{"region_id": region_id, "municipality_nis": m.nis_code, "valid_from": REGION_START} for m in members],
        )
        return region_id

    def province(self, spec: ProvinceDemo) -> None:
        pool = sorted(
            (
                m
                for m in self.repository.municipalities().values()
                if m.province_nis == spec.province_nis and m.validity.contains(AS_OF)
            ),
            key=lambda m: m.nis_code,
        )
        centre = [m for m in pool if m.nis_code == spec.centre_city]
        rest = [m for m in pool if m.nis_code != spec.centre_city]
        number = 0
        for size, plan in spec.regions:
            if size == 1 and centre:
                region_id = self.region(
                    f"Demo-centrumstad {centre[0].name_nl}", RegionKind.CENTRE_CITY, spec.province_nis, centre
                )
            else:
                number += 1
                members, rest = rest[:size], rest[size:]
                region_id = self.region(
                    f"Demo-regio {spec.label} {number}", RegionKind.COLLABORATION, spec.province_nis, members
                )
            self.agreement(plan, region=region_id)
        for plan, municipality in zip(spec.single_agreements, rest, strict=False):
            self.agreement(plan, municipality=municipality.nis_code)

    def ended_agreement(self) -> None:
        """An earlier agreement that ended: it must not count, whatever else reaches the municipality."""
        self.repository.insert(
            Entity.AGREEMENT,
            {
                "municipality_nis": "31005",
                "negotiation_started": date(2019, 9, 1),
                "signed": date(2020, 1, 15),
                "expected_signing": date(2020, 1, 15),
                "ended": date(2021, 12, 31),
                "vdab_contact": "Els Maes (demo)",
                "notes": "Vervangen door de overeenkomst met het regiegebied.",
            },
        )


def populate_demo(repository: Repository) -> None:
    """Fill an empty database (reference data only) with the demo dataset, in one transaction."""
    builder = _Builder(repository)
    with repository.transaction():
        for spec in PROVINCES:
            builder.province(spec)
        builder.ended_agreement()
        repository.set_meta("demo", "1")
        repository.set_meta("created_with", __version__)


def write_demo(path: Path, *, force: bool = False, scale: int = 1) -> None:
    """Write the demo database to ``path`` (refuses to overwrite unless ``force``); ``scale`` > 1 copies the
    demo data that many times under fresh codes, for benchmarks."""
    if force and path.is_file():
        back_up_before_replacing(path)  # the file it replaces may hold someone's work
    create_database(path, force=force, populate=populate_demo).conn.close()
    if scale > 1:
        scale_demo(path, scale)
