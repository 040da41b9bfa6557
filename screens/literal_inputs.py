"""Input and TextArea as the room needs them: control characters drawn as visible symbols, every
key taken in the order it was typed (:class:`KeysInOrder`, also mixed into tables), and each change
reported to the owner at once (:class:`ChangesAtOnce`).

Textual's own widgets draw the value as typed, so an ESC or BEL loaded from a session file
would reach the terminal raw.  These draw it through :func:`screens.text.visible` (one
character for one symbol, so the cursor still lines up); the value itself is untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Input, TextArea

from screens.text import visible


class KeysInOrder:
    """Resolve a key's binding where the key lands, in order with the characters around it
    (mixed into the text fields, and the tables whose keys open dialogs: "aJane" on a table
    opens the new row's dialog and types "Jane" into it).

    Textual types a printable key as soon as the field receives it, but resolves any other key
    (Backspace, arrows, Home, Tab, F-keys…) only after it has bubbled up through every parent's
    message queue to the App; characters typed meanwhile are inserted first. A fast "⌫⌫⌫12M"
    stored "1", and a letter typed just after Tab landed in the field being left. Here the
    binding runs at once, exactly as Textual would resolve it (``App._check_bindings``, Textual
    8.2.8: from the focused widget up), and the key goes no further. And a key that was already
    on its way here when an earlier one moved the focus (Tab, a dialog opened) is passed on to
    the widget that has the focus now.

    Enter is the same: with :attr:`on_enter` set, its action runs at once (Textual's ``Submitted``
    message is handled only after the keys queued behind the Enter, which then landed in the
    field being left: "Alex⏎CFO⏎" gave "AlexCFO").
    """

    on_enter: str | None = None
    """The action Enter runs, at once (``"app.focus_next"``, ``"screen.save"``); None: the widget's own."""

    async def _on_key(self, event: events.Key) -> None:
        focused = self.app.focused  # type: ignore[attr-defined]
        if focused is not self:
            event.stop()
            event.prevent_default()
            key = events.Key(event.key, event.character)
            if focused is not None:
                focused.post_message(key)
            else:  # a dialog just opened: it focuses its first field as it mounts, so after that
                self.app.call_after_refresh(self.app.post_message, key)  # type: ignore[attr-defined]
            return
        if event.key == "enter" and self.on_enter is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(self.on_enter)  # type: ignore[attr-defined]
            return
        await super()._on_key(event)  # type: ignore[misc]  # the widget types what it types
        if not event._stop_propagation and await self.app._check_bindings(event.key):  # type: ignore[attr-defined]
            event.stop()
            event.prevent_default()


class ChangesAtOnce:
    """A text widget whose owner hears of each change the moment it happens (:attr:`on_change`).

    Textual's ``Changed`` message reaches the form a few message hops later: a key that leaves
    the session (F8, ctrl+q), typed in the same burst, got there first, and the last characters
    were never saved.
    """

    on_change: Callable[[str], object] | None = None
    """Called with the new text the moment it changes."""

    @property
    def current_text(self) -> str:
        raise NotImplementedError

    def post_message(self, message: Message) -> bool:
        if self.on_change is not None and isinstance(message, (Input.Changed, TextArea.Changed)):
            self.on_change(self.current_text)
        return super().post_message(message)  # type: ignore[misc]


class LiteralInput(ChangesAtOnce, KeysInOrder, Input):
    def __init__(self, *args, on_enter: str | None = None, on_change: Callable[[str], object] | None = None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.on_enter = on_enter
        self.on_change = on_change

    @property
    def current_text(self) -> str:
        return self.value

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(visible(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text


class LiteralTextArea(ChangesAtOnce, KeysInOrder, TextArea):
    def __init__(self, *args, on_change: Callable[[str], object] | None = None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.on_change = on_change

    @property
    def current_text(self) -> str:
        return self.text

    def get_line(self, line_index: int) -> Text:
        return Text(visible(self.document.get_line(line_index)), end="", no_wrap=True)
