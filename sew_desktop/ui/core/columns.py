"""What every table model shares besides its class: columns, their kinds and the extra item roles."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
PROVINCE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
ANSWERED_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole, PROVINCE_ROLE, SORT_ROLE,
    KEY_ROLE))


class Kind(enum.Enum):
    """How a column is shown and edited."""

    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    DERIVED = "derived"


@dataclass(frozen=True)
class Column:
    """One column: its id (the stored column for editable ones), title and kind."""

    name: str
    title: str
    kind: Kind
    editable: bool = False

    def change_label(self) -> str:
        """The title as it reads inside a sentence ("ondertekend op"); acronyms keep their capitals."""
        if len(self.title) > 1 and self.title[1].isupper():
            return self.title
        return self.title[:1].lower() + self.title[1:]
