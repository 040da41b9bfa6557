"""The architecture's contracts, read from the source: layers, no import circle, small modules.

An ``ast`` walk rather than import-linter: it sees every import (at the top of a module, inside a
function, under ``if TYPE_CHECKING:``) without importing anything, needs no dependency and no
configuration file, and the same walk also measures the modules. The layers are written out here
once; docs/architecture.md draws the same picture.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("workshop", "screens", "session_store")

# Bottom to top. A module may import its own layer and the layers below it, never one above.
# The longest prefix decides: the room's rules (a round, its answers and limits) are domain; its
# HTTP server, page and QR code sit above the store.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("domain", ("workshop.method", "workshop.room.state", "workshop.room.accept", "workshop.room.results",
                "workshop.room.limits")),
    ("export", ("workshop.export",)),
    ("store", ("session_store",)),
    ("room server", ("workshop.room",)),
    ("screens", ("screens",)),
    ("composition root", ("workshop",)),  # the App, the CLI, __main__, the demo builder: the rest
)
LAYER_NAMES = [name for name, _ in LAYERS]

# Third-party packages each layer may not import at all (the domain is plain Python + pydantic).
FORBIDDEN_OUTSIDE: dict[str, tuple[str, ...]] = {
    "domain": ("textual", "rich", "aiohttp", "textual_serve", "tomli_w", "tomllib", "tomli", "rtoml"),
    "export": ("textual", "aiohttp", "textual_serve", "tomli_w", "tomllib", "tomli", "rtoml"),
    "store": ("textual", "aiohttp", "textual_serve", "jinja2"),
    "room server": ("textual", "textual_serve"),
}

MAX_LINES = 500


def layer_of(module: str) -> str:
    best = ""
    best_layer = ""
    for name, prefixes in LAYERS:
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
                best, best_layer = prefix, name
    return best_layer


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[module_name(path)] = path
    return found


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


@cache
def imports_of(module: str) -> frozenset[str]:
    """Every module ``module`` imports, wherever the import statement stands."""
    path = modules()[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node, path.name == "__init__.py")
            # `from package import submodule` is an arrow to the submodule; to the package's
            # ``__init__`` only for the names that are not submodules.
            submodules = {f"{target}.{alias.name}" for alias in node.names} & modules().keys()
            names.update(submodules)
            if len(submodules) < len(node.names):
                names.add(target)
    return frozenset(names)


def own_imports(module: str) -> set[str]:
    """The project modules ``module`` imports (a package's ``__init__`` counts as the package)."""
    known = modules()
    return {name for name in imports_of(module) if name in known and name != module}


def test_the_walk_sees_the_modules() -> None:
    """The walk finds the App and an import inside a function (it would pass vacuously otherwise)."""
    assert "workshop.app" in modules()
    assert "workshop.cli" in modules()
    assert any(own_imports(name) for name in modules())


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_run_downward_only(module: str) -> None:
    mine = LAYER_NAMES.index(layer_of(module))
    upward = sorted(
        f"{name} ({layer_of(name)})"
        for name in own_imports(module)
        if LAYER_NAMES.index(layer_of(name)) > mine
    )
    assert not upward, f"{module} ({layer_of(module)}) imports upward: {', '.join(upward)}"


@pytest.mark.parametrize("module", sorted(modules()))
def test_layers_keep_out_of_frameworks(module: str) -> None:
    banned = FORBIDDEN_OUTSIDE.get(layer_of(module), ())
    found = sorted(name for name in imports_of(module) if name.split(".")[0] in banned)
    assert not found, f"{module} ({layer_of(module)}) imports {', '.join(found)}"


FILE_CALLS = {"open", "read_text", "write_text", "read_bytes", "write_bytes", "unlink",
              "mkdir", "rmdir", "touch", "iterdir", "glob", "rglob", "scandir", "listdir"}


@pytest.mark.parametrize("module", sorted(name for name in modules() if layer_of(name) == "screens"))
def test_screens_touch_no_file(module: str) -> None:
    """Only the store reads and writes files: a screen asks the App (its typed host) instead."""
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    calls = sorted(
        {node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
         for node in ast.walk(tree)
         if isinstance(node, ast.Call)
         and ((isinstance(node.func, ast.Name) and node.func.id in FILE_CALLS)
              or (isinstance(node.func, ast.Attribute) and node.func.attr in FILE_CALLS))}
    )
    assert not calls, f"{module} calls {', '.join(calls)}"


def test_no_import_circle() -> None:
    """No module reaches itself through its imports (Tarjan's strongly connected components)."""
    graph = {name: own_imports(name) for name in modules()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert not circles, "import circles: " + "; ".join(" ↔ ".join(c) for c in circles)


@pytest.mark.parametrize("module", sorted(modules()))
def test_modules_stay_small(module: str) -> None:
    lines = modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines (at most {MAX_LINES}: split it by concern)"
