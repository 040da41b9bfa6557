"""Form fields bound to a model attribute: every valid keystroke is written to the session.

A :class:`FieldEditor` shows a label, an input suited to the field's kind and, under it, the
validation message when what was typed is not accepted (the session keeps its last valid
value until then).  Each accepted change goes through the session's editor
(:meth:`workshop.method.editor.SessionEditor.set_field`: recorded and autosaved) the moment the text
changes, and :class:`FieldEditor.Changed` tells the form.  So nothing typed is ever only on
screen, even when the next key closes the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from screens.host import editor
from screens.literal_inputs import LiteralInput, LiteralTextArea

from screens.text import literal
from workshop.method.edits import EditRefused
from workshop.method.values import KINDS, enum_label, limit_words


@dataclass(frozen=True)
class FieldSpec:
    """What to edit and how: the attribute, its label, its kind and an optional hint."""

    name: str
    label: str
    kind: str = "text"
    """One of workshop.method.values.KINDS, or "bool", or "choice"."""
    hint: str = ""
    choices: tuple[tuple[str, Any], ...] = field(default_factory=tuple)
    """For "choice": (label, value) pairs; an optional field also offers a blank."""
    optional: bool = True


def enum_choices(enum: type[Enum]) -> tuple[tuple[str, Any], ...]:
    return tuple((enum_label(member), member) for member in enum)


def validation_message(error: ValidationError, kind: str = "") -> str:
    """The first problem of a pydantic error, as a sentence for the person typing (``kind``: the
    field's kind, so that a money limit reads "$1,000,000,000,000").

    Limits read as numbers do ("Must be at most 1,000,000,000,000", not pydantic's "less than or
    equal to 1000000000000"); a text not in the expected form points at the field's hint instead
    of showing the pattern (a regular expression means nothing to the room).
    """
    first = error.errors()[0]
    limit = limit_words(first.get("ctx") or {}, kind)
    if limit is not None:
        return f"Must be {limit}"
    if first.get("type") == "string_pattern_mismatch":
        return "Not in the expected form shown above"
    message = str(first.get("msg", "not valid"))
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message[:1].upper() + message[1:]


class FieldEditor(Vertical):
    """One labelled field bound to ``getattr(target, spec.name)``."""

    DEFAULT_CSS = """
    FieldEditor { height: auto; margin: 0 0 1 0; }
    FieldEditor > .field-label { color: $text-muted; }
    FieldEditor > .field-hint { color: $text-muted; text-style: italic; }
    FieldEditor > .field-error { color: $text-error; display: none; }
    FieldEditor.-invalid > .field-error { display: block; }
    FieldEditor.-invalid > Input, FieldEditor.-invalid > TextArea { border: tall $error; }
    FieldEditor > Input, FieldEditor > Select { width: 1fr; max-width: 100; }
    FieldEditor > Input { background: $boost; }
    FieldEditor > Input:focus { background: $primary 20%; }
    FieldEditor > TextArea { height: 5; max-width: 100; }
    FieldEditor > TextArea.-lines { height: 6; }
    """

    class Changed(Message):
        """A field's new value was accepted and written to the model."""

        def __init__(self, editor: FieldEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, target: BaseModel, spec: FieldSpec, *, id: str | None = None) -> None:
        super().__init__(id=id or f"field-{spec.name}")
        self.target = target
        self.spec = spec

    # ------------------------------------------------------------------ compose

    def compose(self) -> ComposeResult:
        spec = self.spec
        value = getattr(self.target, spec.name)
        if spec.kind == "bool":
            yield Checkbox(literal(spec.label), bool(value), id="input")
        else:
            yield Label(literal(spec.label), classes="field-label")
            if spec.kind == "choice":
                yield Select(
                    [(literal(label), choice) for label, choice in spec.choices],
                    value=value if value is not None else Select.NULL,
                    allow_blank=spec.optional,
                    prompt="(not set)",
                    id="input",
                    compact=True,
                )
            elif spec.kind in ("multiline", "lines"):
                area = LiteralTextArea(KINDS[spec.kind][1](value), id="input", soft_wrap=True, on_change=self._accept_text)
                if spec.kind == "lines":
                    area.add_class("-lines")
                yield area
            else:
                # Enter moves on to the next field, as a facilitator expects in a form.
                yield LiteralInput(
                    KINDS[spec.kind][1](value),
                    id="input",
                    select_on_focus=False,
                    compact=True,
                    on_enter="app.focus_next",
                    on_change=self._accept_text,
                )
        if spec.hint:
            yield Static(literal(spec.hint), classes="field-hint")
        yield Static("", classes="field-error", markup=False)

    # ------------------------------------------------------------------ events

    @on(Input.Changed, "#input")
    @on(TextArea.Changed, "#input")
    def _text_changed(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()  # the text was taken the moment it changed (on_change): nothing left to do

    @on(Checkbox.Changed, "#input")
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._store(event.value)

    @on(Select.Changed, "#input")
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._store(None if event.value is Select.NULL else event.value)

    # ------------------------------------------------------------------ storing

    def _accept_text(self, text: str) -> None:
        parse = KINDS[self.spec.kind][0]
        try:
            value = parse(text)
        except ValueError as error:
            self._show_error(str(error))
            return
        if (value is None or (isinstance(value, str) and not value.strip())) and not self.spec.optional:
            self._show_error(f"{self.spec.label} is required")
            return
        self._store(value)

    def _store(self, value: Any) -> None:
        try:  # at once: autosaved, whatever key comes next
            changed = editor(self).set_field(self.target, self.spec.name, value, label=self.spec.label)
        except ValidationError as error:
            self._show_error(validation_message(error, self.spec.kind))
            return
        except EditRefused as error:
            self._show_error(str(error))
            return
        self._show_error("")
        if changed:
            self.post_message(self.Changed(self))

    _shown_error = ""

    def _show_error(self, message: str) -> None:
        if message == self._shown_error:
            return  # most keystrokes change nothing here: no relayout for them
        self._shown_error = message
        self.set_class(bool(message), "-invalid")
        self.query_one(".field-error", Static).update(literal(message))

    @property
    def error(self) -> str:
        """The validation message shown under the field ("" when the value was accepted)."""
        return self._shown_error
