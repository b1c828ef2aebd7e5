"""Every file of the shared robustness corpus (real messy CSV and spreadsheet files, none a decisions list):
one clear line on stderr, exit 1 or 2, the database unchanged. The files are read where they are, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from sew_desktop import cli
from tests.services.imports.helpers import CALL

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "messy-files"
MISSING = (f"the shared corpus is not on this machine ({CORPUS}): put the shared folder (with messy-files/)"
           " beside the project as ../shared")
FILES = sorted(p for p in CORPUS.glob("*") if p.is_file() and p.name != "README.md") if CORPUS.is_dir() else []
MAX_MESSAGE = 300


@pytest.fixture(scope="module")
def corpus_db(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("corpus") / "demo.sqlite"
    target.write_bytes(demo_template.read_bytes())
    return target


def _state(db: Path) -> tuple[bytes, bool]:
    return db.read_bytes(), db.with_name(db.name + "-wal").exists()


@pytest.mark.skipif(not FILES, reason=MISSING)
@pytest.mark.parametrize("file", FILES, ids=[p.name for p in FILES])
def test_a_messy_file_gets_one_clear_line(corpus_db: Path, file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _state(corpus_db)
    code = cli.main(["--db", str(corpus_db), "import-decisions", str(file), "--call", CALL])
    out, err = capsys.readouterr()
    assert code in (1, 2), (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and out == "", err
    assert lines[0].startswith("sew-desktop: error: ") and "unexpected error" not in lines[0]
    assert lines[0].isprintable() and len(lines[0]) <= MAX_MESSAGE, lines[0]
    assert _state(corpus_db) == before


def test_the_corpus_is_complete_when_present() -> None:
    if not FILES:
        pytest.skip(MISSING)
    assert len(FILES) == 76
