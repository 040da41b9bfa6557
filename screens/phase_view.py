"""The base of every phase's view inside the workshop shell."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import SystemCommand
from textual.containers import VerticalScroll
from textual.timer import Timer

from workshop.models import Phase, Session

REFRESH_DELAY = 0.15
"""Seconds of quiet after an edit before derived figures are recomputed."""


class PhaseView(VerticalScroll):
    """One phase of the workshop (or the health report), shown beside the stepper.

    Subclasses set :attr:`key` and :attr:`title`, compose their widgets from ``self.session``
    and implement :meth:`refresh_view` to update what they derive (scores, previews, tables)
    after any edit anywhere.  Editing goes through field editors or :meth:`edited`.
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

    @property
    def session(self) -> Session:
        session = self.app.session  # type: ignore[attr-defined]
        assert session is not None
        return session

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self._schedule_refresh, init=False)
        self.refresh_view()

    def _schedule_refresh(self, _revision: int) -> None:
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
        self._refresh_timer = self.set_timer(REFRESH_DELAY, self.refresh_view)

    def refresh_view(self) -> None:
        """Update everything derived from the session. Must not rebuild a field being typed in."""

    def edited(self, what: str) -> None:
        """Call after changing the session directly (not through a field editor)."""
        self.app.edited(what)  # type: ignore[attr-defined]

    def current_row(self) -> int:
        """The row selected in this view's main table (remembered for resuming)."""
        return 0

    def focus_row(self, row: int) -> None:
        """Select a row in this view's main table (when resuming or jumping from health)."""

    def focus_target(self, where: str) -> None:
        """Show the place a health finding points at (a field name or a row label).

        A jump from the health report may arrive before a freshly mounted view has its
        children: it is then retried after the next refresh.
        """
        if not self.is_mounted or not self.children:
            self.call_after_refresh(self.focus_target, where)
            return
        self.show_target(where)

    def show_target(self, where: str) -> None:
        """Select and focus what ``where`` names; by default the first row."""
        self.focus_row(0)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """This phase's actions for the command palette."""
        return ()
