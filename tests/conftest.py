"""Shared fixtures. Qt runs offscreen; domain/store/services tests never create a QApplication."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen on a Full HD screen (the plain offscreen screen is 800x800): the window opens at its preferred size, as
# on a desktop; tests of a laptop screen start a process with screens/laptop.json.
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={Path(__file__).resolve().parent / 'screens' / 'fullhd.json'}"
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen" else os.environ["QT_QPA_PLATFORM"])
# The window's settings (and with them the file it used last, which the command line opens by default) in a
# folder of this run, never the developer's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sew-tests-config-")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from sew_desktop.services.demo import write_demo
from sew_desktop.store.database import open_memory_database
from sew_desktop.store.repository import Repository

# The team server's fixtures (one PostgreSQL cluster per session), shared by tests/team and the window's tests.
pytest_plugins = ["tests.team.fixtures"]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, written once per test session; copy it before changing it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database."""
    target = tmp_path / "demo.sqlite"
    target.write_bytes(demo_template.read_bytes())
    return target


@pytest.fixture
def memory_repository() -> Iterator[Repository]:
    """A repository over an in-memory database holding the reference data only."""
    repository = Repository(open_memory_database())
    yield repository
    repository.close()
