"""Coverage kept live while the data is edited: computed once per state of the data and pair of dates, and
after agreement edits updated for the partners involved instead of computed again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic, TypeVar

from sew_desktop.domain import coverage_state, timeline_state
from sew_desktop.domain.coverage import CoverageInput
from sew_desktop.domain.coverage_state import CoverageState
from sew_desktop.domain.timeline_state import TimelineState
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, ChangeKind, Repository

State = TypeVar("State")
COVERAGE_ENTITIES = frozenset({Entity.MUNICIPALITY, Entity.REGION, Entity.MEMBERSHIP, Entity.AGREEMENT})


class LiveCache(Generic[State]):
    """The latest ``State`` for the dates asked, shared by everything that shows it."""

    MAX_PENDING = 50  # more unread transactions than this: compute again rather than replay them

    def __init__(self, repository: Repository, compute: Callable[[CoverageInput, date, date], State],
                 after_agreement_edits: Callable[[State, CoverageInput, set[int]], State]) -> None:
        self.repository = repository
        self._compute = compute
        self._update = after_agreement_edits
        self._key: tuple[int, date, date] | None = None
        self._state: State | None = None
        self._pending: list[tuple[int, Sequence[Change]]] = []
        repository.subscribe(self._record)

    def _record(self, changes: Sequence[Change]) -> None:
        if self._state is not None and len(self._pending) < self.MAX_PENDING:
            self._pending.append((self.repository.generation, changes))

    def get(self, as_of: date, horizon: date) -> State:
        """The state for these dates; computed only when the data or the dates changed since the last call."""
        key = (self.repository.generation, as_of, horizon)
        if self._state is None or self._key is None or key != self._key:
            edited = self._edited_agreements() if self._key and self._key[1:] == key[1:] else None
            data = self.repository.coverage_input()
            if self._state is not None and edited is not None:
                self._state = self._update(self._state, data, edited)
            else:
                self._state = self._compute(data, as_of, horizon)
            self._key = key
        self._pending.clear()
        return self._state

    def _edited_agreements(self) -> set[int] | None:
        """The agreements edited since the last computation, if nothing else coverage depends on changed."""
        assert self._key is not None
        generations = [generation for generation, _ in self._pending]
        if generations != list(range(self._key[0] + 1, self.repository.generation + 1)):
            return None  # a transaction was not seen (or too many): compute again
        edited: set[int] = set()
        for _, changes in self._pending:
            for change in changes:
                if change.entity is Entity.AGREEMENT and change.kind is not ChangeKind.RESET:
                    edited.update(int(key) for key in change.keys)
                elif change.entity in COVERAGE_ENTITIES:
                    return None
        return edited


def coverage_cache(repository: Repository) -> LiveCache[CoverageState]:
    """The coverage table and the statuses on the as-of date."""
    return LiveCache(repository, coverage_state.coverage_state, coverage_state.after_agreement_edits)


def timeline_cache(repository: Repository) -> LiveCache[TimelineState]:
    """Coverage over time."""
    return LiveCache(repository, timeline_state.timeline_state, timeline_state.after_agreement_edits)
