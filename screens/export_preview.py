"""The blueprint as it will be exported, rendered for reading, with contents and save-to-file.

Reached with F3 from the workshop or "Export preview" in the command palette.  The text is
rendered in the background (:mod:`screens.blueprint_preview`): a big session's blueprint shows
its first page at once and the keys work while the rest arrives.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.footer import SteadyFooter
from screens.host import host, open_session
from screens.blueprint_preview import BlueprintPreview
from screens.export_file import default_export_path
from screens.header import AppHeader
from screens.text import literal

CONTENTS_LEVELS = 3
"""Headings down to this level (###) are listed in the contents."""


class ExportPreviewScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("s,ctrl+s", "save", "Save as…"),
        Binding("t", "toggle_contents", "Contents"),
    ]

    DEFAULT_CSS = """
    ExportPreviewScreen #export-status { padding: 0 1; color: $text-muted; }
    ExportPreviewScreen #export-problem { padding: 1 2; color: $text-error; }
    ExportPreviewScreen #export-body { height: 1fr; layout: horizontal; }
    ExportPreviewScreen #export-contents {
        width: 36; height: 1fr; border-right: tall $primary 30%; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ExportPreviewScreen #export-contents.-hidden { display: none; }
    ExportPreviewScreen BlueprintPreview { width: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.markdown: str | None = None
        self.problem = ""

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static("", id="export-status", markup=False)
        yield Vertical(id="export-body")
        yield SteadyFooter()

    def on_mount(self) -> None:
        from workshop.export.markdown import ExportError, export_markdown

        try:
            self.markdown = export_markdown(open_session(self), today=host(self).today)
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
        status.update(
            literal(f"Preview of the blueprint ({len(self.markdown.splitlines())} lines).   "
                    "s: save (Markdown, HTML, Word, PowerPoint, YAML, JSON)   t: contents   Esc: back")
        )
        preview = BlueprintPreview(self.markdown, id="export-viewer")
        contents = OptionList(
            *(
                Option(literal("\u00a0\u00a0" * (section.level - 1) + section.title), id=str(index))
                for index, section in enumerate(preview.sections)
                if 1 <= section.level <= CONTENTS_LEVELS
            ),
            id="export-contents",
        )
        contents.set_class(self.size.width < 100, "-hidden")
        body.mount(contents, preview)
        self.call_after_refresh(preview.focus)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        preview = self.query_one(BlueprintPreview)
        if not preview.scroll_to_section(int(event.option.id or 0)):
            self.notify("That part is still being rendered: try again in a moment.", timeout=3)
            return
        preview.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_contents(self) -> None:
        contents = self.query("#export-contents")
        if not contents:
            return
        shown = contents.first().toggle_class("-hidden")
        if shown.has_class("-hidden"):
            self.query_one(BlueprintPreview).focus()
        else:
            shown.focus()

    def default_path(self) -> Path:
        session_file = host(self).session_file
        folder = session_file.path.parent if session_file is not None else Path.cwd()
        return default_export_path(open_session(self), folder, host(self).today)

    def action_save(self) -> None:
        if self.markdown is None:
            self.notify(self.problem or "Nothing to save.", severity="error", markup=False)
            return
        from screens.export_save import ExportSaveDialog

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Blueprint saved to {path}", title="Exported", timeout=8, markup=False)

        self.app.push_screen(ExportSaveDialog(self.default_path()), saved)
