"""Check database: SQLite's integrity and foreign-key checks plus the product's own rules, as one report."""

from __future__ import annotations

from dataclasses import dataclass, field

from sew_desktop.domain.consistency import Finding, all_findings
from sew_desktop.domain.texts import Translate, fill, untranslated
from sew_desktop.services.texts import PROBLEM_TEXTS, entity_name
from sew_desktop.store.integrity import sqlite_findings
from sew_desktop.store.repository import Repository


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What the check found; ``ok`` when nothing."""

    storage: list[str] = field(default_factory=list)
    rules: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No finding at all."""
        return not self.storage and not self.rules


def check_database(repository: Repository) -> CheckReport:
    """Run every check on the repository's file (its own connection for SQLite's checks)."""
    storage = sqlite_findings(repository.path) if repository.path is not None else []
    return CheckReport(storage, rule_findings(repository))


def rule_findings(repository: Repository) -> list[Finding]:
    """The product's rules over the data the repository's connection sees (inside a transaction: its writes)."""
    return all_findings(repository.municipalities(), repository.regions(), repository.memberships(),
                        repository.agreements())


def report_text(report: CheckReport, translate: Translate = untranslated) -> str:
    """One line per finding, or a line saying all is well."""
    if report.ok:
        return translate("Check", "database is OK: integrity, foreign keys and the rules (memberships, agreements)"
                                  " all pass") + "\n"
    lines = [fill(translate("Check", "storage: %1"), line) for line in report.storage]
    lines += [f"{entity_name(f.entity, translate)} {f.key}: {_problem(f.problem, translate)}" for f in report.rules]
    return "\n".join(lines) + "\n"


def _problem(value: str, translate: Translate) -> str:
    known = {p.value: p for p in PROBLEM_TEXTS}
    return translate("Problem", PROBLEM_TEXTS[known[value]]) if value in known else value
