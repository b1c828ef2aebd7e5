"""Where the user's database lives by default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "sew-desktop"
DB_ENV = "SEW_DESKTOP_DB"
DB_FILE = "sew.sqlite"


def default_database_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$SEW_DESKTOP_DB``, else ``sew.sqlite`` in the platform's user data folder."""
    env = os.environ if environ is None else environ
    override = env.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return platform_database_path()


def platform_database_path() -> Path:
    """``sew.sqlite`` in the platform's user data folder (the only place whose folders the app makes itself)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE
