"""Garbage is collected in the GUI thread only: automatic collection is off, and the timer collects the generation
that is due (a Qt object freed by a collection in a planning thread can deadlock the window)."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sew_desktop.ui.core.collector import MainThreadCollector, install_main_thread_collector


class Cycle:
    """Garbage only a collection frees."""

    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_and_the_timer_collects_what_is_due(qapp: QApplication, qtbot: QtBot) -> None:
    collector = install_main_thread_collector(qapp)
    assert install_main_thread_collector(qapp) is collector and not gc.isenabled()
    gc.collect()
    cycle = Cycle()
    gone = weakref.ref(cycle)
    del cycle
    assert gone() is not None  # no automatic collection
    threshold = gc.get_threshold()
    try:
        gc.set_threshold(1, *threshold[1:])
        qtbot.waitUntil(lambda: gone() is None, timeout=3000)  # the GUI thread's timer collected it
    finally:
        gc.set_threshold(*threshold)


def test_nothing_is_collected_before_a_threshold_is_passed(qapp: QApplication) -> None:
    collector = MainThreadCollector(qapp, interval_ms=60_000)
    threshold = gc.get_threshold()
    try:
        gc.collect()
        gc.set_threshold(10**9, 10**9, 10**9)
        cycle = Cycle()
        gone = weakref.ref(cycle)
        del cycle
        assert collector.collect_due() == 0 and gone() is not None
        gc.set_threshold(1, *threshold[1:])
        assert collector.collect_due() >= 1 and gone() is None
    finally:
        gc.set_threshold(*threshold)
        collector.deleteLater()
