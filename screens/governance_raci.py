"""The RACI matrix as a grid: rows are decisions, columns are roles, one letter per cell.

Keys on the grid: space cycles the cell R → A → C → I → empty; r, a, c, i, x set it directly;
n adds a decision, N a role; e/Enter renames the decision, E the role of the column; d/Delete
deletes the decision, D the role (both ask first); ctrl+↑/↓ move a decision.  ``Raci.rows[i]
.cells`` stays aligned with ``Raci.roles`` through every change.  The problems in each row come
from :func:`workshop.method.raci_checks.raci_findings`, asked about that row alone.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from screens.dialogs import ConfirmDialog, PromptDialog
from screens.host import editor
from screens.text import cell, one_line
from workshop.method.findings import RuleResult
from workshop.method.editor import SessionEditor
from workshop.method.models import Raci, RaciCode, Session
from workshop.method.raci_checks import raci_findings

FIRST_ROLE = 2
"""Columns before the roles: the decision and its check (both kept in view when scrolling)."""

CYCLE = [RaciCode.R, RaciCode.A, RaciCode.C, RaciCode.I, RaciCode.NONE]
LEGEND = "R = Responsible   A = Accountable   C = Consulted   I = Informed   · = no part"

SHORT = {
    "raci.no_accountable": "no A",
    "raci.no_responsible": "no R",
    "raci.row_unnamed": "no name",
}


def row_findings(raci: Raci, index: int) -> list[RuleResult]:
    """The engine's findings about one row (the whole-matrix ones left out)."""
    row = raci.rows[index]
    alone = Raci.model_construct(roles=raci.roles, rows=[row])
    return [f for f in raci_findings(alone) if f.key != "raci.idle_role"]


def row_problems(raci: Raci, index: int) -> str:
    """A row's problems in a few words ("no A, no R"), or "ok"."""
    words = []
    for found in row_findings(raci, index):
        if found.key == "raci.several_accountable":
            count = sum(code is RaciCode.A for code in raci.rows[index].cells)
            words.append(f"{count} As")
        else:
            words.append(SHORT.get(found.key, found.message))
    return ", ".join(words) or "ok"


def _code_cell(code: RaciCode) -> Text:
    if code is RaciCode.NONE:
        return Text("·", justify="center", style="dim")
    return Text(code.value, justify="center", style="bold" if code is RaciCode.A else "")


