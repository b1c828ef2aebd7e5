"""Where the user's database lives by default."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "sew-desktop"
DB_ENV = "SEW_DESKTOP_DB"
DB_FILE = "sew.sqlite"


def default_database_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$SEW_DESKTOP_DB``, else the file the window used last (when it still exists), else ``sew.sqlite`` in the
    platform's user data folder: the window and the command line work on the same file."""
    env = os.environ if environ is None else environ
    override = env.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    last = last_used_file(env)
    return last if last is not None else platform_database_path()


def settings_file(environ: Mapping[str, str] | None = None) -> Path:
    """Where the window keeps its settings (Qt's INI file for organisation and application "sew-desktop")."""
    env = os.environ if environ is None else environ
    if sys.platform == "win32" and env.get("APPDATA"):
        return Path(env["APPDATA"]) / APP_NAME / f"{APP_NAME}.ini"
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", str(Path.home()))) / ".config")
    return Path(config) / APP_NAME / f"{APP_NAME}.ini"


def last_used_file(environ: Mapping[str, str] | None = None) -> Path | None:
    """The database the window opened last (its ``files/last`` setting), when that file still exists."""
    value = setting("files", "last", environ)
    if value is None:
        return None
    path = Path(value)
    return path if path.is_file() else None


def setting(section: str, key: str, environ: Mapping[str, str] | None = None) -> str | None:
    """One string of the window's settings (``section/key``, e.g. ``ui/language``), read without Qt."""
    try:
        lines = settings_file(environ).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    current = ""
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1]
        elif current == section and stripped.startswith(f"{key}="):
            return _ini_value(stripped.removeprefix(f"{key}="))
    return None


def _ini_value(text: str) -> str:
    """A string as Qt writes it in an INI file: maybe quoted, with backslash escapes."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return re.sub(r"\\x([0-9a-fA-F]{1,4})|\\(.)",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), text)


def platform_database_path() -> Path:
    """``sew.sqlite`` in the platform's user data folder (the only place whose folders the app makes itself)."""
    import platformdirs  # imported when first asked: not on the way to the window's first paint

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE
