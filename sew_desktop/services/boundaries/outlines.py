"""Regiegebied outlines: the union of their members' shapes (shapely, imported when the outlines are shown)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import reduce
from typing import Any

from sew_desktop.services.boundaries.shapes import Rings


def union_outlines(shapes: Mapping[str, Rings], groups: Mapping[int, Iterable[str]]) -> dict[int, Rings]:
    """Per group, the rings of the union of its members' shapes (members without a shape are left out)."""
    import shapely

    from sew_desktop.services.boundaries.prepare import rings_of

    result: dict[int, Rings] = {}
    for key, members in groups.items():
        polygons = [polygon_of(shapes[m]) for m in members if m in shapes]
        if polygons:
            result[key] = rings_of(shapely.coverage_union_all(polygons) if len(polygons) > 1 else polygons[0])
    return result


def polygon_of(rings: Rings) -> Any:
    """Rings drawn even-odd as a (multi)polygon: each ring inside an odd number of others is a hole."""
    import shapely

    return reduce(shapely.symmetric_difference, [shapely.Polygon(ring) for ring in rings])
