"""The database files this process holds open, and the check that they are still the files SQLite writes.

Why this exists: SQLite's locks on Linux and macOS are POSIX advisory locks, and they belong to the process, not to
the connection. Closing *any* descriptor of a file — one opened by Python's ``open()`` to read a header, by
``hashlib`` over a file, by Qt's file dialog sniffing a file's type — drops *all* of the process's locks on it
("How To Corrupt An SQLite Database File", section 2.2). The next program then believes it is alone, checkpoints
and deletes the ``-wal`` this process is still writing to, and the edits made after that are lost or corrupt the
file. So nothing in the process but SQLite may open a held database or its ``-wal``/``-shm``/``-journal``, and
a holder checks, before every write, that its side files are still the ones on disk.

The registry is process-wide on purpose: the locks it protects are process-wide.
"""

from __future__ import annotations

import os
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_WATCHED_SIDES = ("-wal", "-shm")

FileId = tuple[int, int]  # (st_dev, st_ino)


def file_id(path: Path) -> FileId | None:
    """Device and inode of ``path`` by ``stat`` (which never opens the file), or ``None`` when it is absent."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _database_of(path: Path) -> Path:
    """The database a side file belongs to (``s.sqlite-wal`` → ``s.sqlite``), else ``path`` itself."""
    name = path.name
    for suffix in SIDE_SUFFIXES:
        if name.endswith(suffix):
            return path.with_name(name[: -len(suffix)])
    return path


class _Registry:
    """The main files of the databases held open, by device and inode, with how many holders each has."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[FileId, int] = {}
        self._lost: set[FileId] = set()

    def add(self, identity: FileId) -> None:
        with self._lock:
            self._held[identity] = self._held.get(identity, 0) + 1

    def remove(self, identity: FileId) -> None:
        with self._lock:
            left = self._held.get(identity, 0) - 1
            if left > 0:
                self._held[identity] = left
            else:
                self._held.pop(identity, None)
                self._lost.discard(identity)

    def mark_lost(self, identity: FileId) -> None:
        with self._lock:
            self._lost.add(identity)

    def lost(self, identity: FileId) -> bool:
        with self._lock:
            return identity in self._lost

    def holds(self, identity: FileId) -> bool:
        with self._lock:
            return identity in self._held

    def holders(self, identity: FileId) -> int:
        with self._lock:
            return self._held.get(identity, 0)


_REGISTRY = _Registry()


def is_held(path: Path) -> bool:
    """True when ``path`` is a database this process holds open, or one of its side files (whatever name,
    symlink or hard link leads to it): such a file may only be read through SQLite."""
    for candidate in {path, _database_of(path)}:
        identity = file_id(candidate)
        if identity is not None and _REGISTRY.holds(identity):
            return True
    return False


class HeldFileError(OSError):
    """A file chosen to read or write as an ordinary file is the database this program has open."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path.name} is the database that is open in SEW Desktop; choose another file")
        self.path = path


def lost_by_a_holder(path: Path) -> bool:
    """True when a holder in this process found this database's side files lost: a new connection here would
    share that holder's stale shared-memory index (SQLite shares it per file within a process), so none may be
    opened until that holder closed."""
    identity = file_id(_database_of(path))
    return identity is not None and _REGISTRY.lost(identity)


def refuse_if_held(path: Path) -> None:
    """Raise :class:`HeldFileError` before anything opens ``path`` when it is a held database or side file."""
    if is_held(path):
        raise HeldFileError(path)


@dataclass(frozen=True, slots=True)
class LostFiles:
    """What went wrong with a held database's files: the names that vanished or were replaced."""

    database: Path
    names: tuple[str, ...]


class HeldDatabase:
    """One open database: registered while open, and able to tell whether its ``-wal``/``-shm`` are still the
    files this process has open (the same device and inode as when they were first seen)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._real = path.resolve()
        self._identity = file_id(path)
        self._sides: dict[str, FileId | None] = {}
        self._lost: LostFiles | None = None
        # A holder dropped without release() (its connection closed by the garbage collector) leaves the registry.
        self._finalizer = weakref.finalize(self, _REGISTRY.remove, self._identity) if self._identity else None
        if self._identity is not None:
            _REGISTRY.add(self._identity)
        self.remember_sides()

    def remember_sides(self) -> None:
        """Note the side files as they are now (after the connection has read, so that WAL mode made them)."""
        for suffix in _WATCHED_SIDES:
            if self._sides.get(suffix) is None:
                self._sides[suffix] = file_id(Path(f"{self.path}{suffix}"))

    def check(self) -> LostFiles | None:
        """``None`` while the files are the ones held; otherwise what vanished or was replaced (and from then
        on always that: a lost file does not come back)."""
        if self._lost is not None:
            return self._lost
        lost = []
        if self._identity is not None and file_id(self.path) != self._identity:
            lost.append(self.path.name)
        for suffix, seen in self._sides.items():
            if seen is not None and file_id(Path(f"{self.path}{suffix}")) != seen:
                lost.append(f"{self.path.name}{suffix}")
        lost += [name for _fd, name in _deleted_descriptors(self._real) if name not in lost]
        if lost:
            self._lost = LostFiles(self.path, tuple(lost))
            if self._identity is not None:
                _REGISTRY.mark_lost(self._identity)
        else:
            self.remember_sides()
        return self._lost

    def shared_in_process(self) -> bool:
        """True while another holder in this process has the same database open (a worker beside a window)."""
        return self._identity is not None and _REGISTRY.holders(self._identity) > 1

    @property
    def lost(self) -> LostFiles | None:
        """What :meth:`check` found last (no new look at the disk)."""
        return self._lost

    def disarm_lost_log(self) -> None:
        """Empty the deleted ``-wal`` this process still holds, through SQLite's own descriptor (truncating a
        descriptor neither opens nor closes a file, so no lock is touched).

        Closing the last connection to a WAL database checkpoints its log into the file. Once another program has
        removed that log, ours is stale, and writing it back would overwrite what was stored since (measured:
        SQLite's "no checkpoint on close" setting is not honoured once Python's statement cache defers the close).
        An empty log makes that checkpoint fail before it writes a page. Linux only (``/proc``)."""
        for descriptor, name in _deleted_descriptors(self._real):
            if name.endswith("-wal"):
                os.ftruncate(descriptor, 0)

    def release(self) -> None:
        """The database is closed: other code may open it again."""
        if self._finalizer is not None:
            self._finalizer()  # runs once: removes this holder from the registry


def _deleted_descriptors(database: Path) -> list[tuple[int, str]]:
    """This process's descriptors of ``database`` and its side files that were deleted meanwhile, with the name
    each had (Linux shows them as ``… (deleted)`` in ``/proc/self/fd``; elsewhere the inode comparison alone
    decides). Looking at a descriptor's link neither opens nor closes a file."""
    folder = Path("/proc/self/fd")
    if not folder.is_dir():
        return []
    wanted = {f"{database}{suffix} (deleted)": f"{database.name}{suffix}" for suffix in _WATCHED_SIDES}
    wanted[f"{database} (deleted)"] = database.name
    found = []
    for entry in os.scandir(folder):
        try:
            target = os.readlink(entry.path)
        except OSError:
            continue  # a descriptor closed while we looked
        if target in wanted:
            found.append((int(entry.name), wanted[target]))
    return found
