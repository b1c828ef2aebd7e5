"""The matcher's rules at their boundaries: which codes count for a call period, and which of two codes that
share a name wins."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sew_desktop.domain.model import Validity
from sew_desktop.services.imports.matching import MunicipalityMatcher
from tests.domain.factories import d, municipality

CALL = Validity(d("2023-01-01"), d("2025-12-31"))


@pytest.mark.parametrize(("valid_from", "valid_to", "matched"), [
    ("2019-01-01", "2022-12-31", False),  # ended the day before the call starts
    ("2019-01-01", "2023-01-01", True),  # valid on the first day of the call
    ("2025-12-31", None, True),  # starts on the last day
    ("2026-01-01", None, False),  # starts the day after the call
    (None, None, True),
])
def test_a_code_counts_when_its_validity_overlaps_the_call(valid_from: str | None, valid_to: str | None,
                                                           matched: bool) -> None:
    code = municipality("31005", valid_from=valid_from, valid_to=valid_to)
    matcher = MunicipalityMatcher([code], CALL, {})
    assert (matcher.match("31005") == "31005") is matched
    assert (matcher.match(code.name_nl) == "31005") is matched


@pytest.mark.parametrize(("old_to", "new_from", "winner"), [
    ("2024-12-31", "2025-01-01", "31005"),  # the code valid when the call starts wins (coverage follows it)
    ("2022-12-31", "2023-01-01", "31000"),  # the old code ended before the call: only the new one is valid then
])
def test_of_two_codes_with_one_name_the_one_valid_when_the_call_starts_wins(old_to: str, new_from: str,
                                                                             winner: str) -> None:
    old = municipality("31005", valid_to=old_to, successor="31000")
    new = municipality("31000", valid_from=new_from)  # sorts before the old code: the order must not decide
    same_name = [replace(m, name_nl="Brugge") for m in (new, old)]  # the new code first: order must not matter
    matcher = MunicipalityMatcher(same_name, CALL, {})
    assert matcher.match("Brugge") == winner
