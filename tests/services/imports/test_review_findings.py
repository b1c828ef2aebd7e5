"""The findings of an adversarial review of the importer: each file imports exactly or is refused with a reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sew_desktop.services.imports.errors import LimitExceededError, UnreadableFileError
from sew_desktop.services.imports.limits import Limits
from sew_desktop.services.imports.model import ErrorCode, ImportPlan, Options, WarningCode
from sew_desktop.services.imports.reading import read_table
from sew_desktop.services.imports.report import warning_message
from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.store.repository import Repository
from tests.cli.test_cli import run
from tests.services.imports.helpers import CALL

OPTIONS = Options(as_of=date(2023, 6, 1))
HEAD = "Samenwerkingsverband;Gemeente;Beslissing;Bedrag;Datum\n"


def _plan(repo: Repository, path: Path, options: Options = OPTIONS) -> ImportPlan:
    return prepare(repo, path, find_call(repo, CALL), options)


def _file(tmp_path: Path, text: str, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _codes(plan: ImportPlan) -> list[tuple[int, ErrorCode]]:
    return [(e.row, e.code) for e in plan.errors]


def test_a_quote_that_closes_on_the_next_line_swallowing_a_row_is_refused(repo: Repository, tmp_path: Path) -> None:
    path = _file(tmp_path, HEAD + '"Regio A;Aalst;goedgekeurd;1000;20/04/2023\nRegio B";Temse;goedgekeurd;2000;'
                 "20/04/2023\nRegio C;Geel;goedgekeurd;3000;20/04/2023\n")  # fmt: skip
    with pytest.raises(UnreadableFileError, match="line 2: a quote opens there and only closes on line 3"):
        _plan(repo, path)


def test_a_note_over_two_lines_with_a_delimiter_in_it_is_still_a_cell(repo: Repository, tmp_path: Path) -> None:
    path = _file(tmp_path, "Samenwerkingsverband;Gemeente;Beslissing;Bedrag;Datum;Opmerking\n"
                 'Regio A;Aalst;goedgekeurd;1000;20/04/2023;"onder voorwaarden;\nzie brief"\n')  # fmt: skip
    plan = _plan(repo, path)
    assert plan.errors == [] and [p.decision.collaboration for p in plan.decisions] == ["Regio A"]


def test_backslashes_outside_quotes_are_kept_when_quotes_are_escaped_with_one(repo: Repository, tmp_path: Path) -> None:
    path = _file(tmp_path, "Samenwerkingsverband,Gemeente,Beslissing,Bedrag,Datum\n"
                 '"Regio \\"Waasland\\"",Temse,goedgekeurd,"1.000,00",20/04/2023\n'
                 'Regio\\Noord,Aalst,goedgekeurd,"2.000,00",20/04/2023\n'
                 '"Regio \\\\ Zuid",Gent,goedgekeurd,"3.000,00",20/04/2023\n')  # fmt: skip
    plan = _plan(repo, path)
    assert [p.decision.collaboration for p in plan.decisions] == ['Regio "Waasland"', "Regio\\Noord", "Regio \\ Zuid"]


def test_names_in_another_script_are_decisions_of_their_own(repo: Repository, tmp_path: Path) -> None:
    path = _file(tmp_path, HEAD + "Ωμέγα;Aalst;goedgekeurd;1000;20/04/2023\nΔέλτα;Temse;goedgekeurd;1000;20/04/2023\n")
    plan = _plan(repo, path)
    assert sorted(p.decision.collaboration for p in plan.decisions) == ["Δέλτα", "Ωμέγα"]
    assert all(p.decision.key for p in plan.decisions)


@pytest.mark.parametrize("name", ["?", "-", "\u200b", "…"])
def test_a_name_without_letters_or_digits_is_a_row_error(repo: Repository, tmp_path: Path, name: str) -> None:
    path = _file(tmp_path, HEAD + f"{name};Aalst;goedgekeurd;1000;20/04/2023\nRegio B;Temse;goedgekeurd;1000;\n")
    plan = _plan(repo, path)
    assert _codes(plan) == [(2, ErrorCode.UNNAMED_COLLABORATION)]
    assert [p.decision.collaboration for p in plan.decisions] == ["Regio B"]


def test_a_name_and_a_nis_code_of_different_municipalities_is_a_row_error(repo: Repository, tmp_path: Path) -> None:
    path = _file(tmp_path, "Samenwerkingsverband;Gemeente;NIS;Beslissing;Bedrag\n"
                 "Regio A;Temse;41002;goedgekeurd;1000\n"  # Temse is 46025; 41002 is Aalst
                 "Regio A;Aalst;41002;goedgekeurd;1000\n"
                 "Regio A;Aalstt;41002;goedgekeurd;1000\n"  # another spelling of nothing: the code decides
                 "Regio A;Ninove;;goedgekeurd;1000\n")  # fmt: skip
    plan = _plan(repo, path)
    assert _codes(plan) == [(2, ErrorCode.NAME_AND_NIS_DIFFER)]
    assert plan.errors[0].value == "Temse ≠ 41002"


def test_an_approval_that_becomes_a_rejection_warns_that_its_memberships_stay(repo: Repository, tmp_path: Path) -> None:
    rows = "Regio Nieuw;Aalst;{0};1000;20/04/2023\nRegio Nieuw;Ninove;{0};1000;20/04/2023\n"
    apply(repo, _plan(repo, _file(tmp_path, HEAD + rows.format("goedgekeurd"), "a.csv")), user="t")
    plan = _plan(repo, _file(tmp_path, HEAD + rows.format("afgewezen"), "b.csv"))
    warnings = [w for w in plan.warnings if w.code is WarningCode.NO_LONGER_APPROVED]
    assert [w.values for w in warnings] == [("Regio Nieuw", "Regio Nieuw")]
    assert "no longer approved" in warning_message(warnings[0])
    again = _plan(repo, _file(tmp_path, HEAD + rows.format("goedgekeurd"), "c.csv"))
    assert not [w for w in again.warnings if w.code is WarningCode.NO_LONGER_APPROVED]


def test_a_year_that_cannot_be_a_decision_is_an_error_and_one_outside_the_call_a_warning(
    repo: Repository, tmp_path: Path
) -> None:
    path = _file(tmp_path, HEAD + "Regio A;Aalst;goedgekeurd;1000;1/1/0023\nRegio B;Temse;goedgekeurd;1000;20/04/99\n"
                 "Regio C;Geel;goedgekeurd;1000;20/04/2024\n")  # fmt: skip
    plan = _plan(repo, path)
    assert _codes(plan) == [(2, ErrorCode.IMPLAUSIBLE_YEAR)]
    outside = [w for w in plan.warnings if w.code is WarningCode.DATE_OUTSIDE_CALL]
    assert [w.values[:2] for w in outside] == [("Regio B", "2099-04-20")]
    assert warning_message(outside[0]) == (
        "Regio B: the decision date 20/04/2099 lies outside the call period (01/01/2023 – 31/12/2025)"
    )


def test_a_collaboration_named_like_a_centrumstad_cannot_put_others_into_it(repo: Repository, tmp_path: Path) -> None:
    path = _file(tmp_path, HEAD + "Demo-centrumstad Gent;Aalst;goedgekeurd;1000;20/04/2023\n")
    assert _codes(_plan(repo, path)) == [(2, ErrorCode.CENTRE_CITY_NAME)]
    own_city = _file(tmp_path, HEAD + "Demo-centrumstad Gent;Gent;goedgekeurd;1000;20/04/2023\n", "gent.csv")
    plan = _plan(repo, own_city)
    assert plan.errors == [] and plan.memberships.additions == []


@pytest.mark.parametrize("name", ["rot13", "hex", "zlib_codec"])
def test_a_codec_that_is_not_a_text_encoding_is_refused_by_name(tmp_path: Path, name: str) -> None:
    path = _file(tmp_path, HEAD + "Regio A;Aalst;goedgekeurd;1000;20/04/2023\n")
    with pytest.raises(UnreadableFileError, match=f"'{name}' is not a text encoding"):
        read_table(path, name)


def test_the_cell_length_limit_is_exact(tmp_path: Path) -> None:
    limits = Limits(cell_chars=100)
    fits = _file(tmp_path, "Naam;Gemeente\n" + "x" * 100 + ";Gent\n", "fits.csv")
    assert [len(str(row[0])) for row in read_table(fits, limits=limits).rows][1] == 100
    over = _file(tmp_path, "Naam;Gemeente\n" + "x" * 101 + ";Gent\n", "over.csv")
    with pytest.raises(LimitExceededError, match="more than 100 characters"):
        list(read_table(over, limits=limits).rows)


def test_a_folder_or_a_text_codec_on_the_command_line_is_one_line_with_exit_2(demo_path: Path, tmp_path: Path) -> None:
    folder = run("--db", str(demo_path), "import-decisions", str(tmp_path), "--call", CALL)
    assert folder.returncode == 2 and folder.stderr.strip() == f"sew-desktop: error: a folder, not a file: {tmp_path}"
    path = _file(tmp_path, HEAD + "Regio A;Aalst;goedgekeurd;1000;20/04/2023\n")
    codec = run("--db", str(demo_path), "import-decisions", str(path), "--call", CALL, "--encoding", "rot13")
    assert codec.returncode == 2 and len(codec.stderr.strip().splitlines()) == 1
    assert "not a text encoding" in codec.stderr and "unexpected" not in codec.stderr
