"""The command line speaks the user's language: Dutch for an nl* locale (or the window's choice), else English."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sew_desktop import cli
from sew_desktop.cli import language
from sew_desktop.domain.validation import Problem
from sew_desktop.store.checks import RowValidationError
from sew_desktop.store.errors import DatabaseMissingError
from tests.cli.conftest import DUTCH, ENGLISH, LOCALE_VARIABLES, Speak


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = cli.main(args, qt_handlers={"export": _refused})
    except SystemExit as exit_:  # --help and usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _refused(args: argparse.Namespace) -> int:
    raise RowValidationError([Problem.SIGNED_BEFORE_STARTED])


CASES = [  # arguments, what Dutch says, what English says
    (["--help"], ["gebruik: sew-desktop", "opties:", "de dekkingstabel per provincie afdrukken",
                  "toon deze hulp en stop"], ["usage: sew-desktop", "options:", "print the coverage table"]),
    (["report", "--format", "xml"], ["sew-desktop: fout: argument --format: ongeldige keuze: 'xml'"],
     ["sew-desktop: error: argument --format: invalid choice: 'xml'"]),
    (["merge"], ["deze argumenten zijn verplicht: THEIRS.sqlite"],
     ["the following arguments are required: THEIRS.sqlite"]),
    (["--db", "{missing}", "check"], ["fout: database niet gevonden:"], ["error: database not found:"]),
    (["--db", "{db}", "check"], ["de database is in orde"], ["database is OK"]),
    (["--db", "{db}", "report", "--as-of", "17/10/2022"],
     ["Samenwerkingsovereenkomsten VDAB - stand op 17/10/2022, prognose 31/12/2022", "Gebied", "Gemeenten met SO"],
     ["VDAB cooperation agreements - as of 17/10/2022, forecast 31/12/2022", "Area", "Municipalities with SO"]),
    (["--db", "{db}", "report", "--as-of", "2022-13-01"], ["ongeldige datum '2022-13-01'"], ["invalid date"]),
    (["export", "table", "-o", "{out}"],
     ["fout: De datum van ondertekening ligt vóór de start van de onderhandelingen."],
     ["error: The signing date lies before the start of the negotiations."]),
]


@pytest.mark.parametrize(("args", "dutch", "english"), CASES)
def test_messages_follow_the_locale(args: list[str], dutch: list[str], english: list[str], speak: Speak,
                                    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = [a.format(db=demo_path, missing=tmp_path / "none.sqlite", out=tmp_path / "t.csv") for a in args]
    for env, expected, absent in ((DUTCH, dutch, english), (ENGLISH, english, dutch), ({"LANG": "C"}, english, dutch)):
        speak(env)
        _code, out, err = run_cli(filled, capsys)
        said = out + err
        assert all(text in said for text in expected), (env, said)
        assert not any(text in said for text in absent), (env, said)


def test_demo_says_where_it_wrote(speak: Speak, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    speak(DUTCH)
    said = run_cli(["demo", str(tmp_path / "nl.sqlite")], capsys)[1]
    assert said == f"demodatabase geschreven naar {tmp_path}/nl.sqlite\n"
    speak(ENGLISH)
    said = run_cli(["demo", str(tmp_path / "en.sqlite")], capsys)[1]
    assert said == f"demo database written to {tmp_path}/en.sqlite\n"


def test_a_store_error_keeps_english_str_and_translates_its_text(speak: Speak) -> None:
    error = DatabaseMissingError(Path("x.sqlite"))
    speak(DUTCH)
    assert str(error) == "database not found: x.sqlite"
    assert error.text.render(language.translate) == "database niet gevonden: x.sqlite"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "nl_BE.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "nl_BE.UTF-8"}, "en"),
        ({"LANGUAGE": "nl", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LANGUAGE": "nl", "LANG": "C"}, "en"),
    ],
)
def test_the_language_is_the_one_the_window_takes(env: dict[str, str], expected: str, tmp_path: Path) -> None:
    """The CLI decides without Qt; QLocale.system() (the window's choice without a setting) agrees."""
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES} | env
    clean["XDG_CONFIG_HOME"] = str(tmp_path)
    code = "from PySide6.QtCore import QLocale; print(QLocale.system().name())"
    qt_name = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True,
                             check=True).stdout.strip()
    assert language.decide_language(clean) == expected
    assert ("nl" if qt_name.lower().startswith("nl") else "en") == expected


