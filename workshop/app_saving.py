"""Autosave at the App's edge: when to snapshot the session, and what to tell the room.

Every edit (reported by the session's editor) makes a save pending; after
:data:`AUTOSAVE_DELAY` of quiet, :meth:`Autosaving.save_now` takes a plain-data snapshot on the
UI thread (a big session a slice at a time, between key presses) and hands it to the store's
:class:`session_store.saver.Saver`, whose one thread renders it, keeps it as an undo step and
writes it, in order.  The outcome comes back here (the header's "saved" / "NOT SAVED", a retry
every :data:`RETRY_DELAY` seconds, the questions asked before leaving unsaved work).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future

from session_store import (
    EditingClaim,
    SessionConflictError,
    SessionError,
    SessionFile,
    default_sessions_dir,
    new_session_path,
    session_data,
    session_data_in_slices,
)

AUTOSAVE_DELAY = 0.3
"""Seconds of quiet after an edit before it is written (a killed process loses at most this)."""

UNSAVED_TITLE = "Your last changes are not saved"
"""The title of the question asked before leaving a session whose last changes failed to save."""

RETRY_DELAY = 5.0
"""Seconds between attempts while saving fails (disk full, permissions)."""


class Autosaving:
    """The App's autosave (a mixin of :class:`workshop.app.PartnerWorkshopApp`)."""

    def _schedule_save(self, delay: float) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(delay, self.save_now)

    def save_now(self) -> None:
        """Snapshot the session now; render and write it on the saver thread.

        A big session is snapshotted a slice of partners at a time (a worker on the UI
        thread), so a key pressed as the autosave starts is not held up by the whole dump.
        """
        if self.session is None or self.session_file is None or not self._pending:
            return
        revision = self.revision
        slices = session_data_in_slices(self.session)
        self._pending = False  # changes from here on (even to the position) make it pending again
        first = next(slices)
        if first is None:
            self._slicing = token = object()
            self.run_worker(self._finish_snapshot(slices, revision, token), group="autosave")
        else:
            self._report_when_saved(self._queue_save(first))

    async def _finish_snapshot(self, slices: Iterator[dict | None], revision: int, token: object) -> None:
        """Take the rest of a sliced snapshot, letting other events run between slices. If the
        session is edited meanwhile the snapshot is stale and dropped: that edit schedules its
        own save. (Replacing the session — another one opened, an undo — flushes first, which
        takes the token.)"""
        try:
            data = None
            while data is None:
                await asyncio.sleep(0)
                if self._slicing is not token or self.revision != revision:
                    return  # flushed whole meanwhile, or edited (the edit left a save pending)
                data = next(slices)
            self._report_when_saved(self._queue_save(data))
        finally:
            if self._slicing is token:
                self._slicing = None

    def _report_when_saved(self, future: Future[None]) -> None:
        loop = asyncio.get_running_loop()
        future.add_done_callback(lambda done: loop.call_soon_threadsafe(self._save_done, done))

    def _queue_save(self, data: dict | None = None) -> Future[None]:
        """Queue a save of snapshot ``data`` (by default the session as it is now, taken here,
        on the UI thread).

        Saves run one after another on a single saver thread, so the file and the undo history
        always receive snapshots in the order they were taken.
        """
        assert self.session is not None
        if data is None:
            self._pending = False
            data = session_data(self.session)
        return self._saver.save(data, self.editor.take_undo_description())

    def _save_done(self, future: Future[None]) -> None:
        """On the UI thread: say how the save went."""
        error = future.exception()
        if error is None:
            self._saved()
        elif isinstance(error, (SessionError, OSError)):
            self._save_failed(error)
        else:
            raise error

    def _saved(self) -> None:
        self._last_saved_at = self.clock()
        if self._save_error is not None:
            self.notify("Saved again: all your work is on disk.", title="Saved")
        self._save_error = None
        self._refresh_save_state()

    def _save_failed(self, error: Exception) -> None:
        message = str(error) if isinstance(error, SessionError) else f"{error.strerror or error}"
        first_time = self._save_error != message
        self._save_error = message
        self._save_advice = (
            "Use 'Save a copy' from the command palette (ctrl+p) to keep your work in a new file."
            if isinstance(error, SessionConflictError)
            else "Your work is kept in memory; saving is retried every few seconds."
        )
        self._pending = True
        if first_time:
            self._tell_save_error()
        if not isinstance(error, SessionConflictError):
            self._schedule_save(RETRY_DELAY)
        self._refresh_save_state()

    def _tell_save_error(self) -> None:
        """Say why the session is not saved and what to do (again, whenever asked: ctrl+s)."""
        self.notify(
            f"{self._save_error}\n{self._save_advice}", title="Not saved", severity="error", timeout=20, markup=False
        )

    def flush_save(self) -> bool:
        """Write any pending edit now and wait for it; True when everything is on disk."""
        if self.session is None or self.session_file is None:
            return True
        if self._slicing is not None:  # an autosave's snapshot is half taken: take it whole, now
            self._slicing, self._pending = None, True
        if self._pending:
            future = self._queue_save()
            concurrent.futures.wait([future])
            self._save_done(future)
        else:
            self._saver.wait()  # let queued saves finish first
        return self._save_error is None and not self._pending

    def save_copy(self, *, staying: bool = True) -> bool:
        """Write the session to a new file and continue there (after a conflict, for instance);
        True when the copy was written.

        Beside the file, or — where that folder cannot be written — in the sessions folder.
        ``staying``: editing goes on in the copy (else the app is leaving: quit, home, a signal).
        """
        if self.session is None or self.session_file is None:
            return False
        self._saver.wait()  # no save to the old file is still under way
        original = self.session_file.path
        folders = dict.fromkeys([original.parent, self.sessions_dir or default_sessions_dir()])
        errors: list[str] = []
        for folder in folders:
            path = new_session_path(f"{original.stem} copy", folder)
            try:
                self.session_file = SessionFile.create(path, self.session)
                break
            except (SessionError, OSError) as error:
                errors.append(str(error))
        else:
            self.notify(f"Could not save a copy: {'; '.join(errors)}", severity="error", markup=False)
            return False
        self._release_claim()
        with contextlib.suppress(SessionError):  # a file made just now: no other window has it
            self._claim = EditingClaim.take(path)
        self._pending = False
        self._save_error = None
        self._saver.written_elsewhere()
        self._saved()
        self.exit_note = f"your work is in a copy: {path}"
        self.notify(f"Saved a copy as {path}" + ("; editing continues there." if staying else "."), markup=False)
        return True

    def leave_session(self, then: Callable[[], object], leaving: str) -> None:
        """Run ``then`` (quit, go home) once every change is on disk.

        If the last changes cannot be saved (disk full, file changed elsewhere…), ask first —
        save a copy and go on, stay, or go on without them — rather than lose them unasked.
        """
        if self.flush_save():
            then()
            return
        from screens.dialogs import ChoiceDialog

        if isinstance(self.screen, ChoiceDialog) and self.screen.dialog_title == UNSAVED_TITLE:
            return  # already asking (ctrl+q pressed again)

        def chosen(choice: object) -> None:
            # ``then`` once the dialog is gone and the screen shows the new save state
            if choice == "copy" and self.save_copy(staying=False):
                self.call_after_refresh(then)
            elif choice == "leave":
                self._close_session()  # the changes that could not be saved are left behind
                self.call_after_refresh(then)

        choices = [
            (f"Save a copy, then {leaving}", "copy"),
            ("Stay in this session", None),
            (f"{leaving.capitalize()} without the unsaved changes", "leave"),
        ]
        reason = self._save_error or "The session could not be written."
        self.clear_notifications()  # the dialog says the same, and a toast would cover its choices
        self.push_screen(ChoiceDialog(UNSAVED_TITLE, choices, message=reason), chosen)

    def _refresh_save_state(self) -> None:
        if not self.session_is_open:
            self.sub_title = ""
            return
        if self._save_error is not None:
            state = "NOT SAVED (ctrl+s)"
        elif self._pending:
            state = "saving…"
        elif self._last_saved_at is None:
            state = ""
        else:
            seconds = int(self.clock() - self._last_saved_at)
            state = "saved" if seconds < 2 else (
                f"saved {seconds} s ago" if seconds < 60 else f"saved {seconds // 60} min ago"
            )
        self.save_state = state
        self.clock_state = self._timer_text()
        if self._save_error is not None:  # first, so a narrow header never hides it
            self.sub_title = f"{state} · {self.clock_state}"
        else:
            self.sub_title = f"{self.clock_state} · {state}" if state else self.clock_state

    def action_save_now(self) -> None:
        if self.session is None:
            return
        told = self._save_error
        self._pending = True
        if self.flush_save():
            self.notify("Saved.", timeout=2)
        elif self._save_error == told:  # not just told by the failed save: say it again
            self._tell_save_error()

    async def on_unmount(self) -> None:
        """However the app ends — quit, a signal, the terminal gone (Textual's input thread then
        ends the app itself), an error — changes not yet written are written first. A save that
        fails here is not retried: there is no one left to tell, and the file stays whole.
        An open room stops first: no answer arrives while the app ends.  Then the saver's
        thread ends, once everything queued is written."""
        await self.close_room(quiet=True)
        if self.session is not None and (self._pending or self._slicing is not None):
            self._slicing = None
            with contextlib.suppress(Exception):
                self._queue_save().result()
        self._saver.close()
        self._release_claim()
