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

The per-item memo is :mod:`session_store.toml_render`; the shape check is
:mod:`session_store.toml_shape`.

Reading: a cheap shape check (a key of thousands of dotted parts makes tomllib take
minutes), the TOML reader (:mod:`session_store.toml_reader`: the compiled ``tomli``, else
``tomllib``, with identical results), then the closing line (a truncated file is refused), the schema version
and its migrations, then ``Session.model_validate``. Every failure becomes one
:class:`SessionError` line: the file, the line/column or the dotted field path, what is wrong.
:func:`load_bytes` first asks the parse cache (:mod:`session_store.parse_cache`), which only
knows bytes that parsed without error.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import ValidationError

from session_store import parse_cache, toml_reader
from session_store.atomic import NotRegularFileError, read_regular
from session_store.errors import SessionError
from session_store.gc_pause import gc_paused
from session_store.migrations import migrate
from session_store.toml_render import TableRenderer
from session_store.toml_shape import check_shape
from workshop.method.models import PATTERN_EXAMPLES, Session
from workshop.method.values import limit_words

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


SNAPSHOT_SLICE = 1_000
"""Partners dumped per step by :func:`session_data_in_slices` (about 10 ms of work each)."""


def session_data_in_slices(
    session: Session, partners_per_slice: int = SNAPSHOT_SLICE
) -> Iterator[dict[str, Any] | None]:
    """:func:`session_data`, taken a slice of partners at a time.

    Yields ``None`` between slices and the finished snapshot last (equal to what
    :func:`session_data` returns). The caller may run other work at each ``None`` as long as
    the session is not changed meanwhile; if it was, the slices already taken are stale: drop
    the iterator and start again. A session of up to ``partners_per_slice`` partners is one
    step (the snapshot at once), so small sessions pay nothing for this.
    """
    with gc_paused():
        head = session.model_dump(mode="python", exclude_none=True, exclude={"mapping": {"partners"}})
    partners = session.mapping.partners
    dumped: list[dict[str, Any]] = []
    for start in range(0, len(partners), partners_per_slice):
        if start:
            yield None
        with gc_paused():
            dumped.extend(
                partner.model_dump(mode="python", exclude_none=True)
                for partner in partners[start : start + partners_per_slice]
            )
    rest = head["mapping"]
    head["mapping"] = {  # the model's field order, as session_data has it
        name: dumped if name == "partners" else rest[name]
        for name in type(session.mapping).model_fields
        if name == "partners" or name in rest
    }
    yield head


def render_session(data: dict[str, Any]) -> str:
    """TOML text of a :func:`session_data` snapshot (runs on the saver thread).

    The same text as ``tomli_w.dumps(data)`` between :data:`HEADER` and :data:`END_MARKER`,
    with the items of arrays of tables re-used from the previous render when unchanged.
    """
    with gc_paused():
        return f"{HEADER}{TableRenderer().dumps(data)}\n{END_MARKER}\n"


def snapshot_json(data: dict[str, Any]) -> bytes:
    """JSON of a :func:`session_data` snapshot, for the parse cache."""
    return pydantic_core.to_json(data)


