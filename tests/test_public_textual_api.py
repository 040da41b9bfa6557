"""Issue 19 §7: the partner table uses Textual's public API only (the Line API: a ScrollView
with ``render_line``), never a Textual class's private state.

An ``ast`` walk of the module: every ``x._name`` it reads or writes must be a name the module
defines itself (a function, a class, a ``self._name =`` assignment, a ``__slots__`` entry, a class
attribute); it imports nothing private (``textual._compositor``, ``from textual.x import _y``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_ONLY = [
    "screens/mapping_table.py",  # the widget (bindings, handlers, reactives, rows kept)
    "screens/mapping_table_render.py",  # its drawing mixin (render_line)
    "screens/mapping_rows.py",  # its rows and cell text
]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def own_names(tree: ast.AST) -> set[str]:
    """The private names the module itself defines: its functions, classes and module or class
    level names, ``__slots__`` entries, and what an ``__init__`` assigns to ``self`` (a write to
    ``self._x`` anywhere else may be a base class's state, so it does not count)."""
    names: set[str] = set()

    def assigned(node: ast.AST, *, in_init: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(child.name)
                assigned(child, in_init=isinstance(child, ast.FunctionDef) and child.name == "__init__")
                continue
            if isinstance(child, (ast.Assign, ast.AnnAssign)):
                targets = child.targets if isinstance(child, ast.Assign) else [child.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        names.add(target.id)
                        if target.id == "__slots__" and child.value is not None:
                            names.update(
                                c.value for c in ast.walk(child.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)
                            )
                    elif in_init and isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                        names.add(target.attr)
            assigned(child, in_init=in_init)

    assigned(tree, in_init=False)
    return {name for name in names if _private(name)}


def private_uses(source: str) -> list[str]:
    """Each private attribute or import the source takes from outside itself, with its line."""
    tree = ast.parse(source)
    own = own_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if any(_private(part) for part in module.split(".")):
                found.append(f"line {node.lineno}: from {module}")
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if any(_private(p) for p in a.name.split("."))]
    return found


@pytest.mark.parametrize("path", PUBLIC_ONLY)
def test_module_uses_no_private_textual_state(path: str) -> None:
    assert private_uses((ROOT / path).read_text(encoding="utf-8")) == []


def test_the_check_catches_what_the_old_table_did() -> None:
    """The DataTable subclass this replaced wrote DataTable's own private state."""
    old = """
from textual._compositor import ChopsUpdate
from textual.widgets import DataTable

class PartnerTable(DataTable):
    def __init__(self):
        super().__init__()
        self._shown_sig = {}

    def _add_rows(self, rows):
        self._shown_sig.clear()
        locations, data = self._row_locations, self._data
        self._require_update_dimensions = True
        self._highlight_cursor()
        super()._update_dimensions(())
"""
    found = private_uses(old)
    assert "line 2: from textual._compositor" in found
    for name in ("_row_locations", "_data", "_require_update_dimensions", "_highlight_cursor", "_update_dimensions"):
        assert any(f".{name}" in item for item in found), name
    assert not any("_shown_sig" in item or "_add_rows" in item for item in found)  # its own names


def test_no_private_name_of_a_textual_base_is_overridden_or_shadowed() -> None:
    """A private method or attribute of the modules' own may not share its name with one of a
    Textual base class (overriding ``_update_dimensions`` is as private as calling it) — a
    mixin's names included, as they land on the widget."""
    import importlib
    import inspect

    from textual.scroll_view import ScrollView

    from screens.mapping_table import PartnerTable
    from workshop.method.models import Mapping

    modules = [importlib.import_module(path.removesuffix(".py").replace("/", ".")) for path in PUBLIC_ONLY]
    ours = {module.__name__ for module in modules}
    own: set[str] = set()
    for module in modules:
        own |= own_names(ast.parse(Path(module.__file__).read_text(encoding="utf-8")))
    textual_names: set[str] = set()
    clashes = []
    for module in modules:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            foreign = [base for base in cls.__mro__ if base.__module__.split(".")[0] == "textual"]
            for base in foreign:
                textual_names.update(name for name in vars(base) if _private(name))
            mine = {name for base in cls.__mro__ if base.__module__ in ours for name in vars(base)}
            clashes += [f"{cls.__name__}.{name}" for name in mine if name in own and any(name in vars(b) for b in foreign)]
    table = PartnerTable(Mapping())
    bare = ScrollView()
    clashes += [f"PartnerTable().{name}" for name in vars(table) if name in own and name in vars(bare)]
    assert textual_names  # the walk saw Textual's classes
    assert clashes == []
