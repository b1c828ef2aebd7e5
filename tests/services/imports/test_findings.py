"""The findings of the import hardening issue: each file imports exactly, or is refused with a reason."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from sew_desktop.domain.decisions import Outcome
from sew_desktop.services.imports.errors import MissingColumnsError, UnreadableFileError
from sew_desktop.services.imports.model import ErrorCode, ImportPlan, Options, WarningCode
from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.store import decisions as store
from sew_desktop.store.repository import Repository
from tests.services.imports.helpers import CALL, HEADER

OPTIONS = Options(as_of=date(2023, 6, 1))


def _plan(repo: Repository, path: Path, options: Options = OPTIONS) -> ImportPlan:
    return prepare(repo, path, find_call(repo, CALL), options)


def _names(plan: ImportPlan) -> list[str]:
    return [p.decision.collaboration for p in plan.decisions]


def test_backslash_escaped_quotes_are_stored_as_written(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        'Samenwerkingsverband,Gemeente,Beslissing\n"Regio \\"Waasland Werkt\\"",Temse,goedgekeurd\n'
        '"Regio \\"Waasland Werkt\\"",Sint-Niklaas,goedgekeurd\n',
        encoding="utf-8",
    )
    plan = _plan(repo, path)
    assert plan.errors == [] and _names(plan) == ['Regio "Waasland Werkt"']
    apply(repo, plan, user="t")
    stored = store.stored_decisions(repo, plan.call.id)
    assert [d.collaboration for d in stored.values() if "Waasland Werkt" in d.collaboration] == [
        'Regio "Waasland Werkt"'
    ]


def test_a_macroman_file_then_a_utf8_file_is_one_collaboration(repo: Repository, tmp_path: Path) -> None:
    text = (
        "Samenwerkingsverband;Gemeente;Beslissing\r\n"
        "Coöperatief Zuid;Zwalm;goedgekeurd\r\nCoöperatief Zuid;Horebeke;goedgekeurd\r\n"
    )
    mac = tmp_path / "mac.csv"
    mac.write_bytes(text.encode("mac_roman"))
    plan = _plan(repo, mac)
    assert plan.table.encoding == "mac_roman" and _names(plan) == ["Coöperatief Zuid"]
    apply(repo, plan, user="t")
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(text, encoding="utf-8")
    again = _plan(repo, utf8)
    assert [p.status.value for p in again.decisions] == ["unchanged"]


def test_the_hidden_draft_sheet_is_not_imported(repo: Repository, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    draft = workbook.active
    assert draft is not None
    draft.title = "Ontwerp"
    for row in (HEADER, ["Ontwerpregio", "Gent", "goedgekeurd", 5, None]):
        draft.append(row)
    draft.sheet_state = "hidden"
    real = workbook.create_sheet("Lijst")
    for row in (HEADER, ["Regio Waasland", "Temse", "goedgekeurd", 85000, datetime(2023, 4, 20)]):
        real.append(row)
    workbook.active = 1
    workbook.save(tmp_path / "f.xlsx")
    plan = _plan(repo, tmp_path / "f.xlsx")
    assert plan.table.sheet == "Lijst" and _names(plan) == ["Regio Waasland"]


def test_amount_formulas_without_a_value_are_refused(repo: Repository, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Regio Waasland", "Temse", "goedgekeurd", "=2*40000", None])
    workbook.save(tmp_path / "f.xlsx")
    with pytest.raises(UnreadableFileError, match="cells D2 hold formulas without a calculated value"):
        _plan(repo, tmp_path / "f.xlsx")


def test_a_lying_dimension_still_imports_every_row(repo: Repository, tmp_path: Path) -> None:
    import zipfile

    names = ["Temse", "Sint-Niklaas", "Beveren", "Lokeren", "Zele", "Hamme", "Waasmunster", "Stekene", "Kruibeke"]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([*HEADER, "Opmerking"])
    for number in range(49):
        sheet.append([f"Regio {number}", names[number % len(names)], "goedgekeurd", 1000 + number, None, "x"])
    path = tmp_path / "f.xlsx"
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        items = [(i, source.read(i)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in items:
            target.writestr(info, data.replace(b'<dimension ref="A1:F50"', b'<dimension ref="A1:C9"'))
    plan = _plan(repo, path)
    assert plan.rows == 49 and len(plan.decisions) == 49
    assert plan.decisions[-1].decision.amount_cents == 104_800 and plan.columns.ignored() == ["Opmerking"]


def test_comma_space_delimiter_with_quoted_amounts_imports(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        'Samenwerkingsverband, Gemeente, Beslissing, Bedrag\n"Regio Waasland", "Temse", "goedgekeurd", "85.000,00"\n'
        '"Regio Waasland", "Sint-Niklaas", "goedgekeurd", "85.000,00"\n',
        encoding="utf-8",
    )
    plan = _plan(repo, path)
    assert plan.errors == [] and plan.decisions[0].decision.amount_cents == 8_500_000
    assert len(plan.decisions[0].decision.members) == 2


def test_ragged_semicolon_rows_with_decimal_commas_import(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        "Samenwerkingsverband;Gemeente;Beslissing;Bedrag;\nRegio A;Temse;goedgekeurd;85000,50;\n"
        "Regio A;Sint-Niklaas;goedgekeurd;85000,50;;\nRegio B;Zwalm;afgewezen;;\nRegio C;Geel;goedgekeurd;1,5\n",
        encoding="utf-8",
    )
    plan = _plan(repo, path)
    assert plan.table.delimiter == ";" and plan.errors == []
    assert [p.decision.amount_cents for p in plan.decisions] == [8_500_050, None, 150]


def test_dates_with_a_time_part_are_accepted_and_a_real_time_is_a_warning(repo: Repository, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Regio A", "Temse", "goedgekeurd", 10, datetime(2023, 4, 20, 0, 0)])
    sheet.append(["Regio B", "Zwalm", "goedgekeurd", 10, "20/04/2023 00:00:00"])
    sheet.append(["Regio C", "Geel", "goedgekeurd", 10, datetime(2023, 4, 21, 13, 5)])
    sheet.append(["Regio D", "Mol", "goedgekeurd", 10, "2023-04-22 09:30"])
    workbook.save(tmp_path / "f.xlsx")
    plan = _plan(repo, tmp_path / "f.xlsx")
    assert plan.errors == []
    assert [p.decision.decision_date for p in plan.decisions] == [
        date(2023, 4, 20), date(2023, 4, 20), date(2023, 4, 21), date(2023, 4, 22)
    ]  # fmt: skip
    times = [w.values for w in plan.warnings if w.code is WarningCode.TIME_IGNORED]
    assert times == [("Regio C", "4", "13:05"), ("Regio D", "5", "09:30")]


def test_a_1904_workbook_gives_the_dates_it_shows(repo: Repository, tmp_path: Path) -> None:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    workbook = openpyxl.Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Regio A", "Temse", "goedgekeurd", 10, date(2023, 4, 20)])
    workbook.save(tmp_path / "f.xlsx")
    assert _plan(repo, tmp_path / "f.xlsx").decisions[0].decision.decision_date == date(2023, 4, 20)


@pytest.mark.parametrize("amount", ["99999999999999999,99", "100.000.000,01", "nan", "inf"])
def test_implausible_amounts_are_row_errors_in_the_dry_run(repo: Repository, tmp_path: Path, amount: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(f"Samenwerkingsverband;Gemeente;Beslissing;Bedrag\nRegio A;Temse;goedgekeurd;{amount}\n", "utf-8")
    plan = _plan(repo, path)
    assert [(e.row, e.code) for e in plan.errors] in (
        [(2, ErrorCode.AMOUNT_TOO_LARGE)],
        [(2, ErrorCode.BAD_AMOUNT)],
    )
    assert not plan.can_apply


def test_a_bad_amount_repeated_on_member_rows_is_an_error_on_each_of_them(repo: Repository, tmp_path: Path) -> None:
    """Per municipality, a row whose cells repeat an earlier row's, with a member seen before, takes the shortcut
    past parsing (rows 6 and 7 here): it must still carry the amount's error; a different amount is a conflict."""
    members = ("Temse", "Beveren", "Kruibeke")
    amounts = {"Regio A": ("10", "10", "10"), "Regio B": ("12x", "12x", "12x"), "Regio C": ("10", "10", "11")}
    rows = [
        (name, member, amount) for name, cells in amounts.items() for member, amount in zip(members, cells, strict=True)
    ]
    path = tmp_path / "f.csv"
    path.write_text(
        "Samenwerkingsverband;Gemeente;Beslissing;Bedrag\n"
        + "".join(f"{name};{member};goedgekeurd;{amount}\n" for name, member, amount in rows),
        "utf-8",
    )
    plan = _plan(repo, path)
    assert [(e.row, e.code) for e in plan.errors] == [
        (5, ErrorCode.BAD_AMOUNT), (6, ErrorCode.BAD_AMOUNT), (7, ErrorCode.BAD_AMOUNT), (10, ErrorCode.CONFLICT)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        (("1,250.50", "2,000.00", "85.000"), [(4, ErrorCode.AMBIGUOUS_AMOUNT)]),  # point file: "85.000" is not 85
        (("1.250,50", "2.000,00", "50,000"), [(4, ErrorCode.AMBIGUOUS_AMOUNT)]),  # comma file: "50,000" is not 50
        (("1.250,50", "1,500"), [(3, ErrorCode.AMBIGUOUS_AMOUNT)]),
        (("1.250,50", "85.000", "12,5"), []),  # thousands and decimals that agree with the file
    ],
)
def test_an_amount_that_reads_differently_in_the_other_convention_is_refused_not_guessed(
    repo: Repository, tmp_path: Path, amounts: tuple[str, ...], expected: list[tuple[int, ErrorCode]]
) -> None:
    path = tmp_path / "f.csv"
    rows = [f"Regio {chr(65 + i)};{town};goedgekeurd;{amount}\n"
            for i, (town, amount) in enumerate(zip(("Aalst", "Temse", "Geel"), amounts, strict=False))]
    path.write_text("Samenwerkingsverband;Gemeente;Beslissing;Bedrag\n" + "".join(rows), "utf-8")
    plan = _plan(repo, path)
    assert [(e.row, e.code) for e in plan.errors] == expected
    if not expected:
        assert [p.decision.amount_cents for p in plan.decisions] == [125_050, 8_500_000, 1_250]


