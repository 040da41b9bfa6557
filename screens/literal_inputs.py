"""Input and TextArea as the room needs them: control characters drawn as visible symbols, and
every key taken in the order it was typed.

Textual's own widgets draw the value as typed, so an ESC or BEL loaded from a session file
would reach the terminal raw.  These draw it through :func:`screens.text.visible` (one
character for one symbol, so the cursor still lines up); the value itself is untouched.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Input, TextArea

from screens.text import visible


class KeysInOrder:
    """Resolve a key's binding where the key lands, in order with the characters around it.

    Textual types a printable key as soon as the field receives it, but resolves any other key
    (Backspace, arrows, Home, Tab, F-keys…) only after it has bubbled up through every parent's
    message queue to the App; characters typed meanwhile are inserted first. A fast "⌫⌫⌫12M"
    stored "1", and a letter typed just after Tab landed in the field being left. Here the
    binding runs at once, exactly as Textual would resolve it (``App._check_bindings``, Textual
    8.2.8: from the focused widget up), and the key goes no further. And a key that was already
    on its way here when an earlier one moved the focus (Tab, a dialog opened) is passed on to
    the widget that has the focus now.
    """

    async def _on_key(self, event: events.Key) -> None:
        focused = self.app.focused  # type: ignore[attr-defined]
        if focused is not self:
            event.stop()
            event.prevent_default()
            (focused or self.app.screen).post_message(events.Key(event.key, event.character))  # type: ignore[attr-defined]
            return
        await super()._on_key(event)  # type: ignore[misc]  # the widget types what it types
        if not event._stop_propagation and await self.app._check_bindings(event.key):  # type: ignore[attr-defined]
            event.stop()
            event.prevent_default()


class LiteralInput(KeysInOrder, Input):
    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(visible(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text


class LiteralTextArea(KeysInOrder, TextArea):
    def get_line(self, line_index: int) -> Text:
        return Text(visible(self.document.get_line(line_index)), end="", no_wrap=True)
