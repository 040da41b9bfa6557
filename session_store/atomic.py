"""Crash-safe file replacement: a reader always finds either the old file or the new one, whole.

The new bytes go to a temporary file in the same folder, are flushed and fsynced, the
previous file is kept as the backup (a hard link to its inode, so nothing is copied), then
the temporary file is renamed over the target and the folder is fsynced.

A file reached through a symbolic link is written where the link points (the link stays a
link); a read-only file is never replaced; a new file gets the mode any program would give it
(``0o666`` less the umask) and a replaced one keeps its own. Reading refuses anything that is
not a regular file (a FIFO would block for ever) before opening it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat as stat_module
import tempfile
from dataclasses import dataclass
from pathlib import Path


def real_path(path: Path) -> Path:
    """``path``, or where it points if it is a symbolic link (the file a save must replace)."""
    path = Path(path)
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: same folder, ``name + ".bak"``.

    For a symbolic link, beside the file it points to (that is the file saves replace).
    """
    path = real_path(path)
    return path.with_name(path.name + ".bak")


def _current_umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it: put it straight back
    os.umask(mask)
    return mask


NEW_FILE_MODE = (0o666 & ~_current_umask()) | 0o600
"""The mode of a new file: what ``open(path, "w")`` would give it (the umask is read at import,
on one thread), but always readable and writable by its owner, so that the next save may
replace it."""


def read_regular(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes and stat of the regular file at ``path`` (following a symbolic link).

    Raises ``FileNotFoundError``, ``IsADirectoryError``, :class:`NotRegularFileError` for a
    FIFO, socket or device (checked on the opened descriptor too, without blocking on a
    FIFO), or another ``OSError``.
    """
    mode = os.stat(path).st_mode
    if stat_module.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat_module.S_ISREG(mode):
        raise NotRegularFileError(path, mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        stat = os.fstat(fd)
        if not stat_module.S_ISREG(stat.st_mode):  # replaced between the stat and the open
            raise NotRegularFileError(path, stat.st_mode)
        return handle.read(), stat


class NotRegularFileError(OSError):
    """The path is a FIFO, socket or device, not a file that can be read and replaced."""

    def __init__(self, path: Path, mode: int) -> None:
        kind = (
            "a named pipe (FIFO)" if stat_module.S_ISFIFO(mode)
            else "a socket" if stat_module.S_ISSOCK(mode)
            else "a device" if stat_module.S_ISCHR(mode) or stat_module.S_ISBLK(mode)
            else "a folder" if stat_module.S_ISDIR(mode)
            else "of an unknown kind"
        )
        super().__init__(errno.EINVAL, f"is not a regular file: it is {kind}", str(path))


def check_replaceable(path: Path, st: os.stat_result) -> None:
    """Refuse to replace a read-only file, as a read-only folder would (``PermissionError``).

    Replacing a file only needs the folder to be writable, so the file's own mode would be
    ignored; it is checked here. The owner-write bit counts even for root (who may write
    anything): a file someone made read-only is left alone.
    """
    if not stat_module.S_ISREG(st.st_mode):
        raise NotRegularFileError(path, st.st_mode)
    if not st.st_mode & stat_module.S_IWUSR or not os.access(path, os.W_OK):
        if _read_only_disk(path):
            raise OSError(errno.EROFS, f"{os.strerror(errno.EROFS)} (the disk it is on cannot be written)", str(path))
        raise PermissionError(
            errno.EACCES, f"{os.strerror(errno.EACCES)} (the file is read-only)", str(path)
        )


def _read_only_disk(path: Path) -> bool:
    """True if ``path`` is on a file system mounted read-only (not a file marked read-only)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs (Windows): say "read-only file" as before
        return False


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


def _write_temp(path: Path, data: bytes, mode: int) -> tuple[Path, os.stat_result]:
    """Write ``data`` to a new fsynced temporary file of ``mode`` next to ``path``."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        else:  # Windows before Python 3.13: only the read-only bit means anything there
            os.chmod(tmp, mode)
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

    Through a symbolic link, the file it points to is replaced (the link stays). A read-only
    file raises ``PermissionError``, anything but a regular file :class:`NotRegularFileError`.
    The new file keeps the old one's mode (a new one gets :data:`NEW_FILE_MODE`).
    Returns the stat of the new file. On any error the target is left as it was.
    """
    path = real_path(path)
    try:
        existing: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        check_replaceable(path, existing)
    tmp, stat = _write_temp(path, data, NEW_FILE_MODE if existing is None else existing.st_mode & 0o7777)
    try:
        if existing is not None and backup is not None:
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
    tmp, stat = _write_temp(path, data, NEW_FILE_MODE)
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
