"""A 'Totaal' row at the foot of a clerk's file is recognised, skipped and reported in one line (with the sum of
the decisions when it differs); a collaboration named 'Totaalproject X' is a decision like any other."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sew_desktop.services.imports.model import ImportPlan, Options, PlanWarning, WarningCode
from sew_desktop.services.imports.report import warning_message
from sew_desktop.services.imports.service import find_call, prepare
from sew_desktop.services.imports.totals import is_total_word
from sew_desktop.store.repository import Repository
from tests.cli.test_cli import run
from tests.services.imports.helpers import CALL, HEADER, write_csv

ROWS = [
    HEADER,
    ["Waasland Werkt", "Temse", "goedgekeurd", "100.000,00", "20/04/2023"],
    ["Totaalproject Kempen", "Geel", "goedgekeurd", "34.567,00", "20/04/2023"],
]


def _plan(repo: Repository, path: Path) -> ImportPlan:
    return prepare(repo, path, find_call(repo, CALL), Options(as_of=date(2023, 6, 1)))


@pytest.mark.parametrize("text", ["Totaal", "TOTAAL", " totaal: ", "Total", "Totalen", "Som", "Eindtotaal",
                                  "Grand  Total", "Totaal :"])
def test_totals_words(text: str) -> None:
    assert is_total_word(text)


@pytest.mark.parametrize("text", ["Totaalproject X", "Totaal Kempen", "Sommige", "Subtotaal project", ""])
def test_names_that_are_not_totals_words(text: str) -> None:
    assert not is_total_word(text)


def test_a_totals_line_is_skipped_and_reported(repo: Repository, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [*ROWS, ["Totaal", "", "", "134.567,00", ""]])
    plan = _plan(repo, path)
    assert plan.errors == [] and plan.can_apply
    assert sorted(d.decision.collaboration for d in plan.decisions) == ["Totaalproject Kempen", "Waasland Werkt"]
    totals = [w for w in plan.warnings if w.code in (WarningCode.TOTALS_LINE, WarningCode.TOTALS_LINE_DIFFERS)]
    assert totals == [PlanWarning(WarningCode.TOTALS_LINE, ("4", "Totaal: 134.567,00"))]
    assert warning_message(totals[0]) == "row 4: totals line skipped (Totaal: 134.567,00)"


def test_a_totals_line_that_differs_from_the_decisions_says_by_how_much(repo: Repository, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [*ROWS, ["", "Totaal:", "", "1.234.567,00", ""]])
    plan = _plan(repo, path)
    assert plan.errors == []
    totals = [w for w in plan.warnings if w.code is WarningCode.TOTALS_LINE_DIFFERS]
    assert totals == [PlanWarning(WarningCode.TOTALS_LINE_DIFFERS, ("4", "Totaal: 1.234.567,00", "13456700"))]
    assert warning_message(totals[0]) == ("row 4: totals line skipped (Totaal: 1.234.567,00); the amounts of the "
                                          "decisions in the file add up to € 134,567.00")


def test_a_row_with_a_totals_word_that_names_a_decision_is_read(repo: Repository, tmp_path: Path) -> None:
    """'Totaal' beside a municipality and a decision is a (strangely named) collaboration, not a totals line."""
    path = write_csv(tmp_path / "d.csv", [*ROWS, ["Totaal", "Geel", "goedgekeurd", "10,00", ""]])
    plan = _plan(repo, path)
    assert not [w for w in plan.warnings if w.code is WarningCode.TOTALS_LINE]
    assert "Totaal" in [d.decision.collaboration for d in plan.decisions]


def test_the_command_line_reports_the_totals_line_and_imports_the_rest(demo_path: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [*ROWS, ["Totaal", "", "", "134.567,00", ""]])
    result = run("--db", str(demo_path), "import-decisions", str(path), "--call", CALL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: row 4: totals line skipped (Totaal: 134.567,00)\n" in result.stdout
    assert "decisions: 2 new" in result.stdout and "\napplied\n" in result.stdout