@pytest.mark.parametrize("amount", [1e30, 100_000_000.01])
def test_implausible_excel_amounts_are_row_errors(repo: Repository, tmp_path: Path, amount: float) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Regio A", "Temse", "goedgekeurd", amount, None])
    workbook.save(tmp_path / "f.xlsx")
    plan = _plan(repo, tmp_path / "f.xlsx")
    assert len(plan.errors) == 1 and plan.errors[0].code in (ErrorCode.AMOUNT_TOO_LARGE, ErrorCode.BAD_AMOUNT)


def test_excel_error_cells_are_refused_not_read_as_empty(repo: Repository, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Regio A", "Temse", "goedgekeurd", "#NUM!", None])
    workbook.save(tmp_path / "f.xlsx")
    with pytest.raises(UnreadableFileError, match=r"cells D2 \(#NUM!\) hold Excel errors"):
        _plan(repo, tmp_path / "f.xlsx")


def test_the_largest_plausible_amount_applies(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        "Samenwerkingsverband;Gemeente;Beslissing;Bedrag\nRegio A;Temse;goedgekeurd;100.000.000,00\n", "utf-8"
    )
    plan = _plan(repo, path)
    assert plan.errors == []
    apply(repo, plan, user="t")
    stored = store.stored_decisions(repo, plan.call.id)
    assert [d.amount_cents for d in stored.values() if d.collaboration == "Regio A"] == [10_000_000_000]
    assert [d.outcome for d in stored.values() if d.collaboration == "Regio A"] == [Outcome.APPROVED]


def test_a_long_header_list_is_shortened(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(";".join(f"Kolom nummer {n}" for n in range(31)) + "\n1;2\n", encoding="utf-8")
    with pytest.raises(MissingColumnsError) as caught:
        _plan(repo, path)
    message = str(caught.value)
    assert message.endswith("… and 23 more") and len(message) < 300


def test_utf16_without_bom_imports_without_nul_characters(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(
        "Samenwerkingsverband\tGemeente\tBeslissing\r\nRegio Zuid\tZwalm\tgoedgekeurd\r\n".encode("utf-16-le")
    )
    plan = _plan(repo, path)
    assert plan.table.encoding == "utf_16_le" and plan.errors == [] and _names(plan) == ["Regio Zuid"]


def test_the_effect_counts_municipalities_lost_by_moves_out_of_signed_regions(repo: Repository) -> None:
    from tests.services.imports.helpers import SAMPLES

    plan = _plan(repo, SAMPLES / "beslissingen_per_gemeente_cp1252.csv")
    assert plan.effect_day == date(2023, 6, 1)
    effect = {e.area: (len(e.gained), len(e.lost)) for e in plan.coverage_effect}
    assert effect["West-Vlaanderen"] == (0, 4) and effect["Oost-Vlaanderen"] == (0, 7)
    moves = [w for w in plan.warnings if w.code is WarningCode.MOVE]
    lost = {plan.municipality_names[code] for e in plan.coverage_effect for code in e.lost}
    assert lost <= {str(w.values[0]) for w in moves}  # every lost municipality is also named in a move warning
    west = next(e for e in plan.coverage_effect if e.area == "West-Vlaanderen")
    west_names = [plan.municipality_names[code] for code in west.lost]
    assert west_names == sorted(west_names)
