"""Amounts (integer cents, decimal convention decided per file) and dates as typed in Belgian spreadsheets."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from sew_desktop.domain.days import TypedDateError, parse_typed_date
from sew_desktop.services.imports.model import Cell

COMMA = ","
POINT = "."
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_CURRENCY = re.compile(r"(€|eur(o)?)", re.IGNORECASE)
_DATE_AND_TIME = re.compile(r"^(\S+?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
# The largest amount a decision can plausibly carry (EUR 100 million), in cents; larger is a typing error and
# would not even fit SQLite's integers at 1e30.
MAX_AMOUNT_CENTS = 100_000_000 * 100
# Compiled once per separator: a file has thousands of distinct amounts.
_DECIMALS_AT_END = {mark: re.compile(rf"\{mark}\d{{1,2}}$") for mark in (COMMA, POINT)}
_GROUPED = {mark: re.compile(rf"-?\d{{1,3}}(\{mark}\d{{3}})+") for mark in (COMMA, POINT)}
_GROUPED_INTEGER = {mark: re.compile(rf"\d{{1,3}}(\{mark}\d{{3}})+") for mark in (COMMA, POINT)}
_DIGITS_AND_MARKS = re.compile(r"\d[\d.,]*")


def _clean(text: str) -> str:
    return _SPACES.sub("", _CURRENCY.sub("", text))


def _vote(text: str) -> str | None:
    """The decimal separator one cell implies, if any."""
    s = _clean(text)
    if COMMA in s and POINT in s:
        return COMMA if s.rfind(COMMA) > s.rfind(POINT) else POINT
    for mark, other in ((COMMA, POINT), (POINT, COMMA)):
        if mark in s:
            if _DECIMALS_AT_END[mark].search(s):
                return mark
            if _GROUPED[mark].fullmatch(s):
                return other
    return None


def decimal_convention(cells: Iterable[Cell]) -> str:
    """The decimal separator of a file: the majority of cells that imply one; a comma when none does."""
    return decimal_convention_of(Counter(cell for cell in cells if isinstance(cell, str)))


def decimal_convention_of(distinct: Mapping[str, int]) -> str:
    """:func:`decimal_convention` over the distinct text cells and how often each occurs."""
    votes = {COMMA: 0, POINT: 0}
    for cell, times in distinct.items():
        vote = _vote(cell)
        if vote is not None:
            votes[vote] += times
    return POINT if votes[POINT] > votes[COMMA] else COMMA


class AmountTooLargeError(ValueError):
    """An amount above :data:`MAX_AMOUNT_CENTS`."""


class AmbiguousAmountError(ValueError):
    """Three or more digits after the file's decimal separator: "85.000" in a file whose other amounts have a
    decimal point is 85 euro by the convention, but money has two decimals, so it is far likelier to be 85,000
    written in the other convention. Refused rather than guessed."""


def parse_amount(cell: Cell, convention: str) -> int | None:
    """An amount in integer cents (``None`` for an empty cell); ``ValueError`` when it is not one."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool | date):
        raise ValueError(cell)
    value = Decimal(str(cell)) if isinstance(cell, int | float) else _decimal(_clean(cell), convention)
    if not value.is_finite():
        raise ValueError(cell)
    cents = value * 100
    if cents > MAX_AMOUNT_CENTS:
        raise AmountTooLargeError(cell)
    if cents != cents.to_integral_value() or cents < 0:
        raise ValueError(cell)
    return int(cents)


def _decimal(text: str, convention: str) -> Decimal:
    thousands = POINT if convention == COMMA else COMMA
    if not _DIGITS_AND_MARKS.fullmatch(text):
        raise ValueError(text)
    integer, _, fraction = text.partition(convention)
    if thousands in integer and not _GROUPED_INTEGER[thousands].fullmatch(integer):
        raise ValueError(text)
    if not fraction.isdigit() and fraction:
        raise ValueError(text)
    if len(fraction) > 2:
        raise AmbiguousAmountError(text)
    try:
        return Decimal(integer.replace(thousands, "") + ("." + fraction if fraction else ""))
    except InvalidOperation:
        raise ValueError(text) from None


def parse_date(cell: Cell) -> date | None:
    """A date from an Excel date cell, or text as users type dates (the domain's one parser: dd/mm/yyyy,
    d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, ddmmyyyy, yyyy-mm-dd, ...).

    A time part (a date cell with a time, or ``20/04/2023 00:00:00``) is accepted; :func:`time_of` tells it.
    """
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = str(cell).strip()
    match = _DATE_AND_TIME.match(text)
    if match is None:
        raise ValueError(text)
    _check_time(match.groups()[1:], text)
    try:
        return parse_typed_date(match.group(1))
    except TypedDateError as error:
        raise TypedDateError(text, no_such_day=error.no_such_day) from None


def _check_time(parts: tuple[str | None, ...], text: str) -> None:
    hour, minute, second = (int(p) if p else 0 for p in parts)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(text)


def time_of(cell: Cell) -> str | None:
    """The time part of a date cell or typed date when it is not midnight (``13:05``), else ``None``."""
    if isinstance(cell, datetime):
        moment = cell.time()
        return None if moment == time(0) else f"{moment:%H:%M}"
    if not isinstance(cell, str):
        return None
    match = _DATE_AND_TIME.match(cell.strip())
    if match is None or not match.group(2):
        return None
    hour, minute, second = (int(p) if p else 0 for p in match.groups()[1:])
    return None if (hour, minute, second) == (0, 0, 0) else f"{hour:02d}:{minute:02d}"
