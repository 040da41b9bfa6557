"""The TOML reader of session files: the compiled ``tomli`` wheel, else the standard ``tomllib``.

``tomli`` is the parser the standard ``tomllib`` was copied from; its wheels for CPython on
Linux, macOS and Windows are compiled with mypyc, which parses a 1,000-partner session
(890 kB) in ≈ 47 ms instead of tomllib's ≈ 132 ms (docs/performance.md).  The pinned release,
2.3.2, is the last one that reads TOML 1.0, as tomllib does: 2.4 reads TOML 1.1 (``\\e``,
times without seconds, trailing commas in inline tables), so a file would open on one machine
and be refused on another.  ``tests/test_store_toml_reader.py`` checks that both give the same
values, of the same types, and the same errors, on the project's files and on toml-test's cases.

Where no ``tomli`` is installed (a platform without its wheel, or an install without it) the
standard ``tomllib`` reads the files, with identical results, only slower.

Only :mod:`session_store.codec` calls :func:`loads`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    import tomli as _reader
except ImportError:  # pragma: no cover - exercised by test_store_toml_reader's fallback test
    import tomllib as _reader

NAME: str = _reader.__name__
"""``"tomli"`` or ``"tomllib"``: which reader this process uses."""

COMPILED: bool = Path(_reader.__file__ or "").suffix in (".so", ".pyd")
"""Whether the reader is compiled (the mypyc build of ``tomli``), not pure Python."""

TOMLDecodeError: type[ValueError] = _reader.TOMLDecodeError
"""What :func:`loads` raises for text that is not TOML (the message ends with its line and
column, as tomllib's does)."""


def loads(text: str) -> dict[str, Any]:
    """The TOML document ``text`` as Python values, exactly as ``tomllib.loads`` gives them."""
    return _reader.loads(text)
