"""Where the exported blueprint goes by default: a name made from the company (the store writes it)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from workshop.method.models import Session


def slug(text: str) -> str:
    """``"Acme Corp, Inc."`` -> ``"acme-corp-inc"`` (ASCII letters, digits and dashes)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def default_export_path(session: Session, folder: Path, today: date) -> Path:
    """``<folder>/<company>-partnership-blueprint-<date>.md``."""
    name = slug(session.intake.company_name) or slug(session.title)
    stem = f"{name}-partnership-blueprint" if name else "partnership-blueprint"
    return folder / f"{stem}-{today.isoformat()}.md"
