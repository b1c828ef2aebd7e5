"""Writing a file so that it is either the old one or the complete new one, never half written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from sew_desktop.services.export_table import ExportTargetError


def _default_mode(path: Path) -> int:
    """The replaced file's permissions, else what a plain ``open`` would give (mkstemp's are owner-only)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush and fsync it, then rename it into place."""
    if path.exists() and not force:
        raise ExportTargetError(f"{path} already exists (use --force to overwrite)")
    if path.is_dir():
        raise ExportTargetError(f"cannot write {path}: it is a folder")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as exc:
        raise ExportTargetError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        os.chmod(temporary, _default_mode(path))
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise ExportTargetError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
