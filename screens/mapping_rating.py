"""Quick rating entry: type a number, Enter or Tab stores it and moves to the next rating cell."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from screens.literal_inputs import KeysInOrder
from screens.text import literal


class RatingInput(KeysInOrder, Input):
    """The one input of rating mode: Enter/Tab/↓ store and move on, shift+Tab/↑ go back, Esc ends.

    The keys are bindings, resolved in the order typed (:class:`KeysInOrder`): a fast "80⏎70⏎"
    stores 80 then 70, and "95⌫0⏎" stores 90.
    """

    BINDINGS = [
        Binding("enter", "move(1)", "Store, next"),
        Binding("tab", "move(1)", "Store, next", show=False),
        Binding("shift+tab", "move(-1)", "Back", show=False),
        Binding("down", "move_row(1)", "Next partner", show=False),
        Binding("up", "move_row(-1)", "Prev partner", show=False),
        Binding("escape", "finish", "End rating"),
    ]

    class Entered(Message):
        """Text typed for the current rating; ``step`` says where to go next."""

        def __init__(self, text: str, step: int, by_row: bool) -> None:
            super().__init__()
            self.text = text
            self.step = step
            self.by_row = by_row

    class Finished(Message):
        """Rating mode ends (Escape)."""

    def action_move(self, step: int) -> None:
        self._enter(step, by_row=False)

    def action_move_row(self, step: int) -> None:
        self._enter(step, by_row=True)

    def _enter(self, step: int, by_row: bool) -> None:
        """Hand the typed text on and empty the input at once: keys typed before the view has
        stored it and moved on (a fast typist's "80⏎70⏎") go to the next rating, not onto this text."""
        text, self.value = self.value, ""
        self.post_message(self.Entered(text, step, by_row))

    def action_finish(self) -> None:
        self.post_message(self.Finished())


class RatingBar(Vertical):
    """Shown under the partner table while rating: which partner and rating, the input, the result."""

    DEFAULT_CSS = """
    RatingBar { height: auto; display: none; border: round $accent; padding: 0 1; margin-bottom: 1; }
    RatingBar.-active { display: block; }
    RatingBar #rating-row { height: 1; }
    RatingBar #rating-prompt { width: 1fr; height: 1; margin-right: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    RatingBar RatingInput { width: 14; padding: 0 1; background: $boost; }
    RatingBar RatingInput:focus { background: $accent 30%; }
    RatingBar #rating-error { color: $text-error; height: auto; display: none; }
    RatingBar.-refused #rating-error { display: block; }
    RatingBar #rating-result { height: auto; }
    RatingBar .rating-help { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="rating-row"):
            yield Static("", id="rating-prompt", markup=False)
            yield RatingInput(id="rating-input", placeholder="0-100", select_on_focus=False, compact=True)
        yield Static("", id="rating-error", markup=False)
        yield Static("", id="rating-result", markup=False)
        yield Static(
            "Enter/Tab: store and next   shift+Tab: back   ↑↓: other partner   "
            "empty Enter: keep   Esc: end",
            classes="rating-help",
            markup=False,
        )

    @property
    def input(self) -> RatingInput:
        return self.query_one(RatingInput)

    def show(self, prompt: str, current: str, result: str) -> None:
        """Ask for the next rating (prompt and result hold user text: shown literally)."""
        self.add_class("-active")
        self.query_one("#rating-prompt", Static).update(literal(prompt))
        self.query_one("#rating-result", Static).update(literal(result))
        self.input.placeholder = f"now {current}" if current else "0-100"
        self.set_error("")  # the input keeps what was typed ahead for this rating
        self.input.focus()
        self.call_after_refresh(self.scroll_visible, animate=False)

    def set_result(self, result: str) -> None:
        self.query_one("#rating-result", Static).update(literal(result))

    def refuse(self, message: str) -> None:
        """Show why the typed text was not stored (the input was emptied when it was entered)."""
        self.set_error(message)

    def set_error(self, message: str) -> None:
        self.set_class(bool(message), "-refused")
        self.query_one("#rating-error", Static).update(literal(message))

    @property
    def error(self) -> str:
        return str(self.query_one("#rating-error", Static).render())

    def hide(self) -> None:
        self.remove_class("-active")
        self.input.value = ""

    @property
    def active(self) -> bool:
        return self.has_class("-active")

    @on(Input.Submitted)
    def _no_submit(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is handled by the binding; never let it reach a form handler
