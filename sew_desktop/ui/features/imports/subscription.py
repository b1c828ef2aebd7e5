"""Refreshing a widget after committed changes of the tables it shows, from the window's change bus."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change
from sew_desktop.ui.core.notifier import ChangeBus


def refresh_on_change(bus: ChangeBus, entities: frozenset[Entity], refresh: Callable[[], None]) -> None:
    """Call ``refresh`` after each committed transaction that changed one of ``entities``."""

    def changed(changes: Sequence[Change]) -> None:
        if any(change.entity in entities for change in changes):
            refresh()

    bus.changed.connect(changed)
