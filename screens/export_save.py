"""The save-to-file dialog of the export preview: a path, a refusal to overwrite unless confirmed."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from screens.dialogs import ConfirmDialog
from screens.export_file import write_export_file
from screens.literal_inputs import LiteralInput
from screens.text import literal
from session_store import belongs_to_session


class ExportSaveDialog(ModalScreen["Path | None"]):
    """Ask where to save the Markdown and write it; dismissed with the path written, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    ExportSaveDialog .export-error { color: $text-error; }
    """

    def __init__(self, text: str, default: Path, session_path: Path | None = None) -> None:
        super().__init__()
        self.text = text
        self.default = default
        self.session_path = session_path
        """The session being exported: never to be replaced by its own Markdown."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label("Save the blueprint as Markdown", classes="dialog-title")
            yield Label("File (a relative name goes next to the session file)")
            yield LiteralInput(str(self.default), id="export-path", select_on_focus=False, on_enter="screen.save")
            yield Static("", id="export-error", classes="export-error", markup=False)
            yield Static("Enter: save   Esc: cancel", classes="dialog-hint", markup=False)

    def _target(self, value: str) -> Path:
        path = Path(value.strip()).expanduser()
        return path if path.is_absolute() else self.default.parent / path

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(literal(message))

    def action_save(self) -> None:
        value = self.query_one("#export-path", Input).value
        if not value.strip():
            self._error("Type a file name.")
            return
        path = self._target(value)
        if self.session_path is not None and belongs_to_session(path, self.session_path):
            self._error(f"{path.name} is the session itself (or its backup): choose another name.")
            return
        if path.is_dir():
            self._error(f"{path} is a folder: add a file name.")
            return
        if path.exists():
            def answer(overwrite: bool | None) -> None:
                if overwrite:
                    self._write(path, force=True)
                else:
                    self._error(f"{path.name} exists and was left as it is: choose another name.")

            self.app.push_screen(
                ConfirmDialog(f"{path} already exists. Replace it?", title="File exists", yes="Replace"), answer
            )
            return
        self._write(path, force=False)

    def _write(self, path: Path, *, force: bool) -> None:
        try:
            write_export_file(self.text, path, force=force)
        except FileExistsError:
            self._error(f"{path} appeared meanwhile and was left as it is: save again to choose.")
        except OSError as error:
            self._error(f"Could not write {path}: {error.strerror or error}")
        else:
            self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
