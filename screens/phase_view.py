"""The base of every phase's view inside the workshop shell."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import SystemCommand
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from screens.host import WorkshopHost, host, open_session
from workshop.method.editor import SessionEditor
from workshop.method.findings import Target
from workshop.method.models import Phase, Session

REFRESH_DELAY = 0.15
"""Seconds of quiet after an edit before derived figures are recomputed."""


class GoTo(Message):
    """Show a place in the workshop: the phase of ``target``, and in it its field or records
    (Enter on a health finding posts it; the workshop screen handles it)."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target


class PhaseView(VerticalScroll):
    """One phase of the workshop (or the health report), shown beside the stepper.

    Subclasses set :attr:`key` and :attr:`title`, compose their widgets from ``self.session``
    and implement :meth:`refresh_view` to update what they derive (scores, previews, tables)
    after any edit anywhere.  Editing goes through field editors or :attr:`editor`.
    """

    key: ClassVar[str]
    """The stepper key: a Phase value, or "health"."""
    title: ClassVar[str]
    phase: ClassVar[Phase | None] = None
    """The method phase this view edits (None for the health view)."""

    DEFAULT_CSS = """
    PhaseView { padding: 0 1; }
    """

    can_focus = False  # focus goes to the fields and tables inside; the view scrolls to them

    _refresh_timer: Timer | None = None
    _stale = False
    """An edit came while this view was hidden: refresh it when it is shown again."""

    @property
    def session(self) -> Session:
        return open_session(self)

    @property
    def editor(self) -> SessionEditor:
        """The one way to change the session (every change recorded and autosaved)."""
        return host(self).editor

    @property
    def host(self) -> WorkshopHost:
        return host(self)

    _ready = False
    """True once mounted and filled (on_mount ran): before that, focus and row requests wait."""
    _waiting: list | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self._schedule_refresh, init=False)
        self.refresh_view()
        self._ready = True
        for callback, args in self._waiting or ():
            self.call_after_refresh(callback, *args)
        self._waiting = None

    def when_ready(self, callback: Callable[..., object], *args: object) -> None:
        """Run ``callback(*args)`` now if the view is mounted and filled, else once it is
        (a view mounted just now gets its children a few refreshes later when the app is busy)."""
        if self._ready:
            callback(*args)
        else:
            self._waiting = [*(self._waiting or ()), (callback, args)]

    def focus_first(self) -> None:
        """Focus the first focusable widget inside, unless the focus is already inside."""
        self.when_ready(self._focus_first_now)

    def _focus_first_now(self) -> None:
        focused = self.app.focused
        if focused is not None and self in focused.ancestors:
            return
        first = next((widget for widget in self.query("*") if widget.focusable), None)
        if first is not None:
            first.focus()

    def _schedule_refresh(self, _revision: int) -> None:
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
            self._refresh_timer = None
        if not self.display:
            # Hidden behind another phase: nobody sees it, so typing elsewhere costs it nothing.
            self._stale = True
            return
        self._refresh_timer = self.set_timer(REFRESH_DELAY, self.refresh_now)

    def refresh_now(self) -> None:
        """Refresh at once (after a discrete edit: a dialog closed, a row signed), not after the
        quiet spell that typing gets, and drop the refresh that edit scheduled."""
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
            self._refresh_timer = None
        self._stale = False
        self.refresh_view()

    def refresh_if_stale(self) -> None:
        """Called when the view is shown again: catch up with the edits made while it was hidden."""
        if self._stale:
            self.refresh_now()

    def refresh_view(self) -> None:
        """Update everything derived from the session. Must not rebuild a field being typed in."""

    def current_row(self) -> int:
        """The row selected in this view's main table (remembered for resuming)."""
        return 0

    def focus_row(self, row: int) -> None:
        """Select a row in this view's main table (when resuming or jumping from health)."""

    def focus_target(self, target: Target) -> None:
        """Show the place ``target`` names (a health finding's, a command's).

        A jump from the health report may arrive before a freshly mounted view has its
        children: it then waits until the view is ready.
        """
        self.when_ready(self.show_target, target)

    def show_target(self, target: Target) -> None:
        """Select and focus what ``target`` names: by default its field's editor
        (``#field-<name>``), else the first row. Views with records override it."""
        if not self.show_field(target.field):
            self.focus_row(0)

    def show_field(self, name: str) -> bool:
        """Scroll to the editor of field ``name`` and focus it; False if this view has none."""
        found = self.query(f"#field-{name}") if name else None
        if not found:
            return False
        self.show_widget(found.first())
        return True

    def show_widget(self, widget: Widget) -> None:
        """Scroll ``widget`` to the top and focus it (or the first focusable widget in it)."""
        self.scroll_to_widget(widget, top=True, animate=False)
        focusable = widget if widget.focusable else next((w for w in widget.query("*") if w.focusable), None)
        if focusable is not None:
            focusable.focus()

    def screen_commands(self) -> Iterable[SystemCommand]:
        """This phase's actions for the command palette."""
        return ()
