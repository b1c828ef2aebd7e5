"""The filter rule: free words within one cell, ``kolom:waarde`` on one column (Dutch or English names)."""

from __future__ import annotations

import pytest

from sew_desktop.ui.core.column_names import aliases
from sew_desktop.ui.core.filter_syntax import FilterQuery, fold, parse_filter

NAMES = [{"Naam", "Name"}, {"Provincie", "Province"}, {"Regiegebied"}, {"VDAB-contact", "VDAB contact"},
         {"Status"}]
WESTERLO = ["westerlo", "antwerpen", "demo-regio kempen 1", "", "afgesloten"]
BEERNEM = ["beernem", "west-vlaanderen", "demo-regio west 1", "", "afgesloten"]


def cells(*texts: str) -> list[str]:
    return [fold(t) for t in texts]


def test_free_words_must_all_be_in_one_cell() -> None:
    query = parse_filter("West 1", NAMES)
    assert query.matches(BEERNEM)  # "Demo-regio West 1" holds both
    assert not query.matches(WESTERLO)  # "West" in the name, "1" in the regiegebied: different cells


def test_word_order_and_case_and_accents_do_not_matter() -> None:
    query = parse_filter("1 WEST", NAMES)
    assert query.matches(BEERNEM)
    assert parse_filter("beveren", NAMES).matches(cells("Béveren", "", "", "", ""))


def test_column_term_limits_to_that_column_by_dutch_or_english_name() -> None:
    row = cells("Gent", "Oost-Vlaanderen", "Demo-regio Oost 1", "Jan Peeters", "afgesloten")
    for text in ("provincie:oost", "Province:OOST", "prov:oost", "vdab-contact:jan", "vdabcontact:jan",
                 '"VDAB contact":peeters'):
        assert parse_filter(text, NAMES).matches(row), text
    assert not parse_filter("naam:oost", NAMES).matches(row)  # "oost" is not in the name


def test_column_terms_and_free_words_combine() -> None:
    query = parse_filter("status:afgesloten west 1", NAMES)
    assert query == FilterQuery(("west", "1"), ((4, "afgesloten", False),))
    assert query.matches(BEERNEM) and not query.matches(WESTERLO)


@pytest.mark.parametrize(("text", "expected"), [
    ('"west 1"', FilterQuery(("west 1",))),
    ('regiegebied:"west 1"', FilterQuery((), ((2, "west 1", False),))),
    ('regiegebied:="west 1"', FilterQuery((), ((2, "west 1", True),))),
    ("naam:=gent", FilterQuery((), ((0, "gent", True),))),
    ("naam:", FilterQuery()),  # a column without a value yet: no filter
    ("12:30", FilterQuery(("12:30",))),  # no column called 12: a word
    ("x:y", FilterQuery(("x:y",))),
    ("", FilterQuery()),
])
def test_parsing(text: str, expected: FilterQuery) -> None:
    assert parse_filter(text, NAMES) == expected


def test_an_ambiguous_beginning_is_no_column() -> None:
    names = [{"Valid from"}, {"Valid to"}]
    assert parse_filter("valid:2020", names) == FilterQuery(("valid:2020",))
    assert parse_filter("validto:2020", names) == FilterQuery((), ((1, "2020", False),))


def test_equals_asks_for_the_whole_cell() -> None:
    query = parse_filter('regiegebied:="Demo-regio West 1"', NAMES)
    assert query.matches(BEERNEM)
    assert not query.matches(cells("Ieper", "West-Vlaanderen", "Demo-regio West 10", "", ""))
    assert parse_filter("regiegebied:west", NAMES).matches(cells("", "", "Demo-regio West 10", "", ""))


def test_column_titles_are_known_in_both_languages() -> None:
    assert aliases("Naam") == {"Naam", "Name"}
    assert aliases("Ondertekend op") == {"Ondertekend op", "Signed on"}
    assert aliases("Signed on") == {"Ondertekend op", "Signed on"}
