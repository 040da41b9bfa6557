"""A linear-time check of a TOML text's shape, before ``tomllib`` may spend minutes on it."""

from __future__ import annotations

import re

from session_store.errors import SessionError

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
