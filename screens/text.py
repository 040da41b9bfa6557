"""User text on screen: always literal, never markup.

Every string a person typed (a partner name, a note, a thesis field) reaches a widget through
:func:`literal` (for Label/Static/Option prompts/notify) or :func:`cell` (for DataTable cells).
Markup in it is shown as typed; control characters, which a terminal would act on, are shown
as their visible Unicode "control picture" instead (ESC as ␛), so nothing raw reaches the
terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from workshop.method.terminal_text import visible


def literal(text: str) -> Content:
    """User text for a Label, Static, Button, Option or toast: shown exactly as typed."""
    return Content(visible(text))


def cell(text: str, *, style: str = "", justify: str = "left") -> Text:
    """User text for a DataTable cell (a rich Text, which DataTable never parses)."""
    return Text(visible(text), style=style, justify=justify, no_wrap=True, overflow="ellipsis")


def one_line(text: str, limit: int = 80) -> str:
    """First line of a long text, shortened for a table cell or a list."""
    first = text.split("\n", 1)[0]
    suffix = "…" if len(first) > limit or "\n" in text else ""
    return first[:limit] + suffix
