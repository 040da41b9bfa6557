"""Must-pass gates (issue 15 §1): the session's conditions, judged for the selected partner.

Every change is applied at once (autosaved) through :mod:`workshop.method.gates`; the dialog shows what
the gates mean for the partner (held out of Priority or not), from the engine.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static

from screens.dialogs import ConfirmDialog
from screens.host import editor
from screens.literal_inputs import LiteralInput
from screens.text import literal
from workshop.method.gates import checks_of, gated
from workshop.method.models import Gate, Mapping, Partner
from workshop.method.scoring import ranked_partners

VERDICTS = [("Passes", "pass"), ("Fails", "fail")]


class GatesDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Done")]

    DEFAULT_CSS = """
    GatesDialog .gate-row { height: auto; margin-bottom: 1; }
    GatesDialog .gate-row > * { margin-right: 1; }
    GatesDialog .gate-row .gate-condition { width: 2fr; }
    GatesDialog .gate-row Select { width: 20; }
    GatesDialog .gate-row .gate-note { width: 1fr; }
    GatesDialog .gate-row Button { min-width: 10; }
    GatesDialog #gates-status { margin-bottom: 1; height: auto; }
    GatesDialog #gates-status.-held { color: $warning; text-style: bold; }
    GatesDialog #gates-error { color: $error; display: none; }
    GatesDialog #gates-error.-shown { display: block; }
    """

    def __init__(self, mapping: Mapping, partner: Partner) -> None:
        super().__init__()
        self.mapping = mapping
        self.partner = partner

    def compose(self) -> ComposeResult:
        checks = checks_of(self.partner)
        with Vertical(classes="dialog dialog-wide"):
            yield Label(literal(f"Must-pass gates — {self.partner.name}"), classes="dialog-title")
            yield Static(
                "Conditions that keep a partner out of Priority whatever it scores (the score is unchanged); "
                "the session's, judged here for this partner.",
                classes="dialog-message",
                markup=False,
            )
            yield Static("", id="gates-status", markup=False)
            yield Static("", id="gates-error", markup=False)
            with VerticalScroll(classes="dialog-fields"):
                for gate in self.mapping.gates:
                    check = checks.get(gate.id)
                    value = Select.NULL if check is None else ("pass" if check.passes else "fail")
                    with Horizontal(classes="gate-row", id=f"gate-{gate.id}"):
                        yield LiteralInput(gate.condition, classes="gate-condition", compact=True,
                                           on_change=lambda text, gate=gate: self._condition(gate, text))
                        yield Select(VERDICTS, prompt="Not judged", value=value, classes="gate-verdict", compact=True)
                        yield LiteralInput(check.note if check else "", placeholder="why (optional)", classes="gate-note",
                                           compact=True, on_change=lambda text, gate=gate: self._note(gate, text))
                        yield Button("Remove", classes="gate-remove", compact=True)
                if not self.mapping.gates:
                    yield Static("No gates yet.", markup=False)
                yield LiteralInput(placeholder="A new gate, e.g. Not locked to a competitor — Enter adds it",
                                   id="new-gate", on_enter="screen.add_gate", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Every change is saved as you make it.  Esc: done", classes="dialog-hint")
                yield Button("Done", variant="primary", id="done")

    def on_mount(self) -> None:
        self._show_status()
        self.query_one("#new-gate", LiteralInput).focus()

    # ------------------------------------------------------------------ edits

    def _gate_of(self, widget) -> Gate | None:  # noqa: ANN001 - a widget inside a gate row
        row = next((a for a in widget.ancestors_with_self if isinstance(a, Horizontal) and (a.id or "").startswith("gate-")), None)
        gate_id = (row.id or "")[len("gate-"):] if row is not None else ""
        return next((g for g in self.mapping.gates if g.id == gate_id), None)


    def _error(self, message: str) -> None:
        error = self.query_one("#gates-error", Static)
        error.update(literal(message))
        error.set_class(bool(message), "-shown")

    def _condition(self, gate: Gate, text: str) -> None:
        if not text.strip():
            self._error("Not stored: a gate needs its condition in words.")
            return
        self._error("")
        if editor(self).rename_gate(gate, text):
            self._show_status()

    def _note(self, gate: Gate, text: str) -> None:
        check = checks_of(self.partner).get(gate.id)
        if check is None:
            if text.strip():
                self._error("A note is kept with a verdict: choose Passes or Fails first.")
            return
        if check.note != text:
            editor(self).judge_gate(self.partner, gate, check.passes, text)
            self._show_status()

    @on(Select.Changed, ".gate-verdict")
    def _verdict(self, event: Select.Changed) -> None:
        event.stop()
        gate = self._gate_of(event.select)
        if gate is None:
            return
        passes = None if event.value is Select.NULL else event.value == "pass"
        current = checks_of(self.partner).get(gate.id)
        if (None if current is None else current.passes) == passes:
            return
        note = self.query_one(f"#gate-{gate.id} .gate-note", LiteralInput).value
        editor(self).judge_gate(self.partner, gate, passes, note)
        self._error("")
        self._show_status()

    def action_add_gate(self) -> None:
        field = self.query_one("#new-gate", LiteralInput)
        if not field.value.strip():
            self._error("Type the condition first, e.g. Serves our ICP.")
            return
        editor(self).add_gate(field.value)
        self._recompose()

    @on(Button.Pressed, ".gate-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        gate = self._gate_of(event.button)
        if gate is None:
            return

        def confirmed(answer: bool | None) -> None:
            if answer and editor(self).remove_gate(gate):
                self._recompose()

        self.app.push_screen(
            ConfirmDialog(f"Remove the gate “{gate.condition}” and every partner's verdict on it?",
                          title="Remove gate", yes="Remove"),
            confirmed,
        )

    def _recompose(self) -> None:
        async def again() -> None:
            await self.recompose()
            self._show_status()
            self.query_one("#new-gate", LiteralInput).focus()

        self.call_later(again)

    # ------------------------------------------------------------------ what it means

    def _show_status(self) -> None:
        row = next(r for r in ranked_partners([self.partner], self.mapping.weights))
        (verdict,) = gated([row], self.mapping)
        status = self.query_one("#gates-status", Static)
        status.update(literal(verdict.sentence))  # each gate's verdict is in its row below
        status.set_class(verdict.held, "-held")

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
