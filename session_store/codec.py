"""Session <-> TOML text.

Writing: ``model_dump(mode="python", exclude_none=True)`` (absent = key left out), then
tomli-w in its default mode (``multiline_strings`` would lose ``\\r``). Dates and datetimes
stay native TOML values. Every enum of the model is a ``str`` enum, which tomli-w writes as
its plain value, so no per-field conversion pass is needed (a test guards this).

Re-saving is cheap: the big arrays of tables (partners, decisions, objectives...) are rendered
one item at a time by tomli-w and each item's TOML is remembered, keyed by the ``repr`` of its
plain data (exact for the dicts, lists, strings, numbers, dates and enums of a snapshot), so an
autosave after one edit renders one item. The text is the same, byte for byte, as
``tomli_w.dumps`` of the whole snapshot (a test compares them).

Reading: a cheap shape check (a key of thousands of dotted parts makes tomllib take
minutes), tomllib, then the closing line (a truncated file is refused), the schema version
and its migrations, then ``Session.model_validate``. Every failure becomes one
:class:`SessionError` line: the file, the line/column or the dotted field path, what is wrong.
:func:`load_bytes` first asks the parse cache (:mod:`session_store.parse_cache`), which only
knows bytes that parsed without error.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import re
import threading
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pydantic_core
import tomli_w
from pydantic import ValidationError

from session_store import parse_cache
from session_store.errors import SessionError
from session_store.migrations import migrate
from workshop.models import Session

HEADER = (
    "# Partner Workshop session - format described in docs/session-format.md.\n"
    "# You may edit this file by hand; keep the last line, it proves the file is complete.\n"
    "\n"
)
END_MARKER = "# end of session"


def dump_session(session: Session) -> str:
    """The session as TOML text, keys in the model's order, ending with :data:`END_MARKER`."""
    return render_session(session_data(session))


def session_data(session: Session) -> dict[str, Any]:
    """A detached snapshot of the session as plain data (fast; safe to render in another thread)."""
    with gc_paused():
        return session.model_dump(mode="python", exclude_none=True)


def render_session(data: dict[str, Any]) -> str:
    """TOML text of a :func:`session_data` snapshot (runs on the saver thread).

    The same text as ``tomli_w.dumps(data)`` between :data:`HEADER` and :data:`END_MARKER`,
    with the items of arrays of tables re-used from the previous render when unchanged.
    """
    with gc_paused():
        text = f"{HEADER}{_Renderer().dumps(data)}\n{END_MARKER}\n"
    _rendered.last = (text, data)  # lets SessionFile.write_text fill the parse cache
    return text


def rendered_data(text: str) -> dict[str, Any] | None:
    """The snapshot this thread last rendered, if ``text`` is that very rendering (and forget it)."""
    last = getattr(_rendered, "last", None)
    _rendered.last = None
    if last is not None and last[0] is text:
        return last[1]
    return None


def snapshot_json(data: dict[str, Any]) -> bytes:
    """JSON of a :func:`session_data` snapshot, for the parse cache."""
    return pydantic_core.to_json(data)


_rendered = threading.local()

# (path of the array, repr of the item's data) -> (fits inline, the item's TOML).
# Holds the items of the last render only, so it never outgrows about twice one file.
_fragments: dict[tuple[tuple[str, ...], str], tuple[bool, str]] = {}
_fragments_lock = threading.Lock()
_SENTINEL = {"_": "x" * 120}  # never fits inline: forces an array of tables


class _Renderer:
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


def parse_session(text: str, source: str) -> Session:
    """Parse and validate TOML text; ``source`` names the file in error messages."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise SessionError(f"{source}: the file is empty")
    check_shape(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SessionError(f"{source}: {_describe_toml_error(exc)}") from None
    except RecursionError:
        raise SessionError(
            f"{source}: not valid TOML: values nested too deeply (is this a session file?)"
        ) from None
    if not text.rstrip().endswith(END_MARKER):
        raise SessionError(
            f"{source}: the file is incomplete - its last line should be {END_MARKER!r} "
            "(it was cut short; if you edited it by hand, put that line back at the end)"
        )
    data = migrate(data, source)
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        raise SessionError(f"{source}: {describe_validation_error(exc, data)}") from None


MAX_KEY_PARTS = 100
"""Longest dotted key accepted (``a.b.c`` has 3 parts); the session format uses at most 4."""

_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
# Starts at a dot (a literal, which the regex engine finds fast): MAX_KEY_PARTS dots with a key
# part between each two and after the last, i.e. more than MAX_KEY_PARTS parts in all.
_LONG_KEY = re.compile(
    rf"\.(?:[ \t]*+{_KEY_PART}[ \t]*+\.){{{MAX_KEY_PARTS - 1}}}[ \t]*+{_KEY_PART}"
)


def check_shape(text: str, source: str) -> None:
    """Refuse, in linear time, what would make tomllib take minutes: a key of thousands of parts.

    (tomllib's time grows with the square of a dotted key's length: a 100 kB file made of one
    50,000-part key takes it 25 s.) Quoted parts count too. A long dotted run inside a string
    value or a comment is not a key and is let through.
    """
    scan = _QuoteScanner(text)
    for match in _LONG_KEY.finditer(text):
        if scan.inside_text(match.start()):
            continue
        start = match.start()
        while start > 0 and text[start - 1] not in " \t\n[{,=":
            start -= 1  # back to the key's first part, for the column
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        raise SessionError(
            f"{source}: line {line}, column {column}: not a session file: a dotted key of more "
            f"than {MAX_KEY_PARTS} parts (the session format uses at most 4)"
        )


_OPENERS = re.compile(r"""\"\"\"|'''|["'#]""")
_CLOSERS = {
    '"': re.compile(r'\\.|"'),
    "'": re.compile(r"'"),
    '"""': re.compile(r'\\.|"""', re.DOTALL),
    "'''": re.compile(r"'''"),
}


