from __future__ import annotations

import pytest

from sew_desktop.domain.decisions import Outcome, parse_outcome
from sew_desktop.domain.names import collaboration_key, header_key, municipality_key, split_members


@pytest.mark.parametrize(
    "spelling",
    [
        "Sint-Niklaas",
        "St.-Niklaas",
        "St-Niklaas",
        "st niklaas",
        "SINT NIKLAAS",
        "Sint-Niklaas (stad)",
        "Stad Sint-Niklaas",
    ],
)
def test_municipality_spellings_share_a_key(spelling: str) -> None:
    assert municipality_key(spelling) == municipality_key("Sint-Niklaas") == "sintniklaas"


def test_accents_apostrophes_and_spaces_are_ignored() -> None:
    assert municipality_key("Écaussinnes") == municipality_key("ecaussinnes")
    assert municipality_key("'s Gravenwezel") == municipality_key("s-Gravenwezel")
    assert municipality_key("Staden") == "staden"  # a real name that starts like "Stad"


@pytest.mark.parametrize("header", ["NIS-code", "nis code", "Niscode", "NIS_CODE", " nis-code "])
def test_header_key_ignores_case_and_punctuation(header: str) -> None:
    assert header_key(header) == "niscode"


def test_collaboration_key_and_member_splitting() -> None:
    assert collaboration_key("  Regio  Kempen-Werkt ") == collaboration_key("regio kempen werkt")
    assert split_members("Geel, Mol;Retie / Dessel\nBalen\r\n") == ["Geel", "Mol", "Retie", "Dessel", "Balen"]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Goedgekeurd", Outcome.APPROVED),
        ("toegekend", Outcome.APPROVED),
        ("JA", Outcome.APPROVED),
        ("positief", Outcome.APPROVED),
        ("approved", Outcome.APPROVED),
        ("Afgewezen", Outcome.REJECTED),
        ("niet goedgekeurd", Outcome.REJECTED),
        ("geweigerd", Outcome.REJECTED),
        ("nee", Outcome.REJECTED),
        ("negatief", Outcome.REJECTED),
        ("rejected", Outcome.REJECTED),
        ("", Outcome.PENDING),
        ("In behandeling", Outcome.PENDING),
        ("misschien", None),
    ],
)
def test_outcome_words(text: str, outcome: Outcome | None) -> None:
    assert parse_outcome(text) is outcome
