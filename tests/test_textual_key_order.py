"""Why screens/literal_inputs.py's KeysInOrder exists, and when it can go.

Textual 8.2.8 resolves a key's binding (Backspace, arrows, Tab, Enter…) only after the key has
bubbled up to the App, while the characters typed behind it are inserted at once: upstream
issue https://github.com/Textualize/textual/issues/6605, fix proposed in pull request 6631.
The first test shows the bug on a plain Input. When a Textual upgrade fixes it, that test
fails: KeysInOrder (and this file) can then be removed, and the keys-in-order tests
(tests/test_app_shell.py, test_screen_mapping.py, test_screen_team_scoring.py) kept as they are.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from screens.literal_inputs import TEXTUAL_ISSUE, LiteralInput
from tests.app_harness import type_ahead, until


class OneField(App[None]):
    """One field holding "abcdef"; F12 (bound to nothing) bubbles up to the App last of all."""

    def __init__(self, field: type[Input]) -> None:
        super().__init__()
        self.field_class = field
        self.last_key_arrived = False

    def compose(self) -> ComposeResult:
        yield self.field_class("abcdef")

    def key_f12(self) -> None:
        self.last_key_arrived = True  # every key before it was handled, bindings included


async def typed(field: type[Input], *keys: str) -> str:
    app = OneField(field)
    async with app.run_test() as pilot:
        input_ = app.query_one(Input)
        input_.focus()
        input_.cursor_position = len(input_.value)
        await pilot.pause()
        type_ahead(app, *keys, "f12")
        await until(pilot, lambda: app.last_key_arrived, "the last key")
        return input_.value


async def test_textual_still_resolves_bindings_after_the_keys_typed_behind_them():
    value = await typed(Input, "backspace", "backspace", "X")
    assert value != "abcdX", (
        f"Textual now takes Backspace in order ({TEXTUAL_ISSUE} is fixed): "
        "screens/literal_inputs.py's KeysInOrder is no longer needed"
    )


async def test_keys_in_order_takes_the_same_burst_as_typed():
    assert await typed(LiteralInput, "backspace", "backspace", "X") == "abcdX"