def test_the_windows_own_choice_wins(tmp_path: Path) -> None:
    settings = tmp_path / "sew-desktop" / "sew-desktop.ini"
    settings.parent.mkdir()
    settings.write_text("[files]\nlast=/nowhere.sqlite\n\n[ui]\nlanguage=nl\n", encoding="utf-8")
    assert language.decide_language({"XDG_CONFIG_HOME": str(tmp_path), "LANG": "en_US.UTF-8"}) == "nl"
    settings.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    assert language.decide_language({"XDG_CONFIG_HOME": str(tmp_path), "LANG": "nl_BE.UTF-8"}) == "en"


def test_numbers_are_written_the_users_way(speak: Speak) -> None:
    speak(DUTCH)
    assert language.number(1234.56, 2) == "1.234,56" and language.number(31200) == "31.200"
    speak(ENGLISH)
    assert language.number(1234.56, 2) == "1,234.56"


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES} | env
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=False)


def test_qt_is_loaded_only_to_print_dutch_and_then_only_qtcore(demo_path: Path) -> None:
    code = ("import sys; from sew_desktop import cli; "
            f"rc = cli.main(['--db', {str(demo_path)!r}, 'report', '--format', FORMAT]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')), "
            "file=sys.stderr)")
    json_run = _python(code.replace("FORMAT", "'json'"), DUTCH)
    assert json_run.returncode == 0 and "PySide6" not in json_run.stderr  # machine formats need no catalog
    text_run = _python(code.replace("FORMAT", "'text'"), DUTCH)
    assert "Gebied" in text_run.stdout and "PySide6.QtCore" in text_run.stderr
    assert "QtGui" not in text_run.stderr and "QtWidgets" not in text_run.stderr
    english = _python(code.replace("FORMAT", "'text'"), ENGLISH)
    assert "Area" in english.stdout and "PySide6" not in english.stderr
    version = _python("import sys, contextlib; from sew_desktop import cli\n"
                      "with contextlib.suppress(SystemExit): cli.main(['--version'])\n"
                      "print(sorted(m for m in sys.modules if m.startswith('PySide6')), file=sys.stderr)", DUTCH)
    assert version.stdout.startswith("sew-desktop ") and version.stderr.strip() == "[]"


# argparse's texts for programmers (a parser built wrongly), never shown to a user of this program.
FOR_PROGRAMMERS = {".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
                   'argument "-" with mode %r', "cannot merge actions - two groups are named %r",
                   "'required' is an invalid argument for positionals", "dest= is required for options like %r",
                   "invalid conflict_resolution value: %r", "conflicting option string: %s",
                   "conflicting option strings: %s", "mutually exclusive arguments must be optional",
                   "cannot have multiple subparser arguments", "subcommands", "%r is not callable",
                   "%(prog)s: error: %(message)s\n",  # OneLineParser.error writes its own line
                   "invalid option string %(option)r: must start with a character %(prefix_chars)r"}


def test_every_word_argparse_says_to_a_user_is_in_the_catalog() -> None:
    """A newer Python's argparse may say more: this test names what is missing."""
    said: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            said |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    missing = sorted(said - set(language.ARGPARSE_WORDS) - FOR_PROGRAMMERS)
    assert not missing, f"argparse words missing from cli.language.ARGPARSE_WORDS: {missing}"


def test_backups_list_says_why_each_was_taken(speak: Speak, demo_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from sew_desktop.services.backups import BackupReason, take_backup

    take_backup(demo_path, BackupReason.BEFORE_MERGE)
    speak(DUTCH)
    said = run_cli(["--db", str(demo_path), "backups", "list"], capsys)[1]
    assert ".before-merge.sqlite" in said and "vóór het samenvoegen van een kopie" in said
    speak(ENGLISH)
    said = run_cli(["--db", str(demo_path), "backups", "list"], capsys)[1]
    assert "before merging a copy" in said
