"""Home: recent sessions newest first, a new session, a file by path, the demo."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from screens.footer import SteadyFooter
from screens.host import host
from screens.dialogs import PromptDialog
from screens.header import AppHeader
from screens.text import cell, literal


def _reason(error: str, path: Path) -> str:
    """The error without the file's path in front (the row already names the file)."""
    prefix = f"{path}: "
    return error[len(prefix):] if error.startswith(prefix) else error


class HomeScreen(Screen[None]):
    """The first screen without a session: pick up where a team left off, or start."""

    BINDINGS = [
        Binding("enter", "open_selected", "Open", show=False),
        Binding("n", "new_session", "New"),
        Binding("o", "open_path", "Open file…"),
        Binding("d", "open_demo", "Demo"),
        Binding("r", "reload", "Refresh", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="home"):
            yield Static("Partner Workshop", id="home-title", markup=False)
            yield Static(
                "Design a partnership strategy with your leadership team, phase by phase, and "
                "leave with a defensible blueprint.\n"
                "Enter: resume the selected session   n: new session   o: open a file   "
                "d: the demo session",
                id="home-intro",
                markup=False,
            )
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-detail", markup=False)
            yield Static("", id="home-empty", markup=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        tables = self.query("#sessions").results(DataTable)
        table = next(tables, None)
        if table is None:
            # The screen was taken down before its Mount was handled (the App quitting right
            # after going home): there is nothing left to fill.
            return
        # Widths that fit 80 columns; longer titles end in "…" (the full title is in the session).
        for label, width in (("Session", 24), ("Company", 14), ("Phase", 14), ("Last updated", 16)):
            table.add_column(label, width=width)
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self._paths: list[Path] = []
        self._problems: list[str | None] = []
        summaries = host(self).list_sessions()
        for summary in summaries:
            updated = cell(summary.updated.astimezone().strftime("%Y-%m-%d %H:%M"))
            if summary.error:
                table.add_row(cell(summary.path.name), cell("cannot be read", style="red"), cell(""), updated)
            else:
                table.add_row(cell(summary.title), cell(summary.company or "—"), cell(summary.phase.title), updated)
            self._paths.append(summary.path)
            self._problems.append(summary.error and _reason(summary.error, summary.path))
        empty = self.query_one("#home-empty", Static)
        empty.update(
            ""
            if summaries
            else "No sessions yet. Press n to start one, or d to explore the demo session."
        )
        if summaries:
            table.focus()
        self._show_detail(table.cursor_row)

    @on(DataTable.RowHighlighted, "#sessions")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _show_detail(self, row: int) -> None:
        """Under the list, the highlighted session's file (copies of a session share its title),
        or why that file cannot be read."""
        detail = self.query_one("#home-detail", Static)
        detail.display = 0 <= row < len(self._paths)
        if not detail.display:
            return
        path, problem = self._paths[row], self._problems[row]
        detail.set_class(problem is not None, "-problem")
        detail.update(literal(f"{path.name} cannot be read: {problem}" if problem is not None else f"File: {path.name}"))

    @on(DataTable.RowSelected, "#sessions")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_selected()

    def action_open_selected(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if not self._paths:
            return
        host(self).open_session(self._paths[table.cursor_row])

    def action_new_session(self) -> None:
        def create(title: str | None) -> None:
            if title is None:
                return
            from workshop.method.defaults import new_session

            host(self).create_session(new_session(title.strip() or "Partnership strategy workshop"))

        self.app.push_screen(
            PromptDialog("New session", "Title of the workshop", placeholder="e.g. FinServ partner offsite"),
            create,
        )

    def action_open_path(self) -> None:
        def open_path(text: str | None) -> None:
            if text and text.strip():
                host(self).open_session(Path(text.strip()).expanduser())

        self.app.push_screen(PromptDialog("Open a session file", "Path to a .toml session file"), open_path)

    def action_open_demo(self) -> None:
        host(self).open_demo()
