"""The merge and the history speak to a coordinator: names, column titles, dd/mm/yyyy, counts, lines that fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from sew_desktop.cli import main
from sew_desktop.services.demo import write_demo
from sew_desktop.services.history import merge_summary
from sew_desktop.services.texts import WIDTH
from sew_desktop.store.mapping import Entity
from tests.cli.conftest import DUTCH, ENGLISH, Speak
from tests.services.merge_helpers import copy, opened


def _two_way(demo_path: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """Two demo files written apart (no common past), with one region's notes changed on both."""
    theirs = tmp_path / "theirs.sqlite"
    write_demo(theirs)
    with opened(demo_path) as repository:
        region = sorted(repository.regions())[0]
        name = repository.regions()[region].name
        repository.update(Entity.REGION, region, {"notes": "A", "valid_from": "2019-01-01"})
    with opened(theirs) as repository:
        repository.update(Entity.REGION, region, {"notes": "B"})
    return demo_path, theirs, name


def _merge(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    main(args)
    return capsys.readouterr().out


@pytest.mark.parametrize(("env", "words"), [
    (DUTCH, ["Regiegebieden · {name} · Notities (aan beide kanten gewijzigd): bij mij A, in de andere kopie B",
             "Geldig vanaf", "01/01/2019", "alleen in één kopie", "geen gemeenschappelijk verleden"]),
    (ENGLISH, ["Regiegebieden · {name} · Notes (changed on both sides): mine A, theirs B", "Valid from",
               "01/01/2019", "only in one copy", "no common past"]),
])
def test_two_way_conflicts_name_rows_and_columns(env: dict[str, str], words: list[str], speak: Speak,
                                                 demo_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    mine, theirs, name = _two_way(demo_path, tmp_path)
    speak(env)
    text = _merge(["--db", str(mine), "merge", str(theirs), "--dry-run"], capsys)
    flat = " ".join(text.split())
    assert all(" ".join(w.format(name=name).split()) in flat for w in words), text[:2000]
    assert "{'" not in text and "2019-01-01" not in text  # no Python dicts, no ISO dates
    assert "uuid" not in text and not any(len(line) > WIDTH for line in text.splitlines())


@pytest.mark.parametrize(("env", "words"), [
    (DUTCH, ["Samengevoegd met kopie theirs.sqlite:", "wijziging(en) van de andere kopie overgenomen",
             "conflict(en) beslist", "van de andere kopie;", "regiegebieden"]),
    (ENGLISH, ["Merged with copy theirs.sqlite:", "change(s) of theirs taken over", "conflict(s) decided",
               "theirs;", "regiegebieden"]),
])
def test_history_summarises_a_merge(env: dict[str, str], words: list[str], speak: Speak, demo_path: Path,
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine, theirs, _name = _two_way(demo_path, tmp_path)
    speak(env)
    assert main(["--db", str(mine), "merge", str(theirs), "--prefer", "theirs"]) == 0
    capsys.readouterr()
    text = _merge(["--db", str(mine), "history"], capsys)
    assert not any(len(line) > WIDTH for line in text.splitlines())
    flat = " ".join(text.split())
    assert all(w in flat for w in words), text[:1500]
    assert "choices:" not in text and "/*=" not in text  # not the stored note of uuids


def test_a_three_way_merge_summary_counts_what_came_in(demo_path: Path, tmp_path: Path) -> None:
    why = ("merge: b.sqlite (file 0f0e), three-way; choices: region/11111111-2222/notes=mine, "
           "agreement/3333/*=theirs, agreement/4444/signed=theirs")
    assert merge_summary(why, 12) == ("Merged with copy b.sqlite: 12 change(s) of theirs taken over, 3 conflict(s)"
                                      " decided (1 mine, 2 theirs; agreements 2, regiegebieden 1)")
    assert merge_summary("merge: b.sqlite (file 0f0e), three-way", 4) == (
        "Merged with copy b.sqlite: 4 change(s) of theirs taken over, 0 conflict(s) decided")
    assert merge_summary("restore from trash: Aalst", 0) is None


def test_a_copy_with_a_common_past_says_so(demo_path: Path, tmp_path: Path, speak: Speak,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    other = copy(demo_path, tmp_path / "copy.sqlite")
    speak(DUTCH)
    text = _merge(["--db", str(demo_path), "merge", str(other), "--dry-run"], capsys)
    assert text.startswith("copy.sqlite samenvoegen: beide kopieën komen uit hetzelfde bestand")
