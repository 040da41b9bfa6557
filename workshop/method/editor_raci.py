"""The RACI's edits (phase 6): cells, decisions (rows) and roles (columns), kept aligned —
every row has one cell per role.  Part of :class:`workshop.method.editor.SessionEditor`."""

from __future__ import annotations

from collections.abc import Callable

from workshop.method.edits import Edit, EditRefused, RaciCellSet, RaciDecisionChanged, RaciRoleChanged
from workshop.method.models import RaciCode, RaciRow, Session


class RaciEditing:
    """The RACI methods of the session editor (a mixin: ``session`` and ``_record`` are the editor's)."""

    session: Session
    _record: Callable[[Edit], None]

    def _raci_row(self, row: int) -> RaciRow:
        rows = self.session.governance.raci.rows
        if not 0 <= row < len(rows):
            raise EditRefused(f"There is no RACI row {row + 1}.")
        return rows[row]

    def set_raci_cell(self, row: int, role: int, code: RaciCode) -> None:
        raci = self.session.governance.raci
        raci_row = self._raci_row(row)
        if not 0 <= role < len(raci.roles):
            raise EditRefused("Move to a role's column (→) to set R, A, C or I.")
        raci_row.cells[role] = code
        self._record(RaciCellSet(raci_row.decision, raci.roles[role], code))

    def add_raci_decision(self, name: str) -> bool:
        """A new RACI row, with an empty cell for every role; False for a blank name."""
        if not name.strip():
            return False
        raci = self.session.governance.raci
        raci.rows.append(RaciRow(decision=name, cells=[RaciCode.NONE] * len(raci.roles)))
        self._record(RaciDecisionChanged("added", name))
        return True

    def rename_raci_decision(self, row: int, name: str) -> bool:
        raci_row = self._raci_row(row)
        if name == raci_row.decision:
            return False
        raci_row.decision = name
        self._record(RaciDecisionChanged("renamed", name))
        return True

    def delete_raci_decision(self, raci_row: RaciRow) -> bool:
        """Delete that row (the very object the person confirmed); False if it is gone."""
        rows = self.session.governance.raci.rows
        if not any(r is raci_row for r in rows):
            return False
        rows.remove(raci_row)
        self._record(RaciDecisionChanged("deleted", raci_row.decision))
        return True

    def move_raci_decision(self, row: int, delta: int) -> bool:
        rows = self.session.governance.raci.rows
        target = row + delta
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return False
        rows[row], rows[target] = rows[target], rows[row]
        self._record(RaciDecisionChanged("moved", rows[target].decision))
        return True

    def add_raci_role(self, name: str) -> bool:
        """A new role (a column): every row gets an empty cell for it. False for a blank name."""
        if not name.strip():
            return False
        raci = self.session.governance.raci
        for raci_row in raci.rows:
            raci_row.cells.append(RaciCode.NONE)
        raci.roles = [*raci.roles, name]  # validated: cells and roles stay aligned
        self._record(RaciRoleChanged("added", name))
        return True

    def rename_raci_role(self, role: int, name: str) -> bool:
        raci = self.session.governance.raci
        if not name.strip() or not 0 <= role < len(raci.roles) or name == raci.roles[role]:
            return False
        roles = list(raci.roles)
        roles[role] = name
        raci.roles = roles
        self._record(RaciRoleChanged("renamed", name))
        return True

    def delete_raci_role(self, role: int, name: str) -> bool:
        """Delete role ``role`` and its cell in every row, if it is still called ``name``."""
        raci = self.session.governance.raci
        if not 0 <= role < len(raci.roles) or raci.roles[role] != name:
            return False
        for raci_row in raci.rows:
            del raci_row.cells[role]
        raci.roles = [r for i, r in enumerate(raci.roles) if i != role]
        self._record(RaciRoleChanged("deleted", name))
        return True

