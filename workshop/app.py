"""The Textual App: holds the open session, records every edit and autosaves it.

Screens change the session only through :attr:`PartnerWorkshopApp.editor` (a
:class:`workshop.editor.SessionEditor`; field editors call it the moment the text changes).
After each change the App bumps :attr:`revision` (views watch it to refresh what they derive), stamps the
session and schedules a debounced save: a plain-data snapshot is taken on the UI thread (fast
and consistent), then one saver thread renders it to TOML, keeps it as an undo step and writes
it atomically through ``session_store`` — so typing never waits for a save.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import gc
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme

from session_store import (
    EditingClaim,
    SessionConflictError,
    SessionError,
    SessionFile,
    SessionSummary,
    backup_path,
    default_sessions_dir,
    demo_copy,
    list_sessions,
    new_session_path,
    parse_session,
    render_session,
    session_data,
    session_data_in_slices,
    write_blueprint,
)
from workshop import agenda
from workshop.editor import Edit, PositionMoved, Restored, SessionEditor
from workshop.terminal_text import visible
from workshop.models import ParkingNote, Session
from workshop.undo import UndoHistory

AUTOSAVE_DELAY = 0.3
"""Seconds of quiet after an edit before it is written (a killed process loses at most this)."""

EXIT_WATCHDOG_SECONDS = 5.0
"""Ending on a signal or a lost terminal: the process ends this long after, if Textual hangs."""

UNSAVED_TITLE = "Your last changes are not saved"
"""The title of the question asked before leaving a session whose last changes failed to save."""

RETRY_DELAY = 5.0
"""Seconds between attempts while saving fails (disk full, permissions)."""

ROOM_DEFAULT = ("127.0.0.1", 8765)
"""Where the room listens unless told otherwise: this machine only, a memorable port."""

PROJECTOR_THEME = Theme(
    name="projector",
    primary="#FFD700",
    secondary="#00BFFF",
    accent="#FF8C00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#101010",
    panel="#202020",
    success="#00FF7F",
    warning="#FFD700",
    error="#FF4040",
    dark=True,
)
"""High contrast for projectors: white on black, saturated accents."""


FREEZE_FROM_PARTNERS = 500
"""From this many partners, the objects of an opened session are frozen (see freeze_long_lived)."""


def freeze_long_lived(session: Session) -> None:
    """Keep the objects alive now (a big session, its screens) out of the garbage collector's sight.

    They live as long as the session is open, yet every full collection walked all of them: with
    10,000 partners, collections took ~1.5 s of opening Market mapping.  What an earlier freeze
    kept is released and collected first (~0.1 s at 10,000 partners, after the first paint), so
    at most one replaced session outlives its replacement.  Small sessions gain nothing and skip
    it.  An undo step replaces the session without refreezing: see :func:`release_frozen`.
    """
    if len(session.mapping.partners) < FREEZE_FROM_PARTNERS and gc.get_freeze_count() == 0:
        return
    gc.unfreeze()
    gc.collect()
    if len(session.mapping.partners) >= FREEZE_FROM_PARTNERS:
        gc.freeze()


def release_frozen() -> None:
    """Let the collector see frozen objects again (the session they belonged to was replaced),
    so whatever of it is garbage is freed by the normal collections."""
    gc.unfreeze()


def terminal_gone(fd: int) -> bool:
    """True once the terminal on ``fd`` has hung up (its window was closed under the app).

    Textual does not notice: its input thread then reads end-of-file in a loop, so the app
    would run on unseen at full CPU, holding the session file's lock.
    """
    try:
        os.tcgetpgrp(fd)
    except OSError:
        return True
    return False


class PartnerWorkshopApp(App[None]):
    """Partner Workshop: home screen, or a session's workshop."""

    TITLE = "Partner Workshop"
    CSS_PATH = ["../screens/app.tcss"]
    ENABLE_COMMAND_PALETTE = True

    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    """Screens of fewer than 32 rows get the class ``-short`` (dialogs then fit: app.tcss)."""

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+s", "save_now", "Save", show=False),
        Binding("ctrl+z", "undo", "Undo", priority=True, show=False),
        Binding("ctrl+y", "redo", "Redo", priority=True, show=False),
        Binding("f2", "park_note", "Note"),
        Binding("f4", "parking_lot", "Parking lot", show=False),
        Binding("f5", "toggle_presenter", "Present", show=False),
        Binding("f6", "toggle_timer", "Timer", show=False),
        Binding("f7", "charts", "Charts", show=False),
        Binding("f9", "toggle_projector_theme", "Contrast", show=False),
        Binding("f10", "audit_trail", "Audit trail", show=False),
        Binding("f12", "room", "Room"),
    ]

    SESSION_ACTIONS = frozenset(
        {
            "save_now", "undo", "redo", "park_note", "parking_lot", "charts", "toggle_timer",
            "toggle_presenter", "edit_agenda", "choose_editor", "audit_trail", "room",
        }
    )
    """Actions on the open session: off (and out of the Footer) on the home screen, where the
    session last shown is closed and whatever they changed would never be saved."""

    revision: reactive[int] = reactive(0, init=False)
    """Bumped after every edit of the session; views watch it."""

    save_state: reactive[str] = reactive("")
    """What the header says about saving ("saved 3 s ago", "not saved: …")."""

    clock_state: reactive[str] = reactive("")
    """The timebox clock: time left on the current phase and the day."""

    timer_running: reactive[bool] = reactive(True)
    """Whether the current phase's timebox clock is running (F6 pauses it)."""

    presenting: reactive[bool] = reactive(False)
    """Presenter mode: chrome hidden, spacing enlarged, for the room to read (F5)."""

    room_revision: reactive[int] = reactive(0, init=False)
    """Bumped whenever the open room changes (someone joined or answered, a reveal): the room
    screen watches it."""

    def __init__(
        self,
        session_path: Path | None = None,
        *,
        session_file: SessionFile | None = None,
        today: date | None = None,
        sessions_dir: Path | None = None,
        room: tuple[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.room = None
        """The open room (:class:`workshop.room.state.Room`), while participants can join."""
        self.room_server = None
        """Its HTTP server (:class:`workshop.room.server.RoomServer`), in this event loop."""
        self.room_at: tuple[str, int] | None = room
        """Where the room listens (host, port): asked on the command line, or last used."""
        self._room_on_start = room is not None
        self.initial_path = session_path
        self.initial_file = session_file
        self.fixed_today = today
        self.sessions_dir = sessions_dir
        self.session: Session | None = None
        self._editor: SessionEditor | None = None
        self.session_file: SessionFile | None = None
        self._claim: EditingClaim | None = None
        """This window's claim on the session file it edits (see session_store.editing_claim)."""
        self._left = False
        """The session was left for the home screen: nothing more is written to it."""
        self._pending = False
        self._slicing: object | None = None
        """Set while an autosave snapshot is being taken a slice at a time (see :meth:`save_now`)."""
        self._generation = 0
        self._written_generation = 0
        self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        """One saver thread: snapshots are written, and become undo steps, in order."""
        self._save_timer = None
        self._last_saved_at: float | None = None
        self._save_error: str | None = None
        self._save_advice = ""
        self.exit_note = ""
        """Said on the terminal once the app has ended (where a copy of the work went)."""
        self.clock = time.monotonic
        """The clock behind "saved N s ago" (tests freeze it for stable snapshots)."""
        self.undo_history = UndoHistory()
        self._ticks_unsaved = 0
        self._terminal_fd: int | None = None  # set on mount when running in a real terminal
        self._theme_before_projector = "textual-dark"
        """The theme F9 returns to: the one in use when the high-contrast theme was turned on."""
        self.editor_name: str | None = None
        """Who is making the edits now (a participant), recorded in the change history."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.session_is_open or action not in self.SESSION_ACTIONS

    # ------------------------------------------------------------------ start-up

    def on_mount(self) -> None:
        self.register_theme(PROJECTOR_THEME)
        self.set_interval(1.0, self._tick)
        stdin = sys.__stdin__
        self._terminal_fd = (
            stdin.fileno() if not self.is_headless and stdin is not None and stdin.isatty() else None
        )
        if not self.is_headless:
            self._save_and_leave_on_signals()
        # A session given on the command line opens straight away: the home screen (and what
        # it imports) is only built when it is shown — on a failed open, or F8 (Home).
        if self.initial_file is not None:
            self.show_session(self.initial_file)
        elif self.initial_path is not None:
            self.open_session(self.initial_path)
        else:
            self.show_home()

    def _save_and_leave_on_signals(self) -> None:
        """On SIGTERM (``kill``, a shutdown) or SIGHUP (the terminal window closed): write the
        last changes, restore the terminal and exit — instead of dying with them unsaved."""
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            try:
                loop.add_signal_handler(signum, self.leave_on_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):  # no signals here (Windows)
                return

    def leave_on_signal(self, signum: int) -> None:
        self.end_for_certain(128 + signum)  # the shell's convention for "ended by signal N"

    def end_for_certain(self, code: int) -> None:
        """Write the work, then exit with ``code`` — for certain.

        With the terminal gone, Textual (8.2.8) can hang for ever while restoring it (its output
        thread dies on the hang-up, and the SIGCONT that comes with it starts another): the
        process would live on unseen, holding its claim on the session. A watchdog ends the
        process if the orderly exit has not finished in :data:`EXIT_WATCHDOG_SECONDS`.
        """
        if not self.flush_save():  # cannot write it (a conflict, a full disk…): keep it in a copy
            self.save_copy(staying=False)
        if not self.is_headless:
            watchdog = threading.Timer(EXIT_WATCHDOG_SECONDS, os._exit, args=(code,))
            watchdog.daemon = True
            watchdog.start()
        self.exit(return_code=code)

    def show_home(self) -> None:
        """Show the home screen: back to it from a workshop, or build it if it is not there yet."""
        from screens.home import HomeScreen

        self._close_session()
        if isinstance(self.screen, HomeScreen):
            return
        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(HomeScreen())
        else:
            self.push_screen(HomeScreen())

    def _close_session(self) -> None:
        """The session was left (its changes written, or left behind by choice): another window
        may edit it now, and the header no longer speaks of it. Its objects stay until another
        session replaces them: the screen being taken down may still read them. Its room closes."""
        if self.room_server is not None:
            self.run_worker(self.close_room(), group="room")
        self._release_claim()
        self._left = True
        if self._save_timer is not None:
            self._save_timer.stop()
        self._pending, self._slicing, self._save_error = False, None, None
        self.title = self.TITLE
        self._refresh_save_state()
        self.refresh_bindings()  # the session's own keys are off now

    @property
    def session_is_open(self) -> bool:
        """A session is being edited (not just left in memory by going home)."""
        return self.session is not None and not self._left

    def _home_if_nothing_shown(self) -> None:
        """After a failed open at start-up, the home screen, not a blank one, is behind the message."""
        if len(self.screen_stack) <= 1:
            self.show_home()

    @property
    def today(self) -> date:
        """"Today" for the method's date rules (fixed in tests)."""
        return self.fixed_today or date.today()

    # ------------------------------------------------------------------ opening

    def open_session(self, path: Path) -> bool:
        """Open a session file and show its workshop; on a bad file, say why and offer the backup."""
        try:
            session_file = SessionFile.open(path)
        except SessionError as error:
            self._home_if_nothing_shown()
            self._offer_backup(path, error)
            return False
        except OSError as error:
            self._home_if_nothing_shown()
            self.notify(f"Could not open {path}: {error.strerror or error}", severity="error", markup=False)
            return False
        return self.show_session(session_file)

    def list_sessions(self) -> list[SessionSummary]:
        """The sessions folder's sessions, newest first (the home screen's list)."""
        return list_sessions(self.sessions_dir)

    def open_demo(self) -> bool:
        """Open a fresh copy of the demo session."""
        try:
            path = demo_copy()
        except SessionError as error:
            self.notify(f"Could not open the demo: {error}", severity="error", timeout=15, markup=False)
            return False
        return self.open_session(path)

    def create_session(self, session: Session) -> bool:
        """Write a brand-new session to the sessions folder and open it."""
        path = new_session_path(session.title, self.sessions_dir)
        try:
            session_file = SessionFile.create(path, session)
        except (SessionError, OSError) as error:
            self.notify(f"Could not create the session: {error}", severity="error", markup=False)
            return False
        return self.show_session(session_file)

    def show_session(self, session_file: SessionFile) -> bool:
        """Show the workshop of ``session_file``; False (and a message) if another window has it."""
        from screens.workshop import WorkshopScreen

        self.flush_save()
        if self.room_server is not None:  # its answers belong to the session being left
            self.run_worker(self.close_room(), group="room")
        self._release_claim()
        try:
            self._claim = EditingClaim.take(session_file.path)
        except SessionError as error:
            self._home_if_nothing_shown()
            self.notify(str(error), title="Already open", severity="error", timeout=20, markup=False)
            return False
        self.session_file = session_file
        self.session = session_file.session
        self._editor = SessionEditor(self.session, author=lambda: self.author)
        self._editor.subscribe(self._edit_made)
        self._left = False
        self.refresh_bindings()
        self._pending = False
        self._save_error = None
        self._last_saved_at = self.clock()
        self.undo_history = UndoHistory()
        self.call_after_refresh(self._start_undo_history)
        self.title = visible(self.session.title)
        self._refresh_save_state()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, WorkshopScreen):
            self.pop_screen()
        self.push_screen(WorkshopScreen())
        self.call_after_refresh(freeze_long_lived, self.session)
        if self._room_on_start:  # `partner-workshop room`: the room opens with the session
            self._room_on_start = False
            self.run_worker(self.open_room(*(self.room_at or ROOM_DEFAULT)), group="room")
        return True

    def _offer_backup(self, path: Path, error: SessionError) -> None:
        from screens.dialogs import ConfirmDialog

        backup = backup_path(path)
        if not backup.exists():
            self.notify(str(error), title="Cannot open session", severity="error", timeout=15, markup=False)
            return

        def recover(answer: bool | None) -> None:
            if answer:
                self._open_backup_copy(path, backup)

        self.push_screen(
            ConfirmDialog(
                f"{error}\n\nThe file is left exactly as it is. A backup from the previous save "
                f"exists:\n{backup}\n\nOpen the backup as a new copy of this session?",
                title="Cannot open session",
                yes="Open backup copy",
                no="Cancel",
            ),
            recover,
        )

    def _open_backup_copy(self, original: Path, backup: Path) -> None:
        try:
            recovered = SessionFile.open(backup).session
            copy_path = new_session_path(f"{original.stem} recovered", original.parent)
            self.show_session(SessionFile.create(copy_path, recovered))
        except (SessionError, OSError) as error:
            self.notify(f"The backup cannot be opened either: {error}", severity="error", markup=False)
            return
        self.notify(f"Opened the backup as {copy_path.name}", markup=False)

    # ------------------------------------------------------------------ editing and saving

    @property
    def editor(self) -> SessionEditor:
        """The one way to change the open session (see :mod:`workshop.editor`)."""
        assert self._editor is not None, "no session is open"
        return self._editor

    def _edit_made(self, edit: Edit) -> None:
        """After every change: refresh the views, autosave soon."""
        if not self.session_is_open or isinstance(edit, Restored):  # an undo does it itself
            return
        self._pending = True
        if not isinstance(edit, PositionMoved):  # where the team is: saved, nothing to refresh
            assert self.session is not None
            self.title = visible(self.session.title)  # the header follows the title as it is typed
            self.revision += 1
        self._schedule_save(AUTOSAVE_DELAY)

    @property
    def author(self) -> str:
        """Who the change history names: the participant speaking, else the facilitator."""
        assert self.session is not None
        return self.editor_name or self.session.facilitator

    def _start_undo_history(self) -> None:
        if self.session is not None and self._editor is not None and not self._editor.has_undo_description:
            data = session_data(self.session)
            self._saver.submit(lambda: self.undo_history.reset(render_session(data)))

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
        self._generation += 1
        changes, generation = self.editor.take_undo_description(), self._generation
        return self._saver.submit(self._render_and_write, data, changes, generation)

    def _render_and_write(self, data: dict, changes: str, generation: int) -> None:
        """On the saver thread: the TOML text, an undo step, the atomic write."""
        text = render_session(data)
        if changes:
            self.undo_history.record(text, changes)
        if generation > self._written_generation and self.session_file is not None:
            self.session_file.write_text(text, snapshot=data)
            self._written_generation = generation

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
            self._saver.submit(lambda: None).result()  # let queued saves finish first
        return self._save_error is None and not self._pending

    def save_copy(self, *, staying: bool = True) -> bool:
        """Write the session to a new file and continue there (after a conflict, for instance);
        True when the copy was written.

        Beside the file, or — where that folder cannot be written — in the sessions folder.
        ``staying``: editing goes on in the copy (else the app is leaving: quit, home, a signal).
        """
        if self.session is None or self.session_file is None:
            return False
        self._saver.submit(lambda: None).result()  # no save to the old file is still under way
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
        self._written_generation = self._generation
        self._saved()
        self.exit_note = f"your work is in a copy: {path}"
        self.notify(f"Saved a copy as {path}" + ("; editing continues there." if staying else "."), markup=False)
        return True

    def export_blueprint(
        self, path: Path, *, fmt: str = "markdown", audience: str = "team", force: bool = False
    ) -> Path:
        """Make the open session's blueprint in ``fmt`` (as of :attr:`today`) and write it to
        ``path`` (the F3 dialog): :func:`workshop.blueprint_formats.render_blueprint`, then
        :meth:`write_blueprint`.  Raises :class:`workshop.export.ExportError` or
        :class:`session_store.BlueprintTargetError`."""
        from workshop.blueprint_formats import render_blueprint

        assert self.session is not None
        data = render_blueprint(self.session, fmt, today=self.today, audience=audience)
        return self.write_blueprint(data, path, force=force)

    def write_blueprint(self, data: bytes, path: Path, *, force: bool = False) -> Path:
        """Write an exported blueprint for a screen (the F3 dialog), as ``export -o`` does:
        :func:`session_store.write_blueprint`, never over this session's file or its backup.

        Raises :class:`session_store.BlueprintTargetError` (its subclasses say why).
        """
        session_path = self.session_file.path if self.session_file is not None else None
        return write_blueprint(data, path, session_path=session_path, force=force)

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

    def _release_claim(self) -> None:
        if self._claim is not None:
            self._claim.release()
            self._claim = None

    async def on_unmount(self) -> None:
        """However the app ends — quit, a signal, the terminal gone (Textual's input thread then
        ends the app itself), an error — changes not yet written are written first. A save that
        fails here is not retried: there is no one left to tell, and the file stays whole.
        An open room stops first: no answer arrives while the app ends."""
        await self.close_room(quiet=True)
        if self.session is not None and (self._pending or self._slicing is not None):
            self._slicing = None
            with contextlib.suppress(Exception):
                self._queue_save().result()
        self._release_claim()

    def _tick(self) -> None:
        """Once a second: count time on the current phase, refresh the header; leave (work
        saved) if the terminal window was closed."""
        from screens.workshop import WorkshopScreen

        if self._terminal_fd is not None and terminal_gone(self._terminal_fd):
            self.end_for_certain(1)
            return

        in_workshop = any(isinstance(screen, WorkshopScreen) for screen in self.screen_stack)
        if self.session_is_open and self.timer_running and in_workshop:  # dialogs over it count too
            phase = self.session.position.phase
            if agenda.tick(self.session, phase):
                box = agenda.timebox(self.session, phase)
                self.notify(
                    f"The {box.planned_minutes}-minute timebox for {phase.title} is over.",
                    title="Timebox",
                    severity="warning",
                    timeout=10,
                )
            self._ticks_unsaved += 1
            if self._ticks_unsaved >= 30:  # time spent is saved every half minute
                self._ticks_unsaved = 0
                self._pending = True
                self._schedule_save(AUTOSAVE_DELAY)
        self._refresh_save_state()

    def _timer_text(self) -> str:
        assert self.session is not None
        phase = self.session.position.phase
        left = agenda.seconds_left(agenda.timebox(self.session, phase))
        state = "paused" if not self.timer_running else ("over" if left < 0 else "left")
        day_left = agenda.day_seconds_left(self.session)
        day = f"day {agenda.clock(abs(day_left))}" + (" over" if day_left < 0 else "")
        return f"phase {agenda.clock(abs(left))} {state} · {day}"

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

    # ------------------------------------------------------------------ actions

    def action_save_now(self) -> None:
        if self.session is None:
            return
        told = self._save_error
        self._pending = True
        if self.flush_save():
            self.notify("Saved.", timeout=2)
        elif self._save_error == told:  # not just told by the failed save: say it again
            self._tell_save_error()

    async def action_quit(self) -> None:
        self.leave_session(self.exit, "quit")

    def action_undo(self) -> None:
        self._step_history(undo=True)

    def action_redo(self) -> None:
        self._step_history(undo=False)

    def _step_history(self, *, undo: bool) -> None:
        from screens.workshop import WorkshopScreen

        if self.session is None:
            return
        if not isinstance(self.screen, WorkshopScreen):
            self.notify("Close this dialog first, then undo.", timeout=3)
            return
        self.flush_save()
        step = self.undo_history.undo() if undo else self.undo_history.redo()
        verb = "Undone" if undo else "Redone"
        if step is None:
            self.notify(f"Nothing to {'undo' if undo else 'redo'}.", timeout=3)
            return
        text, description = step
        restored = self.editor.restore(parse_session(text, "undo history"), verb=verb, description=description)
        self.session = restored
        if self.session_file is not None:
            self.session_file.session = restored
        if self.room is not None:
            self.room.weights = restored.mapping.weights
        self.title = visible(restored.title)
        self._pending = True
        self._schedule_save(AUTOSAVE_DELAY)
        self.revision += 1
        self.switch_screen(WorkshopScreen())
        release_frozen()
        self.notify(f"{verb}: {description}", title=verb, timeout=4, markup=False)

    def action_park_note(self) -> None:
        from screens.parking_lot import QuickNoteDialog

        if self.session is None:
            return

        def park(note: ParkingNote | None) -> None:
            if note is not None and self.session_is_open:
                self.editor.park_note(note)
                self.notify("Parked. F4 shows the parking lot.", timeout=3)

        self.push_screen(QuickNoteDialog(self.session.position.phase), park)

    def action_parking_lot(self) -> None:
        from screens.parking_lot import ParkingLotScreen

        if self.session is not None and not isinstance(self.screen, ParkingLotScreen):
            self.push_screen(ParkingLotScreen())

    def action_charts(self) -> None:
        from screens.charts import ChartsScreen

        if self.session is not None and not isinstance(self.screen, ChartsScreen):
            self.push_screen(ChartsScreen())

    def action_audit_trail(self) -> None:
        from screens.audit import AuditScreen

        if self.session is not None and not isinstance(self.screen, AuditScreen):
            self.push_screen(AuditScreen())

    def action_toggle_presenter(self) -> None:
        self.presenting = not self.presenting

    def watch_presenting(self, presenting: bool) -> None:
        self.set_class(presenting, "-presenting")

    def action_toggle_timer(self) -> None:
        self.timer_running = not self.timer_running
        self._refresh_save_state()
        self.notify("Timer running." if self.timer_running else "Timer paused.", timeout=2)

    def action_edit_agenda(self) -> None:
        from screens.agenda import AgendaScreen

        if self.session is not None:
            self.push_screen(AgendaScreen())

    def action_choose_editor(self) -> None:
        from screens.dialogs import ChoiceDialog

        if self.session is None:
            return
        names = [p.name for p in self.session.participants]
        choices = [(f"{self.session.facilitator or 'Facilitator'} (facilitator)", "")] + [(n, n) for n in names]

        def chosen(name: str | None) -> None:
            if name is not None:
                self.editor_name = name or None
                self.notify(f"Edits are now recorded as made by {self.author or 'the facilitator'}.", markup=False)

        self.push_screen(ChoiceDialog("Who is editing?", choices), chosen)

    # ------------------------------------------------------------------ the room (issue 14)

    async def action_room(self) -> None:
        """Show the room; open it first (on 127.0.0.1, or where it was last) if it is closed."""
        from screens.room import RoomScreen

        if self.session is None:
            return
        if self.room is None and not await self.open_room(*(self.room_at or ROOM_DEFAULT), show=False):
            return
        if not isinstance(self.screen, RoomScreen):
            self.push_screen(RoomScreen())

    async def open_room(self, host: str, port: int, *, show: bool = True, anonymous: bool = False) -> bool:
        """Start the room's server on ``host``:``port`` (0: any free port; a busy port falls back
        to a free one, and says so); True once participants can join. An open room is closed
        first (its members are out; what was accepted stays)."""
        from workshop.room.server import RoomServer  # aiohttp: only when a room is opened
        from workshop.room.state import Room

        if not self.session_is_open:
            return False
        await self.close_room(quiet=True)
        room = Room([p.name for p in self.session.participants], title=self.session.title,
                    anonymous=anonymous, weights_source=self._room_weights)
        server = RoomServer(room, host=host, port=port, on_change=self.room_changed)
        try:
            await server.start()
        except OSError as busy:
            if port == 0:
                self.notify(f"The room cannot listen on {host}: {busy.strerror or busy}",
                            title="Room", severity="error", timeout=15, markup=False)
                return False
            server = RoomServer(room, host=host, port=0, on_change=self.room_changed)
            try:
                await server.start()
            except OSError as error:
                self.notify(f"The room cannot listen on {host}: {error.strerror or error}",
                            title="Room", severity="error", timeout=15, markup=False)
                return False
            self.notify(f"Port {port} is taken ({busy.strerror or busy}): the room uses {server.port}; "
                        "the link and QR code on the room screen say so.", title="Room", timeout=8, markup=False)
        self.room, self.room_server, self.room_at = room, server, (host, server.port)
        self.room_revision += 1
        self.refresh_bindings()
        if show:
            from screens.room import RoomScreen

            if not isinstance(self.screen, RoomScreen):
                self.push_screen(RoomScreen())
        return True

    async def close_room(self, *, quiet: bool = False) -> None:
        """Stop the server (everyone is out); answers already accepted stay in the session."""
        server, self.room_server, self.room = self.room_server, None, None
        if server is None:
            return
        await server.stop()
        if not quiet:
            self.notify("The room is closed: phones can no longer answer.", title="Room", timeout=4)
        self.room_revision += 1

    def _room_weights(self) -> object:
        """The open session's scoring weights, as they are now (the room reads them when needed)."""
        return self.session.mapping.weights if self.session is not None else None

    def room_changed(self, what: str) -> None:
        """The room changed (called by its server, in this event loop)."""
        self.room_revision += 1

    @property
    def room_url(self) -> str:
        """The join link (the room code after '#': the page fills it in, no server sees it)."""
        from workshop.room.addresses import join_host

        if self.room is None or self.room_server is None:
            return ""
        host = join_host(self.room_server.host)
        return f"http://{host}:{self.room_server.port}/#{self.room.code}"

    def accept_room(self) -> str | None:
        """Write the revealed answers into the session, as the team grid would: autosaved at once
        (a crash right after loses none of them), undoable as one step. None if refused (said)."""
        from workshop.room.state import RoomError

        if self.room is None or not self.session_is_open:
            return None
        try:
            accepted = self.editor.accept_room(self.room)
        except RoomError as error:
            self.notify(error.message, title="Room", severity="warning", timeout=5, markup=False)
            return None
        self.flush_save()
        if accepted.missing:
            self.notify("Not written (deleted from the map meanwhile): " + ", ".join(accepted.missing),
                        title="Room", severity="warning", timeout=10, markup=False)
        return accepted.description

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_projector_theme(self) -> None:
        """F9: the high-contrast theme, and back to the theme chosen before it (not always the
        default: a facilitator who picked a light theme in the palette gets it back)."""
        if self.theme == PROJECTOR_THEME.name:
            self.theme = self._theme_before_projector
        else:
            self._theme_before_projector = self.theme
            self.theme = PROJECTOR_THEME.name

    def action_larger_text(self) -> None:
        """Say how to make the text larger: in the browser view, the page's address with a larger
        ``?fontsize=`` (copied to the clipboard); in a terminal, its own font size."""
        from workshop.browser import larger_text_advice

        words, url = larger_text_advice()
        if url is not None:
            self.copy_to_clipboard(url)
        self.notify(words, title="Larger text", timeout=20, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and how the workshop works", self.action_help)
        yield SystemCommand(
            "Larger text", "For the projector: the browser view's ?fontsize= address, or the terminal's font", self.action_larger_text
        )
        yield SystemCommand(
            "High contrast", "Toggle the projector theme (white on black)", self.action_toggle_projector_theme
        )
        if self.session_is_open:
            yield SystemCommand("Save now", "Write the session to disk now", self.action_save_now)
            yield SystemCommand("Save a copy", "Write the session to a new file and continue there", self.save_copy)
            yield SystemCommand("Undo", "Undo the last edits (ctrl+z)", self.action_undo)
            yield SystemCommand("Redo", "Redo what was undone (ctrl+y)", self.action_redo)
            yield SystemCommand("Park a note", "Quick note for the parking lot (F2)", self.action_park_note)
            yield SystemCommand("Parking lot", "All parked notes (F4)", self.action_parking_lot)
            yield SystemCommand("Charts", "Partners by score, ARR target by year, pipeline by tier (F7)", self.action_charts)
            yield SystemCommand(
                "Audit trail", "Tier moves, overrides, sign-offs and final decisions, dated (F10)", self.action_audit_trail
            )
            yield SystemCommand("Presenter mode", "Hide the chrome for the room (F5)", self.action_toggle_presenter)
            yield SystemCommand("Pause / resume timer", "The phase timebox clock (F6)", self.action_toggle_timer)
            yield SystemCommand("Agenda", "Plan the timeboxes and see time spent", self.action_edit_agenda)
            yield SystemCommand("Who is editing", "Name the participant making edits", self.action_choose_editor)
            yield SystemCommand("Room", "Participants rate and vote from their phones (F12)", self.action_room)
        provider = getattr(screen, "screen_commands", None)
        if provider is not None:
            yield from provider()
