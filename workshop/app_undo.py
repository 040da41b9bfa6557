"""Undo and redo in the App: whole-session snapshots (:mod:`workshop.method.undo`), restored through
the session's editor (which keeps the history, the audit trail, the time spent and where the
team is: :meth:`workshop.method.editor.SessionEditor.restore`)."""

from __future__ import annotations

from session_store import parse_session, render_session, session_data
from workshop.method import currency
from workshop.app_saving import AUTOSAVE_DELAY
from workshop.gc_policy import release_frozen
from workshop.method.terminal_text import visible


class UndoSteps:
    """The App's ctrl+z / ctrl+y (a mixin of :class:`workshop.app.PartnerWorkshopApp`)."""

    def _record_undo(self, text: str, description: str) -> None:
        """On the saver thread, with each snapshot rendered: the edits it holds are one step."""
        if description:
            self.undo_history.record(text, description)

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
        currency.use(restored.intake.currency)
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

    def _start_undo_history(self) -> None:
        if self.session is not None and self._editor is not None and not self._editor.has_undo_description:
            data = session_data(self.session)
            self._saver.submit(lambda: self.undo_history.reset(render_session(data)))
