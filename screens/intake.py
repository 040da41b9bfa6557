"""Intake: the session's people and the company profile the whole method builds on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from screens.fields import FieldEditor, FieldSpec
from screens.phase_view import PhaseView
from screens.record_table import Column, RecordTable
from workshop.method.currency import KNOWN
from workshop.method.currency import current as current_currency
from workshop.method.values import format_money
from workshop.method.models import Participant, Phase

SESSION_FIELDS = [
    FieldSpec("title", "Session title", optional=False),
    FieldSpec("facilitator", "Facilitator"),
]

COMPANY_FIELDS = [
    FieldSpec("company_name", "Company name"),
    FieldSpec("description", "What the company does", "multiline"),
    FieldSpec("product_category", "Product category"),
    FieldSpec(
        "currency",
        "Currency of every amount",
        "choice",
        choices=tuple((f"{c.code} — {c.name} ({c.symbol.strip()})", c.code) for c in KNOWN.values()),
        optional=False,
    ),
    FieldSpec("current_arr", "Current ARR", "money", hint="e.g. 18M, 18,000,000 or 18000000"),
    FieldSpec("target_arr", "Target ARR", "money", hint="must be above current ARR"),
    FieldSpec("target_year", "Target ARR year", "count", hint="e.g. 2029"),
    FieldSpec("icps", "Primary ICPs", "lines", hint="one a line"),
    FieldSpec("growth_markets", "Markets for partner-led growth", "lines", hint="the 2–3 markets, one a line"),
    FieldSpec("board_priorities", "Board or investor priorities", "lines", hint="one a line"),
    FieldSpec("existing_partnerships", "Existing partnerships", "lines", hint="one a line"),
]

PARTICIPANT_FIELDS = [FieldSpec("name", "Name", optional=False), FieldSpec("role", "Role")]


class IntakeView(PhaseView):
    key = "intake"
    title = "Intake"
    phase = Phase.INTAKE

    def compose(self) -> ComposeResult:
        session = self.session
        self._currency_shown = current_currency().code
        yield Static("Session", classes="section-title", markup=False)
        for spec in SESSION_FIELDS:
            yield FieldEditor(session, spec)
        yield Static("Participants", classes="section-title", markup=False)
        yield Static("a: add   e/Enter: edit   d: delete", classes="section-help", markup=False)
        yield RecordTable(
            records=lambda: self.session.participants,
            columns=[Column("Name", lambda p: p.name), Column("Role", lambda p: p.role)],
            specs=PARTICIPANT_FIELDS,
            noun="participant",
            title_of=lambda p: p.name,
            new_record=lambda: Participant(name="New participant"),
            can_move=True,
            id="participants",
        )
        yield Static("Company profile", classes="section-title", markup=False)
        for spec in COMPANY_FIELDS:
            yield FieldEditor(session.intake, spec)

    def refresh_view(self) -> None:
        """After the currency changes, every amount is shown with its symbol (never converted)."""
        shown = current_currency().code
        if shown == self._currency_shown:
            return
        self._currency_shown = shown
        for spec in COMPANY_FIELDS:
            if spec.kind != "money":
                continue
            field = self.query_one(f"#field-{spec.name}", FieldEditor)
            entry = field.query_one("#input")
            if not entry.has_focus:
                entry.value = format_money(getattr(self.session.intake, spec.name))  # type: ignore[attr-defined]
