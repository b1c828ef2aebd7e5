"""Load, describe and remove the boundaries of the status map (shared by the CLI and the GUI)."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import numpy as np
import shapely

from sew_desktop.domain.boundaries import Period
from sew_desktop.domain.model import Municipality
from sew_desktop.domain.texts import Translate, fill, untranslated
from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind, Progress, listed, no_progress
from sew_desktop.store import boundaries as store
from sew_desktop.store.boundaries import BoundarySet, StoredShape
from sew_desktop.store.repository import Repository

DEFAULT_SOURCE = "Statbel (Directorate-general Statistics - Statistics Belgium)"
STATBEL_LICENCE = ("Statbel open data licence: free reuse, with credit to Statbel and the date of the data "
                   "(https://statbel.fgov.be/en/open-data)")


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What a successful load stored."""

    file_name: str
    file_period: Period
    code_attribute: str
    features: int
    outside: tuple[str, ...]  # codes ignored: Brussels, Wallonia or unknown
    stored: dict[str, int]  # municipalities per period
    crs: str
    sha256: str

    def lines(self, translate: Translate = untranslated) -> list[str]:
        """The report, one fact a line (the CLI prints it), in English unless ``translate`` says otherwise."""
        lines = [fill(translate("Boundaries", "%1: %2 features, codes in '%3', %4"), self.file_name, self.features,
                      self.code_attribute, self.crs),
                 fill(translate("Boundaries", "fits the municipalities of %1"), self.file_period.value)]
        stored = translate("Boundaries", "stored %1 municipalities for %2")
        lines += [fill(stored, count, period) for period, count in self.stored.items()]
        if self.outside:
            lines.append(fill(translate("Boundaries", "%1 codes outside Flanders ignored: %2"), len(self.outside),
                              listed(self.outside, translate=translate)))
        if self.file_period is Period.FROM_2025:
            lines.append(translate("Boundaries", "a 2025 file cannot give the borders of 2019-2024: dates before 2025"
                                                 " show no map"))
        return lines


STATBEL_ATTRIBUTES = frozenset({"cd_munty_refnis", "cd_refnis"})


# What files loaded before the source was stored as "not stated" hold instead (an English sentence).
_OLD_UNSTATED = "source not stated (file "


def default_source(code_attribute: str) -> str:
    """Statbel for Statbel's attribute names; otherwise "": not stated (whoever shows it names the file, which the
    provenance keeps beside the source, in the reader's language)."""
    return DEFAULT_SOURCE if code_attribute.lower() in STATBEL_ATTRIBUTES else ""


def is_unstated(source: str) -> bool:
    """No source was given for the file."""
    return not source.strip() or source.startswith(_OLD_UNSTATED)


def licence_for(source: str) -> str:
    """Statbel's terms for Statbel data; the source's own terms for another named source; "" when not stated."""
    if is_unstated(source):
        return ""
    return STATBEL_LICENCE if "statbel" in source.lower() else f"licence as published by {source}"