class _QuoteScanner:
    """Tells whether a position is inside a string or a comment of its line (TOML's quoting).

    Positions are asked in increasing order; the scan resumes where it stopped, so the total
    work is linear in the text. A string that spans lines (triple quotes) is not followed
    across the line break: such a line's dotted runs count as keys (refused, never let through).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0  # scanned up to here (outside any string)...
        self.text_until = 0  # ...except that everything before this is inside one
        self.line_end = -1

    def inside_text(self, target: int) -> bool:
        text = self.text
        if target > self.line_end:
            self.pos = text.rfind("\n", 0, target) + 1
            self.line_end = text.find("\n", target)
            if self.line_end < 0:
                self.line_end = len(text)
        if target < self.text_until:
            return True
        pos = max(self.pos, self.text_until)
        while True:
            opened = _OPENERS.search(text, pos, target)
            if opened is None:
                self.pos = target
                return False
            quote = opened.group()
            if quote == "#":
                closed_at = self.line_end
            else:
                pos = opened.end()
                while (closed := _CLOSERS[quote].search(text, pos, self.line_end)) is not None:
                    pos = closed.end()
                    if closed.group() == quote:
                        break
                closed_at = pos if closed is not None else self.line_end
            if closed_at > target:
                self.text_until = closed_at
                return True
            pos = closed_at


def load_bytes(raw: bytes, source: str, sha256: str | None = None) -> Session:
    """The session in file bytes ``raw`` (``sha256``: their SHA-256 hex digest, if known).

    Asks the parse cache first; on a miss parses in full and, if that succeeds, fills the cache.
    Errors are those of :func:`parse_session`: the cache only ever holds bytes that parsed.
    """
    key = sha256 or hashlib.sha256(raw).hexdigest()
    with gc_paused():
        session = parse_cache.lookup(key)
        if session is None:
            session = parse_session(decode(raw, source), source)
            parse_cache.store_session(key, session)
    return session


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building or rendering a whole session.

    Creating tens of thousands of objects in one go triggers full collections that walk every
    object already alive, again and again: at 10,000 partners that doubled the load time and
    made it grow faster than the file. Nothing built here is garbage yet, so the pause loses
    nothing; collection resumes (if it was on) as soon as the block ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def load_session(path: Path) -> Session:
    """Read and validate the session file at ``path`` (never writes it; may fill the parse cache)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SessionError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SessionError(f"{path}: is a folder, not a session file") from None
    except OSError as exc:
        raise SessionError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return load_bytes(raw, str(path))


def decode(raw: bytes, source: str) -> str:
    """UTF-8 text of a session file (a leading byte-order mark is tolerated)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SessionError(
            f"{source}: line {line}, column {column}: not UTF-8 text (is this a session file?)"
        ) from None


_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


def _describe_toml_error(exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    if match := _AT_LINE.search(message):
        what = message[: match.start()]
        return f"line {match.group(1)}, column {match.group(2)}: not valid TOML: {what}"
    if match := _AT_END.search(message):
        return f"at the end of the file: not valid TOML: {message[: match.start()]}"
    return f"not valid TOML: {message}"


_PREFIXES = ("Value error, ", "Assertion failed, ")


def describe_validation_error(exc: ValidationError, data: Any = None) -> str:
    """One line for the first problem: ``dotted.path[3].field: what is wrong (got ...)``."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = first["loc"]
    message = first["msg"]
    for prefix in _PREFIXES:
        if message.startswith(prefix):
            message = message[len(prefix) :]
    if first["type"] == "extra_forbidden":
        message = "unknown field (not part of the session format; check its spelling)"
    elif first["type"] == "missing":
        message = "required field is missing"
    got = first.get("input")
    if first["type"] not in ("missing", "extra_forbidden") and isinstance(
        got, (str, int, float, bool)
    ):
        message += f" (got {_short(got)})"
    named = _named_item(data, loc)
    where = field_path(loc) or "the session"
    more = len(errors) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{where}{named}: {message}{tail}"


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("mapping", "partners", 3, "name")`` -> ``"mapping.partners[3].name"``."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts)


def _named_item(data: Any, loc: tuple[int | str, ...]) -> str:
    """`` (in "Deloitte")``: the name of the innermost list entry the path goes through."""
    name = None
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and isinstance(node, dict):
            label = node.get("name") or node.get("id") or node.get("text") or node.get("decision")
            if isinstance(label, str) and label:
                name = label
    return f" (in {_short(name)})" if name else ""


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
