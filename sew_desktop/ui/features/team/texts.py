"""What the team feature says: the status-bar indicator, times, field titles and values of the conflicts."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from sew_desktop.store.team.local import Issue, TeamLink

translate = QCoreApplication.translate

# The tables' column titles (translated in the "Columns" context of the main catalog).
FIELD_TITLES = {
    "name": "Name", "name_nl": "Name", "notes": "Notes", "kind": "Kind", "province_nis": "Province",
    "valid_from": "Valid from", "valid_to": "Valid to", "vdab_contact": "VDAB contact", "partner": "Partner",
    "negotiation_started": "Negotiations started", "expected_signing": "Expected signing", "signed": "Signed on",
    "ended": "Ended on", "region_id": "Regiegebied", "municipality_nis": "Municipality",
}


@dataclass(frozen=True, slots=True)
class TeamFigures:
    """Where the file stands with its team, read from the file: the link, changes waiting, open issues."""

    link: TeamLink
    pending: int
    conflicts: int
    refused: int


def indicator_text(figures: TeamFigures, *, running: bool, offline: bool, today: date) -> str:
    """"Synchronised at 14:02 · 3 changes waiting", "Offline · 3 changes waiting", "… · 2 conflicts"."""
    if running:
        head = translate("Team", "Synchronising…")
    elif offline:
        head = translate("Team", "Offline")
    elif figures.link.last_sync:
        head = translate("Team", "Synchronised at %1").replace("%1", moment(figures.link.last_sync, today))
    else:
        head = translate("Team", "Not synchronised yet")
    counts: tuple[tuple[int, Callable[[int], str]], ...] = (
        (figures.pending, lambda n: translate("Team", "%n change(s) waiting", "", n)),
        (figures.conflicts, lambda n: translate("Team", "%n conflict(s)", "", n)),
        (figures.refused, lambda n: translate("Team", "%n refused change(s)", "", n)),
    )
    parts = [head, *(text(count) for count, text in counts if count)]
    return " · ".join(parts)


def moment(iso: str | None, today: date) -> str:
    """An ISO time in local time: "14:02" today, "17/10/2026 14:02" another day, "—" for none."""
    if not iso:
        return "—"
    try:
        local_time = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    if local_time.date() == today:
        return local_time.strftime("%H:%M")
    return local_time.strftime("%d/%m/%Y %H:%M")


def field_title(field: str | None) -> str:
    """A field as the tables call it; the whole row for an insert or a delete."""
    if field is None:
        return translate("Team", "(whole row)")
    title = FIELD_TITLES.get(field)
    return translate("Columns", title) if title else field


def value_text(value: object) -> str:
    """A value of a conflict as text: "—" for none, a whole row as its fields."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def kind_text(issue: Issue) -> str:
    """Conflict or refused."""
    return translate("Team", "Conflict") if issue.kind == "conflict" else translate("Team", "Refused")


def who_text(issue: Issue, today: date) -> str:
    """Who changed it in the team, and when."""
    if not issue.server_who:
        return "—"
    return f"{issue.server_who}, {moment(issue.server_at, today)}" if issue.server_at else issue.server_who
