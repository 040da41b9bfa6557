"""Opening and leaving sessions in the App: the files are the store's (``session_store``)."""

from __future__ import annotations

from pathlib import Path

from session_store import (
    EditingClaim,
    SessionError,
    SessionFile,
    SessionSummary,
    backup_path,
    demo_copy,
    list_sessions,
    new_session_path,
)
from workshop.method import currency
from workshop.app_room import ROOM_DEFAULT
from workshop.method.editor import SessionEditor
from workshop.gc_policy import freeze_long_lived
from workshop.method.models import Session
from workshop.method.terminal_text import visible
from workshop.method.undo import UndoHistory


class SessionsHost:
    """Home, open, create, show and close (a mixin of :class:`workshop.app.PartnerWorkshopApp`)."""

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

    def _home_if_nothing_shown(self) -> None:
        """After a failed open at start-up, the home screen, not a blank one, is behind the message."""
        if len(self.screen_stack) <= 1:
            self.show_home()

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
        currency.use(self.session.intake.currency)  # every amount on screen is in it
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

    def _release_claim(self) -> None:
        if self._claim is not None:
            self._claim.release()
            self._claim = None
