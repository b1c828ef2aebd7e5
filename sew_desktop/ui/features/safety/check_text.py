"""The readable report of File › Check database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.validation import Problem
from sew_desktop.services.checks import CheckReport
from sew_desktop.ui.core.messages import problem_text
from sew_desktop.ui.features.safety.trash_dialog import entity_text


def check_report_text(report: CheckReport) -> str:
    """All is well, or one line per finding (rules in the user's language)."""
    if report.ok:
        return QCoreApplication.translate(
            "Safety", "No problems found: the file is intact, every link points to an existing row and the rules "
            "hold (one regiegebied per municipality per day, agreement dates in order, partners exist).")
    count = len(report.storage) + len(report.rules)
    lines = [QCoreApplication.translate("Safety", "Problems found: %1").replace("%1", str(count))]
    lines += [QCoreApplication.translate("Safety", "File: %1").replace("%1", line) for line in report.storage]
    for finding in report.rules:
        try:
            problem = problem_text(Problem(finding.problem))
        except ValueError:
            problem = finding.problem
        lines.append(f"{entity_text(finding.entity)} {finding.key}: {problem}")
    return "\n".join(lines)
