"""The audit trail, read-only: every tier move, override, sign-off and final decision, newest
first, with the rule that fired and its figures for the entry selected (issue 15, section 3).

Opened with F10 or "Audit trail" in the command palette.  User text goes to the table as
``Text`` cells and to the detail as ``Content`` (never markup).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from screens.host import open_session
from screens.text import cell, literal, one_line
from workshop.method.models import AuditEntry


def entry_detail(entry: AuditEntry) -> str:
    """The selected entry in full: what, when, who, the rule, its figures, the reason."""
    lines = [
        f"#{entry.seq} {entry.kind.label} — {entry.when.strftime('%Y-%m-%d %H:%M UTC')}"
        + (f" — by {entry.who}" if entry.who.strip() else ""),
        entry.summary,
    ]
    if entry.rule.strip():
        lines.append(f"Rule: {entry.rule}")
    lines += [f"  {name}: {value}" for name, value in entry.figures.items()]
    if entry.reason.strip():
        lines.append(f"Reason: {entry.reason}")
    return "\n".join(lines)


class AuditScreen(ModalScreen[None]):
    """The session's audit trail; ↑↓ choose an entry, Esc closes."""

    BINDINGS = [Binding("escape,q,f10", "close", "Close")]

    DEFAULT_CSS = """
    AuditScreen #audit { width: 100%; height: 100%; border: thick $primary; background: $surface; padding: 0 1; }
    AuditScreen #audit-title { text-style: bold; height: 1; }
    AuditScreen #audit-intro { color: $text-muted; height: auto; }
    AuditScreen DataTable { height: 1fr; }
    AuditScreen #audit-detail-box { height: auto; max-height: 12; border-top: solid $primary; }
    AuditScreen #audit-hint { height: 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        session = open_session(self)
        self.entries = list(reversed(session.audit))
        with Vertical(id="audit"):
            yield Label("Audit trail", id="audit-title")
            yield Static(
                f"{len(self.entries)} entr{'y' if len(self.entries) == 1 else 'ies'}, newest first. Append-only: "
                "tier moves applied, overrides with their reason, sign-offs and withdrawals, decisions made final."
                if self.entries else
                "Nothing recorded yet: tier moves applied, overrides, sign-offs and final decisions appear here.",
                id="audit-intro", markup=False,
            )
            table: DataTable = DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
            yield table
            with VerticalScroll(id="audit-detail-box"):
                yield Static("", id="audit-detail", markup=False)
            yield Label("↑↓: entry   Esc: close", id="audit-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "When (UTC)", "What", "Who", "About", "Summary")
        for entry in self.entries:
            table.add_row(
                cell(str(entry.seq), justify="right"),
                cell(entry.when.strftime("%Y-%m-%d %H:%M")),
                cell(entry.kind.label),
                cell(one_line(entry.who, 20)),
                cell(one_line(entry.subject, 24)),
                cell(one_line(entry.summary, 60)),
            )
        table.focus()
        self._show(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, row: int) -> None:
        detail = self.query_one("#audit-detail", Static)
        detail.update(literal(entry_detail(self.entries[row])) if 0 <= row < len(self.entries) else "")

    def action_close(self) -> None:
        self.dismiss(None)
