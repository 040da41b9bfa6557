"""A table of records from the session with add, edit and delete — the workhorse of the phases.

``RecordTable`` shows a list held in the session (participants, partners, competitors, key
results…) and edits it in place: ``a`` adds a record and opens its editor, ``e``/Enter edits
the selected one in an :class:`~screens.dialogs.EditDialog`, ``d``/Delete deletes it after a
confirmation, ``ctrl+up``/``ctrl+down`` move it when order matters.  Every change goes
through the session's editor (:mod:`workshop.method.editor`) and so is recorded and autosaved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from screens.dialogs import ConfirmDialog, EditDialog
from screens.fields import FieldSpec
from screens.host import editor
from screens.literal_inputs import KeysInOrder
from screens.text import cell


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], str | Text]
    """Display value of a record: a str (shown literally) or a ready rich Text."""
    justify: str = "left"
    width: int | None = None


class RecordTable(KeysInOrder, DataTable):
    """A DataTable bound to a list of pydantic records in the session."""

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("ctrl+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", show=False),
    ]

    DEFAULT_CSS = """
    RecordTable { height: auto; max-height: 20; margin-bottom: 1; }
    """

    def __init__(
        self,
        *,
        records: Callable[[], list[Any]],
        columns: Sequence[Column],
        specs: Sequence[FieldSpec] | Callable[[Any], Sequence[FieldSpec]],
        noun: str,
        title_of: Callable[[Any], str],
        new_record: Callable[[], BaseModel] | None = None,
        can_move: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.records = records
        self.columns_spec = list(columns)
        self.specs = specs
        self.noun = noun
        self.title_of = title_of
        self.new_record = new_record
        self.can_move = can_move

    def on_mount(self) -> None:
        self.rebuild_columns()

    def rebuild_columns(self) -> None:
        """(Re)create the columns from :attr:`columns_spec` and redraw the rows, keeping the cursor."""
        cursor = self.cursor_row
        self.clear(columns=True)
        for column in self.columns_spec:
            self.add_column(column.header, width=column.width)
        self.reload(cursor)

    # ------------------------------------------------------------------ display

    def _row(self, record: Any) -> list[Text]:
        row = []
        for column in self.columns_spec:
            value = column.value(record)
            row.append(value if isinstance(value, Text) else cell(value, justify=column.justify))
        return row

    def reload(self, cursor: int | None = None) -> None:
        """Redraw every row from the session, keeping the cursor where it was (or at ``cursor``)."""
        cursor = self.cursor_row if cursor is None else cursor
        self.clear()
        for record in self.records():
            self.add_row(*self._row(record))
        if self.row_count:
            self.move_cursor(row=min(cursor, self.row_count - 1))

    @property
    def selected(self) -> Any | None:
        records = self.records()
        if not records or not 0 <= self.cursor_row < len(records):
            return None
        return records[self.cursor_row]

    # ------------------------------------------------------------------ editing

    def _specs_for(self, record: Any) -> Sequence[FieldSpec]:
        return self.specs(record) if callable(self.specs) else self.specs

    def edit(self, record: Any, *, title: str | None = None, new: bool = False) -> None:
        dialog = EditDialog(
            title or f"Edit {self.noun}: {self.title_of(record)}",
            record,
            self._specs_for(record),
            select_first=new,
        )
        self.app.push_screen(dialog, lambda _: self.reload())

    def action_add(self) -> None:
        if self.new_record is None:
            return
        record = self.new_record()
        editor(self).add_record(self.records(), record, noun=self.noun)
        self.reload()
        self.move_cursor(row=self.row_count - 1)
        self.edit(record, title=f"New {self.noun}", new=True)

    def action_edit(self) -> None:
        record = self.selected
        if record is not None:
            self.edit(record)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table is self:
            event.stop()
            self.action_edit()

    def action_delete(self) -> None:
        record = self.selected
        if record is None:
            return
        title = self.title_of(record)

        def confirmed(answer: bool | None) -> None:
            if answer and editor(self).delete_record(self.records(), record, noun=self.noun, title=title):
                self.reload()

        self.app.push_screen(
            ConfirmDialog(f"Delete {self.noun} “{title}”?", title=f"Delete {self.noun}", yes="Delete"),
            confirmed,
        )

    def action_move(self, delta: int) -> None:
        index = self.cursor_row
        if not self.can_move or not editor(self).move_record(
            self.records(), index, delta, noun=self.noun, title_of=self.title_of
        ):
            return
        self.reload()
        self.move_cursor(row=index + delta)
