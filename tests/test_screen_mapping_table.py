"""The partner table drawn with the Line API (issue 19 §7): what it draws, and its keys and clicks
(the ones DataTable had: the view and the facilitator rely on them)."""

from __future__ import annotations

from screens.dialogs import EditDialog
from screens.mapping_table import COLUMNS, PartnerTable
from tests.app_harness import app_on, calm, until
from tests.test_screen_mapping import HOSTILE, mapping_session, open_mapping, rated
from workshop.method.models import LandscapeTier, Partner, Phase, Session

ROWS = 200


def big_session() -> Session:
    session = Session(title="Big map")
    session.position.phase = Phase.MAPPING  # saved during Market mapping: the App opens on it
    session.mapping.partners = [
        Partner(name=f"Partner {i:05d}", landscape_tier=LandscapeTier.C, ratings=rated(50, 50, 50, 50, 50))
        for i in range(ROWS)
    ]
    return session


def screen_lines(table: PartnerTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_the_table_draws_the_header_and_only_the_rows_in_view(tmp_path):
    app = app_on(big_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        lines = screen_lines(table)
        assert lines[0].split()[:3] == ["Partner", "Score", "Band"]
        assert "Partner 00000" in lines[1] and "50.0" in lines[1] and "Secondary" in lines[1]
        assert table.virtual_size.height == ROWS + 1  # the header, then one line a row
        assert table.virtual_size.width == sum(width + 2 for _key, _header, width in COLUMNS)

        await pilot.press("ctrl+end")  # the last partner, scrolled into view
        await until(pilot, lambda: table.cursor_row == ROWS - 1, "the cursor on the last row")
        await until(pilot, lambda: any(f"Partner {ROWS - 1:05d}" in line for line in screen_lines(table)), "drawn")
        assert screen_lines(table)[0].split()[0] == "Partner"  # the header stays on top
        await pilot.press("up", "up")
        assert table.cursor_row == ROWS - 3
        await pilot.press("ctrl+home")
        await until(pilot, lambda: table.cursor_row == 0 and table.scroll_y == 0, "back on top")
        await pilot.press("up")  # nothing above the first row
        assert table.cursor_row == 0
        page = table.scrollable_content_region.height - 1  # the rows under the header
        await pilot.press("pagedown")
        assert table.cursor_row == page
        await until(pilot, lambda: table.scroll_y == page, "scrolled a page")
        await pilot.press("pageup")
        assert table.cursor_row == 0
        await until(pilot, lambda: table.scroll_y == 0, "scrolled back a page")


async def test_the_name_and_score_stay_while_the_ratings_scroll(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(80, 30)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        assert table.max_scroll_x > 0  # 80 columns: the table is wider than the view
        await pilot.press("end")  # as in DataTable: the last column in view
        await until(pilot, lambda: table.scroll_x == table.max_scroll_x, "scrolled to the right")
        header, first = screen_lines(table)[:2]
        assert first.startswith(" Deloitte") and "88.8" in first  # fixed: name and score
        assert str(table.get_cell_at((0, len(COLUMNS) - 1))) in first  # the lock column, last
        assert "Partner" in header and "Lock" in header and "Band" not in header
        await pilot.press("home")
        await until(pilot, lambda: table.scroll_x == 0, "scrolled back")
        assert "Band" in screen_lines(table)[0]


async def test_hostile_names_are_drawn_literally(tmp_path):
    session = mapping_session()
    session.mapping.partners = [Partner(name=name) for name in HOSTILE]
    app = app_on(session, tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        view = await open_mapping(pilot)
        lines = screen_lines(view.table)
        for row, name in enumerate(HOSTILE, start=1):
            shown = name if len(name) <= 20 else name[:19] + "…"  # the name column is 20 wide
            assert lines[row].startswith(f" {shown}"), (name, lines[row])


async def test_a_click_moves_the_cursor_and_a_second_click_edits(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        highlighted: list[int] = []
        view.watch(table, "cursor_coordinate", lambda c: highlighted.append(c.row), init=False)
        await pilot.click(table, offset=(3, 3))  # the header, then rows 0, 1, 2: Accenture
        await until(pilot, lambda: table.cursor_row == 2, "the clicked row")
        assert table.selected.name == "Accenture" and highlighted[-1] == 2
        await pilot.click(table, offset=(3, 3))
        await until(pilot, lambda: isinstance(app.screen, EditDialog), "the edit dialog")
        await calm(pilot)


async def test_a_hidden_table_moves_its_cursor_without_a_retry_loop(tmp_path):
    """With no size (hidden, or not laid out yet) the cursor's scroll waits for a Resize or Show
    event; it is not re-scheduled after every refresh (a busy loop while the table is hidden)."""
    app = app_on(big_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        table.display = False
        await until(pilot, lambda: table.size.height == 0, "hidden")
        calls = 0
        original = table.scroll_cursor_into_view

        def counting() -> None:
            nonlocal calls
            calls += 1
            original()

        table.scroll_cursor_into_view = counting
        table.move_cursor(row=ROWS - 1)
        for _ in range(5):
            await pilot.pause()
        assert calls == 1  # once for the move: nothing re-scheduled while it has no size
        table.display = True
        await until(pilot, lambda: table.size.height > 0, "shown")
        table.move_cursor(row=ROWS - 2)  # the next move scrolls it into view (hidden, it lost the focus)
        await until(pilot, lambda: any(f"Partner {ROWS - 2:05d}" in line for line in screen_lines(table)), "in view")
