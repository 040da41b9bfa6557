"""Crash-safe file replacement: a reader always finds either the old file or the new one, whole.

The new bytes go to a temporary file in the same folder, are flushed and fsynced, the
previous file is kept as the backup (a hard link to its inode, so nothing is copied), then
the temporary file is renamed over the target and the folder is fsynced.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: same folder, ``name + ".bak"``."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when we read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, stat: os.stat_result) -> Fingerprint:
        return cls(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def matches(self, path: Path) -> bool:
        """True if ``path`` still holds the same bytes (a mere touch is not a change)."""
        try:
            if os.stat(path).st_size != self.size:
                return False
            data = Path(path).read_bytes()
        except FileNotFoundError:
            return False
        return len(data) == self.size and hashlib.sha256(data).hexdigest() == self.sha256


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # platforms that cannot open a folder (Windows): nothing more to do
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes) -> tuple[Path, os.stat_result]:
    """Write ``data`` to a new fsynced temporary file next to ``path``."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            stat = os.fstat(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, stat


def _keep_backup(path: Path, backup: Path) -> None:
    """Make ``backup`` the current content of ``path`` (atomically replacing an older backup)."""
    tmp = backup.with_name(f".{backup.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        try:
            os.link(path, tmp)
        except OSError:  # no hard links here (some network or FAT drives): copy instead
            shutil.copy2(path, tmp)
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
        os.replace(tmp, backup)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None) -> os.stat_result:
    """Replace ``path`` with ``data`` atomically; keep the old file at ``backup`` if given.

    Returns the stat of the new file. On any error the target is left as it was.
    """
    path = Path(path)
    tmp, stat = _write_temp(path, data)
    try:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = None
        if mode is not None:
            os.chmod(tmp, mode)
            if backup is not None:
                _keep_backup(path, backup)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return stat


def create_exclusive(path: Path, data: bytes) -> os.stat_result:
    """Write a new file at ``path``, whole or not at all; FileExistsError if it exists."""
    path = Path(path)
    tmp, stat = _write_temp(path, data)
    try:
        os.link(tmp, path)  # fails if path exists: never clobbers
    except FileExistsError:
        raise
    except OSError:  # no hard links: exclusive create, then fill
        with open(path, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            stat = os.fstat(handle.fileno())
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_folder(path.parent)
    return stat
