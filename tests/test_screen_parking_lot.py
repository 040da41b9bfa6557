"""The parking lot dialog (F4): every column readable at the sizes a facilitator uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from screens.parking_lot import ParkingLotScreen
from tests.app_harness import SMALL, demo_app


def shown_lines(table) -> list[str]:  # noqa: ANN001 - a DataTable
    """The table's lines as painted (headers included), clipped to what fits on screen."""
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


@pytest.mark.parametrize("size", [(120, 36), SMALL])
async def test_the_status_of_every_note_is_shown_in_full(tmp_path: Path, size: tuple[int, int]):
    app = demo_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ParkingLotScreen)
        table = app.screen.query_one("#parking-lot")
        await pilot.pause()
        lines = shown_lines(table)
        expected = ["resolved" if note.resolved else "open" for note in app.session.parking_lot]
        assert "open" in expected and "resolved" in expected  # the demo has both
        assert lines[0].split()[-1] == "Status"
        assert [line.split()[-1] for line in lines[1 : 1 + len(expected)]] == expected
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll
        assert lines[1].split("  ")[0].strip().endswith("…")  # the long note gives way instead


async def test_the_note_column_follows_the_terminal_when_it_is_resized(tmp_path: Path):
    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        table = app.screen.query_one("#parking-lot")
        wide = len(shown_lines(table)[1])
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.pause()
        lines = shown_lines(table)
        assert len(lines[1]) < wide
        assert lines[0].split()[-1] == "Status"
        assert table.virtual_size.width <= table.scrollable_content_region.width
