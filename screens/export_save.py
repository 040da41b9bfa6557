"""The save-to-file dialog of the export preview: a format, who it is for, a path, and a refusal
to overwrite unless confirmed.  The App makes the file and the store writes it."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from screens.dialogs import ConfirmDialog
from screens.host import host
from screens.literal_inputs import LiteralInput
from screens.text import literal
from session_store import BlueprintTargetError, OverSessionError, TargetExistsError, TargetIsFolderError
from workshop.export.formats import FORMATS
from workshop.export.markdown import ExportError


class ExportSaveDialog(ModalScreen["Path | None"]):
    """Ask where to save the blueprint; the App writes it (through the store).  Dismissed with
    the path written, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    ExportSaveDialog .export-error { color: $text-error; }
    """

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default
        """The suggested file (a Markdown name; its suffix follows the format chosen)."""
        self.format = "markdown"
        self.audience = "team"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label("Save the blueprint", classes="dialog-title")
            yield Label("File (a relative name goes next to the session file)")
            yield LiteralInput(str(self.default), id="export-path", select_on_focus=False, on_enter="screen.save")
            yield Label("Format")
            yield Select(
                [(Text(f.label), f.key) for f in FORMATS.values()],
                value="markdown",
                allow_blank=False,
                id="export-format",
            )
            yield Checkbox("For the board (without the team's notes)", id="export-board")
            yield Static("", id="export-error", classes="export-error", markup=False)
            yield Static("Enter: save   Tab: format, board version   Esc: cancel", classes="dialog-hint", markup=False)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "export-format" or not isinstance(event.value, str):
            return
        self.format = event.value
        field = self.query_one("#export-path", Input)
        value = field.value.strip()
        if value:
            field.value = str(Path(value).with_suffix(FORMATS[self.format].suffix))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "export-board":
            self.audience = "board" if event.value else "team"

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
        self._write(self._target(value), force=False)

    def _write(self, path: Path, *, force: bool) -> None:
        """Ask the App to write (the store does it); a file that exists needs a "Replace"."""
        try:
            host(self).export_blueprint(path, fmt=self.format, audience=self.audience, force=force)
        except ExportError as error:
            self._error(f"The blueprint could not be made: {error}")
        except OverSessionError:
            self._error(f"{path.name} is the session itself (or its backup): choose another name.")
        except TargetIsFolderError:
            self._error(f"{path} is a folder: add a file name.")
        except TargetExistsError:
            self._confirm_replace(path)
        except BlueprintTargetError as error:
            self._error(f"Could not write the blueprint: {error}")
        else:
            self.dismiss(path)

    def _confirm_replace(self, path: Path) -> None:
        def answer(overwrite: bool | None) -> None:
            if overwrite:
                self._write(path, force=True)
            else:
                self._error(f"{path.name} exists and was left as it is: choose another name.")

        self.app.push_screen(
            ConfirmDialog(f"{path} already exists. Replace it?", title="File exists", yes="Replace"), answer
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
