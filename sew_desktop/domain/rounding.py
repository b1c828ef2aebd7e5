"""Percentages as the published tables show them."""

from __future__ import annotations

from dataclasses import dataclass


def percent_half_up(part: int, total: int) -> int:
    """Whole percentage rounded half up (55/60 -> 92, 1/8 -> 13); 0 when ``total`` is 0."""
    if total <= 0:
        return 0
    return (200 * part + total) // (2 * total)


def percent_one_decimal(part: int, total: int) -> float:
    """Percentage with one decimal, rounded half up (46/64 -> 71.9)."""
    if total <= 0:
        return 0.0
    return ((2000 * part + total) // (2 * total)) / 10


@dataclass(frozen=True, slots=True)
class Ratio:
    """``part`` out of ``total``, e.g. 46 of 64 municipalities."""

    part: int
    total: int

    @property
    def percent(self) -> int:
        """Whole percentage, rounded half up."""
        return percent_half_up(self.part, self.total)

    @property
    def percent_detail(self) -> float:
        """Percentage with one decimal."""
        return percent_one_decimal(self.part, self.total)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.part + other.part, self.total + other.total)

    def __str__(self) -> str:
        return f"{self.part}/{self.total}"
