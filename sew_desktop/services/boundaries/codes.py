"""The attribute that holds the municipality's REFNIS code, found by name whatever its case or spelling."""

from __future__ import annotations

from collections.abc import Sequence

from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind

# In order of preference: Statbel's sectors carry both the sector and the municipality code.
CODE_ATTRIBUTES = ("cd_munty_refnis", "cd_refnis", "refnis", "nis_code", "niscode", "nis", "nis5", "cd_mun_refnis",
                   "code_ins", "codeins", "ins", "nsi_code", "nsi", "munty_refnis")


def code_attribute(attributes: Sequence[str]) -> str:
    """The attribute named like a municipality code; raises BoundaryFileError when there is none."""
    by_lower = {name.strip().lower(): name for name in attributes}
    for synonym in CODE_ATTRIBUTES:
        if synonym in by_lower:
            return by_lower[synonym]
    found = ", ".join(attributes) or "none"
    raise BoundaryFileError(ProblemKind.NO_CODE_ATTRIBUTE,
                          f"no attribute with the municipality's NIS code (looked for {', '.join(CODE_ATTRIBUTES)};"
                          f" found: {found})", [found])


def normalised_code(value: object) -> str | None:
    """``11001``, ``"11001"`` or ``11001.0`` as ``"11001"``; None for anything that is not a 5-digit code."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    text = text.zfill(5) if text.isdigit() and len(text) == 4 else text
    return text if len(text) == 5 and text.isdigit() else None
