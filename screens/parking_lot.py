"""The parking lot: park a note from anywhere (F2), review them all (F4)."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static, TextArea

from screens.host import editor, open_session
from screens.fields import FieldSpec, enum_choices
from screens.literal_inputs import LiteralTextArea
from screens.record_table import Column, RecordTable
from screens.text import literal, one_line
from workshop.method.models import ParkingNote, Phase

NOTE_FIELDS = [
    FieldSpec("text", "Note", "multiline", optional=False),
    FieldSpec("phase", "Phase", "choice", choices=enum_choices(Phase)),
    FieldSpec("resolved", "Resolved", "bool"),
]


class QuickNoteDialog(ModalScreen["ParkingNote | None"]):
    """Type a note, pick the phase it belongs to (the current one by default), ctrl+s parks it."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "park", "Park"),
    ]

    def __init__(self, phase: Phase | None) -> None:
        super().__init__()
        self.phase = phase

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Park a note", classes="dialog-title")
            yield LiteralTextArea(id="note-text", soft_wrap=True)
            yield Select(
                [(literal(label), value) for label, value in enum_choices(Phase)],
                value=self.phase if self.phase is not None else Select.NULL,
                prompt="(no phase)",
                id="note-phase",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Static("ctrl+s: park   Esc: cancel", classes="dialog-hint")
                yield Button("Park", variant="primary", id="park")

    def on_mount(self) -> None:
        self.query_one("#note-text", TextArea).focus()

    @on(Button.Pressed, "#park")
    def action_park(self) -> None:
        text = self.query_one("#note-text", TextArea).text
        if not text.strip():
            self.notify("Type the note first (or Esc to cancel).", severity="warning", timeout=3)
            return
        phase = self.query_one("#note-phase", Select).value
        self.dismiss(ParkingNote(text=text, phase=None if phase is Select.NULL else phase))

    def action_cancel(self) -> None:
        self.dismiss(None)


STATUS_WIDTH = len("resolved")
PHASE_WIDTH = max(len(phase.title) for phase in Phase)
MIN_NOTE_WIDTH = 12


class ParkingTable(RecordTable):
    """The notes table: Phase and Status at their full width, the note in whatever is left.

    A DataTable sizes columns to their content and scrolls sideways when they do not fit, which
    clipped the Status column ("ope"/"res"); here the Note column is resized with the table, so
    every column fits (down to a note of ``MIN_NOTE_WIDTH`` characters) and a long note ends in "…".
    """

    def note_width(self) -> int:
        padding = 2 * self.cell_padding
        fixed = sum(column.width or 0 for column in self.columns_spec[1:]) + padding * len(self.columns_spec)
        room = self.size.width - self.styles.scrollbar_size_vertical - fixed
        return max(MIN_NOTE_WIDTH, room)

    def on_resize(self) -> None:
        width = self.note_width()
        if width == self.columns_spec[0].width:
            return
        self.columns_spec[0] = replace(self.columns_spec[0], width=width)
        self.rebuild_columns()


class ParkingLotScreen(ModalScreen[None]):
    """Every parked note: edit, resolve, delete; Esc returns to the workshop."""

    BINDINGS = [
        Binding("escape,f4", "close", "Close"),
        Binding("space", "toggle_resolved", "Resolved"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label("Parking lot", classes="dialog-title")
            yield Static(
                "a: add   e/Enter: edit   space: resolved   d: delete   Esc: close",
                classes="dialog-hint",
            )
            yield ParkingTable(
                records=lambda: open_session(self).parking_lot,
                columns=[
                    Column("Note", lambda n: one_line(n.text, 200), width=MIN_NOTE_WIDTH),
                    Column("Phase", lambda n: n.phase.title if n.phase else "—", width=PHASE_WIDTH),
                    Column("Status", lambda n: "resolved" if n.resolved else "open", width=STATUS_WIDTH),
                ],
                specs=NOTE_FIELDS,
                noun="note",
                title_of=lambda n: one_line(n.text, 30),
                new_record=lambda: ParkingNote(text="New note"),
                id="parking-lot",
            )

    def on_mount(self) -> None:
        self.query_one(RecordTable).focus()

    def action_toggle_resolved(self) -> None:
        table = self.query_one(RecordTable)
        note = table.selected
        if note is not None:
            editor(self).set_note_resolved(note, not note.resolved)
            table.reload()

    def action_close(self) -> None:
        self.dismiss(None)
