"""A decision of 20/04/2023 that names Tongeren-Borgloon (which exists from 01/01/2025): the row is refused with the
municipality, its first day and the municipalities it was made of; nothing is planned for it; the rest of the file
imports once the row is excluded; no membership the import writes ever starts before its municipality exists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sew_desktop.domain.model import Validity
from sew_desktop.services.checks import check_database
from sew_desktop.services.imports.model import ErrorCode, ImportPlan, Options, RowError
from sew_desktop.services.imports.report import as_text, error_message
from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.store.repository import Repository
from tests.cli.test_cli import run
from tests.services.imports.helpers import CALL, HEADER, write_csv

TONGEREN_BORGLOON, RIEMST = "73111", "73066"
REFUSED = RowError(2, "Gemeente", "Tongeren-Borgloon", ErrorCode.NOT_YET_EXISTING,
                   details=("Tongeren-Borgloon", "2025-01-01", "2023-04-20", "Borgloon, Tongeren"))
MESSAGE = ("Tongeren-Borgloon did not exist yet on the decision date 20/04/2023: it exists from 01/01/2025; on "
           "20/04/2023 it was Borgloon, Tongeren: list those instead")


def _file(tmp_path: Path, day: str) -> Path:
    return write_csv(tmp_path / "beslissingen.csv", [
        HEADER,
        ["Haspengouw Werkt", "Tongeren-Borgloon", "goedgekeurd", "50.000,00", day],
        ["Haspengouw Werkt", "Riemst", "goedgekeurd", "50.000,00", day],
    ])


def _plan(repo: Repository, path: Path, excluded: frozenset[int] = frozenset()) -> ImportPlan:
    return prepare(repo, path, find_call(repo, CALL), Options(excluded_rows=excluded, as_of=date(2023, 6, 1)))


def _starts(plan: ImportPlan) -> dict[str, Validity]:
    return {m.municipality_nis: m.validity for m in plan.memberships.additions}


def test_a_member_that_did_not_exist_yet_on_the_decision_date_refuses_its_row(repo: Repository,
                                                                             tmp_path: Path) -> None:
    plan = _plan(repo, _file(tmp_path, "20/04/2023"))
    assert plan.errors == [REFUSED]
    assert error_message(plan.errors[0]) == MESSAGE
    assert [d.decision.members for d in plan.decisions] == [(RIEMST,)]  # nothing planned for it
    assert TONGEREN_BORGLOON not in _starts(plan)
    assert not plan.can_apply


def test_the_rest_of_the_file_imports_once_the_row_is_excluded(repo: Repository, tmp_path: Path) -> None:
    plan = _plan(repo, _file(tmp_path, "20/04/2023"), frozenset({2}))
    assert plan.errors == [] and plan.skipped == 1
    apply(repo, plan, user="tester")
    members = {m.municipality_nis: m.validity for m in repo.memberships().values()}
    assert TONGEREN_BORGLOON not in members
    assert members[RIEMST] == Validity(date(2023, 1, 1), date(2025, 12, 31))
    assert check_database(repo).ok


@pytest.mark.parametrize("day", ["03/02/2025", ""])
def test_a_membership_the_import_writes_starts_when_its_municipality_exists(repo: Repository, tmp_path: Path,
                                                                            day: str) -> None:
    """Dated after the merger, or not dated: the merged municipality joins from its first day, not 01/01/2023."""
    plan = _plan(repo, _file(tmp_path, day))
    assert plan.errors == []
    assert _starts(plan)[TONGEREN_BORGLOON] == Validity(date(2025, 1, 1), date(2025, 12, 31))
    assert _starts(plan)[RIEMST] == Validity(date(2023, 1, 1), date(2025, 12, 31))
    apply(repo, plan, user="tester")
    assert check_database(repo).ok


def test_the_command_line_names_the_municipality_its_first_day_and_what_it_was_made_of(demo_path: Path,
                                                                                       tmp_path: Path) -> None:
    path = _file(tmp_path, "20/04/2023")
    before = demo_path.read_bytes()
    result = run("--db", str(demo_path), "import-decisions", str(path), "--call", CALL)
    assert result.returncode == 1, result.stderr
    assert f"error: row 2, column 'Gemeente', value 'Tongeren-Borgloon': {MESSAGE}\n" in result.stdout
    assert demo_path.read_bytes() == before


def test_the_text_report_lists_the_refusal(repo: Repository, tmp_path: Path) -> None:
    assert MESSAGE in as_text(_plan(repo, _file(tmp_path, "20/04/2023")), applied=False)
