"""The store's errors: each one is a single line naming the file, the place and the problem."""

from __future__ import annotations


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters shown as escapes, on one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


MESSAGE_LIMIT = 500
"""Longest message kept whole: a validator's message can quote user text of any length (a
100 kB row name made a 100,000-character line)."""


class SessionError(Exception):
    """A session file cannot be read, written or found; ``str()`` is one line, of at most
    :data:`MESSAGE_LIMIT` characters."""

    def __init__(self, message: str) -> None:
        line = one_line(message)
        if len(line) > MESSAGE_LIMIT:
            line = line[: MESSAGE_LIMIT - 1] + "…"
        super().__init__(line)


class NewerVersionError(SessionError):
    """The file was written by a newer Partner Workshop (its schema version is higher)."""


class SessionConflictError(SessionError):
    """The file changed on disk since this program read or last wrote it."""
