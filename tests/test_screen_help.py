"""The help screen (F1) reads at the smallest supported terminal, 80×24: no line wraps."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Static

from screens.help import HELP_TEXT, HelpScreen
from tests.app_harness import app_on, until
from workshop.method.defaults import new_session


async def test_every_help_line_fits_at_80_columns(tmp_path: Path) -> None:
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        await pilot.pause()
        text = app.screen.query_one(Static)
        widest = max(cell_len(line) for line in HELP_TEXT.splitlines())
        assert widest <= text.content_region.width, (widest, text.content_region.width)
