"""Fixtures of the command-line tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sew_desktop.cli import language

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
DUTCH = {"LANG": "nl_BE.UTF-8"}
ENGLISH = {"LANG": "en_US.UTF-8"}
Speak = Callable[[dict[str, str]], None]


@pytest.fixture
def speak(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Speak]:
    """Set the locale of this test (never the machine's) and decide the language again."""

    def set_locale(env: dict[str, str]) -> None:
        for name in LOCALE_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
        language.language.cache_clear()

    yield set_locale
    language.language.cache_clear()


