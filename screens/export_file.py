"""Where the exported blueprint goes: a sensible default name, and a careful write."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from session_store.atomic import atomic_write, create_exclusive
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
    """Write ``text`` to ``path`` as the command line's ``export -o`` does: whole or not at all,
    with the usual mode of a new file (a replaced one keeps its own).

    :class:`FileExistsError` if the name is taken, unless ``force`` (the overwrite was confirmed).
    """
    data = text.encode("utf-8")
    if force:
        atomic_write(Path(path), data)
    else:
        create_exclusive(Path(path), data)
