"""``tomli_w.dumps`` with every item of an array of tables remembered, so re-saving is cheap.

Most autosaves change one partner out of thousands: each item's TOML is kept, keyed by the
``repr`` of its plain data (exact for the dicts, lists, strings, numbers, dates and enums of a
snapshot), and only changed items are rendered again. The text is the same, byte for byte, as
``tomli_w.dumps`` of the whole snapshot (a property test compares them).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import tomli_w

# (path of the array, repr of the item's data) -> (fits inline, the item's TOML).
# Holds the items of the last render only, so it never outgrows about twice one file.
_fragments: dict[tuple[tuple[str, ...], str], tuple[bool, str]] = {}
_fragments_lock = threading.Lock()
_SENTINEL = {"_": "x" * 120}  # never fits inline: forces an array of tables


class TableRenderer:
    """``tomli_w.dumps``, table by table, with every item of an array of tables memoised.

    Mirrors tomli-w's own layout (``gen_table_chunks``): a table's plain values first (each
    rendered by ``tomli_w.dumps``), then its sub-tables and arrays of tables, each preceded by
    a blank line. An array of tables whose items all fit on one line each is a plain value
    (an inline array, one memoised ``{ ... }`` per line), exactly as tomli-w decides.
    """

    def __init__(self) -> None:
        self.previous = _fragments
        self.used: dict[tuple[tuple[str, ...], str], tuple[bool, str]] = {}
        self.keys: dict[str, str] = {}

    def dumps(self, data: Mapping[str, Any]) -> str:
        out: list[str] = []
        self._table(data, (), "", out)
        global _fragments
        with _fragments_lock:
            _fragments = self.used
        return "".join(out)

    def _key(self, key: str) -> str:
        formatted = self.keys.get(key)
        if formatted is None:
            formatted = self.keys[key] = tomli_w.dumps({key: 0})[: -len(" = 0\n")]
        return formatted

    def _table(self, table: Mapping[str, Any], path: tuple[str, ...], name: str, out: list[str]) -> None:
        literals: list[tuple[str, Any]] = []
        tables: list[tuple[str, Any]] = []
        for key, value in table.items():
            if isinstance(value, Mapping):
                tables.append((key, value))
            elif isinstance(value, (list, tuple)) and value and all(isinstance(v, Mapping) for v in value):
                inline, texts = self._array_of_tables(path + (key,), value)
                if inline:  # every item fits on one line: an inline array, a plain value
                    literals.append((key, _InlineArray(texts)))
                else:
                    tables.append((key, texts))
            else:
                literals.append((key, value))
        written = False
        if name and (literals or not tables):
            out.append(f"[{name}]\n")
            written = True
        for key, value in literals:
            if isinstance(value, _InlineArray):
                items = "".join(f"    {text},\n" for text in value)
                out.append(f"{self._key(key)} = [\n{items}]\n")
            else:
                out.append(tomli_w.dumps({key: value}))
            written = True
        for key, value in tables:
            if isinstance(value, list):  # the rendered items of an array of tables
                for fragment in value:
                    if written:
                        out.append("\n")
                    written = True
                    out.append(fragment)
                continue
            if written:
                out.append("\n")
            written = True
            formatted = self._key(key)
            self._table(value, path + (key,), f"{name}.{formatted}" if name else formatted, out)

    def _array_of_tables(self, path: tuple[str, ...], items: Any) -> tuple[bool, list[str]]:
        """(True, each item's inline text) if every item fits on one line, as tomli-w decides;
        else (False, each item's ``[[path]]`` TOML)."""
        rendered = [self._item(path, item) for item in items]
        if all(inline for inline, _ in rendered):
            return True, [text for _, text in rendered]
        return False, [
            self._forced(path, item) if inline else text
            for (inline, text), item in zip(rendered, items)
        ]

    def _item(self, path: tuple[str, ...], item: Mapping[str, Any]) -> tuple[bool, str]:
        """(False, the item's ``[[path]]`` TOML) or, if it fits on one line, (True, that line)."""
        key = (path, repr(item))
        try:
            rendered = self.used[key]
        except KeyError:
            try:
                rendered = self.previous[key]
            except KeyError:
                text = tomli_w.dumps(_nest(path, [item]))
                if text.startswith("[["):
                    rendered = (False, text)
                else:
                    line = tomli_w.dumps({"x": [item]})  # 'x = [\n    { ... },\n]\n'
                    rendered = (True, line[len("x = [\n    ") : -len(",\n]\n")])
            self.used[key] = rendered
        return rendered

    def _forced(self, path: tuple[str, ...], item: Mapping[str, Any]) -> str:
        """The ``[[path]]`` form of an item that fits inline, in an array where another does not."""
        key = (path + ("[[]]",), repr(item))
        rendered = self.used.get(key) or self.previous.get(key)
        if rendered is None:
            alone = tomli_w.dumps(_nest(path, [_SENTINEL]))
            both = tomli_w.dumps(_nest(path, [item, _SENTINEL]))
            if not both.endswith("\n" + alone):  # never seen; tomli-w itself is always right
                raise AssertionError("unexpected tomli-w layout")
            rendered = (False, both[: -len(alone) - 1])
        self.used[key] = rendered
        return rendered[1]


class _InlineArray(list):
    """The rendered items of an array of tables written inline (one ``{ ... }`` per line)."""


def forget_rendered() -> None:
    """Drop the memoised TOML of array items (the next render starts from nothing)."""
    global _fragments
    with _fragments_lock:
        _fragments = {}


def _nest(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    for key in reversed(path):
        value = {key: value}
    return value
