"""The store's modules import one another downward only: no circle (an ``ast`` walk over every
import statement, those inside functions included — a deferred import is still an arrow)."""

from __future__ import annotations

import ast
from pathlib import Path

STORE = Path(__file__).resolve().parent.parent / "session_store"


def _arrows() -> dict[str, set[str]]:
    modules = {path.stem for path in STORE.glob("*.py") if path.stem != "__init__"}
    arrows: dict[str, set[str]] = {name: set() for name in modules}
    for name in modules:
        tree = ast.parse((STORE / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "session_store":
                    arrows[name] |= {alias.name for alias in node.names if alias.name in modules}
                elif node.module.startswith("session_store."):
                    arrows[name].add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                arrows[name] |= {a.name.split(".")[1] for a in node.names if a.name.startswith("session_store.")}
    return arrows


def _circle(arrows: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return path[path.index(name):] + [name]
        if name in done:
            return None
        for target in sorted(arrows.get(name, ())):
            found = visit(target, [*path, name])
            if found:
                return found
        done.add(name)
        return None

    for name in sorted(arrows):
        found = visit(name, [])
        if found:
            return found
    return None


def test_the_store_has_no_import_circle():
    assert _circle(_arrows()) is None


def test_the_check_finds_a_circle():
    assert _circle({"codec": {"parse_cache"}, "parse_cache": {"locations"}, "locations": {"codec"}}) == [
        "codec", "parse_cache", "locations", "codec",
    ]
