"""The sign-off dialog: who signs the thesis (name required, role optional) and on which day
(today unless changed; a day after today is refused)."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from screens.fields import validation_message
from screens.literal_inputs import LiteralInput
from screens.text import literal
from workshop.method.models import Participant, SignOff
from workshop.method.signoff import signoff_moment


class SignOffDialog(ModalScreen["SignOff | None"]):
    """Ask the signer's name and role; Enter in the role (or "Sign off") signs, Escape cancels.

    The participants' names are suggested as you type, and a participant's role is filled in.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, participants: list[Participant], today: date | None = None) -> None:
        super().__init__()
        self.participants = participants
        self.today = today or date.today()
        self._filled_role: str | None = None
        """The role this dialog filled in from a participant (replaced when the name changes)."""

    def compose(self) -> ComposeResult:
        names = [p.name for p in self.participants if p.name.strip()]
        with Vertical(classes="dialog", id="signoff-dialog"):
            yield Label("Sign off the partnership thesis", classes="dialog-title")
            yield Static(
                "Signing records who approved the thesis and when; recruitment may start after it.",
                classes="dialog-message",
                markup=False,
            )
            yield Label("Name of the person signing")
            yield LiteralInput(
                id="signer-name", suggester=SuggestFromList(names, case_sensitive=False), on_enter="app.focus_next"
            )
            yield Static("", id="signer-error", classes="field-error-line", markup=False)
            yield Label("Role")
            yield LiteralInput(id="signer-role", placeholder="e.g. CPO", on_enter="app.focus_next")
            yield Label("Signed on (YYYY-MM-DD, today or earlier)")
            yield LiteralInput(self.today.isoformat(), id="signed-on", on_enter="screen.sign")
            yield Static("", id="signed-on-error", classes="field-error-line", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Enter: next / sign   Esc: cancel", classes="dialog-hint", markup=False)
                yield Button("Sign off", variant="success", id="sign")
                yield Button("Cancel", id="cancel")

    DEFAULT_CSS = """
    SignOffDialog #signer-error, SignOffDialog #signed-on-error { color: $text-error; height: auto; }
    """

    def on_mount(self) -> None:
        self.query_one("#signer-name", Input).focus()

    @on(Input.Changed, "#signer-name")
    def _name_changed(self, event: Input.Changed) -> None:
        self.query_one("#signer-error", Static).update("")
        role = self.query_one("#signer-role", Input)
        if role.value not in ("", self._filled_role):
            return  # typed by hand: left as it is
        name = event.value.strip().casefold()
        match = next((p for p in self.participants if p.name.strip().casefold() == name), None)
        role.value = match.role if match is not None else ""
        self._filled_role = role.value or None

    @on(Button.Pressed, "#sign")
    def action_sign(self) -> None:
        name = self.query_one("#signer-name", Input).value
        role = self.query_one("#signer-role", Input).value
        day_error = self.query_one("#signed-on-error", Static)
        day_error.update("")
        typed = self.query_one("#signed-on", Input).value.strip()
        try:
            signed_at = signoff_moment(date.fromisoformat(typed), self.today)
        except ValueError as error:
            reason = str(error) if typed and "after today" in str(error) else (
                f"not a date: {typed!r} (write it as YYYY-MM-DD)" if typed else "the date of the sign-off is needed"
            )
            day_error.update(literal(reason))
            self.query_one("#signed-on", Input).focus()
            return
        try:
            signoff = SignOff(name=name.strip(), role=role.strip(), signed_at=signed_at)
        except ValidationError as error:
            self.query_one("#signer-error", Static).update(literal(validation_message(error)))
            self.query_one("#signer-name", Input).focus()
            return
        self.dismiss(signoff)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @property
    def error(self) -> str:
        return " ".join(
            text for text in (str(self.query_one(f"#{name}", Static).render()) for name in ("signer-error", "signed-on-error")) if text
        )
