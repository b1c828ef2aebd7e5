from __future__ import annotations

from datetime import date

import pytest

from sew_desktop.services.imports.errors import MissingColumnsError
from sew_desktop.services.imports.headers import classify, find_columns, is_annual
from sew_desktop.services.imports.model import Role
from sew_desktop.services.imports.values import (
    COMMA,
    POINT,
    AmbiguousAmountError,
    decimal_convention,
    parse_amount,
    parse_date,
)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Samenwerkingsverband", Role.COLLABORATION),
        ("REGIEGEBIED", Role.COLLABORATION),
        ("Naam samenwerkingsverband", Role.COLLABORATION),
        ("Aanvrager", Role.COLLABORATION),
        ("indiener", Role.COLLABORATION),
        ("Gemeente", Role.MUNICIPALITY),
        ("gemeenten", Role.MUNICIPALITY),
        ("Deelnemende gemeenten", Role.MUNICIPALITY),
        ("Lokaal bestuur", Role.MUNICIPALITY),
        ("Leden", Role.MUNICIPALITY),
        ("NIS", Role.NIS),
        ("nis-code", Role.NIS),
        ("NISCODE", Role.NIS),
        ("refnis", Role.NIS),
        ("INS-code", Role.NIS),
        ("Trekker", Role.LEAD),
        ("Beherende gemeente", Role.LEAD),
        ("Penhouder", Role.LEAD),
        ("Beslissing", Role.DECISION),
        ("besluit", Role.DECISION),
        ("Resultaat", Role.DECISION),
        ("Status", Role.DECISION),
        ("Subsidiebedrag", Role.AMOUNT),
        ("Bedrag (€)", Role.AMOUNT),
        ("Subsidie", Role.AMOUNT),
        ("Toegekend bedrag", Role.AMOUNT),
        ("Bedrag per jaar", Role.AMOUNT),
        ("Jaarlijks subsidiebedrag", Role.AMOUNT),
        ("Bedrag in euro", Role.AMOUNT),
        ("Datum beslissing", Role.DATE),
        ("Beslissingsdatum", Role.DATE),
        ("Datum", Role.DATE),
        ("Opmerking", None),
    ],
)
def test_header_synonyms(header: str, role: Role | None) -> None:
    assert classify(header) is role


def test_annual_amount_headers() -> None:
    assert is_annual("Subsidiebedrag per jaar") and is_annual("Jaarlijks bedrag")
    assert not is_annual("Subsidiebedrag")


def test_header_found_below_title_lines_and_other_columns_ignored() -> None:
    rows = [["Oproep 2023"], [], ["Opmerking", "Beslissing", "Gemeente", "Regiegebied", "Bedrag per jaar"], ["x"]]
    columns = find_columns(rows)
    assert columns.header_row == 2 and columns.annual
    assert columns.roles == {Role.DECISION: 1, Role.MUNICIPALITY: 2, Role.COLLABORATION: 3, Role.AMOUNT: 4}
    assert columns.ignored() == ["Opmerking"]


def test_header_must_be_within_the_first_ten_rows() -> None:
    rows = [[f"titel {i}"] for i in range(10)] + [["Samenwerkingsverband", "Gemeente", "Beslissing"]]
    with pytest.raises(MissingColumnsError):
        find_columns(rows)
    assert find_columns(rows[1:]).header_row == 9


def test_missing_column_names_it_and_the_headers_found() -> None:
    with pytest.raises(MissingColumnsError) as caught:
        find_columns([["Samenwerkingsverband", "Plaats", "Beslissing"]])
    assert caught.value.missing == ("municipality",)
    assert "missing column(s): municipality" in str(caught.value) and "'Plaats'" in str(caught.value)


def test_manual_mapping_fills_a_missing_column() -> None:
    columns = find_columns([["Samenwerkingsverband", "Plaats", "Beslissing"]], {Role.MUNICIPALITY: "Plaats"})
    assert columns.roles[Role.MUNICIPALITY] == 1


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["€ 85.000,00"], 8_500_000),
        (["85.000"], 8_500_000),
        (["85000"], 8_500_000),
        (["85 000,5"], 8_500_050),
        (["85,000.00"], 8_500_000),
        (["1.234,56", "85.000"], 123_456),
        (["1,234.56", "85,000"], 123_456),
    ],
)
def test_amounts_with_the_convention_of_the_file(cells: list[str], expected: int) -> None:
    convention = decimal_convention(cells)
    assert parse_amount(cells[0], convention) == expected


def test_convention_is_per_file_not_per_cell() -> None:
    assert decimal_convention(["85,000.00", "1.000,00", "12.50"]) == POINT
    assert decimal_convention(["85.000", "120,5"]) == COMMA
    with pytest.raises(AmbiguousAmountError):  # money has two decimals: 85,000 in the other convention, not 85
        parse_amount("85.000", POINT)
    assert parse_amount("85.000", COMMA) == 8_500_000 and parse_amount("85.00", POINT) == 8_500
    with pytest.raises(ValueError):
        parse_amount("1.000,00", POINT)


@pytest.mark.parametrize("cell", ["veel", "12,345", "-5", "1,2,3", "85.0000"])
def test_bad_amounts(cell: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(cell, COMMA)


def test_excel_numbers_are_exact_cents() -> None:
    assert parse_amount(77500.25, COMMA) == 7_750_025
    assert parse_amount(85000, COMMA) == 8_500_000
    assert parse_amount("", COMMA) is None and parse_amount(None, COMMA) is None


@pytest.mark.parametrize("text", ["20/04/2023", "20/4/2023", "20-04-2023", "2023-04-20", "20.04.2023"])
def test_dates(text: str) -> None:
    assert parse_date(text) == date(2023, 4, 20)


def test_excel_date_cells_and_bad_dates() -> None:
    assert parse_date(date(2023, 4, 20)) == date(2023, 4, 20)
    assert parse_date("") is None
    for bad in ("31/02/2023", "april 2023", "2023/04/20"):
        with pytest.raises(ValueError):
            parse_date(bad)
