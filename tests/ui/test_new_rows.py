"""The new-row forms, typed into with real keys: nothing is accepted until the answers are complete."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from sew_desktop.domain.model import RegionKind
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.new_row_forms import AgreementDraft, NewAgreementForm, NewRegionForm

PROVINCES = {"30000": "West-Vlaanderen", "40000": "Oost-Vlaanderen"}
MUNICIPALITIES = {"Brugge": "31005", "Damme": "31006", "Gent": "44021"}


def test_a_new_regiegebied_needs_a_name_and_takes_members_by_name(qtbot: QtBot) -> None:
    form = NewRegionForm(None, PROVINCES, "40000", MUNICIPALITIES, date(2022, 10, 17), Language.DUTCH)
    qtbot.addWidget(form)
    form.show()
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and form.province.currentData() == "40000"  # the province filter's province
    qtbot.keyClicks(form.name, "Regio Meetjesland")
    assert ok.isEnabled()
    form.member.setFocus()
    qtbot.keyClicks(form.member, "Gent")
    qtbot.keyClick(form.member, Qt.Key.Key_Return)  # adds the member, does not close the form
    assert form.isVisible() and form.member.text() == ""
    qtbot.keyClicks(form.member, "Nergensdorp")
    qtbot.keyClick(form.member, Qt.Key.Key_Return)
    assert "Nergensdorp" in form.hint.text() and form.members.count() == 1
    draft = form.draft()
    assert (draft.name, draft.kind, draft.province_nis, draft.members, draft.start) == (
        "Regio Meetjesland", RegionKind.COLLABORATION, "40000", ("44021",), date(2022, 10, 17))


def test_a_new_agreement_needs_a_known_partner(qtbot: QtBot) -> None:
    form = NewAgreementForm(None, {"Demo-regio West 1": "r:1", "Brugge": "m:31005"}, date(2022, 10, 17),
                            Language.DUTCH)
    qtbot.addWidget(form)
    form.show()
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(form.partner, "Brug")
    assert not ok.isEnabled() and form.hint.text()
    qtbot.keyClicks(form.partner, "ge")
    assert ok.isEnabled()
    assert form.draft() == AgreementDraft("m:31005", date(2022, 10, 17))
