"""Texts of the safety parts: moments, values and actions as users read them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication

from sew_desktop.ui.core.i18n import Language, format_date, locale_for


def moment_text(iso: str, language: Language) -> str:
    """An ISO timestamp (UTC) in local time: 17/10/2022 14:05."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return f"{format_date(local.date(), language)} {local:%H:%M}"


def value_text(value: object, language: Language) -> str:
    """A stored value: ISO dates as dates, empty as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(date.fromisoformat(value), language)
        except ValueError:
            return value
    return str(value)


def action_text(action: str) -> str:
    """What happened to a whole row."""
    texts = {
        "insert": QCoreApplication.translate("Safety", "added"),
        "delete": QCoreApplication.translate("Safety", "deleted"),
        "note": QCoreApplication.translate("Safety", "note"),
    }
    return texts.get(action, action)


def size_text(size: int, language: Language) -> str:
    """A file size in KB or MB, numbers as the language writes them (1,5 MB)."""
    locale = locale_for(language)
    if size >= 1024 * 1024:
        return QCoreApplication.translate("Safety", "%1 MB").replace("%1", locale.toString(size / 1024 / 1024, "f", 1))
    return QCoreApplication.translate("Safety", "%1 KB").replace("%1", locale.toString(max(1, size // 1024)))
