from __future__ import annotations

from datetime import date

from sew_desktop.domain.coverage import CountChange, CoverageArrays
from sew_desktop.domain.coverage.mergers import municipality_count_changes
from sew_desktop.store.repository import Repository


def test_the_2025_mergers_come_from_the_codes_validity(memory_repository: Repository) -> None:
    places = CoverageArrays.build(memory_repository.coverage_input()).places
    changes = municipality_count_changes(places, date(2019, 1, 1), date(2026, 12, 31))
    assert changes == (CountChange(date(2025, 1, 1), 300, 285),)


def test_no_change_outside_the_span(memory_repository: Repository) -> None:
    places = CoverageArrays.build(memory_repository.coverage_input()).places
    assert municipality_count_changes(places, date(2020, 1, 1), date(2024, 12, 31)) == ()
    assert municipality_count_changes(places, date(2025, 1, 1), date(2026, 1, 1)) == ()  # the first day is the span's
