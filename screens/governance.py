"""Phase 6: the internal RACI and the executive relationship map."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.widgets import Static

from screens.host import host
from screens.governance_raci import LEGEND, RaciGrid
from screens.governance_sponsors import SponsorTable
from screens.phase_view import PhaseView
from screens.text import literal
from workshop.method.findings import Target
from workshop.method.health import health_report
from workshop.method.models import Phase
from workshop.method.raci_checks import raci_findings


class GovernanceView(PhaseView):
    key = "governance"
    title = "Governance"
    phase = Phase.GOVERNANCE

    DEFAULT_CSS = """
    GovernanceView .governance-flags { color: $text-warning; margin-bottom: 1; }
    GovernanceView #raci-legend { margin-bottom: 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Internal RACI", classes="section-title", markup=False)
        yield Static(
            "←→↑↓ move   space: cycle R→A→C→I→none   r a c i x: set   n: new decision   N: new role   "
            "e/E: rename decision/role   d/D: delete decision/role   ctrl+↑↓: move decision",
            classes="section-help",
            markup=False,
        )
        yield Static(LEGEND, id="raci-legend", classes="section-help", markup=False)
        yield RaciGrid(self.session)
        yield Static("", id="raci-flags", classes="governance-flags")
        yield Static("Executive relationship map", classes="section-title", markup=False)
        yield Static(self._sponsor_help(), id="sponsor-help", classes="section-help", markup=False)
        yield SponsorTable(self.session)
        yield Static("", id="exec-flags", classes="governance-flags")

    @property
    def grid(self) -> RaciGrid:
        return self.query_one(RaciGrid)

    @property
    def sponsors(self) -> SponsorTable:
        return self.query_one(SponsorTable)

    def _sponsor_help(self) -> str:
        top = self.session.tiers.highest
        who = f"{top.name} (top-tier)" if top is not None else "top-tier"
        return f"a: add   e/Enter: edit   d: delete   ctrl+↑↓: move.  Every {who} partner needs a sponsor."

    def refresh_view(self) -> None:
        self.query_one("#sponsor-help", Static).update(literal(self._sponsor_help()))
        self.grid.reload()
        self.sponsors.reload()
        found = raci_findings(self.session.governance.raci)
        self.query_one("#raci-flags", Static).update(literal("\n".join(f"! {f.message}" for f in found)))
        report = health_report(self.session, host(self).today)
        exec_found = [f for f in report.findings if f.key == "governance.exec_map"]
        self.query_one("#exec-flags", Static).update(literal("\n".join(f"! {f.message}" for f in exec_found)))

    # ------------------------------------------------------------------ resume and jumps

    def current_row(self) -> int:
        return self.grid.cursor_row if self.is_mounted else 0

    def focus_row(self, row: int) -> None:
        if self.grid.row_count:
            self.grid.move_cursor(row=min(row, self.grid.row_count - 1))

    def show_target(self, target: Target) -> None:
        """The executive map, or a RACI row (by position)."""
        if target.field == "exec_map":
            self.sponsors.focus()
            self.scroll_to_widget(self.sponsors)
            return
        grid = self.grid
        if target.index and target.index[0] < len(self.session.governance.raci.rows):
            grid.move_cursor(row=target.index[0])
        grid.focus()
        self.scroll_to_widget(grid)

    def screen_commands(self) -> Iterable[SystemCommand]:
        grid, sponsors = self.grid, self.sponsors

        def on_grid(action):
            def run() -> None:
                grid.focus()
                action()
            return run

        yield SystemCommand("Cycle RACI cell", "RACI: R → A → C → I → none on the selected cell", on_grid(grid.action_cycle))
        yield SystemCommand("Add RACI decision", "RACI: a new decision row", on_grid(grid.action_add_row))
        yield SystemCommand("Add RACI role", "RACI: a new role column", on_grid(grid.action_add_role))
        yield SystemCommand("Rename RACI role", "RACI: rename the role of the selected column", on_grid(grid.action_rename_role))
        yield SystemCommand("Delete RACI role", "RACI: delete the role of the selected column", on_grid(grid.action_delete_role))

        def add_sponsor() -> None:
            sponsors.focus()
            sponsors.action_add()

        yield SystemCommand("Add executive sponsor", "Executive relationship map: a new row", add_sponsor)
