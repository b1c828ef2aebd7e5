"""Coverage of the open file, computed once per state of the data and pair of dates.

The data are kept as columns (:class:`~sew_desktop.domain.coverage.CoverageArrays`). After agreement edits their
rows are patched, after membership edits the membership columns are built again; a renamed municipality or
regiegebied (or a changed note) changes nothing; any other change rebuilds all columns when next asked.

The calculator learns of changes from its owner (:meth:`CoverageCalculator.on_changes`), on the route every other
part of a window learns of them (the window's change bus), not from a subscription of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sew_desktop.domain.coverage import CoverageArrays, CoverageTimeline, DayCoverage, TimelineState
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, ChangeKind, Repository

COVERAGE_ENTITIES = frozenset({Entity.MUNICIPALITY, Entity.REGION, Entity.MEMBERSHIP, Entity.AGREEMENT})


class CoverageCalculator:
    """The coverage of one repository's data for any pair of dates, memoised by (generation, as-of, horizon)."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self._arrays: CoverageArrays | None = None
        self._edited_agreements: set[int] = set()
        self._memberships_changed = False
        self._updated_codes: set[str] = set()
        self._updated_regions: set[int] = set()
        self._day: tuple[tuple[int, date, date], DayCoverage] | None = None
        self._timeline: tuple[tuple[int, date, date], CoverageTimeline] | None = None
        self._timeline_state: TimelineState | None = None
        self._timeline_edits: set[int] = set()  # agreements edited since the timeline state was brought up to date

    def on_changes(self, changes: Sequence[Change]) -> None:
        """Committed changes: note what the columns must catch up on before the next figures."""
        for change in changes:
            if change.entity is Entity.AGREEMENT and change.kind is not ChangeKind.RESET:
                self._edited_agreements.update(int(key) for key in change.keys)
                self._timeline_edits.update(int(key) for key in change.keys)
            elif change.entity is Entity.MEMBERSHIP:
                self._memberships_changed = True
            elif change.entity is Entity.MUNICIPALITY and change.kind is ChangeKind.UPDATED:
                self._updated_codes.update(str(key) for key in change.keys)
            elif change.entity is Entity.REGION and change.kind is ChangeKind.UPDATED:
                self._updated_regions.update(int(key) for key in change.keys)
            elif change.entity in COVERAGE_ENTITIES:
                self._arrays = None

    def arrays(self) -> CoverageArrays:
        """The columns of the data as they are now."""
        repository = self.repository
        if self._arrays is not None and (self._updated_codes or self._updated_regions) and not (
                self._arrays.places.fits(repository.municipalities(), repository.regions(), self._updated_codes,
                                         self._updated_regions)):
            self._arrays = None
        self._updated_codes, self._updated_regions = set(), set()
        if self._arrays is None:
            self._arrays = CoverageArrays.build(self.repository.coverage_input())
        else:
            if self._memberships_changed:
                self._arrays = self._arrays.with_memberships(self.repository.memberships())
            if self._edited_agreements:
                self._arrays = self._arrays.with_agreements(self.repository.agreements(), self._edited_agreements)
        self._edited_agreements, self._memberships_changed = set(), False
        return self._arrays

    def day(self, as_of: date, horizon: date) -> DayCoverage:
        """The coverage table and the municipalities' statuses."""
        key = (self.repository.generation, as_of, horizon)
        if self._day is None or self._day[0] != key:
            self._day = (key, DayCoverage(self.arrays(), as_of, horizon))
        return self._day[1]

    def timeline(self, as_of: date, horizon: date) -> CoverageTimeline:
        """Coverage over time."""
        key = (self.repository.generation, as_of, horizon)
        if self._timeline is None or self._timeline[0] != key:
            self._timeline = (key, self._current_timeline(as_of, horizon))
        return self._timeline[1]

    def _current_timeline(self, as_of: date, horizon: date) -> CoverageTimeline:
        """The timeline state brought up to date: after agreement edits only their rows are counted again; after
        any other change (or for other dates or points) it is computed afresh."""
        arrays, state = self.arrays(), self._timeline_state
        if state is not None and state.fits(arrays, as_of, horizon):
            timeline = state.update(arrays, self._timeline_edits)
        else:
            self._timeline_state = state = TimelineState(arrays, as_of, horizon)
            timeline = state.timeline
        self._timeline_edits = set()
        return timeline