def parse_session(text: str, source: str) -> Session:
    """Parse and validate TOML text; ``source`` names the file in error messages."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise SessionError(f"{source}: the file is empty")
    check_shape(text, source)
    try:
        data = toml_reader.loads(text)
    except toml_reader.TOMLDecodeError as exc:
        if _cut_short(text):
            raise SessionError(
                f"{source}: the file is incomplete - it was cut short before its last line "
                f"{END_MARKER!r} ({_describe_toml_error(exc)})"
            ) from None
        raise SessionError(f"{source}: {_describe_toml_error(exc)}") from None
    except RecursionError:
        raise SessionError(
            f"{source}: not valid TOML: values nested too deeply (is this a session file?)"
        ) from None
    except ValueError as exc:  # an integer of thousands of digits (Python refuses to convert it)
        what = "a number too long to read" if "digits" in str(exc) else _short_text(str(exc), 80)
        raise SessionError(f"{source}: not valid TOML: {what} (is this a session file?)") from None
    if not _complete(text):
        raise SessionError(
            f"{source}: the file is incomplete - its last line should be {END_MARKER!r} "
            "(it was cut short; if you edited it by hand, put that line back at the end)"
        )
    data = migrate(data, source)
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        raise SessionError(f"{source}: {describe_validation_error(exc, data)}") from None


def _complete(text: str) -> bool:
    """The closing line is there, followed by nothing but blank lines and comments (a comment
    added below it by hand does not make a whole file look cut short)."""
    end = text.rfind(END_MARKER)
    if end < 0 or (end > 0 and text[end - 1] != "\n"):
        return False
    rest = text[end + len(END_MARKER) :].splitlines()[1:]
    return all(not line.strip() or line.lstrip().startswith("#") for line in rest)


_SESSION_START = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*schema_version[ \t]*=")


def _cut_short(text: str) -> bool:
    """True if ``text`` (which is not valid TOML) is a session file that stops early.

    It starts like a session (the header this program writes, or ``schema_version`` as the
    first key) and has no closing line anywhere: a cut in the middle of a line leaves a broken
    last line, which says less than "incomplete". Garbage after the closing line, or a file
    that is no session at all, keeps its plain TOML error.
    """
    if f"\n{END_MARKER}" in text:
        return False
    return text.startswith(HEADER.partition("\n")[0]) or _SESSION_START.match(text) is not None


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


def load_session(path: Path) -> Session:
    """Read and validate the session file at ``path`` (never writes it; may fill the parse cache)."""
    path = Path(path)
    raw, _stat = read_session_file(path)
    return load_bytes(raw, str(path))


def read_session_file(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes and stat of the file at ``path``; one-line :class:`SessionError` if unreadable.

    A FIFO, socket or device is refused before it is opened (reading a FIFO would wait for ever).
    """
    try:
        return read_regular(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise SessionError(f"{path}: a link to {os.readlink(path)}, which does not exist") from None
        raise SessionError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SessionError(f"{path}: is a folder, not a session file") from None
    except NotRegularFileError as exc:
        raise SessionError(f"{path}: {exc.strerror}, not a session file") from None
    except OSError as exc:
        raise SessionError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode(raw: bytes, source: str) -> str:
    """UTF-8 text of a session file (a leading byte-order mark is tolerated)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        if exc.reason == "unexpected end of data" and _cut_short(
            raw[: exc.start].decode("utf-8-sig", errors="replace")
        ):
            raise SessionError(
                f"{source}: the file is incomplete - it was cut short before its last line "
                f"{END_MARKER!r} (line {line}, column {column}: in the middle of a character)"
            ) from None
        raise SessionError(
            f"{source}: line {line}, column {column}: not UTF-8 text (is this a session file?)"
        ) from None


_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


def _describe_toml_error(exc: ValueError) -> str:
    message = str(exc)
    if match := _AT_LINE.search(message):
        what = message[: match.start()]
        return f"line {match.group(1)}, column {match.group(2)}: not valid TOML: {what}"
    if match := _AT_END.search(message):
        return f"at the end of the file: not valid TOML: {message[: match.start()]}"
    return f"not valid TOML: {message}"


_PREFIXES = ("Value error, ", "Assertion failed, ")
_TYPE_HINTS = {  # what to write instead, for the mistakes a hand edit makes
    "timezone_aware": "a date-time needs its UTC offset, e.g. 2026-11-24 08:30:00+00:00",
    "datetime_type": "needs a date-time with its UTC offset, e.g. 2026-11-24 08:30:00+00:00",
    "date_type": "needs a date, e.g. 2026-11-24",
    "bool_type": "needs true or false",
    "int_type": "needs a whole number",
    "float_type": "needs a number",
    "string_type": "needs a text in quotes",
}
_NUMBER_LIMITS = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")
_BOUNDS = {
    "greater_than_equal": ("ge", "no earlier than"),
    "less_than_equal": ("le", "no later than"),
}


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
    hint = _TYPE_HINTS.get(first["type"])
    if first["type"] == "string_pattern_mismatch":
        example = PATTERN_EXAMPLES.get(first.get("ctx", {}).get("pattern", ""))
        message = f"not in the expected form{f', e.g. {example}' if example else ''}"
    elif hint is not None:
        message = hint + (", written without quotes" if isinstance(got, str) and first["type"] != "string_type" else "")
    if first["type"] in _BOUNDS and isinstance(got, date):
        kind = "date-time" if isinstance(got, datetime) else "date"
        bound = first.get("ctx", {}).get(_BOUNDS[first["type"]][0], "?")
        message = f"{kind} out of range: must be {_BOUNDS[first['type']][1]} {bound} (got {got})"
    elif first["type"] not in ("missing", "extra_forbidden") and isinstance(
        got, (str, int, float, bool)
    ):
        limit = limit_words(first.get("ctx", {})) if first["type"] in _NUMBER_LIMITS else None
        if limit is not None:  # "must be at most 100", not pydantic's "less than or equal to"
            message = f"must be {limit}"
        message += f" (got {_toml_value(got)})"
    elif isinstance(got, date):  # a date where a date-time belongs, a time without its offset
        message += f" (got {got})"
    named = _named_item(data, loc)
    where = field_path(loc) or "the session"
    more = len(errors) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{where}{named}: {message}{tail}"


KEY_LIMIT = 40
"""Longest key shown whole in a message (the format's longest is 28); longer ones are cut."""


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("mapping", "partners", 3, "name")`` -> ``"mapping.partners[3].name"``.

    A key longer than :data:`KEY_LIMIT` (an unknown key can be of any length) is cut, ending
    with ``...``, so that a message stays one readable line.
    """
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            key = _short_text(str(part), KEY_LIMIT)
            parts.append(f".{key}" if parts else key)
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


def _toml_value(value: object) -> str:
    """A value as the file spells it (``true``, not Python's ``True``), shortened."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _short(value)


def _short(value: object, limit: int = 60) -> str:
    if isinstance(value, int) and value.bit_length() > 4 * limit:  # repr() may refuse it (4300 digits)
        return f"a whole number of about {int((value.bit_length() - 1) * math.log10(2)) + 1:,} digits"
    return _short_text(repr(value), limit)


def _short_text(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
