"""Small builders for domain objects."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import count

from sew_desktop.domain.coverage import CoverageInput
from sew_desktop.domain.model import (
    Agreement,
    Membership,
    Municipality,
    Partner,
    Province,
    Region,
    RegionKind,
    Validity,
)

_ids = count(1)
PROVINCES = {
    "30000": Province("30000", "West-Vlaanderen", "Flandre occidentale"),
    "40000": Province("40000", "Oost-Vlaanderen", "Flandre orientale"),
}


def d(text: str) -> date:
    return date.fromisoformat(text)


def municipality(
    nis: str,
    province: str = "30000",
    valid_from: str | None = "2019-01-01",
    valid_to: str | None = None,
    successor: str | None = None,
) -> Municipality:
    return Municipality(
        nis,
        f"Gemeente {nis}",
        "",
        province,
        nis[:2] + "000",
        Validity(d(valid_from) if valid_from else None, d(valid_to) if valid_to else None),
        successor,
    )


def region(
    region_id: int, province: str = "30000", valid_from: str | None = "2020-01-01", valid_to: str | None = None
) -> Region:
    return Region(
        region_id,
        f"Regio {region_id}",
        RegionKind.COLLABORATION,
        province,
        Validity(d(valid_from) if valid_from else None, d(valid_to) if valid_to else None),
    )


def member(region_id: int, nis: str, valid_from: str | None = "2020-01-01", valid_to: str | None = None) -> Membership:
    return Membership(
        next(_ids), region_id, nis, Validity(d(valid_from) if valid_from else None, d(valid_to) if valid_to else None)
    )


def agreement(
    *,
    municipality: str | None = None,
    region: int | None = None,
    started: str | None = None,
    expected: str | None = None,
    signed: str | None = None,
    ended: str | None = None,
) -> Agreement:
    def opt(v: str | None) -> date | None:
        return d(v) if v else None

    return Agreement(next(_ids), Partner(municipality, region), opt(started), opt(expected), opt(signed), opt(ended))


def coverage_input(
    municipalities: list[Municipality],
    regions: list[Region] | None = None,
    memberships: list[Membership] | None = None,
    agreements: list[Agreement] | None = None,
) -> CoverageInput:
    return CoverageInput(
        provinces=PROVINCES,
        municipalities={m.nis_code: m for m in municipalities},
        regions={r.id: r for r in regions or []},
        memberships={m.id: m for m in memberships or []},
        agreements={a.id: a for a in agreements or []},
    )


def random_agreement(rng: random.Random, partner: dict[str, object]) -> Agreement:
    def maybe() -> str | None:
        return None if rng.random() < 0.3 else (d("2022-06-01") + timedelta(days=rng.randrange(-500, 500))).isoformat()

    return agreement(started=maybe(), expected=maybe(), signed=maybe(), ended=maybe(), **partner)  # type: ignore[arg-type]


def random_data(seed: int) -> CoverageInput:
    rng = random.Random(seed)
    codes = [f"31{n:03d}" for n in range(30)] + [f"41{n:03d}" for n in range(20)]
    munis = [
        municipality(c, province="30000" if c < "40000" else "40000", valid_to="2024-12-31", successor="31999")
        if c in ("31001", "31002")
        else municipality(c, province="30000" if c < "40000" else "40000")
        for c in codes
    ] + [municipality("31999", valid_from="2025-01-01")]
    regions = [
        region(i, province="30000" if i < 4 else "40000", valid_to="2024-06-30" if i == 2 else None)
        for i in range(1, 7)
    ]
    members = [member(rng.randrange(1, 7), c, valid_to=rng.choice([None, "2023-03-31"])) for c in codes]
    agreements = [random_agreement(rng, {"municipality": rng.choice(codes)}) for _ in range(25)]
    agreements += [random_agreement(rng, {"region": rng.randrange(1, 7)}) for _ in range(12)]
    return coverage_input(munis, regions, members, agreements)
