"""Files the product writes are the old one or the complete new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sew_desktop.services.export_table import ExportTargetError, write_file


def test_writes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "kaart.svg"
    write_file(target, b"<svg/>", force=False)
    assert target.read_bytes() == b"<svg/>" and os.listdir(tmp_path) == ["kaart.svg"]
    assert target.stat().st_mode & 0o644 == 0o644


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "kaart.svg"
    target.write_bytes(b"old")
    with pytest.raises(ExportTargetError):
        write_file(target, b"new", force=False)
    write_file(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kaart.svg"
    target.write_bytes(b"old")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportTargetError, match="No space left"):
        write_file(target, b"new", force=True)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["kaart.svg"]
