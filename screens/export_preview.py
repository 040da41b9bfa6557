"""The blueprint as it will be exported, in Textual's Markdown viewer, with save-to-file.

Reached with F3 from the workshop or "Export preview" in the command palette.  The Markdown
viewer is imported only when this screen opens: it is heavy and not needed at start-up.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from screens.export_file import default_export_path
from screens.text import literal


class ExportPreviewScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("s,ctrl+s", "save", "Save as…"),
        Binding("t", "toggle_contents", "Contents"),
    ]

    DEFAULT_CSS = """
    ExportPreviewScreen #export-status { padding: 0 1; color: $text-muted; }
    ExportPreviewScreen #export-problem { padding: 1 2; color: $text-error; }
    ExportPreviewScreen #export-body { height: 1fr; }
    ExportPreviewScreen MarkdownViewer { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.markdown: str | None = None
        self.problem = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="export-status", markup=False)
        yield Vertical(id="export-body")
        yield Footer()

    def on_mount(self) -> None:
        from workshop.export import ExportError, export_markdown

        app = self.app
        try:
            self.markdown = export_markdown(app.session, today=app.today)  # type: ignore[attr-defined]
        except ExportError as error:
            self.problem = f"The blueprint could not be made: {error}"
        except Exception as error:  # a bug must not lose the session: show it, keep working
            self.problem = f"The blueprint could not be made ({type(error).__name__}): {error}"
        body = self.query_one("#export-body", Vertical)
        status = self.query_one("#export-status", Static)
        if self.markdown is None:
            status.update("Nothing to save: see the problem below.   Esc: back")
            body.mount(Static(literal(self.problem), id="export-problem"))
            return
        from textual.widgets import MarkdownViewer

        status.update(
            literal(f"Preview of the blueprint ({len(self.markdown.splitlines())} lines).   "
                    "s: save as Markdown   t: contents   Esc: back")
        )
        viewer = MarkdownViewer(self.markdown, show_table_of_contents=self.size.width >= 100, id="export-viewer")
        body.mount(viewer)
        self.call_after_refresh(viewer.focus)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_contents(self) -> None:
        from textual.widgets import MarkdownViewer

        viewers = self.query(MarkdownViewer)
        if viewers:
            viewer = viewers.first()
            viewer.show_table_of_contents = not viewer.show_table_of_contents

    def default_path(self) -> Path:
        app = self.app
        session_file = app.session_file  # type: ignore[attr-defined]
        folder = session_file.path.parent if session_file is not None else Path.cwd()
        return default_export_path(app.session, folder, app.today)  # type: ignore[attr-defined]

    def action_save(self) -> None:
        if self.markdown is None:
            self.notify(self.problem or "Nothing to save.", severity="error", markup=False)
            return
        from screens.export_save import ExportSaveDialog

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Blueprint saved to {path}", title="Exported", timeout=8, markup=False)

        self.app.push_screen(ExportSaveDialog(self.markdown, self.default_path()), saved)
