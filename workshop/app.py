"""The Textual App: holds the open session, records every edit and autosaves it.

Screens change the session only through :attr:`PartnerWorkshopApp.editor` (a
:class:`workshop.method.editor.SessionEditor`; field editors call it the moment the text changes).
After each change the App bumps :attr:`revision` (views watch it to refresh what they derive), stamps the
session and schedules a debounced save: a plain-data snapshot is taken on the UI thread (fast
and consistent), then one saver thread renders it to TOML, keeps it as an undo step and writes
it atomically through ``session_store`` — so typing never waits for a save.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme

from session_store import EditingClaim, SessionFile, write_blueprint
from session_store.saver import Saver
from workshop.method import agenda
from workshop.method import currency
from workshop.app_room import ROOM_DEFAULT, RoomHost
from workshop.app_saving import AUTOSAVE_DELAY, RETRY_DELAY, UNSAVED_TITLE, Autosaving
from workshop.app_sessions import SessionsHost
from workshop.app_undo import UndoSteps
from workshop.method.editor import SessionEditor
from workshop.method.edits import Edit, PositionMoved, Restored
from workshop.gc_policy import FREEZE_FROM_PARTNERS, freeze_long_lived, release_frozen
from workshop.method.models import ParkingNote, Session
from workshop.signals import EXIT_WATCHDOG_SECONDS, LeavesOnSignals, terminal_gone
from workshop.method.terminal_text import visible
from workshop.method.undo import UndoHistory

__all__ = [
    "AUTOSAVE_DELAY", "EXIT_WATCHDOG_SECONDS", "FREEZE_FROM_PARTNERS", "RETRY_DELAY", "ROOM_DEFAULT",
    "UNSAVED_TITLE", "PartnerWorkshopApp", "freeze_long_lived", "release_frozen", "terminal_gone",
]

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


class PartnerWorkshopApp(SessionsHost, Autosaving, UndoSteps, LeavesOnSignals, RoomHost, App[None]):
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
        self._claim: EditingClaim | None = None
        """This window's claim on the session file it edits (see session_store.editing_claim)."""
        self._left = False
        """The session was left for the home screen: nothing more is written to it."""
        self._pending = False
        self._slicing: object | None = None
        """Set while an autosave snapshot is being taken a slice at a time (see :meth:`save_now`)."""
        self._saver = Saver(on_rendered=self._record_undo)
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

    @property
    def session_file(self) -> SessionFile | None:
        """The open session's file: where the saver writes."""
        return self._saver.session_file

    @session_file.setter
    def session_file(self, session_file: SessionFile | None) -> None:
        self._saver.session_file = session_file

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


    @property
    def session_is_open(self) -> bool:
        """A session is being edited (not just left in memory by going home)."""
        return self.session is not None and not self._left


    @property
    def today(self) -> date:
        """"Today" for the method's date rules (fixed in tests)."""
        return self.fixed_today or date.today()

    # ------------------------------------------------------------------ opening


    # ------------------------------------------------------------------ editing and saving

    @property
    def editor(self) -> SessionEditor:
        """The one way to change the open session (see :mod:`workshop.method.editor`)."""
        assert self._editor is not None, "no session is open"
        return self._editor

    def _edit_made(self, edit: Edit) -> None:
        """After every change: refresh the views, autosave soon."""
        if not self.session_is_open or isinstance(edit, Restored):  # an undo does it itself
            return
        assert self.session is not None
        currency.use(self.session.intake.currency)  # it may be what was just edited
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


    def export_blueprint(
        self, path: Path, *, fmt: str = "markdown", audience: str = "team", force: bool = False
    ) -> Path:
        """Make the open session's blueprint in ``fmt`` (as of :attr:`today`) and write it to
        ``path`` (the F3 dialog): :func:`workshop.export.formats.render_blueprint`, then
        :meth:`write_blueprint`.  Raises :class:`workshop.export.markdown.ExportError` or
        :class:`session_store.BlueprintTargetError`."""
        from workshop.export.formats import render_blueprint

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


    # ------------------------------------------------------------------ actions


    async def action_quit(self) -> None:
        self.leave_session(self.exit, "quit")


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
