"""What a column may be called in a filter: its title as shown, and the same title in the other language."""

from __future__ import annotations

import functools
from xml.etree import ElementTree

from PySide6.QtCore import QAbstractItemModel, Qt

from sew_desktop.ui.core.i18n import resources_dir

_CONTEXT = "Columns"


@functools.cache
def _title_pairs() -> tuple[tuple[str, str], ...]:
    """(English, Dutch) for every column title, read once from the Dutch catalog (the source of the .qm)."""
    path = resources_dir() / "i18n" / "main_nl.ts"
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return ()
    pairs = []
    for context in root.iter("context"):
        if context.findtext("name") != _CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source") or "", message.findtext("translation") or ""
            if source and translation:
                pairs.append((source, translation))
    return tuple(pairs)


def aliases(title: str) -> set[str]:
    """``title`` and its counterpart in the other language ("Naam" and "Name")."""
    names = {title}
    for english, dutch in _title_pairs():
        if title in (english, dutch):
            names |= {english, dutch}
    return names


def column_names(model: QAbstractItemModel) -> list[set[str]]:
    """For each column of ``model``, the names a filter may use for it."""
    return [aliases(str(model.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(model.columnCount())]
