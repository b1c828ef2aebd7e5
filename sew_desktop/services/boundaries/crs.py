"""The three coordinate systems boundary files come in, and the one planar projection the map is drawn in."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry.base import BaseGeometry

from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind

LAMBERT_72 = 31370
LAMBERT_2008 = 3812
WGS84 = 4326
SUPPORTED = {LAMBERT_72: "Belgian Lambert 72", LAMBERT_2008: "Belgian Lambert 2008", WGS84: "WGS84"}
MAP_EPSG = LAMBERT_72  # the map is drawn in metres, Lambert 72
# Belgium in Lambert 72 metres, with a margin: coordinates outside were not given in the system the file names.
BELGIUM_LAMBERT_72 = (0.0, 0.0, 320_000.0, 260_000.0)
# Belgium (about 2.5-6.4 degrees east, 49.5-51.5 north) in each supported system, with a margin; checked on the
# coordinates as the file gives them, so that longitudes and latitudes labelled Lambert 72 (a one-metre speck
# near Lambert's origin, inside the box above) are refused as surely as metres labelled WGS84.
BELGIUM_IN = {LAMBERT_72: (10_000.0, 10_000.0, 310_000.0, 260_000.0),
              LAMBERT_2008: (510_000.0, 510_000.0, 810_000.0, 760_000.0),
              WGS84: (2.0, 49.0, 7.0, 52.0)}


def _unsupported(text: str) -> BoundaryFileError:
    label = text if len(text) < 80 else text[:77] + "…"
    return BoundaryFileError(ProblemKind.UNSUPPORTED_CRS,
                           f"coordinate system {label} is not supported (use EPSG:31370, EPSG:3812 or EPSG:4326)",
                           [label])


def _supported(crs: CRS, text: str) -> int:
    if crs.name in ("WGS 84 (CRS84)", "WGS 84") or "CRS84" in text.upper():
        return WGS84
    code = crs.to_epsg(min_confidence=70)
    if code not in SUPPORTED:
        raise _unsupported(text)
    return int(code)


def epsg_from_name(name: str) -> int:
    """The EPSG code of a name such as ``EPSG:31370`` or ``urn:ogc:def:crs:OGC:1.3:CRS84``."""
    try:
        return _supported(CRS.from_user_input(name), name)
    except CRSError as exc:
        raise _unsupported(name) from exc


def epsg_from_wkt(wkt: str) -> int:
    """The EPSG code of a ``.prj`` or GeoPackage WKT definition."""
    if not wkt.strip():
        raise _unsupported("(none)")
    try:
        return _supported(CRS.from_wkt(wkt), wkt)
    except CRSError as exc:
        raise _unsupported(wkt.split('"')[1] if '"' in wkt else wkt) from exc


def to_map_projection(geometries: Sequence[BaseGeometry], epsg: int) -> NDArray[np.object_]:
    """``geometries`` in Lambert 72; raises BoundaryFileError when they do not lie in Belgium."""
    array = np.array(geometries, dtype=object)
    if len(array):
        _refuse_outside(shapely.total_bounds(array), BELGIUM_IN[epsg], epsg)
    if epsg != MAP_EPSG:
        transformer = Transformer.from_crs(epsg, MAP_EPSG, always_xy=True)

        def project(coordinates: NDArray[np.float64]) -> NDArray[np.float64]:
            x, y = transformer.transform(coordinates[:, 0], coordinates[:, 1])
            return np.column_stack([x, y])

        array = shapely.transform(array, project)
    if len(array):
        _refuse_outside(shapely.total_bounds(array), BELGIUM_LAMBERT_72, epsg)
    return array


def _refuse_outside(bounds: NDArray[np.float64], box: tuple[float, float, float, float], epsg: int) -> None:
    xmin, ymin, xmax, ymax = bounds
    west, south, east, north = box
    if not (np.isfinite(bounds).all() and west <= xmin and xmax <= east and south <= ymin and ymax <= north):
        raise BoundaryFileError(ProblemKind.OUTSIDE_BELGIUM,
                                f"the coordinates do not lie in Belgium in {SUPPORTED[epsg]} (EPSG:{epsg}), the "
                                "coordinate system the file names", [f"EPSG:{epsg}"])
