"""Automatic backups: consistent snapshots in a folder beside the database, thinned over time, and restore."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path

from sew_desktop.domain.backup_thinning import backups_to_keep
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Translate, untranslated
from sew_desktop.store.errors import StoreError
from sew_desktop.store.files import BACKUPS_FOLDER, atomic_target, is_sqlite_file
from sew_desktop.store.held import file_id, refuse_if_held
from sew_desktop.store.history import current_user
from sew_desktop.store.merge_rows import refuse_over_limits
from sew_desktop.store.snapshots import Contents, contents, restore_into, take_snapshot
from sew_desktop.store.untrusted import open_untrusted

STAMP = "%Y%m%d-%H%M%S"
INTERVAL = timedelta(minutes=30)


class BackupReason(Enum):
    """Why a backup was taken; written into its file name (``sew.20221017-093000.before-import.sqlite``), so
    that the list can say it and a file manager shows it too."""

    OPENED = "opened"
    PERIODIC = "periodic"  # every 30 minutes while edits happen
    BEFORE_IMPORT = "before-import"
    BEFORE_MERGE = "before-merge"
    BEFORE_RESTORE = "before-restore"
    BEFORE_EMPTYING_TRASH = "before-emptying-trash"
    BEFORE_REPLACE = "before-replace"  # a file about to be written over (``demo --force``)
    BEFORE_UPGRADE = "before-upgrade"  # the copy beside the file before a migration (``.bak``)


REASON_TEXTS = {
    BackupReason.OPENED: QT_TRANSLATE_NOOP("BackupReason", "when the file was opened"),
    BackupReason.PERIODIC: QT_TRANSLATE_NOOP("BackupReason", "during work (every 30 minutes)"),
    BackupReason.BEFORE_IMPORT: QT_TRANSLATE_NOOP("BackupReason", "before an import"),
    BackupReason.BEFORE_MERGE: QT_TRANSLATE_NOOP("BackupReason", "before merging a copy"),
    BackupReason.BEFORE_RESTORE: QT_TRANSLATE_NOOP("BackupReason", "before restoring a backup"),
    BackupReason.BEFORE_EMPTYING_TRASH: QT_TRANSLATE_NOOP("BackupReason", "before emptying the deleted rows"),
    BackupReason.BEFORE_REPLACE: QT_TRANSLATE_NOOP("BackupReason", "before the file was replaced"),
    BackupReason.BEFORE_UPGRADE: QT_TRANSLATE_NOOP("BackupReason", "before an update of the file format"),
}
UNKNOWN_REASON = QT_TRANSLATE_NOOP("BackupReason", "automatic")  # named before reasons were recorded


def reason_text(reason: BackupReason | None, translate: Translate = untranslated) -> str:
    """Why a backup was taken, as the backups list says it, in the language of ``translate``."""
    return translate("BackupReason", REASON_TEXTS[reason] if reason is not None else UNKNOWN_REASON)


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file: when and why it was taken (``None``: a backup named before reasons were recorded), its
    size and what it holds."""

    path: Path
    taken: datetime
    size: int
    reason: BackupReason | None = None

    def contents(self, day: date | None = None) -> Contents:
        """Counts of municipalities (valid on ``day``, today unless given), regiegebieden, agreements and
        decisions (opens the file read-only)."""
        return contents(self.path, day)


def backups_folder(database: Path) -> Path:
    """The ``backups`` folder beside the database."""
    return database.resolve().parent / BACKUPS_FOLDER


def _stamp_of(path: Path, prefix: str, suffix: str) -> tuple[datetime, BackupReason | None] | None:
    """When and why, from a name ``PREFIX20221017-093000[.REASON]SUFFIX``; None for a name that is no backup's."""
    stamp, _dot, reason = path.name.removeprefix(prefix).removesuffix(suffix).partition(".")
    try:
        return datetime.strptime(stamp, STAMP), BackupReason(reason) if reason else None
    except ValueError:
        return None


def list_backups(database: Path, folder: Path | None = None, *, migrations: bool = False) -> list[Backup]:
    """The backups of ``database``, newest first; with ``migrations`` also the copies taken before a migration
    (``sew.sqlite.YYYYMMDD-HHMMSS.bak`` beside the file)."""
    folder = folder or backups_folder(database)
    found = []
    for path in folder.glob(f"{database.stem}.*.sqlite") if folder.is_dir() else ():
        named = _stamp_of(path, f"{database.stem}.", ".sqlite")
        if named is not None:
            found.append(Backup(path, named[0], path.stat().st_size, named[1]))
    for path in database.parent.glob(f"{database.name}.*.bak") if migrations else ():
        named = _stamp_of(path, f"{database.name}.", ".bak")
        if named is not None:
            found.append(Backup(path, named[0], path.stat().st_size, BackupReason.BEFORE_UPGRADE))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def _unchanged_since_last(database: Path, existing: list[Backup]) -> bool:
    if not existing:
        return False
    try:
        return existing[0].contents().fingerprint == contents(database).fingerprint
    except Exception:  # an unreadable old backup: take a new one
        return False