def sha256_of(path: Path) -> str:
    """The file's SHA-256, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedLoad:
    """A checked file, ready to store (made without the database, so it can run off the GUI thread)."""

    provenance: BoundarySet
    shapes: list[StoredShape]
    report: LoadReport


def prepare_file(path: Path, municipalities: Mapping[str, Municipality], source: str | None = None,
                 progress: Progress = no_progress) -> PreparedLoad:
    """Read, check and prepare ``path``; raises BoundaryFileError for a file that cannot be used, or on cancel."""
    from sew_desktop.services.boundaries.crs import SUPPORTED
    from sew_desktop.services.boundaries.prepare import prepare
    from sew_desktop.services.boundaries.reading import read_boundary_file

    if not path.is_file():
        raise BoundaryFileError(ProblemKind.UNREADABLE, f"cannot read {path}: no such file",
                                [path.name, "no such file"])
    if not progress(0.0, "reading"):
        raise BoundaryFileError(ProblemKind.CANCELLED, "cancelled; nothing was changed")
    raw = read_boundary_file(path)
    if not progress(0.2, "checking"):
        raise BoundaryFileError(ProblemKind.CANCELLED, "cancelled; nothing was changed")
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):  # one line for the user, never numpy's five
            warnings.simplefilter("ignore")
            prepared = prepare(raw, municipalities, progress)
    except (shapely.errors.ShapelyError, ValueError, FloatingPointError) as exc:
        detail = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise BoundaryFileError(ProblemKind.BROKEN_GEOMETRY, f"cannot use {path.name}: {detail}",
                                [path.name, detail]) from exc
    assert prepared.fit.period is not None
    source = source or default_source(prepared.code_attribute)
    crs = f"EPSG:{raw.epsg} ({SUPPORTED[raw.epsg]})"
    provenance = BoundarySet(source, licence_for(source), path.name, sha256_of(path),
                             datetime.now().astimezone().isoformat(timespec="seconds"),
                             prepared.fit.period.value, crs, len(raw.features))
    report = LoadReport(path.name, prepared.fit.period, prepared.code_attribute, len(raw.features),
                        prepared.fit.outside, prepared.counts, crs, provenance.sha256)
    return PreparedLoad(provenance, prepared.shapes, report)


def with_source(prepared: PreparedLoad, source: str) -> PreparedLoad:
    """``prepared`` credited to ``source`` (and its licence)."""
    provenance = replace(prepared.provenance, source=source, licence=licence_for(source))
    return replace(prepared, provenance=provenance)


def store_prepared(repository: Repository, prepared: PreparedLoad) -> LoadReport:
    """Replace the stored boundaries by ``prepared`` in one transaction."""
    store.replace_boundaries(repository, prepared.provenance, prepared.shapes)
    return prepared.report


def load_boundaries(repository: Repository, path: Path, source: str | None = None,
                    progress: Progress = no_progress) -> LoadReport:
    """Prepare and store ``path``; on any problem (or cancel) the database is left as it was."""
    report = store_prepared(repository, prepare_file(path, repository.municipalities(), source, progress))
    progress(1.0, "done")
    return report


def boundary_info(repository: Repository) -> BoundarySet | None:
    """The loaded boundaries' provenance (None: none loaded)."""
    return store.boundary_set(repository)


def info_lines(repository: Repository, translate: Translate = untranslated) -> list[str]:
    """``sew-desktop boundaries info``: provenance and shape counts (English unless ``translate`` says otherwise)."""
    info = store.boundary_set(repository)
    if info is None:
        return [translate("Boundaries", "no boundaries loaded (load Statbel's statistical sectors or a municipality"
                                        " file with 'sew-desktop boundaries load FILE')")]
    unstated = is_unstated(info.source)
    source = fill(translate("Boundaries", "not stated (file %1)"), info.file_name) if unstated else info.source
    licence = info.licence if info.licence and not unstated else translate(
        "Boundaries", "as published by whoever published it")
    if licence.startswith("licence as published by ") and not unstated:
        licence = fill(translate("Boundaries", "licence as published by %1"), info.source)
    facts = [(translate("Boundaries", "source: %1"), source), (translate("Boundaries", "licence: %1"), licence),
             (translate("Boundaries", "file: %1"), info.file_name),
             (translate("Boundaries", "sha256: %1"), info.sha256),
             (translate("Boundaries", "loaded: %1"), info.loaded_at),
             (translate("Boundaries", "file period: %1"), info.file_period),
             (translate("Boundaries", "coordinate system of the file: %1"), info.crs),
             (translate("Boundaries", "features in the file: %1"), info.features)]
    lines = [fill(words, value) for words, value in facts]
    shapes = {"municipality": translate("Boundaries", "%1: %2 municipality shapes"),
              "province": translate("Boundaries", "%1: %2 province shapes")}
    for (period, kind), count in sorted(store.shape_counts(repository).items()):
        lines.append(fill(shapes.get(kind, f"%1: %2 {kind} shapes"), period, count))
    return lines


def remove_boundaries(repository: Repository) -> bool:
    """Remove the loaded boundaries; False when none were loaded."""
    return store.remove_boundaries(repository)
