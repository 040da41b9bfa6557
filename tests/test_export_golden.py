"""The demo session's blueprint, byte for byte.

After an intended change to the template, the demo or the engine, regenerate the golden file:
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.test_export import SECTIONS
from tests.test_export_support import headings, parse, tables
from workshop.export.markdown import export_markdown
from workshop.method.models import Session

GOLDEN = Path(__file__).parent / "golden" / "demo_blueprint.md"


def test_demo_blueprint_matches_the_golden_file(demo_session: Session) -> None:
    markdown = export_markdown(demo_session)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(markdown.encode("utf-8"))
    assert markdown.encode("utf-8") == GOLDEN.read_bytes(), (
        "the demo blueprint changed: if intended, rerun with UPDATE_GOLDEN=1 and review the diff"
    )


def test_demo_blueprint_structure(demo_session: Session) -> None:
    tokens = parse(export_markdown(demo_session))
    assert [text for level, text in headings(tokens) if level == 2] == SECTIONS
    found = tables(tokens)
    roles = len(demo_session.governance.raci.roles)
    assert [t.columns for t in found] == [2, 4, 6, 9, 5, 10, 4, 4, 7, 6, 5, 1 + roles, 4, 3, 3, 3, 5, 4, 7, 3, 8, 3]
    for table in found:
        assert table.rows and all(len(row) == table.columns for row in table.rows)
    scoring = found[3]
    assert len(scoring.rows) == len(demo_session.mapping.partners)
