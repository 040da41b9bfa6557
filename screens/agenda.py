"""The agenda: planned minutes per phase (editable) and the time actually spent."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from screens.host import open_session
from screens.fields import FieldEditor, FieldSpec
from workshop.method import agenda
from workshop.method.models import Phase


class AgendaScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Done")]

    def compose(self) -> ComposeResult:
        session = open_session(self)
        with Vertical(classes="dialog"):
            yield Label("Agenda: timeboxes", classes="dialog-title")
            yield Static(
                "Planned minutes per phase. The header shows time left on the current phase "
                "and the day; F6 pauses the clock. Esc: done",
                classes="dialog-hint",
                markup=False,
            )
            with VerticalScroll(classes="dialog-fields"):
                for phase in Phase:
                    box = agenda.timebox(session, phase)
                    spent = agenda.clock(box.spent_seconds)
                    yield FieldEditor(
                        box,
                        FieldSpec("planned_minutes", f"{phase.title} (spent {spent})", "count", optional=False),
                        id=f"agenda-{phase.value}",
                    )

    def on_mount(self) -> None:
        """Ready to type: the current phase's planned minutes (digits typed at once did nothing)."""
        phase = open_session(self).position.phase
        self.query_one(f"#agenda-{phase.value} #input").focus()

    def action_close(self) -> None:
        self.dismiss(None)
