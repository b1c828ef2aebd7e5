"""The stored shapes of one period, unpacked for drawing (no geometry library needed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sew_desktop.domain.boundaries import Period
from sew_desktop.store import boundaries as store
from sew_desktop.store.boundaries import BoundarySet
from sew_desktop.store.repository import Repository

Packed = bytes  # rings as packed by sew_desktop.domain.boundaries.pack_rings


@dataclass(frozen=True, slots=True)
class MapShapes:
    """Municipality and province shapes of one period (packed rings in Lambert 72 metres), with provenance."""

    period: Period
    municipalities: dict[str, Packed] = field(default_factory=dict)
    provinces: dict[str, Packed] = field(default_factory=dict)
    provenance: BoundarySet | None = None

    @property
    def empty(self) -> bool:
        """No shapes for this period."""
        return not self.municipalities


def map_shapes(repository: Repository, period: Period) -> MapShapes:
    """The shapes of ``period`` (empty when none are loaded for it)."""
    result = MapShapes(period, provenance=store.boundary_set(repository))
    for shape in store.shapes(repository, period.value):
        target = result.municipalities if shape.kind == "municipality" else result.provinces
        target[shape.code] = shape.rings
    return result
