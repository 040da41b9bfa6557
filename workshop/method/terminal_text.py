"""User text bound for a terminal: control characters shown as visible symbols, never sent raw.

A partner name may hold an ESC sequence (typed, pasted or loaded from a file); printed as is,
the terminal would act on it (retitle the window, change colours, move the cursor). Shown
through :func:`visible`, C0 controls become their Unicode "control picture" (ESC as ␛, BEL as
␇), DEL ␡, and C1 controls U+FFFD: one character for one, so widths and cursors line up.
Tab and line feed are kept.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x7F:
        return "\u2421"  # ␡
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"  # C1 controls have no control picture


def visible(text: str) -> str:
    """The text with terminal control characters replaced by visible symbols."""
    return _CONTROL.sub(_visible, text)
