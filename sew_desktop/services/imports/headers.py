"""Finding the header row and the role of each column by its name, never by position."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sew_desktop.domain.names import header_key, words
from sew_desktop.services.imports.errors import MissingColumnsError
from sew_desktop.services.imports.model import Cell, Columns, Role

HEADER_SEARCH_ROWS = 10

SYNONYMS: dict[Role, tuple[str, ...]] = {
    Role.COLLABORATION: (
        "samenwerkingsverband",
        "regiegebied",
        "naam samenwerkingsverband",
        "naam regiegebied",
        "aanvrager",
        "indiener",
    ),
    Role.MUNICIPALITY: ("gemeente", "gemeenten", "deelnemende gemeenten", "lokaal bestuur", "lokale besturen", "leden"),
    Role.NIS: ("nis", "nis-code", "niscode", "refnis", "ins-code", "inscode", "nis-codes"),
    Role.LEAD: ("trekker", "beherende gemeente", "penhouder"),
    Role.DECISION: ("beslissing", "besluit", "resultaat", "status"),
    Role.AMOUNT: ("subsidiebedrag", "bedrag", "subsidie", "toegekend bedrag"),
    Role.DATE: ("datum beslissing", "beslissingsdatum", "datum"),
}
REQUIRED = (Role.COLLABORATION, Role.DECISION)
_KEYS = {header_key(s): role for role, names in SYNONYMS.items() for s in names}
_ANNUAL = ("jaarlijks", "jaarlijkse")
_NOISE = ("in", "euro", "eur")


def is_annual(header: str) -> bool:
    """The header marks an annual amount ("per jaar", "jaarlijks")."""
    tokens = words(header)
    return any(t in _ANNUAL for t in tokens) or "per jaar" in " ".join(tokens)


def classify(header: str) -> Role | None:
    """The role a header names."""
    tokens = words(header)
    if is_annual(header):
        text = " ".join(t for t in tokens if t not in _ANNUAL).replace("per jaar", " ")
        tokens = text.split()
    role = _KEYS.get("".join(tokens))
    if role is None and tokens and tokens[-1] in _NOISE:
        role = _KEYS.get("".join(t for t in tokens if t not in _NOISE))
    return role


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell).strip()


def _auto_roles(headers: Sequence[str]) -> dict[Role, int]:
    roles: dict[Role, int] = {}
    for index, header in enumerate(headers):
        role = classify(header)
        if role is not None and role not in roles:
            roles[role] = index
    return roles


def missing_roles(roles: Mapping[Role, int]) -> list[Role]:
    """Required roles not found (a municipality column or a NIS column is required)."""
    missing = [r for r in REQUIRED if r not in roles]
    if Role.MUNICIPALITY not in roles and Role.NIS not in roles:
        missing.insert(1, Role.MUNICIPALITY)
    return missing


def _with_manual(headers: Sequence[str], roles: dict[Role, int], manual: Mapping[Role, str]) -> dict[Role, int]:
    result = dict(roles)
    for role, header in manual.items():
        if header in headers:
            index = headers.index(header)
            result = {r: i for r, i in result.items() if i != index}
            result[role] = index
    return result


def find_columns(rows: Sequence[Sequence[Cell]], manual: Mapping[Role, str] | None = None) -> Columns:
    """The header among the first rows that names every required column (manual choices first)."""
    best: tuple[int, int, tuple[str, ...]] = (-1, 0, ())
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = tuple(_text(c) for c in row)
        if best[0] < 0 and any(headers):
            best = (0, index, headers)  # without any known header, the first row with text is named
        roles = _with_manual(headers, _auto_roles(headers), manual or {})
        if not missing_roles(roles):
            annual = Role.AMOUNT in roles and is_annual(headers[roles[Role.AMOUNT]])
            return Columns(index, headers, roles, annual)
        if len(roles) > best[0]:
            best = (len(roles), index, headers)
    _, index, headers = best
    roles = _with_manual(headers, _auto_roles(headers), manual or {})
    raise MissingColumnsError([r.value for r in missing_roles(roles)], headers, index)