class RaciGrid(DataTable):
    BINDINGS = [
        Binding("space", "cycle", "Cycle R/A/C/I"),
        Binding("r", "set('R')", "R", show=False),
        Binding("a", "set('A')", "A", show=False),
        Binding("c", "set('C')", "C", show=False),
        Binding("i", "set('I')", "I", show=False),
        Binding("x", "set('')", "Clear", show=False),
        Binding("n", "add_row", "New decision"),
        Binding("N", "add_role", "New role"),
        Binding("e", "rename_row", "Rename", show=False),
        Binding("E", "rename_role", "Rename role", show=False),
        Binding("d,delete", "delete_row", "Delete", show=False),
        Binding("D", "delete_role", "Delete role", show=False),
        Binding("ctrl+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", show=False),
    ]

    DEFAULT_CSS = """
    RaciGrid { height: auto; max-height: 20; margin-bottom: 1; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(id="raci", cursor_type="cell", zebra_stripes=True, fixed_columns=FIRST_ROLE)
        self.session = session

    @property
    def raci(self) -> Raci:
        return self.session.governance.raci

    def on_mount(self) -> None:
        self.reload()
        if self.raci.roles:
            self.move_cursor(column=FIRST_ROLE)

    def reload(self) -> None:
        """Rebuild the grid from the session, keeping the cursor on the same cell."""
        row, column = self.cursor_coordinate
        raci = self.raci
        self.clear(columns=True)
        self.add_column("Decision", width=22)
        self.add_column("Check", width=10)
        for role in raci.roles:
            self.add_column(cell(one_line(role, 14), justify="center"), width=max(3, min(len(role), 14)))
        for index, raci_row in enumerate(raci.rows):
            self.add_row(
                cell(one_line(raci_row.decision, 60) or f"(row {index + 1}, no name)"),
                cell(row_problems(raci, index)),
                *(_code_cell(code) for code in raci_row.cells),
            )
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), column=min(column, len(raci.roles) + FIRST_ROLE - 1))

    # ------------------------------------------------------------------ where the cursor is

    def _role_index(self) -> int | None:
        column = self.cursor_column - FIRST_ROLE
        return column if 0 <= column < len(self.raci.roles) else None

    def _row_index(self) -> int | None:
        return self.cursor_row if 0 <= self.cursor_row < len(self.raci.rows) else None

    @property
    def editor(self) -> SessionEditor:
        return editor(self)

    # ------------------------------------------------------------------ cells

    def _set_cell(self, code: RaciCode) -> None:
        row, role = self._row_index(), self._role_index()
        if row is None or role is None:
            if row is not None:
                self.app.notify("Move to a role's column (→) to set R, A, C or I.", timeout=3)
            return
        self.editor.set_raci_cell(row, role, code)
        self.reload()

    def action_cycle(self) -> None:
        row, role = self._row_index(), self._role_index()
        if row is None or role is None:
            self._set_cell(RaciCode.R)
            return
        current = self.raci.rows[row].cells[role]
        self._set_cell(CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)])

    def action_set(self, value: str) -> None:
        self._set_cell(RaciCode(value))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        if event.coordinate.column < FIRST_ROLE:
            self.action_rename_row()
        else:
            self.action_cycle()

    # ------------------------------------------------------------------ rows

    def action_add_row(self) -> None:
        def add(name: str | None) -> None:
            if name is None or not self.editor.add_raci_decision(name):
                return
            self.reload()
            self.move_cursor(row=len(self.raci.rows) - 1, column=FIRST_ROLE)

        self.app.push_screen(PromptDialog("New RACI decision", "Decision", placeholder="e.g. MDF allocation"), add)

    def action_rename_row(self) -> None:
        row = self._row_index()
        if row is None:
            return
        raci_row = self.raci.rows[row]

        def rename(name: str | None) -> None:
            if name is not None and raci_row in self.raci.rows:
                if self.editor.rename_raci_decision(self.raci.rows.index(raci_row), name):
                    self.reload()

        self.app.push_screen(PromptDialog("Rename RACI decision", "Decision", raci_row.decision), rename)

    def action_delete_row(self) -> None:
        row = self._row_index()
        if row is None:
            return
        raci_row = self.raci.rows[row]

        def delete(answer: bool | None) -> None:
            if answer and self.editor.delete_raci_decision(raci_row):
                self.reload()

        self.app.push_screen(
            ConfirmDialog(f"Delete the RACI row “{one_line(raci_row.decision, 60)}”?", title="Delete decision", yes="Delete"),
            delete,
        )

    def action_move(self, delta: int) -> None:
        row = self._row_index()
        if row is None or not self.editor.move_raci_decision(row, delta):
            return
        self.reload()
        self.move_cursor(row=row + delta)

    # ------------------------------------------------------------------ roles

    def action_add_role(self) -> None:
        def add(name: str | None) -> None:
            if name is None or not self.editor.add_raci_role(name):
                return
            self.reload()
            self.move_cursor(column=len(self.raci.roles) + FIRST_ROLE - 1)

        self.app.push_screen(PromptDialog("New RACI role", "Role", placeholder="e.g. Finance"), add)

    def action_rename_role(self) -> None:
        role = self._role_index()
        if role is None:
            self.app.notify("Move to a role's column (→) to rename it.", timeout=3)
            return
        raci = self.raci

        def rename(name: str | None) -> None:
            if name is not None and self.editor.rename_raci_role(role, name):
                self.reload()

        self.app.push_screen(PromptDialog("Rename RACI role", "Role", raci.roles[role]), rename)

    def action_delete_role(self) -> None:
        role = self._role_index()
        if role is None:
            self.app.notify("Move to a role's column (→) to delete it.", timeout=3)
            return
        raci = self.raci
        name = raci.roles[role]

        def delete(answer: bool | None) -> None:
            if answer and self.editor.delete_raci_role(role, name):
                self.reload()

        self.app.push_screen(
            ConfirmDialog(
                f"Delete the role “{one_line(name, 60)}” and its column in every row?",
                title="Delete role",
                yes="Delete",
            ),
            delete,
        )
