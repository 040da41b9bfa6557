"""The executive relationship map (Phase 6.2): one row per partner executive sponsorship.

The partner is free text, with the mapped partners offered as completions as you type (and
named in the hint), so a sponsor can be recorded before the partner is mapped.
"""

from __future__ import annotations

from dataclasses import replace

from textual.suggester import SuggestFromList
from textual.widgets import Input

from screens.dialogs import EditDialog
from screens.fields import FieldSpec
from screens.record_table import Column, RecordTable
from screens.text import one_line
from workshop.method.models import ExecSponsor, Session

SPONSOR_FIELDS = [
    FieldSpec("partner", "Partner"),
    FieldSpec("partner_executive", "Partner executive", hint="e.g. VP Alliance, Digital"),
    FieldSpec("our_counterpart", "Our counterpart", hint="e.g. CPO, or CPO + CEO"),
    FieldSpec("cadence", "Relationship cadence", hint="e.g. Monthly 1:1 + QBR"),
]


class SponsorDialog(EditDialog):
    """The record editor, with the mapped partners offered as completions of "Partner"."""

    def __init__(self, title: str, target: ExecSponsor, partners: list[str]) -> None:
        hint = "Mapped partners: " + ", ".join(partners) if partners else "No partners mapped yet: type a name."
        partner = replace(SPONSOR_FIELDS[0], hint=one_line(hint, 300))
        super().__init__(title, target, [partner, *SPONSOR_FIELDS[1:]])
        self.partners = partners

    def on_mount(self) -> None:
        super().on_mount()
        field = self.query_one("#field-partner #input", Input)
        field.suggester = SuggestFromList(self.partners, case_sensitive=False)


class SponsorTable(RecordTable):
    def __init__(self, session: Session) -> None:
        self.session = session
        super().__init__(
            records=lambda: self.session.governance.exec_map,
            columns=[
                Column("Partner", lambda e: one_line(e.partner, 30)),
                Column("Partner executive", lambda e: one_line(e.partner_executive, 30)),
                Column("Our counterpart", lambda e: one_line(e.our_counterpart, 24)),
                Column("Cadence", lambda e: one_line(e.cadence, 30)),
            ],
            specs=SPONSOR_FIELDS,
            noun="executive sponsor",
            title_of=lambda e: one_line(e.partner, 60),
            new_record=lambda: ExecSponsor(partner=""),
            can_move=True,
            id="exec-map",
        )

    def edit(self, record: ExecSponsor, *, title: str | None = None, new: bool = False) -> None:
        partners = [p.name for p in self.session.mapping.partners]
        dialog = SponsorDialog(title or f"Edit executive sponsor: {one_line(record.partner, 60)}", record, partners)
        self.app.push_screen(dialog, lambda _: self.reload())
