"""Input and TextArea as the room needs them: control characters drawn as visible symbols, every
key taken in the order it was typed (:class:`KeysInOrder`, also mixed into tables), and each change
reported to the owner at once (``on_change``).  Public Textual hooks only; the one Textual bug
worked around here is :data:`TEXTUAL_ISSUE`.

Textual's own widgets draw the value as typed, so an ESC or BEL loaded from a session file
would reach the terminal raw.  These draw it through :func:`screens.text.visible` (one
character for one symbol, so the cursor still lines up); the value itself is untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import events
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

if TYPE_CHECKING:
    from textual.widget import Widget

from screens.text import visible


TEXTUAL_ISSUE = "https://github.com/Textualize/textual/issues/6605"
"""Textual resolves a key's binding only once the key has bubbled up to the App, after the
characters typed behind it; the fix proposed upstream is pull request 6631
(https://github.com/Textualize/textual/pull/6631). ``tests/test_textual_key_order.py`` fails
the day a Textual upgrade fixes it: this module's work-around can then go."""


class KeysInOrder:
    """Resolve a key's binding where the key lands, in order with the characters around it
    (mixed into the text fields, and the tables whose keys open dialogs: "aJane" on a table
    opens the new row's dialog and types "Jane" into it).

    Textual (8.2.8, :data:`TEXTUAL_ISSUE`) types a printable key as soon as the field receives
    it, but resolves any other key (Backspace, arrows, Home, Tab, F-keys…) only after it has
    bubbled up through every parent's message queue to the App; characters typed meanwhile are
    inserted first. A fast "⌫⌫⌫12M" stored "1", and a letter typed just after Tab landed in the
    field being left. Here, with public hooks only:

    * :meth:`handle_key` — what a widget does with a key it does not type — runs the key's
      binding at once, the one the App would run (``App.active_bindings``: from the focused
      widget up), and the key goes no further;
    * :meth:`key_enter`: with :attr:`on_enter` set, Enter runs that action at once (Textual's
      ``Submitted`` message is handled only after the keys queued behind the Enter, which then
      landed in the field being left: "Alex⏎CFO⏎" gave "AlexCFO");
    * :meth:`on_key`: a key that was already on its way here when an earlier one moved the
      focus (Tab, a dialog opened) is passed on to the widget that has the focus now.
    """

    on_enter: str | None = None
    """The action Enter runs, at once (``"app.focus_next"``, ``"screen.save"``); None: the widget's own."""

    def on_key(self, event: events.Key) -> None:
        app = cast("Widget", self).app
        focused = app.focused
        if focused is self:
            return  # the widget's own handlers come next: it types, or handle_key runs the binding
        event.stop()
        event.prevent_default()
        key = events.Key(event.key, event.character)
        if focused is not None:
            focused.post_message(key)
        else:  # a dialog just opened: it focuses its first field as it mounts, so after that
            app.call_after_refresh(app.post_message, key)

    async def key_enter(self, event: events.Key) -> bool:
        if self.on_enter is None:
            return False  # not handled here: the widget's own Enter binding, resolved at once
        event.stop()
        event.prevent_default()
        await cast("Widget", self).run_action(self.on_enter)
        return True

    async def handle_key(self, event: events.Key) -> bool:
        if await super().handle_key(event):  # type: ignore[misc]  # a key_… method took it
            return True
        widget = cast("Widget", self)
        active = widget.app.active_bindings.get(event.key)
        if active is None or not active.enabled or active.binding.priority:  # priority: tried already
            return False
        if await widget.app.run_action(active.binding.action, active.node):
            event.stop()
            event.prevent_default()
            return True
        return False


class LiteralInput(KeysInOrder, Input):
    """An Input that draws control characters visibly, takes keys in order and reports each
    change at once (:attr:`on_change`, from ``watch_value``: Textual's ``Changed`` message
    reaches the form a few hops later, after a key that leaves the session typed in the same
    burst — F8, ctrl+q — and the last characters were never saved)."""

    on_change: Callable[[str], object] | None = None
    """Called with the new text the moment it changes."""

    def __init__(
        self,
        *args: Any,
        on_enter: str | None = None,
        on_change: Callable[[str], object] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.on_enter = on_enter
        self.on_change = on_change

    def watch_value(self, value: str) -> None:
        if self.on_change is not None:
            self.on_change(value)

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(visible(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text


class LiteralTextArea(KeysInOrder, TextArea):
    """A TextArea that draws control characters visibly, takes keys in order and reports each
    change at once (:attr:`on_change`: every edit, undo and redo and every text set from code,
    through the public ``edit``, ``undo``, ``redo`` and ``load_text``)."""

    on_change: Callable[[str], object] | None = None
    """Called with the new text the moment it changes."""

    def __init__(self, *args: Any, on_change: Callable[[str], object] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_change = on_change

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self.text)

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        self._changed()
        return result

    def load_text(self, text: str) -> None:
        super().load_text(text)
        self._changed()

    def undo(self) -> None:
        super().undo()
        self._changed()

    def redo(self) -> None:
        super().redo()
        self._changed()

    def get_line(self, line_index: int) -> Text:
        return Text(visible(self.document.get_line(line_index)), end="", no_wrap=True)
