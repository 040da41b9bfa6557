"""Modal dialogs: confirm, and edit a record field by field (every change saved as typed)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from screens.fields import FieldEditor, FieldSpec
from screens.text import literal


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; Enter or y answers yes, Escape or n answers no."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, message: str, *, title: str = "Confirm", yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.message = message
        self.dialog_title = title
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self.dialog_title), classes="dialog-title")
            yield Static(literal(self.message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(literal(self.yes), variant="error", id="yes")
                yield Button(literal(self.no), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class EditDialog(ModalScreen[None]):
    """Edit one record: each field is written to the session as it is typed (autosaved).

    Escape or "Done" closes it; there is nothing to "save" because nothing is held back.
    """

    BINDINGS = [Binding("escape", "close", "Done")]

    def __init__(
        self,
        title: str,
        target: BaseModel,
        specs: Sequence[FieldSpec],
        *,
        intro: str = "",
        select_first: bool = False,
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.target = target
        self.specs = list(specs)
        self.intro = intro
        self.select_first = select_first
        """A new record: its placeholder text is selected, so typing replaces it."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(literal(self.dialog_title), classes="dialog-title")
            if self.intro:
                yield Static(literal(self.intro), classes="dialog-message")
            with VerticalScroll(classes="dialog-fields"):
                for spec in self.specs:
                    yield FieldEditor(self.target, spec)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Every change is saved as you type.  Esc: done", classes="dialog-hint")
                yield Button("Done", variant="primary", id="done")

    def on_mount(self) -> None:
        editors = self.query(FieldEditor)
        if editors:
            first = editors.first().query_one("#input")
            first.focus()
            if self.select_first and isinstance(first, Input):
                first.select_all()

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    @property
    def errors(self) -> dict[str, str]:
        """Fields whose typed text is not accepted yet, with the message shown."""
        return {editor.spec.name: editor.error for editor in self.query(FieldEditor) if editor.error}


class PromptDialog(ModalScreen["str | None"]):
    """Ask for one line of text; Enter accepts, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, label: str, value: str = "", *, placeholder: str = "") -> None:
        super().__init__()
        self.dialog_title = title
        self.label = label
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        from screens.literal_inputs import LiteralInput

        with Vertical(classes="dialog"):
            yield Label(literal(self.dialog_title), classes="dialog-title")
            yield Label(literal(self.label))
            yield LiteralInput(self.value, placeholder=self.placeholder, id="prompt", on_enter="screen.accept")
            yield Static("Enter: OK   Esc: cancel", classes="dialog-hint")

    def action_accept(self) -> None:
        self.dismiss(self.query_one("#prompt", Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen["object | None"]):
    """Pick one of a few labelled values; Enter picks, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, object]], *, message: str = "") -> None:
        super().__init__()
        self.dialog_title = title
        self.choices = list(choices)
        self.message = message

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option

        with Vertical(classes="dialog"):
            yield Label(literal(self.dialog_title), classes="dialog-title")
            if self.message:
                yield Static(literal(self.message), classes="dialog-message")
            yield OptionList(*[Option(literal(label)) for label, _ in self.choices], id="choices")
            yield Static("Enter: choose   Esc: cancel", classes="dialog-hint")

    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
