"""Where the exported blueprint goes: a sensible default name, and a careful write.

The blueprint is an export, not a session file.  Until ``workshop.export.write_export`` exists
the file is written here: to a temporary file in the target folder, then linked into place
(which fails if the name is taken, so nothing is overwritten unless asked) or, when the
overwrite was confirmed, renamed over it.  Either way a reader never sees half a file.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from workshop.models import Session


def slug(text: str) -> str:
    """``"Acme Corp, Inc."`` -> ``"acme-corp-inc"`` (ASCII letters, digits and dashes)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def default_export_path(session: Session, folder: Path, today: date) -> Path:
    """``<folder>/<company>-partnership-blueprint-<date>.md``."""
    name = slug(session.intake.company_name) or slug(session.title)
    stem = f"{name}-partnership-blueprint" if name else "partnership-blueprint"
    return folder / f"{stem}-{today.isoformat()}.md"


def write_export_file(text: str, path: Path, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` whole; :class:`FileExistsError` if it exists and not ``force``."""
    try:
        from workshop.export import write_export  # type: ignore[attr-defined]
    except ImportError:
        write_export = None
    if write_export is not None:
        write_export(text, path, force)
        return
    path = Path(path)
    if path.exists() and not force:
        raise FileExistsError(f"{path} already exists")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # refuses an existing name, atomically
            os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
