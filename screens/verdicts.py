"""Verdicts as the room reads them: a symbol, the word, and the theme's colour for it.

PASS / WARN / FAIL and the tier actions (PROMOTE, WARNING, DEMOTE, EXIT) are never colour alone:
each has a symbol and its word, so they read in the high-contrast theme, on a washed-out
projector and without colour at all; the colour (the theme's success / warning / error text
colour) only repeats them. Content styles name the theme's variables and so follow a theme
change by themselves; a DataTable cell is a rich Text, which cannot name them, so tables take
the colour of the theme in use (:func:`tone_style`) and redraw when it changes.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.content import Content

from workshop.method.findings import Status
from workshop.method.terminal_text import visible
from workshop.method.tier_movement import Action

STATUS_MARKS: dict[Status, str] = {Status.PASS: "✓", Status.WARN: "!", Status.FAIL: "✗"}
STATUS_TONES: dict[Status, str] = {Status.PASS: "success", Status.WARN: "warning", Status.FAIL: "error"}

ACTION_MARKS: dict[Action, str] = {
    Action.PROMOTE: "▲",
    Action.WARNING: "!",
    Action.DEMOTE: "▼",
    Action.EXIT: "✗",
    Action.HOLD: "=",
}
ACTION_TONES: dict[Action, str] = {
    Action.PROMOTE: "success",
    Action.WARNING: "warning",
    Action.DEMOTE: "error",
    Action.EXIT: "error",
    Action.HOLD: "",
}


def status_words(status: Status) -> str:
    """``✓ PASS``, ``! WARN``, ``✗ FAIL``."""
    return f"{STATUS_MARKS[status]} {status.label}"


def action_words(action: Action, tier: str | None = None) -> str:
    """``▼ DEMOTE → Gold``: a mark and the word, so nothing depends on colour (``tier``: the
    tier's name as the session has it, shown literally)."""
    words = f"{ACTION_MARKS[action]} {action.label.upper()}"
    return f"{words} → {visible(tier)}" if tier is not None else words


def toned(text: str, tone: str) -> Content:
    """``text`` in bold, in the theme's text colour for ``tone`` (``success``, ``warning``,
    ``error``; ``""``: the plain text colour). ``text`` is never parsed as markup."""
    return Content.assemble((text, f"bold $text-{tone}" if tone else "bold"))


def status_content(status: Status, width: int = 0) -> Content:
    return toned(status_words(status).ljust(width), STATUS_TONES[status])


def action_content(action: Action, tier: str | None = None) -> Content:
    return toned(action_words(action, tier), ACTION_TONES[action])


_STYLES: dict[tuple[int, str], dict[str, str]] = {}
"""The tones' rich styles per (app, theme): the theme's variables take ~0.8 ms to work out, and a
table of 1,000 partners asks for a style per row."""


def tone_style(app: App, tone: str) -> str:
    """A rich style for ``tone`` in the theme in use (for a DataTable cell)."""
    if not tone:
        return "bold"
    key = (id(app), app.theme)
    styles = _STYLES.get(key)
    if styles is None:
        variables = app.get_css_variables()
        styles = {name: f"bold {variables[f'text-{name}']}" for name in ("success", "warning", "error")}
        _STYLES.clear()  # one app, one theme at a time
        _STYLES[key] = styles
    return styles[tone]


def action_cell(app: App, action: Action, tier: str | None = None) -> Text:
    return Text(action_words(action, tier), style=tone_style(app, ACTION_TONES[action]) if action is not Action.HOLD else "")
