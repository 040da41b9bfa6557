"""Input and TextArea that draw control characters as visible symbols.

Textual's own widgets draw the value as typed, so an ESC or BEL loaded from a session file
would reach the terminal raw.  These draw it through :func:`screens.text.visible` (one
character for one symbol, so the cursor still lines up); the value itself is untouched.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, TextArea

from screens.text import visible


class LiteralInput(Input):
    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(visible(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text


class LiteralTextArea(TextArea):
    def get_line(self, line_index: int) -> Text:
        return Text(visible(self.document.get_line(line_index)), end="", no_wrap=True)
