"""Mapping columns by hand when a required one is not recognised; remembered per set of headers (QSettings)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from sew_desktop.domain.names import header_key
from sew_desktop.services.imports.model import Role
from sew_desktop.ui.features.imports.texts import role_text

translate = QCoreApplication.translate
SETTINGS_GROUP = "imports/column-mappings"


def headers_id(headers: Sequence[str]) -> str:
    """A stable name for a set of headers (order, case and punctuation ignored)."""
    keys = sorted({header_key(h) for h in headers if h.strip()})
    return hashlib.sha1("|".join(keys).encode("utf-8"), usedforsecurity=False).hexdigest()


def remembered_mapping(settings: QSettings, headers: Sequence[str]) -> dict[Role, str]:
    """The mapping chosen earlier for the same headers, if any."""
    raw = settings.value(f"{SETTINGS_GROUP}/{headers_id(headers)}", "")
    try:
        stored = json.loads(str(raw)) if raw else {}
    except ValueError:
        return {}
    return {
        Role(role): header for role, header in stored.items() if role in Role.__members__.values() and header in headers
    }


def remember_mapping(settings: QSettings, headers: Sequence[str], mapping: Mapping[Role, str]) -> None:
    """Keep ``mapping`` for the next file with the same headers."""
    settings.setValue(f"{SETTINGS_GROUP}/{headers_id(headers)}", json.dumps({r.value: h for r, h in mapping.items()}))


class MappingPanel(QGroupBox):
    """One combo box per column role, filled with the headers found; emits ``mapped(dict[Role, str])``."""

    mapped = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("MappingPanel", "Map the columns"), parent)
        self.setObjectName("mappingPanel")
        layout = QFormLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addRow(self.message)
        self.combos: dict[Role, QComboBox] = {}
        for role in Role:
            combo = QComboBox()
            combo.setObjectName(f"mapping_{role.value}")
            self.combos[role] = combo
            layout.addRow(role_text(role), combo)
        self.apply_button = QPushButton(translate("MappingPanel", "Use this mapping"))
        self.apply_button.setObjectName("applyMapping")
        self.apply_button.clicked.connect(self._emit)
        layout.addRow(self.apply_button)

    def show_headers(self, headers: Sequence[str], missing: Sequence[str], current: Mapping[Role, str]) -> None:
        """Offer ``headers`` for every role, preselecting ``current``."""
        names = ", ".join(role_text(Role(m)) for m in missing)
        self.message.setText(
            translate("MappingPanel", "Required columns not recognised: %1. Choose them below.").replace("%1", names)
            if missing
            else translate("MappingPanel", "The columns used for each part of a decision; change them if needed.")
        )
        none = translate("MappingPanel", "(none)")
        for role, combo in self.combos.items():
            combo.clear()
            combo.addItem(none, "")
            for header in headers:
                if header.strip():
                    combo.addItem(header, header)
            index = combo.findData(current.get(role, ""))
            combo.setCurrentIndex(max(index, 0))

    def choose(self, role: Role, header: str) -> None:
        """Select ``header`` for ``role`` (as a user would)."""
        self.combos[role].setCurrentIndex(max(self.combos[role].findData(header), 0))

    def mapping(self) -> dict[Role, str]:
        """The roles with a chosen header."""
        return {role: str(combo.currentData()) for role, combo in self.combos.items() if combo.currentData()}

    def _emit(self) -> None:
        self.mapped.emit(self.mapping())
