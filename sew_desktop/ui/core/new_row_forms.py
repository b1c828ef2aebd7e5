"""The forms that ask for a new regiegebied or agreement: nothing is added until OK, and nothing is guessed.

A new regiegebied gets a name, a kind, a province (the province filter's, when one is chosen) and optionally
its first members from a start date; a new agreement gets its partner and the day negotiations started.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from sew_desktop.domain.model import RegionKind
from sew_desktop.ui.core.i18n import Language, date_format, from_qdate, to_qdate
from sew_desktop.ui.core.messages import kind_text

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class RegionDraft:
    """What the form asks of a new regiegebied."""

    name: str
    kind: RegionKind
    province_nis: str
    members: tuple[str, ...]
    start: date


@dataclass(frozen=True)
class AgreementDraft:
    """What the form asks of a new agreement: the partner (``m:NIS`` or ``r:ID``) and the first date."""

    partner: str
    negotiation_started: date


def _date_edit(parent: QWidget, day: date, language: Language, name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format(language))
    edit.setDateRange(to_qdate(EARLIEST), to_qdate(LATEST))
    return edit


class _Form(QDialog):
    """A form with OK enabled only while the answers are complete."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.hint = QLabel(self)
        self.hint.setObjectName("formHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

    def check(self) -> None:
        """Enable OK when complete; say what is missing otherwise."""
        missing = self.missing()
        self.hint.setText(missing)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not missing)

    def missing(self) -> str:
        """What still has to be filled in ("" when complete)."""
        return ""


class NewRegionForm(_Form):
    """Name, kind, province and optional first members with their start date."""

    def __init__(self, parent: QWidget | None, provinces: Mapping[str, str], province_nis: str,
                 municipalities: Mapping[str, str], start: date, language: Language) -> None:
        super().__init__(parent, QCoreApplication.translate("NewRows", "New regiegebied"))
        self.setObjectName("newRegionForm")
        self.municipalities = municipalities  # shown name -> NIS code
        self.name = QLineEdit(self)
        self.name.setObjectName("regionName")
        self.kind = QComboBox(self)
        for kind in RegionKind:
            self.kind.addItem(kind_text(kind), kind)
        self.province = QComboBox(self)
        self.province.setObjectName("regionProvince")
        for nis, name in provinces.items():
            self.province.addItem(name, nis)
        self.province.setCurrentIndex(max(0, self.province.findData(province_nis)))
        self.member = QLineEdit(self)
        self.member.setObjectName("memberField")
        self.member.setPlaceholderText(QCoreApplication.translate("NewRows", "Type a municipality and press Enter"))
        completer = QCompleter(sorted(municipalities), self.member)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.member.setCompleter(completer)
        self.member.installEventFilter(self)  # Enter there adds a member instead of pressing OK
        self.members = QListWidget(self)
        self.members.setObjectName("memberList")
        self.start = _date_edit(self, start, language, "memberStart")
        for label, widget in ((QCoreApplication.translate("NewRows", "Name"), self.name),
                              (QCoreApplication.translate("NewRows", "Kind"), self.kind),
                              (QCoreApplication.translate("NewRows", "Province"), self.province),
                              (QCoreApplication.translate("NewRows", "Members"), self.member),
                              ("", self.members),
                              (QCoreApplication.translate("NewRows", "Members from"), self.start)):
            self.form.addRow(label, widget)
        self.name.textChanged.connect(self.check)
        self.check()

    @override
    def missing(self) -> str:
        """A name is needed."""
        return "" if self.name.text().strip() else QCoreApplication.translate("NewRows", "Give the regiegebied a name.")

    def add_member(self) -> None:
        """The typed municipality joins the list (an unknown name is said)."""
        text = self.member.text().strip()
        nis = self.municipalities.get(text)
        if nis is None:
            self.hint.setText(QCoreApplication.translate("NewRows", "'%1' is not a municipality.").replace("%1", text))
            return
        if nis not in self.member_codes():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, nis)
            self.members.addItem(item)
        self.member.clear()
        self.check()

    def member_codes(self) -> tuple[str, ...]:
        """The NIS codes of the listed members."""
        return tuple(str(self.members.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.members.count()))

    def draft(self) -> RegionDraft:
        """The answers."""
        start = from_qdate(self.start.date())
        assert start is not None
        return RegionDraft(self.name.text().strip(), RegionKind(self.kind.currentData()),
                           str(self.province.currentData()), self.member_codes(), start)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the member field adds a member; it does not press OK."""
        if (watched is self.member and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_member()
            return True
        return super().eventFilter(watched, event)


class NewAgreementForm(_Form):
    """The partner (a regiegebied or a municipality, completed as typed) and when negotiations started."""

    def __init__(self, parent: QWidget | None, partners: Mapping[str, str], start: date,
                 language: Language) -> None:
        super().__init__(parent, QCoreApplication.translate("NewRows", "New agreement"))
        self.setObjectName("newAgreementForm")
        self.partners = partners  # shown name -> m:NIS / r:ID
        self.partner = QLineEdit(self)
        self.partner.setObjectName("partnerField")
        completer = QCompleter(sorted(partners), self.partner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.partner.setCompleter(completer)
        self.started = _date_edit(self, start, language, "negotiationStarted")
        self.form.addRow(QCoreApplication.translate("NewRows", "Partner"), self.partner)
        self.form.addRow(QCoreApplication.translate("NewRows", "Negotiations started"), self.started)
        self.partner.textChanged.connect(self.check)
        self.check()

    @override
    def missing(self) -> str:
        """A known partner is needed."""
        if self.partner.text().strip() in self.partners:
            return ""
        return QCoreApplication.translate("NewRows", "Choose a regiegebied or municipality from the list.")

    def draft(self) -> AgreementDraft:
        """The answers."""
        started = from_qdate(self.started.date())
        assert started is not None
        return AgreementDraft(self.partners[self.partner.text().strip()], started)


