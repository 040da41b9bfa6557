"""Undo and redo over whole-session snapshots.

Every autosave already turns the session into TOML text; the App hands that text to
:meth:`UndoHistory.record` with the descriptions of the edits it contains, so one undo step
is one burst of editing (what was typed before a pause).  Snapshots are kept zlib-compressed,
so a long history of a large session stays small.  Pure Python: no Textual, no files.
"""

from __future__ import annotations

import zlib
from collections import deque
from dataclasses import dataclass

UNDO_LIMIT = 100
"""Steps kept (the brief asks for at least 50)."""


@dataclass(frozen=True)
class _Step:
    state: bytes
    description: str


class UndoHistory:
    """Snapshots of the session before each burst of edits, newest last."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._undo: deque[_Step] = deque(maxlen=limit)
        self._redo: list[_Step] = []
        self._current: bytes | None = None
        self._can_merge = False

    def reset(self, text: str) -> None:
        """Start over from ``text`` (a freshly opened session): nothing to undo or redo."""
        self._undo.clear()
        self._redo.clear()
        self._current = zlib.compress(text.encode("utf-8"), 1)
        self._can_merge = False

    def record(self, text: str, description: str) -> None:
        """The session is now ``text`` after the edits described; the state before is undoable."""
        state = zlib.compress(text.encode("utf-8"), 1)
        if self._current is None:
            self._current = state
            return
        if state == self._current:
            return
        if not (self._can_merge and self._undo and self._undo[-1].description == description):
            # More of the same edit (typing on in one field after a pause) stays one step.
            self._undo.append(_Step(self._current, description))
        self._redo.clear()
        self._current = state
        self._can_merge = True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> tuple[str, str] | None:
        """Step back: (the earlier session text, what is undone), or None at the start."""
        if not self._undo or self._current is None:
            return None
        step = self._undo.pop()
        self._can_merge = False
        self._redo.append(_Step(self._current, step.description))
        self._current = step.state
        return zlib.decompress(step.state).decode("utf-8"), step.description

    def redo(self) -> tuple[str, str] | None:
        """Step forward again: (the later session text, what is redone), or None."""
        if not self._redo or self._current is None:
            return None
        step = self._redo.pop()
        self._can_merge = False
        self._undo.append(_Step(self._current, step.description))
        self._current = step.state
        return zlib.decompress(step.state).decode("utf-8"), step.description
