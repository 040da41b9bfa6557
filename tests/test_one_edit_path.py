"""The one edit path (issue 19 point 2): screens change the session through the session editor
only — no widget sets a model's attribute by name, and the App has no prose "edited" hook."""

from __future__ import annotations

import ast
from pathlib import Path

from workshop.app import PartnerWorkshopApp

SCREENS = Path(__file__).resolve().parent.parent / "screens"


def _calls(name: str) -> list[str]:
    found = []
    for path in sorted(SCREENS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if called == name:
                    found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_screen_sets_a_model_attribute_by_name():
    assert _calls("setattr") == []


def test_no_screen_announces_an_edit_in_words():
    assert _calls("edited") == []
    assert not hasattr(PartnerWorkshopApp, "edited")
