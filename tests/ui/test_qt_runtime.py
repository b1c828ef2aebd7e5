"""Guards against known defects of the Qt binding in use."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal()


def test_emitting_a_signal_does_not_leak_a_reference_to_true() -> None:
    # PySide6-Essentials 6.12.0 drops one reference to True per emit(); the app then aborts in bool_dealloc
    # once pyqtgraph has emitted a few thousand signals. Keep the binding pinned to a version without it.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.changed.emit()
    assert sys.getrefcount(True) >= before - 10
