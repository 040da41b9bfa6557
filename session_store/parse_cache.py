"""A cache of parsed session files, so reopening a large session skips the slow TOML parse.

The TOML file stays the only truth; this cache only remembers "these exact bytes validate to
this session". Reading a 1,000-partner file costs ~0.3 s in ``tomllib`` (pure Python); reading
the same session back from JSON with ``Session.model_validate_json`` costs ~25 ms.

* **Key**: the SHA-256 of the file's exact bytes. Any edit (even one space) is a different key,
  so an edited file is always parsed afresh.
* **Code version** (:func:`code_version`): a hash of the schema version, the Python / pydantic
  versions and the source of every module that decides what a file parses to (the session
  models, the codec, the migrations, this module). It is written in each entry; an entry
  written by other code is a miss. Cheap: a few small files read once per process.
* **Value**: the validated session as JSON, checked against its own SHA-256 when read, then
  validated again by ``Session.model_validate_json`` (so the model's rules still apply).
* **Filled** after a file parsed without error, and after each successful save (on the
  thread that saves); the entry of the bytes a save replaced is dropped.
* **Bounded**: at most :data:`MAX_ENTRIES` entries and :data:`MAX_BYTES` bytes; the least
  recently used go first.
* **Never trusted blindly**: any problem (missing, unreadable, corrupt, foreign, other code
  version, validation error) is a miss, and the caller parses the TOML as if there were no
  cache. Writing is best effort: a cache that cannot be written is simply not written.

Where: ``<cache folder>/parsed/`` — the platform's user cache folder for ``partner-workshop``,
or ``$PARTNER_WORKSHOP_HOME/cache`` when that variable is set (tests, benchmarks). Deleting the
folder is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
import time
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from pydantic import BaseModel

from session_store import folders
from workshop.method import models
from workshop.method.models import Session

FORMAT = b"partner-workshop-parse-cache-1"
MAX_ENTRIES = 32
MAX_BYTES = 256 * 1024 * 1024
_SUFFIX = ".json"
_STALE_TEMP_SECONDS = 3600


def cache_dir() -> Path:
    """The folder of cached parses (see the module docstring)."""
    return folders.cache_dir()


def _model_modules(root: type[BaseModel]) -> set[str]:
    """Names of the modules defining ``root`` and every model, enum and validator it uses."""
    modules: set[str] = set()
    seen: set[object] = set()

    def visit(tp: object) -> None:
        if id(tp) in seen:
            return
        seen.add(id(tp))
        for arg in typing.get_args(tp):
            visit(arg)
        func = getattr(tp, "func", None)  # AfterValidator and friends
        if callable(func) and hasattr(func, "__module__"):
            modules.add(func.__module__)
        if not isinstance(tp, type):
            return
        if issubclass(tp, Enum):
            modules.add(tp.__module__)
        elif issubclass(tp, BaseModel):
            modules.update(
                base.__module__
                for base in tp.__mro__
                if isinstance(base, type) and issubclass(base, BaseModel) and base is not BaseModel
            )
            for field in tp.model_fields.values():
                visit(field.annotation)
                for meta in field.metadata:
                    visit(meta)

    visit(root)
    return {m for m in modules if not m.startswith("pydantic")}


@functools.cache
def code_version() -> str | None:
    """A hash of everything that decides what a file parses to; ``None`` disables the cache."""
    import pydantic
    import pydantic_core

    digest = hashlib.sha256()
    for part in (FORMAT, str(models.SCHEMA_VERSION), sys.version, pydantic.VERSION, pydantic_core.__version__):
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    here = Path(__file__).parent
    files = [here / "codec.py", here / "migrations.py", Path(__file__)]
    for name in sorted(_model_modules(Session)):
        module = sys.modules.get(name)
        file = getattr(module, "__file__", None)
        if not file:
            return None  # cannot tell what the code is: no cache rather than a wrong one
        files.append(Path(file))
    for file in files:
        try:
            digest.update(file.read_bytes())
        except OSError:
            return None
        digest.update(b"\0")
    return digest.hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / f"{key}{_SUFFIX}"


def lookup(key: str) -> Session | None:
    """The session cached for file bytes of SHA-256 ``key``, or ``None`` (a miss) on any doubt."""
    try:
        version = code_version()
        if version is None:
            return None
        path = _entry(key)
        blob = path.read_bytes()
        header, _, body = blob.partition(b"\n")
        fields = header.split(b" ")
        if len(fields) != 4 or fields[:3] != [FORMAT, version.encode(), key.encode()]:
            return None
        if hashlib.sha256(body).hexdigest().encode() != fields[3]:
            return None
        session = Session.model_validate_json(body)
        if session.schema_version != models.SCHEMA_VERSION:
            return None
        try:
            os.utime(path)  # most recently used: evicted last
        except OSError:
            pass
        return session
    except Exception:  # the cache must never make a good file fail to open
        return None


def store(key: str, body: Callable[[], bytes]) -> None:
    """Remember that file bytes of SHA-256 ``key`` validate to the session JSON ``body()``.

    Best effort and silent: a cache that cannot be written is not written.
    """
    try:
        version = code_version()
        if version is None:
            return
        data = body()
        header = b" ".join(
            [FORMAT, version.encode(), key.encode(), hashlib.sha256(data).hexdigest().encode()]
        )
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + b"\n" + data)
            os.replace(name, folder / f"{key}{_SUFFIX}")
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        _evict(folder, keep=key)
    except Exception:
        return


def store_session(key: str, session: Session) -> None:
    """:func:`store` for a session that was just parsed and validated."""
    store(key, lambda: session.model_dump_json().encode())


def discard(key: str) -> None:
    """Forget the entry for ``key`` (if any)."""
    try:
        _entry(key).unlink(missing_ok=True)
    except Exception:
        return


def clear() -> None:
    """Remove every entry (the folder stays)."""
    try:
        for entry in os.scandir(cache_dir()):
            if entry.name.endswith(_SUFFIX):
                Path(entry.path).unlink(missing_ok=True)
    except OSError:
        return


def _evict(folder: Path, keep: str) -> None:
    """Drop the least recently used entries beyond the bounds, and abandoned temporary files."""
    entries: list[tuple[float, int, str]] = []
    now = time.time()
    for entry in os.scandir(folder):
        if not entry.name.endswith(_SUFFIX):
            continue
        try:
            stat = entry.stat()
        except OSError:
            continue
        if entry.name.startswith(".tmp-"):
            if now - stat.st_mtime > _STALE_TEMP_SECONDS:
                Path(entry.path).unlink(missing_ok=True)
            continue
        entries.append((stat.st_mtime, stat.st_size, entry.path))
    entries.sort(reverse=True)  # newest first
    total = 0
    for count, (_, size, path) in enumerate(entries, start=1):
        total += size
        if (count > MAX_ENTRIES or total > MAX_BYTES) and Path(path).stem != keep:
            Path(path).unlink(missing_ok=True)
