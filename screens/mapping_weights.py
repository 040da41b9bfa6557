"""The session's scoring weights (issue 18): five percentages that must add up to 100.

Each field is checked as it is typed; the five are applied together, at once (autosaved), as
soon as they add up to 100 %, and the scores everywhere follow.  While they do not, the dialog
says by how much, and the scores keep the last weights that did.  "Method's weights" puts back
30/25/20/15/10.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from screens.host import editor
from screens.literal_inputs import LiteralInput
from screens.text import literal
from workshop.method.models import RATING_FIELDS, Mapping, ScoringWeights
from workshop.method.scoring import percent_text, weights_check
from workshop.method.values import parse_percent


class WeightsDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Done")]

    DEFAULT_CSS = """
    WeightsDialog .weight-row { height: auto; }
    WeightsDialog .weight-row Label { width: 28; padding: 0 1 0 0; }
    WeightsDialog .weight-row LiteralInput { width: 12; }
    WeightsDialog .weight-row .weight-error { width: 1fr; padding: 0 0 0 1; color: $error; }
    WeightsDialog #weights-status { margin-bottom: 1; height: auto; }
    WeightsDialog #weights-status.-off { color: $warning; }
    """

    def __init__(self, mapping: Mapping) -> None:
        super().__init__()
        self.mapping = mapping
        self.typed: dict[str, float | None] = dict(zip(RATING_FIELDS, mapping.weights.percents()))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Scoring weights for this session", classes="dialog-title")
            yield Static(
                "The method's: 30/25/20/15/10. Change them only if the room agrees; the five must add up to 100 %.",
                classes="dialog-message",
                markup=False,
            )
            yield Static("", id="weights-status", markup=False)
            with VerticalScroll(classes="dialog-fields"):
                for field, (label, _weight) in RATING_FIELDS.items():
                    with Horizontal(classes="weight-row"):
                        yield Label(literal(f"{label} (%)"))
                        yield LiteralInput(
                            percent_text(getattr(self.mapping.weights, field)),
                            id=f"weight-{field}",
                            compact=True,
                            on_change=lambda text, field=field: self._typed(field, text),
                        )
                        yield Static("", classes="weight-error", id=f"weight-error-{field}", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Applied as soon as they add up to 100 %.  Esc: done", classes="dialog-hint")
                yield Button("Method's weights", id="method")
                yield Button("Done", variant="primary", id="done")

    def on_mount(self) -> None:
        self._show_status()
        self.query_one(LiteralInput).focus()

    _quiet = False
    """Set while the fields are filled in from code (the method's weights): no edit per field."""

    def _typed(self, field: str, text: str) -> None:
        if self._quiet:
            return
        error = self.query_one(f"#weight-error-{field}", Static)
        try:
            self.typed[field] = parse_percent(text)
            error.update("")
        except ValueError as exc:
            self.typed[field] = None
            error.update(literal(str(exc)))
        self._apply()

    def _apply(self) -> None:
        weights, _message = weights_check(self.typed)
        if weights is not None:
            editor(self).set_weights(weights)
        self._show_status()

    def _show_status(self) -> None:
        _weights, message = weights_check(self.typed)
        status = self.query_one("#weights-status", Static)
        status.update(literal(message))
        status.set_class(_weights is None or not _weights.is_method, "-off")

    @on(Button.Pressed, "#method")
    def _method(self) -> None:
        method = ScoringWeights()
        self._quiet = True
        try:
            for field in RATING_FIELDS:
                self.query_one(f"#weight-{field}", LiteralInput).value = percent_text(getattr(method, field))
                self.typed[field] = getattr(method, field)
                self.query_one(f"#weight-error-{field}", Static).update("")
        finally:
            self._quiet = False
        self._apply()

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
