"""Why a boundary file is refused: a kind (for a translated message) and an English one-line message."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence


class ProblemKind(enum.Enum):
    """What is wrong with a boundary file."""

    UNREADABLE = "unreadable"
    UNSUPPORTED_FORMAT = "unsupported format"
    NO_CODE_ATTRIBUTE = "no code attribute"
    UNSUPPORTED_CRS = "unsupported coordinate system"
    OUTSIDE_BELGIUM = "coordinates outside Belgium"
    NO_FLEMISH_CODES = "no Flemish codes"
    PERIOD_MISMATCH = "fits no period"
    BROKEN_GEOMETRY = "broken geometry"
    CANCELLED = "cancelled"


class BoundaryFileError(Exception):
    """A boundary file that cannot be loaded; nothing was changed. ``values`` fill the translated message."""

    def __init__(self, kind: ProblemKind, message: str, values: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.kind = kind
        self.values = tuple(values)


# Progress: (fraction done 0..1, stage) -> False to cancel.
Progress = Callable[[float, str], bool]


def no_progress(fraction: float, stage: str) -> bool:
    """A progress callback that never cancels."""
    return True


def listed(codes: Sequence[str], limit: int = 12) -> str:
    """"11001, 11002, … (+3 more)"."""
    shown = ", ".join(codes[:limit])
    return f"{shown}, … (+{len(codes) - limit} more)" if len(codes) > limit else shown
