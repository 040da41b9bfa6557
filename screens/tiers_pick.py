"""Pick one value from a short list (a partner, a tier): arrows and Enter, or a click."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.text import literal


class PickDialog(ModalScreen[Any]):
    """Offer ``(label, value)`` choices; dismisses with the value, or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    PickDialog OptionList { height: auto; max-height: 14; margin-bottom: 1; }
    """

    def __init__(self, title: str, choices: Sequence[tuple[str, Any]], *, intro: str = "") -> None:
        super().__init__()
        self.dialog_title = title
        self.choices = list(choices)
        self.intro = intro

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self.dialog_title), classes="dialog-title")
            if self.intro:
                yield Static(literal(self.intro), classes="dialog-message")
            yield OptionList(
                *[Option(literal(label), id=str(index)) for index, (label, _) in enumerate(self.choices)],
                id="choices",
            )
            yield Static("↑/↓ choose   Enter: pick   Esc: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
