"""Where sessions live: the default folder, listing, finding one by name, new names, the demo."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from session_store.atomic import atomic_write, backup_path, check_replaceable, read_regular
from session_store.codec import load_session, read_session_file
from session_store.editing_claim import EditingClaim
from session_store.errors import SessionError
from session_store.folders import data_dir
from workshop.method.models import Phase

SUFFIX = ".toml"


def default_sessions_dir() -> Path:
    return data_dir() / "sessions"


@dataclass(frozen=True)
class SessionSummary:
    """One row of the session list; ``error`` is set (and the rest guessed) for an unreadable file."""

    path: Path
    title: str
    company: str
    phase: Phase
    updated: datetime
    error: str | None = None


def _session_files(folder: Path) -> list[Path]:
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise SessionError(f"{folder}: cannot list sessions: {exc.strerror or exc}") from None
    # Not only regular files: a named pipe or a link to nowhere is listed with why it cannot be read.
    return [p for p in entries if p.suffix == SUFFIX and not p.name.startswith(".") and not p.is_dir()]


def _summarise(path: Path) -> SessionSummary:
    try:
        session = load_session(path)
    except SessionError as exc:
        try:
            mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        except OSError:
            mtime = datetime.fromtimestamp(0, timezone.utc)
        return SessionSummary(path, path.stem, "", Phase.INTAKE, mtime, str(exc))
    return SessionSummary(
        path, session.title, session.intake.company_name, session.position.phase, session.updated
    )


def list_sessions(folder: Path | None = None) -> list[SessionSummary]:
    """Every ``*.toml`` session in ``folder`` (default: the sessions folder), newest first."""
    folder = default_sessions_dir() if folder is None else Path(folder)
    summaries = [_summarise(path) for path in _session_files(folder)]
    summaries.sort(key=lambda s: (s.updated, s.path.name), reverse=True)
    return summaries


def belongs_to_session(path: Path, session_path: Path) -> bool:
    """True if writing to ``path`` would replace the session file at ``session_path`` or its
    backup (through any symbolic link or ``..``): an export must never land there."""
    return os.path.realpath(path) in {os.path.realpath(session_path), os.path.realpath(backup_path(session_path))}


def resolve_session(name_or_path: str) -> Path:
    """An existing file path, or the session of that file name / stem / title in the default folder."""
    if not name_or_path.strip():  # Path("") is "." (the current folder): not what was meant
        raise SessionError("no session given: name a session file, or a session from `list`")
    try:
        candidate = Path(name_or_path).expanduser()
    except RuntimeError:  # "~nosuchuser/x.toml": no such home folder, so no such file
        candidate = Path(name_or_path)
    if candidate.is_file():
        return candidate
    if candidate.is_dir():
        raise SessionError(f"{candidate}: is a folder, not a session file")
    if candidate.exists() or candidate.is_symlink():  # a FIFO or device (opening it could wait
        read_session_file(candidate)  # for ever), a link to nowhere: its one-line reason
    folder = default_sessions_dir()
    if os.sep not in name_or_path:  # a file name in the sessions folder
        for name in (name_or_path, name_or_path + SUFFIX):
            if (folder / name).is_file():
                return folder / name
    wanted = name_or_path.casefold()  # a title ("EMEA/APAC offsite" has a "/" and is no path)
    by_title = [s.path for s in list_sessions(folder) if s.title.casefold() == wanted]
    if len(by_title) == 1:
        return by_title[0]
    if len(by_title) > 1:
        raise SessionError(
            f"{name_or_path}: several sessions have that title; give the file path instead"
        )
    raise SessionError(
        f"{name_or_path}: no such session file, and no session of that name in {folder}"
    )


SLUG_CHARS = 60
"""Longest file-name stem made from a title, in characters."""

SLUG_BYTES = 120
"""Longest file-name stem made from a title, in bytes of UTF-8 (file systems count bytes: 255
at most, and ``-2``, ``.toml`` and ``.bak`` are added)."""

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


def slugify(title: str) -> str:
    """A readable file-name stem for ``title``, never empty: letters and digits of any script
    kept (``2027年-パートナー戦略``; Latin accents dropped: ``muller``), in lower case, everything
    else (spaces, punctuation, ``/``, emoji) one dash. Plain ASCII where the file system's
    encoding cannot name the letters."""
    parts: list[str] = []
    for char in unicodedata.normalize("NFC", title):
        ascii_char = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        if ascii_char.isalnum():  # é -> e, ﬁ -> fi, ２ -> 2
            parts.append(ascii_char.lower())
        elif char.isalnum() or (unicodedata.category(char).startswith("M") and parts and parts[-1] != "-"):
            parts.append(char.lower())  # 年, ß, and the vowel signs of Devanagari after their letter
        elif parts and parts[-1] != "-":
            parts.append("-")
    slug = unicodedata.normalize("NFC", "".join(parts)).strip("-")[:SLUG_CHARS]
    while len(slug.encode("utf-8")) > SLUG_BYTES:
        slug = slug[:-1]
    slug = slug.rstrip("-")
    try:
        slug.encode(sys.getfilesystemencoding())
    except UnicodeEncodeError:  # e.g. an ASCII-only file system encoding
        slug = re.sub(r"[^a-z0-9]+", "-", slug.encode("ascii", "ignore").decode("ascii")).strip("-")
    if slug.split(".")[0] in _WINDOWS_RESERVED:  # "CON" cannot be a file name on Windows
        slug = f"{slug}-session"
    return slug or "session"


def new_session_path(title: str, folder: Path | None = None) -> Path:
    """``folder/<slug of title>.toml``, numbered ``-2``, ``-3``... if taken."""
    folder = default_sessions_dir() if folder is None else Path(folder)
    slug = slugify(title)
    number = 1
    while True:
        stem = slug if number == 1 else f"{slug}-{number}"
        path = folder / f"{stem}{SUFFIX}"
        if not path.exists() and not backup_path(path).exists():
            return path
        number += 1


def bundled_demo_text() -> bytes:
    """The bytes of the bundled demo session (``workshop/demo/demo.toml``)."""
    return resources.files("workshop").joinpath("demo", "demo.toml").read_bytes()


def _holds_already(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a writable regular file holding exactly ``data``: then a fresh copy
    is already there, and rewriting it would only cost two fsyncs (≈ 12 ms of every
    ``partner-workshop demo`` start on these machines) and replace the backup with the same bytes."""
    try:
        existing, stat = read_regular(path)
        check_replaceable(path, stat)  # a read-only copy is refused as before, by atomic_write
    except OSError:
        return False
    return existing == data


def demo_copy() -> Path:
    """A fresh writable copy of the bundled demo, replacing the previous copy (kept as backup) —
    unless that copy is open in another window: then one beside it (``demo-2.toml``, …), so the
    other window's work is never replaced under it."""
    folder = data_dir() / "demo"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "demo.toml"
        number = 1
        while EditingClaim.held_elsewhere(path):
            number += 1
            path = folder / f"demo-{number}.toml"
        demo = bundled_demo_text()
        if not _holds_already(path, demo):
            atomic_write(path, demo, backup=backup_path(path))
    except FileExistsError:  # a file has the folder's name
        raise SessionError(f"{folder}: is a file, not a folder; cannot copy the demo session there") from None
    except OSError as exc:
        raise SessionError(f"{folder}: cannot copy the demo session: {exc.strerror or exc}") from None
    return path
