"""Why a boundary file is refused: a kind, its values and an English one-line message for logs; the sentence users
read is :attr:`BoundaryFileError.text` (the window and the command line translate the same one)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Text, Translate, fill, untranslated


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


# What users read for each kind (%1… are the error's values), and the sentence after it.
PROBLEM_TEXTS = {
    ProblemKind.UNREADABLE: QT_TRANSLATE_NOOP("StatusMap", "The file cannot be read (%2)."),
    ProblemKind.UNSUPPORTED_FORMAT: QT_TRANSLATE_NOOP(
        "StatusMap", "Choose a GeoJSON file (.geojson), a zipped Shapefile (.zip) or a GeoPackage (.gpkg)."),
    ProblemKind.NO_CODE_ATTRIBUTE: QT_TRANSLATE_NOOP(
        "StatusMap", "No attribute holds the municipality's NIS code (such as CD_MUNTY_REFNIS or niscode). "
                     "Attributes found: %1."),
    ProblemKind.UNSUPPORTED_CRS: QT_TRANSLATE_NOOP(
        "StatusMap", "The coordinate system %1 is not supported: use Lambert 72 (EPSG:31370), Lambert 2008 "
                     "(EPSG:3812) or WGS84 (EPSG:4326)."),
    ProblemKind.OUTSIDE_BELGIUM: QT_TRANSLATE_NOOP(
        "StatusMap", "The coordinates do not lie in Belgium in the coordinate system the file names (%1)."),
    ProblemKind.NO_FLEMISH_CODES: QT_TRANSLATE_NOOP(
        "StatusMap", "None of the %1 codes in attribute %2 is a Flemish municipality (Brussels or Wallonia only?)."),
    ProblemKind.PERIOD_MISMATCH: QT_TRANSLATE_NOOP(
        "StatusMap", "The codes fit neither the 300 municipalities of 2019–2024 nor the 285 since 2025. Closest: "
                     "%1; missing: %2; of the other period: %3."),
    ProblemKind.BROKEN_GEOMETRY: QT_TRANSLATE_NOOP("StatusMap", "Unreadable or empty shapes for: %1."),
    ProblemKind.CANCELLED: QT_TRANSLATE_NOOP("StatusMap", "Cancelled."),
}
NOTHING_CHANGED = QT_TRANSLATE_NOOP("StatusMap", "Nothing was changed.")

# The stages a load reports to its progress callback, as the command line names them.
STAGE_TEXTS = {
    "reading": QT_TRANSLATE_NOOP("Boundaries", "reading"),
    "checking": QT_TRANSLATE_NOOP("Boundaries", "checking"),
    "simplifying": QT_TRANSLATE_NOOP("Boundaries", "simplifying"),
    "done": QT_TRANSLATE_NOOP("Boundaries", "done"),
}


class BoundaryFileError(Exception):
    """A boundary file that cannot be loaded; nothing was changed. ``values`` fill the translated message."""

    def __init__(self, kind: ProblemKind, message: str, values: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.kind = kind
        self.values = tuple(values)

    @property
    def text(self) -> Text:
        """Why the file was refused, for users ("None of the 2 codes in attribute niscode is a Flemish …")."""
        return Text("StatusMap", PROBLEM_TEXTS[self.kind], self.values)


# Progress: (fraction done 0..1, stage) -> False to cancel.
Progress = Callable[[float, str], bool]


def no_progress(fraction: float, stage: str) -> bool:
    """A progress callback that never cancels."""
    return True


def listed(codes: Sequence[str], limit: int = 12, translate: Translate = untranslated) -> str:
    """"11001, 11002, … (+3 more)"."""
    shown = ", ".join(codes[:limit])
    more = fill(translate("Boundaries", "%1, … (+%2 more)"), shown, len(codes) - limit)
    return more if len(codes) > limit else shown
