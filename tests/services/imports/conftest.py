"""The import tests' repository: a private copy of the demo data, closed after the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sew_desktop.store.repository import Repository
from tests.services.imports.helpers import repository


@pytest.fixture
def repo(demo_path: Path) -> Iterator[Repository]:
    """The demo data, open."""
    opened = repository(demo_path)
    yield opened
    opened.close()
