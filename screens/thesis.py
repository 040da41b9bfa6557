"""Phase 1, the partnership thesis: why partnerships, which models, the statement, sign-off."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from screens.dialogs import ConfirmDialog
from screens.fields import FieldEditor, FieldSpec
from screens.phase_view import PhaseView
from screens.text import literal
from screens.thesis_models import ModelsTable
from screens.thesis_picker import PrioritizedModelsPicker
from screens.thesis_signoff import SignOffDialog
from workshop.method.edits import EditRefused
from workshop.method.findings import Target
from workshop.method.findings import place_of
from workshop.method.models import RATIONALE_FIELDS, Phase, SignOff
from workshop.method.thesis_statement import render_thesis

RATIONALE_SPECS = [FieldSpec(name, label, "multiline", hint=question) for name, (label, question) in RATIONALE_FIELDS.items()]

STATEMENT_HEAD = [
    FieldSpec("partner_share_pct", "Partner share of ARR (%)", "percent", hint="[X]% of total ARR, 0-100"),
    FieldSpec("years", "Years", "count", hint="within [N] years (1-20)"),
    FieldSpec("partner_types", "Partner types", hint="e.g. Big 4 and global SIs"),
    FieldSpec("icp", "ICP", hint="who the partners serve"),
    FieldSpec("markets", "Markets", hint="where"),
]
STATEMENT_TAIL = [
    FieldSpec("rationale", "Model rationale", "multiline", hint="We will prioritize these models because …"),
    FieldSpec("mechanism", "Mechanism", "multiline", hint="Partner-led growth accelerates our market penetration by …"),
    FieldSpec("access_partners", "Access partners", hint="[Big 4 / consulting firms] provide access to ICP accounts"),
    FieldSpec("product_partners", "Product partners", hint="[product firms] extend our platform reach"),
    FieldSpec("adjacent_use_cases", "Adjacent use cases", hint="… into [adjacent use cases]"),
    FieldSpec("north_star_metric", "North-star metric", hint="e.g. partner-sourced ARR"),
]

class ThesisView(PhaseView):
    key = "thesis"
    title = "Thesis"
    phase = Phase.THESIS

    BINDINGS = [
        Binding("ctrl+o", "sign_off", "Sign off"),
    ]

    DEFAULT_CSS = """
    ThesisView #thesis-preview { border: round $primary 60%; padding: 0 1; margin-bottom: 1; height: auto; }
    ThesisView #thesis-missing { color: $text-warning; margin-bottom: 1; }
    ThesisView #thesis-missing.-complete { color: $text-success; }
    ThesisView #signoff-status { margin-bottom: 1; }
    ThesisView #signoff-buttons { height: auto; margin-bottom: 1; }
    ThesisView #signoff-buttons Button { margin-right: 2; }
    ThesisView #picker-empty { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        thesis = self.session.thesis
        yield Static("1.1  Why partnerships: the strategic rationale", classes="section-title", markup=False)
        yield Static("Where do partners do what direct sales cannot?", classes="section-help", markup=False)
        for spec in RATIONALE_SPECS:
            yield FieldEditor(thesis.rationale, spec)

        yield Static("1.2  Partnership models", classes="section-title", markup=False)
        yield Static(
            "space: select / unselect   e, Enter: use case and why (and fee range)",
            classes="section-help",
            markup=False,
        )
        yield ModelsTable(thesis, id="models")

        yield Static("1.3  Thesis statement", classes="section-title", markup=False)
        for spec in STATEMENT_HEAD:
            yield FieldEditor(thesis.statement, spec)
        yield Static("Prioritized models (space ticks; from the models selected above)", classes="field-label", markup=False)
        yield Static("Select models in 1.2 first (space in the table).", id="picker-empty", markup=False)
        yield PrioritizedModelsPicker(thesis, id="field-prioritized_models")
        for spec in STATEMENT_TAIL:
            yield FieldEditor(thesis.statement, spec)

        yield Static("Preview", classes="section-title", markup=False)
        yield Static("", id="thesis-preview", markup=False)
        yield Static("", id="thesis-missing", markup=False)

        yield Static("Sign-off", classes="section-title", markup=False)
        yield Static("", id="signoff-status", markup=False)
        with Horizontal(id="signoff-buttons"):
            yield Button("Sign off (ctrl+o)", variant="success", id="sign-off")
            yield Button("Withdraw sign-off", variant="warning", id="withdraw")

    # ------------------------------------------------------------------ derived displays

    def refresh_view(self) -> None:
        thesis = self.session.thesis
        rendered = render_thesis(self.session)
        self.query_one("#thesis-preview", Static).update(literal(rendered.text))
        missing = self.query_one("#thesis-missing", Static)
        missing.set_class(rendered.complete, "-complete")
        missing.update(
            literal("✓ Every field of the statement is filled in.")
            if rendered.complete
            else literal("Still missing: " + ", ".join(rendered.missing))
        )
        picker = self.query_one(PrioritizedModelsPicker)
        picker.sync()
        picker.display = picker.option_count > 0
        self.query_one("#picker-empty").display = picker.option_count == 0
        self.query_one(ModelsTable).reload()
        signoff = thesis.signoff
        self._lock(signoff is not None)
        status = self.query_one("#signoff-status", Static)
        if signoff is not None:
            who = signoff.name + (f" ({signoff.role})" if signoff.role else "")
            when = signoff.signed_at.strftime("%Y-%m-%d %H:%M UTC")
            status.update(
                literal(f"✓ Signed off by {who} on {when}. The signed thesis is locked: withdraw the sign-off to change it.")
            )
        elif rendered.complete:
            status.update(literal("Not signed off yet. Everything is filled in: ready to sign (ctrl+o)."))
        else:
            status.update(literal("Not signed off yet. Sign-off needs: " + ", ".join(rendered.missing) + "."))
        self.query_one("#sign-off").display = signoff is None
        self.query_one("#withdraw").display = signoff is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Signed: no "Sign off" in the Footer (withdrawing comes first, from its button or ctrl+p)
        return not (action == "sign_off" and self.session.thesis.signoff is not None)

    _locked: bool | None = None

    def _lock(self, locked: bool) -> None:
        """What was signed cannot change under the signature (a stray key edited a signed
        thesis, and health still called it signed): the fields and tables of 1.1–1.3 are off."""
        if locked == self._locked:
            return
        self._locked = locked
        for widget in (*self.query(FieldEditor), self.query_one(ModelsTable), self.query_one(PrioritizedModelsPicker)):
            widget.disabled = locked
        self.refresh_bindings()  # "Sign off" leaves the Footer, or comes back

    # ------------------------------------------------------------------ sign-off

    def action_sign_off(self) -> None:
        if self.session.thesis.signoff is not None:
            self.notify("The thesis is already signed off; withdraw the sign-off first to sign again.", markup=False)
            return
        missing = render_thesis(self.session).missing
        if missing:
            self.notify(
                "The thesis cannot be signed off yet. Still missing: " + ", ".join(missing) + ".",
                title="Not signed",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return
        self.app.push_screen(SignOffDialog(self.session.participants, self.app.today), self._signed)

    def _signed(self, signoff: SignOff | None) -> None:
        if signoff is None:
            return
        try:  # refused if something was emptied or signed meanwhile, or it is dated after today
            self.editor.sign_thesis(signoff, self.host.today)
        except EditRefused as refused:
            self.notify(f"Not signed: {refused}.", severity="warning", markup=False)
            return
        self.refresh_now()

    def action_withdraw_sign_off(self) -> None:
        signoff = self.session.thesis.signoff
        if signoff is None:
            return

        def confirmed(answer: bool | None) -> None:
            if answer and self.editor.withdraw_signoff(signoff):
                self.refresh_now()

        self.app.push_screen(
            ConfirmDialog(
                f"Withdraw the sign-off by {signoff.name}? Recruitment goes back on hold until the "
                "thesis is signed again.",
                title="Withdraw sign-off",
                yes="Withdraw",
            ),
            confirmed,
        )

    @on(Button.Pressed, "#sign-off")
    def _sign_pressed(self) -> None:
        self.action_sign_off()

    @on(Button.Pressed, "#withdraw")
    def _withdraw_pressed(self) -> None:
        self.action_withdraw_sign_off()

    # ------------------------------------------------------------------ navigation

    def current_row(self) -> int:
        return self.query_one(ModelsTable).cursor_row

    def focus_row(self, row: int) -> None:
        table = self.query_one(ModelsTable)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def show_target(self, target: Target) -> None:
        """The sign-off buttons, the models table, the preview, or a field's editor."""
        if target.field == "signoff":
            signed = self.session.thesis.signoff is not None
            self.show_widget(self.query_one("#withdraw" if signed else "#sign-off"))
        elif target.field == "models":
            self.show_widget(self.query_one(ModelsTable))
        elif target.field == "statement":
            self.show_widget(self.query_one("#thesis-preview"))
        else:
            self.show_field(target.field)

    def action_preview_statement(self) -> None:
        self.focus_target(Target(Phase.THESIS, field="statement"))

    def screen_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Sign off thesis", "Record who signs the thesis (refused while fields are missing)", self.action_sign_off)
        if self.session.thesis.signoff is not None:
            yield SystemCommand("Withdraw thesis sign-off", "Take the sign-off back (asks first)", self.action_withdraw_sign_off)
        yield SystemCommand("Preview thesis statement", "Show the rendered statement and what is missing", self.action_preview_statement)
        yield SystemCommand("Partnership models", "Select and annotate the models (space, e)", lambda: self.focus_target(Target(Phase.THESIS, field="models")))
        yield SystemCommand("Thesis: next missing field", "Jump to the first field the statement still needs", self.action_next_missing)

    def action_next_missing(self) -> None:
        missing = render_thesis(self.session).missing
        if not missing:
            self.notify("Every field of the statement is filled in.", markup=False)
            return
        if missing[0] == "company name":
            self.notify("The company name is set in Intake (key 1).", markup=False)
            return
        self.focus_target(place_of(Phase.THESIS, missing[0]))
