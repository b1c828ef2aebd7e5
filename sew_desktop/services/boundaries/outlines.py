"""Regiegebied outlines: the union of their members' shapes (shapely, imported when the outlines are shown)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import reduce
from typing import Any

from sew_desktop.domain.boundaries import pack_rings, unpack_rings
from sew_desktop.services.boundaries.shapes import Packed

Rings = list[list[tuple[float, float]]]


def union_outlines(shapes: Mapping[str, Packed], groups: Mapping[int, Iterable[str]]) -> dict[int, Packed]:
    """Per group, the union of its members' shapes (members without a shape are left out)."""
    import shapely

    from sew_desktop.services.boundaries.prepare import rings_of

    result: dict[int, Packed] = {}
    for key, members in groups.items():
        polygons = [polygon_of(unpack_rings(shapes[m])) for m in members if m in shapes]
        if polygons:
            union = shapely.coverage_union_all(polygons) if len(polygons) > 1 else polygons[0]
            result[key] = pack_rings(rings_of(union))
    return result


def polygon_of(rings: Rings) -> Any:
    """Rings drawn even-odd as a (multi)polygon: each ring inside an odd number of others is a hole."""
    import shapely

    return reduce(shapely.symmetric_difference, [shapely.Polygon(ring) for ring in rings])
