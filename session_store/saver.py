"""The autosave's writer: one plain thread that renders snapshots and writes them, in order.

The App takes a snapshot of the session on its own thread (plain data, fast and consistent:
:func:`~session_store.codec.session_data`) and hands it to :meth:`Saver.save`.  A single
thread then, snapshot after snapshot, in the order they were handed over:

* renders it to TOML text;
* gives the text to ``on_rendered`` with the description of the edits it contains (the App
  keeps it as an undo step), so the undo history receives snapshots in order too;
* writes it atomically to :attr:`Saver.session_file` — unless a later snapshot has been
  written meanwhile (a copy of the session saved elsewhere), which it would overwrite.

Each save returns a :class:`~concurrent.futures.Future`: its exception is the
:class:`~session_store.errors.SessionError` or ``OSError`` that stopped the write (the file on
disk is then untouched).  :meth:`Saver.wait` blocks until everything handed over is done (before
leaving a session, on exit, on a signal), so nothing queued is lost; :meth:`Saver.close`
does the same and then ends the thread (when the App ends: a thread left waiting for work
would keep the App, its session and its undo history alive until the process exits).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from session_store.codec import render_session
from session_store.session_file import SessionFile


class Saver:
    """One saver thread: snapshots are rendered, kept and written in the order handed over."""

    def __init__(self, on_rendered: Callable[[str, str], object] | None = None) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._on_rendered = on_rendered
        self.session_file: SessionFile | None = None
        """Where snapshots are written (the App sets it when a session is opened or copied)."""
        self._generation = 0
        self._written_generation = 0
        self._closed = False

    def save(self, data: dict[str, Any], description: str = "") -> Future[None]:
        """Queue snapshot ``data`` (the edits it contains: ``description``) to be written."""
        self._generation += 1
        return self._thread.submit(self._render_and_write, data, description, self._generation)

    def submit(self, task: Callable[..., object], *args: object) -> Future[Any]:
        """Run ``task`` on the saver thread, after everything queued before it."""
        return self._thread.submit(task, *args)

    def wait(self) -> None:
        """Return once every snapshot handed over so far is written (or has failed)."""
        if self._closed:
            return  # close() waited for everything already
        self._thread.submit(lambda: None).result()

    def close(self) -> None:
        """Write everything handed over, then end the thread; saving after this is an error."""
        self._closed = True
        self._thread.shutdown(wait=True)

    def written_elsewhere(self) -> None:
        """The session was just written whole to a new file: queued snapshots are not written."""
        self._written_generation = self._generation

    def _render_and_write(self, data: dict[str, Any], description: str, generation: int) -> None:
        """On the saver thread: the TOML text, the undo step, the atomic write."""
        text = render_session(data)
        if self._on_rendered is not None:
            self._on_rendered(text, description)
        if generation > self._written_generation and self.session_file is not None:
            self.session_file.write_text(text, snapshot=data)
            self._written_generation = generation
