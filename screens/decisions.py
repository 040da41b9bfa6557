"""Phase 4: the build vs. partner vs. acquire decision log, each decision made in a guided form.

What the matrix says, whether a decision is final and its default review date come from
``workshop.method.decision_rules``; this view shows them and records the team's answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.content import Content
from textual.widgets import DataTable, Static

from screens.host import host
from screens.decisions_form import DecisionForm
from screens.host import editor
from screens.phase_view import PhaseView
from screens.record_table import Column, RecordTable
from screens.text import cell, literal, one_line
from workshop.method.decision_rules import DecisionAssessment, assess_decision
from workshop.method.findings import Target
from workshop.method.models import Decision, Phase, next_decision_id


def matrix_summary(assessment: DecisionAssessment) -> str:
    if not assessment.matches:
        return "no rule"
    if len(assessment.matches) == 1:
        return assessment.matches[0].outcome.value
    if assessment.suggested is not None:
        return f"{len(assessment.matches)} rules: {assessment.suggested.value}"
    return f"{len(assessment.matches)} rules: differ"


def status_cell(assessment: DecisionAssessment) -> Text:
    return cell("FINAL", style="bold") if assessment.is_final else cell("NOT FINAL", style="bold reverse")


def review_text(assessment: DecisionAssessment) -> str:
    if assessment.review_date is None:
        return "—"
    return assessment.review_date.isoformat() + (" (default)" if assessment.review_date_is_default else "")


class DecisionTable(RecordTable):
    """The decision log; adding or editing opens the guided form instead of a plain dialog."""

    def __init__(self, view: DecisionsView, **kwargs) -> None:
        self.view = view
        super().__init__(
            records=lambda: view.session.decisions,
            columns=[
                Column("ID", lambda d: d.id),
                Column("Capability / market", lambda d: one_line(d.capability, 40)),
                Column("Decision", lambda d: d.decision.value if d.decision else "—"),
                Column("Matrix", lambda d: matrix_summary(assess_decision(d))),
                Column("Finance", lambda d: "yes" if d.finance_input.strip() else "no"),
                Column("Status", lambda d: status_cell(assess_decision(d))),
                Column("Review", lambda d: review_text(assess_decision(d))),
            ],
            specs=[],
            noun="decision",
            title_of=lambda d: f"{d.id} {one_line(d.capability, 40)}".strip(),
            new_record=lambda: Decision(
                id=next_decision_id(view.session.decisions), capability="", decided_on=view.today()
            ),
            **kwargs,
        )

    def edit(self, record: Decision, *, title: str | None = None, new: bool = False) -> None:
        names = [p.name for p in self.view.session.mapping.partners]
        form = DecisionForm(record, names, title=title or f"Decision {record.id}")
        self.app.push_screen(form, lambda _: self.view.refresh_view())

    def action_add(self) -> None:
        if self.new_record is None:
            return
        record = self.new_record()
        editor(self).add_record(self.records(), record, noun="decision", title=record.id)
        self.reload()
        self.move_cursor(row=self.row_count - 1)
        self.edit(record, title=f"New decision {record.id}")


class DecisionsView(PhaseView):
    key = "decisions"
    title = "Build / partner / acquire"
    phase = Phase.DECISIONS

    DEFAULT_CSS = """
    DecisionsView #decision-detail { margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("4  Build vs partner vs acquire: decision log", classes="section-title", markup=False)
        yield Static(
            "a: new decision (guided)   e/Enter: edit   d: delete", classes="section-help", markup=False
        )
        yield DecisionTable(self, id="decisions")
        yield Static(id="decision-detail", markup=False)

    def today(self) -> date:
        return host(self).today

    def refresh_view(self) -> None:
        self.query_one(DecisionTable).reload()
        self._show_decision()

    def _show_decision(self) -> None:
        detail = self.query_one("#decision-detail", Static)
        decision = self.query_one(DecisionTable).selected
        if decision is None:
            detail.update(
                "No decisions yet. For each capability or market gap, press a: the form asks the "
                "decision matrix's questions one by one and shows which rule matches."
            )
            return
        detail.update(decision_text(assess_decision(decision)))

    @on(DataTable.RowHighlighted, "#decisions")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_decision()

    # ------------------------------------------------------------------ position and palette

    def current_row(self) -> int:
        return self.query_one(DecisionTable).cursor_row

    def focus_row(self, row: int) -> None:
        table = self.query_one(DecisionTable)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        table.focus()

    def show_target(self, target: Target) -> None:
        """Select the first decision the target names (by id), else the first."""
        for index, decision in enumerate(self.session.decisions):
            if decision.id in target.records:
                self.focus_row(index)
                return
        self.focus_row(0)

    def screen_commands(self) -> Iterable[SystemCommand]:
        table = self.query_one(DecisionTable)
        yield SystemCommand("New decision", "Build, partner or acquire: the guided decision matrix", table.action_add)
        yield SystemCommand("Edit decision", "Reopen the selected decision's guided form", table.action_edit)
        yield SystemCommand("Delete decision", "Delete the selected decision (asks first)", table.action_delete)


def decision_text(assessment: DecisionAssessment) -> Content:
    """The selected decision in the method's log format, with what the matrix says."""
    d = assessment.decision
    parts: list[Content | str | tuple[str, str]] = [
        (f"DECISION [{d.id}]: ", "bold"),
        literal(d.capability or "(no capability named yet)"),
        "\n",
        ("Decision: ", "bold"),
        d.decision.value if d.decision else "not decided yet",
        "   ",
        ("Status: ", "bold"),
        ("FINAL" if assessment.is_final else assessment.status.upper(), "bold"),
        "\n",
        ("Matrix: ", "bold"),
        assessment.message,
    ]
    for match in assessment.matches:
        parts += ["\n  ✓ ", match.wording]
        if match.jv_note:
            parts += ["\n    ", match.jv_note]
    if assessment.disagreement:
        parts += ["\n", ("! ", "bold"), assessment.disagreement]
    parts += ["\n", ("Rationale: ", "bold"), literal(d.rationale or "—")]
    parts += ["\n", ("Partner considered: ", "bold"), literal(d.partner_considered or "—")]
    parts += ["\n", ("Finance input: ", "bold"), literal(d.finance_input or "none — not final until Finance is consulted")]
    if d.finance_reviewer:
        parts += [" (", literal(d.finance_reviewer), ")"]
    parts += ["\n", ("Decided on: ", "bold"), d.decided_on.isoformat() if d.decided_on else "—"]
    parts += ["   ", ("Review date: ", "bold"), review_text(assessment)]
    return Content.assemble(*parts)
