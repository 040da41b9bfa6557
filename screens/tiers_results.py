"""A signed partner's quarterly results: the quarter field (YYYY-Qn, once per partner) and its dialog."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from screens.dialogs import EditDialog
from screens.fields import FieldEditor, FieldSpec, validation_message
from screens.host import editor
from screens.text import literal
from workshop.method.dates import parse_quarter
from workshop.method.models import Partner, QuarterResult

QUARTER_SPEC = FieldSpec("quarter", "Quarter", hint="YYYY-Qn, e.g. 2026-Q3", optional=False)

RESULT_FIELDS = [
    FieldSpec("pipeline", "Annual pipeline", "money", hint="e.g. 1.2M, 1,200,000 or 500k"),
    FieldSpec("certified_individuals", "Certified individuals", "count"),
    FieldSpec("dedicated_practice", "Dedicated practice or center of excellence", "bool"),
    FieldSpec("last_pipeline_activity", "Last pipeline activity", "date",
              hint="YYYY-MM-DD; a quarter with $0 pipeline and no date is a quarter without activity"),
    FieldSpec("business_reviews", "Business reviews (QBRs) held in the last twelve months", "count",
              hint="counted against the tier's reviews per year; empty: not recorded"),
    FieldSpec("joint_gtm_activities", "Joint go-to-market activities in the last twelve months", "count",
              hint="empty: not recorded"),
    FieldSpec("deal_registration_days", "Slowest deal registration this quarter (business days)", "count",
              hint="empty: not recorded"),
]


class QuarterField(FieldEditor):
    """The quarter of one result: refused unless it reads YYYY-Qn and is not recorded twice."""

    def __init__(self, partner: Partner, result: QuarterResult) -> None:
        super().__init__(result, QUARTER_SPEC)
        self.partner = partner
        self.result = result

    def _accept_text(self, text: str) -> None:
        try:
            parse_quarter(text.strip())
        except ValueError as error:
            self._show_error(str(error))
            return
        self._store(text.strip())

    def _store(self, value: Any) -> None:
        try:
            changed = editor(self).set_quarter(self.partner, self.result, value)
        except ValidationError as error:
            self._show_error(validation_message(error))
            return
        self._show_error("")
        if changed:
            self.post_message(self.Changed(self))


class QuarterResultDialog(EditDialog):
    """Edit one quarter's results; every valid change is saved as typed."""

    def __init__(self, title: str, partner: Partner, result: QuarterResult) -> None:
        super().__init__(title, result, RESULT_FIELDS)
        self.partner = partner
        self.result = result

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(literal(self.dialog_title), classes="dialog-title")
            with VerticalScroll(classes="dialog-fields"):
                yield QuarterField(self.partner, self.result)
                for spec in self.specs:
                    yield FieldEditor(self.target, spec)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Every change is saved as you type.  Esc: done", classes="dialog-hint")
                yield Button("Done", variant="primary", id="done")
