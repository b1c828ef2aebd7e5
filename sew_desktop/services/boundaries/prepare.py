"""From the features of a file to the shapes the map draws: dissolved per municipality, checked against the
reference list, the 2025 set derived by the mergers, simplified as one coverage, provinces outlined."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from sew_desktop.domain.boundaries import Period, PeriodFit, fit_period, merger_groups, pack_rings
from sew_desktop.domain.model import Municipality
from sew_desktop.services.boundaries.codes import code_attribute, normalised_code
from sew_desktop.services.boundaries.crs import to_map_projection
from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind, Progress, listed
from sew_desktop.services.boundaries.reading import RawFile
from sew_desktop.store.boundaries import StoredShape

SIMPLIFY_METRES = 40.0  # draws fast at the size of a dock, no visible loss on a full-screen map of Flanders
MUNICIPALITY = "municipality"
PROVINCE = "province"


@dataclass(frozen=True, slots=True)
class Prepared:
    """Shapes ready to store, with what the report says about the file."""

    fit: PeriodFit
    code_attribute: str
    shapes: list[StoredShape]
    counts: dict[str, int]  # municipalities per period stored


def _check(step: Progress, fraction: float, stage: str) -> None:
    if not step(fraction, stage):
        raise BoundaryFileError(ProblemKind.CANCELLED, "cancelled; nothing was changed")


def _flemish_features(raw: RawFile, attribute: str, known: set[str]) -> dict[str, list[BaseGeometry | None]]:
    grouped: dict[str, list[BaseGeometry | None]] = defaultdict(list)
    for feature in raw.features:
        code = normalised_code(feature.properties.get(attribute))
        if code is not None and code in known:
            grouped[code].append(feature.geometry)
    return grouped


def _fit(raw: RawFile, attribute: str, municipalities: Mapping[str, Municipality]) -> PeriodFit:
    codes = {c for f in raw.features if (c := normalised_code(f.properties.get(attribute))) is not None}
    fit = fit_period(codes, municipalities.values())
    if len(fit.outside) == len(codes):
        raise BoundaryFileError(ProblemKind.NO_FLEMISH_CODES,
                              f"none of the {len(codes)} codes in attribute '{attribute}' is a Flemish municipality"
                              " (Brussels or Wallonia only?)", [str(len(codes)), attribute])
    if fit.period is None:
        closest = fit.closest()
        raise BoundaryFileError(
            ProblemKind.PERIOD_MISMATCH,
            f"the codes fit neither the 300 municipalities of 2019-2024 nor the 285 since 2025; closest"
            f" {closest.period.value}: missing {listed(closest.missing) or 'none'}; of the other period"
            f" {listed(closest.extra) or 'none'}",
            [closest.period.value, listed(closest.missing) or "-", listed(closest.extra) or "-"])
    return fit


def _valid(geometry: BaseGeometry | None) -> BaseGeometry | None:
    if geometry is None or geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
        geometry = shapely.union_all([g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon"])
    return geometry if geometry.area > 0 else None


def _dissolved(grouped: Mapping[str, Sequence[BaseGeometry | None]], epsg: int) -> dict[str, BaseGeometry]:
    flat = [(code, _valid(g)) for code in sorted(grouped) for g in grouped[code]]
    broken = sorted({code for code, geometry in flat if geometry is None})
    if broken:
        raise BoundaryFileError(ProblemKind.BROKEN_GEOMETRY,
                                f"unreadable or empty geometry for {listed(broken)}", [listed(broken)])
    projected = to_map_projection([g for _, g in flat if g is not None], epsg)
    parts: dict[str, list[BaseGeometry]] = defaultdict(list)
    for (code, _), geometry in zip(flat, projected, strict=True):
        parts[code].append(geometry)
    return {code: pieces[0] if len(pieces) == 1 else _dissolve(pieces) for code, pieces in parts.items()}


def _dissolve(pieces: Sequence[BaseGeometry]) -> BaseGeometry:
    """The union of one municipality's sectors. Sectors tile it without overlaps, so the fast coverage union
    serves (ten times faster); where they overlap or leave slivers, the general union is taken instead."""
    union = shapely.coverage_union_all(pieces)
    area = sum(piece.area for piece in pieces)
    if union.is_valid and abs(union.area - area) <= 1e-6 * area and len(shapely.get_parts(union)) <= len(pieces):
        return union
    return shapely.union_all(pieces)


def _simplified(shapes: Mapping[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    codes = sorted(shapes)
    simplified = shapely.coverage_simplify(np.array([shapes[c] for c in codes], dtype=object), SIMPLIFY_METRES)
    return dict(zip(codes, simplified, strict=True))


def _union(shapes: Mapping[str, BaseGeometry], groups: Mapping[str, Sequence[str]]) -> dict[str, BaseGeometry]:
    return {code: shapes[members[0]] if len(members) == 1 else shapely.coverage_union_all([shapes[m] for m in members])
            for code, members in groups.items()}


def rings_of(geometry: BaseGeometry) -> list[list[tuple[float, float]]]:
    """Outer rings and holes of a (multi)polygon, rounded to the metre."""
    rings = []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            rings.append([(round(x), round(y)) for x, y in ring.coords])
    return rings


def _stored(period: Period, kind: str, shapes: Mapping[str, BaseGeometry]) -> list[StoredShape]:
    return [StoredShape(period.value, kind, code, pack_rings(rings_of(g))) for code, g in sorted(shapes.items())]


def _provinces(shapes: Mapping[str, BaseGeometry], municipalities: Mapping[str, Municipality]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for code in shapes:
        groups[municipalities[code].province_nis].append(code)
    return groups


def prepare(raw: RawFile, municipalities: Mapping[str, Municipality], step: Progress) -> Prepared:
    """Everything to store; raises BoundaryFileError (nothing stored) for a file that does not fit."""
    if not raw.features:
        raise BoundaryFileError(ProblemKind.UNREADABLE, "the file holds no features", ["-", "no features"])
    attribute = code_attribute(raw.attributes)
    fit = _fit(raw, attribute, municipalities)
    _check(step, 0.3, "dissolving")
    shapes = _simplified(_dissolved(_flemish_features(raw, attribute, set(municipalities)), raw.epsg))
    _check(step, 0.7, "simplifying")
    sets = {fit.period: shapes}
    if fit.period is Period.FROM_2019:
        sets[Period.FROM_2025] = _union(shapes, merger_groups(municipalities))
    stored: list[StoredShape] = []
    for period, period_shapes in sets.items():
        assert period is not None
        stored += _stored(period, MUNICIPALITY, period_shapes)
        stored += _stored(period, PROVINCE, _union(period_shapes, _provinces(period_shapes, municipalities)))
    _check(step, 0.9, "storing")
    return Prepared(fit, attribute, stored, {str(p): len(s) for p, s in sets.items()})