def take_backup(database: Path, reason: BackupReason, *, force: bool = False, second_folder: Path | None = None,
                now: datetime | None = None, keep: Path | None = None) -> Backup | None:
    """Snapshot ``database`` for ``reason`` unless the newest backup holds the same data (``force`` takes one
    anyway); then thin the folder, never removing ``keep`` (a backup about to be restored). Returns the new
    backup, or ``None`` when nothing changed."""
    folder = backups_folder(database)
    existing = list_backups(database, folder)
    if not force and _unchanged_since_last(database, existing):
        return None
    folder.mkdir(exist_ok=True)
    _sweep_leftovers(folder)
    target, moment = _new_backup_path(database, folder, existing, now, reason)
    take_snapshot(database, target)
    thin(database, folder, moment, keep)
    if second_folder is not None:
        _copy_to(target, second_folder)
        thin(database, second_folder, moment, keep)
    return Backup(target, moment, target.stat().st_size, reason)


def _new_backup_path(database: Path, folder: Path, existing: list[Backup], now: datetime | None,
                     reason: BackupReason) -> tuple[Path, datetime]:
    """A name no backup has yet: two backups within one second keep both."""
    moment = (now or datetime.now()).replace(microsecond=0)
    taken = {b.taken for b in existing}
    while moment in taken:
        moment += timedelta(seconds=1)
    return folder / f"{database.stem}.{moment.strftime(STAMP)}.{reason.value}.sqlite", moment


def _sweep_leftovers(folder: Path) -> None:
    """Remove temporary files of backups whose process was killed (their pid is in the name)."""
    for leftover in folder.glob(".*.backup*"):
        try:
            pid = int(leftover.name.split(".")[-2])
        except ValueError:
            continue
        if not _alive(pid):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, not ours
    return True


def back_up_before_replacing(database: Path, keep: Path | None = None) -> Path:
    """A backup of a file about to be replaced (``demo --force``; a restore of ``keep``, which the thinning never
    removes): a snapshot, or a byte copy of a file that cannot be read as a database."""
    reason = BackupReason.BEFORE_RESTORE if keep is not None else BackupReason.BEFORE_REPLACE
    if is_sqlite_file(database):
        try:
            backup = take_backup(database, reason, force=True, keep=keep)
        except Exception:  # damaged or foreign: keep the bytes as they are
            backup = None
        if backup is not None:
            return backup.path
    return copy_file_as_backup(database, reason)


def copy_file_as_backup(database: Path, reason: BackupReason = BackupReason.BEFORE_REPLACE) -> Path:
    """A byte copy of a file that cannot be opened as ours (before it is replaced, e.g. by ``demo --force``)."""
    refuse_if_held(database)  # a byte copy of an open database would drop this process's locks on it
    folder = backups_folder(database)
    folder.mkdir(exist_ok=True)
    target, _moment = _new_backup_path(database, folder, list_backups(database, folder), None, reason)
    with atomic_target(target, "backup") as partial:
        shutil.copyfile(database, partial)
    return target


def _copy_to(backup: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_target(folder / backup.name, "backup") as partial:
        shutil.copyfile(backup, partial)


def thin(database: Path, folder: Path, now: datetime, spare: Path | None = None) -> list[Path]:
    """Remove the backups the thinning rule does not keep (never ``spare``); returns what went."""
    backups = list_backups(database, folder)
    keep = backups_to_keep((b.taken for b in backups), now)
    spared = file_id(spare) if spare is not None else None
    removed = [b.path for b in backups if b.taken not in keep and (spared is None or file_id(b.path) != spared)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_backup(database: Path, backup: Path) -> Path:
    """Put ``backup`` back as the database, after backing up the current state (restore that one to undo);
    returns that backup of the current state. ``backup`` is checked before anything is written, and the
    thinning that the safety backup brings never removes it."""
    check_backup(backup)
    safety = back_up_before_replacing(database, keep=backup)
    restore_into(backup, database, f"restore: {backup.name}", current_user())
    return safety


def check_backup(backup: Path) -> None:
    """Refuse a file that cannot be restored (not ours, damaged, newer, a schema we do not make, values our tables
    cannot hold): one line, before anything is written."""
    with open_untrusted(backup) as conn:
        refuse_over_limits(backup, conn)


def newest_good_backup(database: Path) -> Backup | None:
    """The newest backup that passes the gate for files from outside (ours, sound, a version we read), for a
    damaged file; one named as if taken in the future is not the newest of anything and is passed over."""
    now = datetime.now()
    for backup in list_backups(database):
        if backup.taken > now + timedelta(minutes=5):
            continue
        try:
            check_backup(backup.path)
        except (StoreError, OSError):  # damaged or foreign too: try an older one
            continue
        return backup
    return None


def backup_is_due(last_backup: datetime | None, edited_since: bool, now: datetime) -> bool:
    """Every 30 minutes while edits happen."""
    return edited_since and (last_backup is None or now - last_backup >= INTERVAL)
