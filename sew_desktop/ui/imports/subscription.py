"""Refreshing a widget after the repository commits, and forgetting the widget when it is destroyed."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from sew_desktop.store.repository import Change, Repository


def refresh_on_change(widget: QObject, repository: Repository, refresh: Callable[[], None]) -> None:
    """Call ``refresh`` after every committed change until ``widget`` is destroyed."""

    def changed(_changes: Sequence[Change]) -> None:
        refresh()

    unsubscribe = repository.subscribe(changed)

    def forget() -> None:
        with contextlib.suppress(ValueError):
            unsubscribe()

    widget.destroyed.connect(forget)
