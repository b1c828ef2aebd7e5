"""Matching municipality names and NIS codes typed in a file to the municipalities valid during a call."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sew_desktop.domain.model import Municipality, Validity
from sew_desktop.domain.names import municipality_key

MAX_SUGGESTIONS = 3
_CUTOFF = 60.0


class MunicipalityMatcher:
    """Finds the NIS code for a name (Dutch, French, variant or accepted alias) or a code; suggests close names.

    When two codes valid during the period share a name (a merged municipality that kept its name), the one
    valid when the period starts wins: coverage follows it to its successor by legal succession.
    """

    def __init__(self, municipalities: Iterable[Municipality], period: Validity, aliases: Mapping[str, str]) -> None:
        start = period.valid_from
        candidates = sorted(
            (m for m in municipalities if m.validity.overlaps(period)),
            key=lambda m: (start is not None and not m.validity.contains(start), m.nis_code),
        )
        self.by_code = {m.nis_code: m for m in candidates}
        self._by_key: dict[str, str] = {}
        for m in candidates:
            for name in (m.name_nl, m.name_fr):
                if name:
                    self._by_key.setdefault(municipality_key(name), m.nis_code)
        for key, nis in aliases.items():
            if nis in self.by_code:
                self._by_key.setdefault(key, nis)
        self._cache: dict[str, str | None] = {}

    def match(self, text: str) -> str | None:
        """The NIS code ``text`` names, or ``None``."""
        if text in self._cache:
            return self._cache[text]
        stripped = text.strip()
        if stripped.isdigit():
            nis: str | None = stripped if stripped in self.by_code else None
        else:
            nis = self._by_key.get(municipality_key(stripped))
        self._cache[text] = nis
        return nis

    def suggest(self, text: str) -> list[str]:
        """Up to three NIS codes whose names resemble ``text`` (best first)."""
        from rapidfuzz import fuzz, process  # imported here: only needed when a name is unknown

        key = municipality_key(text)
        if not key:
            return []
        found = process.extract(key, list(self._by_key), scorer=fuzz.ratio, limit=12, score_cutoff=_CUTOFF)
        codes: list[str] = []
        for candidate, _score, _index in found:
            nis = self._by_key[candidate]
            if nis not in codes:
                codes.append(nis)
        return codes[:MAX_SUGGESTIONS]

    def name(self, nis: str) -> str:
        """The Dutch name of a code."""
        municipality = self.by_code.get(nis)
        return municipality.name_nl if municipality else nis
