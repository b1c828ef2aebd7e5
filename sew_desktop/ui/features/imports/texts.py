"""Translated texts for the codes and values of an import plan; Dutch formats for dates and amounts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.decisions import Outcome
from sew_desktop.services.imports.errors import EncodingUnsureError, ImportCancelledError, UnknownCallError
from sew_desktop.services.imports.model import (
    ERROR_DATES,
    WARNING_AMOUNTS,
    WARNING_DATES,
    ErrorCode,
    ImportPlan,
    Layout,
    Role,
    Status,
    WarningCode,
)

translate = QCoreApplication.translate


def format_amount(cents: int | None) -> str:
    """``€ 85.000,00`` (empty for no amount)."""
    if cents is None:
        return ""
    euros, rest = divmod(cents, 100)
    return f"€ {euros:,}".replace(",", ".") + f",{rest:02d}"


def format_date(day: date | None) -> str:
    """dd/mm/yyyy (empty for no date)."""
    return "" if day is None else f"{day:%d/%m/%Y}"


def _fill(text: str, values: Sequence[str]) -> str:
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", value)
    return text


_ERRORS: dict[ErrorCode, Callable[[], str]] = {
    ErrorCode.UNKNOWN_MUNICIPALITY: lambda: translate("ImportTexts", "Unknown municipality during the call period"),
    ErrorCode.UNKNOWN_NIS: lambda: translate("ImportTexts", "Unknown NIS code during the call period"),
    ErrorCode.NO_MUNICIPALITY: lambda: translate("ImportTexts", "No municipality given"),
    ErrorCode.NO_COLLABORATION: lambda: translate("ImportTexts", "No collaboration given"),
    ErrorCode.BAD_DECISION: lambda: translate("ImportTexts", "Unknown decision"),
    ErrorCode.BAD_AMOUNT: lambda: translate("ImportTexts", "Not an amount"),
    ErrorCode.AMBIGUOUS_AMOUNT: lambda: translate(
        "ImportTexts", "Ambiguous amount: three digits after this file's decimal separator (write it in full, e.g."
        " 85.000,00 or 85000)"),
    ErrorCode.IMPLAUSIBLE_YEAR: lambda: translate("ImportTexts", "A year before 2000 or after 2100 (a typing error?)"),
    ErrorCode.UNNAMED_COLLABORATION: lambda: translate("ImportTexts", "A collaboration's name needs letters or digits"),
    ErrorCode.NAME_AND_NIS_DIFFER: lambda: translate(
        "ImportTexts", "The name and the NIS code are different municipalities"),
    ErrorCode.CENTRE_CITY_NAME: lambda: translate(
        "ImportTexts", "The name of a centrumstad, which holds only its own city: give the collaboration a name of"
        " its own"),
    ErrorCode.AMOUNT_TOO_LARGE: lambda: translate("ImportTexts", "Amount above € 100 million (a typing error?)"),
    ErrorCode.BAD_DATE: lambda: translate("ImportTexts", "Not a date"),
    ErrorCode.NO_SUCH_DAY: lambda: translate("ImportTexts", "That day does not exist"),
    ErrorCode.CONFLICT: lambda: translate("ImportTexts", "Differs from an earlier row of the same collaboration"),
    ErrorCode.NOT_YET_EXISTING: lambda: translate(
        "ImportTexts", "%1 did not exist yet on the decision date %3: it exists from %2"),
}


def _made_of() -> str:
    """Added to NOT_YET_EXISTING when the municipality was made of others that existed on the decision date."""
    return translate("ImportTexts", "; on %3 it was %4: list those instead")

_WARNINGS: dict[WarningCode, Callable[[], str]] = {
    WarningCode.IN_TWO_COLLABORATIONS: lambda: translate(
        "ImportTexts", "%1 is listed in more than one collaboration: %2"
    ),
    WarningCode.APPROVED_WITHOUT_AMOUNT: lambda: translate("ImportTexts", "%1: approved without an amount"),
    WarningCode.SPREAD_OVER_PROVINCES: lambda: translate("ImportTexts", "%1 is spread over provinces: %2"),
    WarningCode.MOVE: lambda: translate("ImportTexts", "%1: %2 → %3 from %4"),
    WarningCode.MISSING_FROM_FILE: lambda: translate(
        "ImportTexts", "%1: decision in the database but not in the file (kept)"
    ),
    WarningCode.TIME_IGNORED: lambda: translate(
        "ImportTexts", "%1: the decision date in row %2 has a time (%3); only the date is kept"
    ),
    WarningCode.DATE_OUTSIDE_CALL: lambda: translate(
        "ImportTexts", "%1: the decision date %2 lies outside the call period (%3 – %4)"
    ),
    WarningCode.NO_LONGER_APPROVED: lambda: translate(
        "ImportTexts", "%1: no longer approved; regiegebied %2 and its memberships stay (end them under"
        " Regiegebieden if they no longer hold)"
    ),
    WarningCode.TOTALS_LINE: lambda: translate("ImportTexts", "Row %1: totals line skipped (%2)"),
    WarningCode.TOTALS_LINE_DIFFERS: lambda: translate(
        "ImportTexts", "Row %1: totals line skipped (%2); the amounts of the decisions in the file add up to %3"),
}

_STATUS: dict[Status, Callable[[], str]] = {
    Status.NEW: lambda: translate("ImportTexts", "new"),
    Status.CHANGED: lambda: translate("ImportTexts", "changed"),
    Status.UNCHANGED: lambda: translate("ImportTexts", "unchanged"),
}

_OUTCOMES: dict[Outcome, Callable[[], str]] = {
    Outcome.APPROVED: lambda: translate("ImportTexts", "approved"),
    Outcome.REJECTED: lambda: translate("ImportTexts", "rejected"),
    Outcome.PENDING: lambda: translate("ImportTexts", "pending"),
}

_ROLES: dict[Role, Callable[[], str]] = {
    Role.COLLABORATION: lambda: translate("ImportTexts", "Collaboration"),
    Role.MUNICIPALITY: lambda: translate("ImportTexts", "Municipality"),
    Role.NIS: lambda: translate("ImportTexts", "NIS code"),
    Role.LEAD: lambda: translate("ImportTexts", "Lead municipality"),
    Role.DECISION: lambda: translate("ImportTexts", "Decision"),
    Role.AMOUNT: lambda: translate("ImportTexts", "Amount"),
    Role.DATE: lambda: translate("ImportTexts", "Decision date"),
}

_FIELDS: dict[str, Callable[[], str]] = {
    "collaboration": lambda: translate("ImportTexts", "name"),
    "outcome": lambda: translate("ImportTexts", "decision"),
    "amount_cents": lambda: translate("ImportTexts", "amount"),
    "amount_is_annual": lambda: translate("ImportTexts", "annual"),
    "decision_date": lambda: translate("ImportTexts", "date"),
    "lead_nis": lambda: translate("ImportTexts", "lead"),
    "members": lambda: translate("ImportTexts", "members"),
}


def error_text(code: ErrorCode, details: Sequence[str] = ()) -> str:
    """The reason of an error, with its values (dates shown as dd/mm/yyyy)."""
    if not details:
        return _ERRORS[code]()
    shown = list(details)
    for index in ERROR_DATES.get(code, ()):
        shown[index] = format_date(date.fromisoformat(shown[index]))
    made_of = _made_of() if code is ErrorCode.NOT_YET_EXISTING and shown[3] else ""
    return _fill(_ERRORS[code]() + made_of, shown)


def warning_text(code: WarningCode, values: Sequence[str]) -> str:
    """A warning with its values (dates shown as dd/mm/yyyy)."""
    shown = list(values)
    for index in WARNING_DATES.get(code, ()):
        shown[index] = format_date(date.fromisoformat(shown[index]))
    for index in WARNING_AMOUNTS.get(code, ()):
        shown[index] = format_amount(int(shown[index]))
    return _fill(_WARNINGS[code](), shown)


def status_text(status: Status) -> str:
    """new / changed / unchanged."""
    return _STATUS[status]()


def outcome_text(outcome: Outcome) -> str:
    """approved / rejected / pending."""
    return _OUTCOMES[outcome]()


def role_text(role: Role) -> str:
    """The name of a column role."""
    return _ROLES[role]()


def field_text(name: str) -> str:
    """The name of a decision field."""
    return _FIELDS[name]()


_LAYOUTS: dict[Layout, Callable[[], str]] = {
    Layout.PER_MUNICIPALITY: lambda: translate("ImportTexts", "per municipality"),
    Layout.PER_COLLABORATION: lambda: translate("ImportTexts", "per collaboration"),
}


def layout_text(layout: Layout) -> str:
    """How the file lists members: per municipality / per collaboration."""
    return _LAYOUTS[layout]()


def _delimiter_text(delimiter: str | None) -> str:
    names = {"\t": translate("ImportTexts", "tab"), " ": translate("ImportTexts", "space")}
    return names.get(delimiter or "", f"'{delimiter}'")


def source_text(plan: ImportPlan) -> str:
    """Which sheet was read, or the encoding (with the detector's confidence) and delimiter of a CSV file."""
    table = plan.table
    if table.sheet:
        return translate("ImportTexts", "sheet %1").replace("%1", table.sheet)
    confidence = f"{round((table.encoding_confidence or 0) * 100)}".replace(".", ",")
    text = translate("ImportTexts", "encoding %1 (%2% sure), delimiter %3")
    return _fill(text, [str(table.encoding), confidence, _delimiter_text(table.delimiter)])


def plan_summary(plan: ImportPlan) -> str:
    """Where the plan comes from and what it does, in one or two lines."""
    source = source_text(plan)
    text = translate("ImportTexts", "%1 · layout %2 · %3 rows · %4 new, %5 changed, %6 unchanged, %7 skipped")
    values = [
        source,
        layout_text(plan.layout),
        str(plan.rows),
        str(plan.count(Status.NEW)),
        str(plan.count(Status.CHANGED)),
        str(plan.count(Status.UNCHANGED)),
        str(plan.skipped),
    ]
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", values[number - 1])
    ignored = plan.columns.ignored()
    if ignored:
        text += "\n" + translate("ImportTexts", "Ignored columns: %1").replace("%1", ", ".join(ignored))
    return text


def ready_text(plan: ImportPlan) -> str:
    """The status line under a plan."""
    if plan.can_apply:
        return translate("ImportDialog", "Ready to import.")
    return translate("ImportDialog", "Fix or exclude the rows with errors before importing.")


def unsure_encoding_text(error: EncodingUnsureError) -> str:
    """The question when the encoding cannot be told: the candidates and how sure each is."""
    shown = ", ".join(f"{name} ({confidence:.0%})" for name, confidence in error.candidates)
    text = translate(
        "ImportDialog", "The encoding of this file cannot be told for sure: %1. Choose one under Encoding."
    )
    return text.replace("%1", shown)


def failure_text(error: object) -> str:
    """Why no plan could be made: cancelled, an unknown call, or a file that cannot be read (with its reason)."""
    if isinstance(error, ImportCancelledError):
        return translate("ImportDialog", "Cancelled; nothing was imported.")
    if isinstance(error, UnknownCallError):
        return translate("ImportDialog", "The open call of this file is not known: %1").replace("%1", error.name)
    return translate(
        "ImportDialog", "Cannot read the file. Is it a CSV or Excel file with one row per decision? (details: %1)"
    ).replace("%1", str(error))
