"""Phase 3: the tier framework, the movement rules, and the signed partners' tier movements.

Every qualifying tier, action and contradiction shown here comes from
``workshop.method.tier_movement``; this view only displays them and records the team's edits.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Static

from screens.host import host
from screens.dialogs import ConfirmDialog, EditDialog, PromptDialog
from screens.phase_view import PhaseView
from screens.text import literal, visible
from screens.tiers_pick import PickDialog
from screens.tiers_tables import RULE_FIELDS, ProgramTable, ResultsTable, TierTable
from screens.verdicts import action_content, action_words
from workshop.method.audit import tier_override, warning_recorded
from workshop.method.edits import EditRefused
from workshop.method.findings import Target
from workshop.method.models import Partner, PartnerStage, Phase, QuarterResult, Tier
from workshop.method.placeholders import tier_benefits
from workshop.method.tier_ladder import ladder_problems
from workshop.method.tier_movement import (
    Action,
    PartnerMovement,
    QuarterMovement,
    evaluate_partner,
    evaluate_program,
)

NO_TIER = "none"


class TiersView(PhaseView):
    key = "tiers"
    title = "Tier framework"
    phase = Phase.TIERS

    BINDINGS = [
        Binding("p", "apply", "Apply action"),
        Binding("s", "sign", "Sign partner"),
        Binding("t", "set_tier", "Set tier"),
        Binding("r", "edit_rules", "Rules"),
    ]

    DEFAULT_CSS = """
    TiersView #tier-detail { height: auto; margin-bottom: 1; }
    TiersView #ladder-problems { display: none; color: $text-error; text-style: bold; margin-bottom: 1; }
    TiersView #ladder-problems.-shown { display: block; }
    TiersView #tier-detail > Static { width: 1fr; height: auto; padding-right: 2; }
    TiersView #rules { margin-bottom: 1; }
    TiersView #partner-detail { margin-bottom: 1; }
    TiersView #partner-contradiction { display: none; color: $text-error; text-style: bold; margin-bottom: 1; }
    TiersView #partner-contradiction.-shown { display: block; }
    TiersView #quarter-reason { color: $text-muted; margin-bottom: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.movements: dict[str, PartnerMovement] = {}

    # ------------------------------------------------------------------ compose

    def compose(self) -> ComposeResult:
        yield Static("3.1  Tier criteria, benefits and commitments", classes="section-title", markup=False)
        yield Static(
            "a: add a tier above the selected one   n: rename   e/Enter: edit criteria, commitments, mix   "
            "d: remove   ctrl+↑/↓: move",
            classes="section-help",
            markup=False,
        )
        yield TierTable(lambda: self.session, id="tiers")
        yield Static(id="ladder-problems", markup=False)
        with Horizontal(id="tier-detail"):
            yield Static(id="tier-benefits", markup=False)
            yield Static(id="tier-commitments", markup=False)
        yield Static("Movement rules (3.2)", classes="section-title", markup=False)
        yield Static(id="rules", markup=False)
        yield Static("Signed partners", classes="section-title", id="program-title", markup=False)
        yield Static(
            "s: sign a mapped partner   t: set tier   p: apply the recommended action", classes="section-help", markup=False
        )
        yield ProgramTable(id="program")
        yield Static(id="partner-contradiction", markup=False)
        yield Static(id="partner-detail", markup=False)
        yield Static(id="results-title", classes="section-title", markup=False)
        yield Static("a: add a quarter   e/Enter: edit   d: delete", classes="section-help", markup=False)
        yield ResultsTable(
            self.selected_partner, self._verdict, lambda tier_id: self.session.tiers.label(tier_id),
            lambda: host(self).today, id="results",
        )
        yield Static(id="quarter-reason", markup=False)

    # ------------------------------------------------------------------ what is selected

    def selected_partner(self) -> Partner | None:
        if not self.is_mounted:
            return None
        chosen = self.query_one(ProgramTable).selected
        return chosen[0] if chosen and chosen[1] is not None else None

    def selected_movement(self) -> PartnerMovement | None:
        chosen = self.query_one(ProgramTable).selected
        return chosen[1] if chosen else None

    def _movement_of(self, partner: Partner) -> PartnerMovement | None:
        """What the rules say about ``partner`` today (None when it is not in the program)."""
        if partner.program_tier is None:
            return None
        return evaluate_partner(partner, self.session.tiers, host(self).today)

    def _verdict(self, result: QuarterResult) -> QuarterMovement | None:
        partner = self.selected_partner()
        movement = self.movements.get(partner.id) if partner else None
        if movement is None:
            return None
        return next((q for q in movement.quarters if q.quarter == result.quarter), None)

    # ------------------------------------------------------------------ derived displays

    def refresh_view(self) -> None:
        session = self.session
        self.query_one(TierTable).reload()
        framework = session.tiers
        rules = framework.rules
        exits = ", ".join(f"{tier.name} {tier.exit_months}" for tier in framework.tiers) or "no tiers yet"
        self.query_one("#rules", Static).update(Content.assemble(
            f"Promotion: automatic after {rules.promotion_quarters} consecutive quarters meeting a higher tier "
            "(quarters already counted for a step count again), one step per QBR.\n"
            f"Warning after {rules.warning_misses} missed quarter(s); demotion after "
            f"{rules.demotion_misses} consecutive misses.\n",
            "Exit: months without pipeline activity: ", literal(exits),
            " ($0 pipeline and no activity date: a quarter without activity).   r: edit the rules",
        ))
        problems = self.query_one("#ladder-problems", Static)
        found = ladder_problems(framework)
        problems.set_class(bool(found), "-shown")
        problems.update(literal("LADDER: " + " ".join(found)) if found else "")
        movements = evaluate_program(session, host(self).today)
        self.movements = {m.partner.id: m for m in movements}
        rows: list[tuple[Partner, PartnerMovement | None]] = []
        for partner in session.mapping.partners:
            if partner.id in self.movements:
                rows.append((partner, self.movements[partner.id]))
            elif partner.stage is PartnerStage.SIGNED and partner.program_tier is None:
                rows.append((partner, None))
        self.query_one(ProgramTable).show(rows)
        self._show_tier()
        self._show_partner()

    def _show_tier(self) -> None:
        tier = self.query_one(TierTable).selected
        benefits = self.query_one("#tier-benefits", Static)
        commitments = self.query_one("#tier-commitments", Static)
        if tier is None:
            benefits.update("No tiers yet: press a to add the method's four tiers.")
            commitments.update("")
            return
        # As the blueprint states them: a placeholder the tier's own figures answer is filled in
        # ("Top MDF allocation ($[X]/yr)" with its MDF per year).
        benefits.update(_bullets(tier.name, "benefits", tier_benefits(tier.benefits, tier.mdf_per_year)))
        commitments.update(_commitments(tier))

    def _show_partner(self) -> None:
        detail = self.query_one("#partner-detail", Static)
        contradiction = self.query_one("#partner-contradiction", Static)
        chosen = self.query_one(ProgramTable).selected
        title = self.query_one("#results-title", Static)
        contradiction.remove_class("-shown")
        if chosen is None:
            detail.update("No signed partners yet: press s to sign one from the market map.")
            title.update("Quarterly results")
        else:
            partner, movement = chosen
            title.update(Content.assemble("Quarterly results — ", literal(partner.name)))
            if movement is None:
                detail.update(Content.assemble(literal(partner.name), " is signed but has no program tier: press t to set it."))
            else:
                detail.update(_movement_text(movement))
                if movement.contradiction:
                    contradiction.update(Content.assemble("CONTRADICTION: ", literal(movement.contradiction)))
                    contradiction.add_class("-shown")
        self.query_one(ResultsTable).reload()
        self._show_quarter()

    def _show_quarter(self) -> None:
        reason = self.query_one("#quarter-reason", Static)
        result = self.query_one(ResultsTable).selected
        verdict = self._verdict(result) if result is not None else None
        if verdict is None:
            reason.update("No quarterly results yet: press a in this table to add one." if result is None else "")
            return
        reason.update(Content.assemble(f"{verdict.quarter}: ", literal(verdict.reason)))

    @on(DataTable.RowHighlighted, "#program")
    def _partner_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_partner()

    @on(DataTable.RowHighlighted, "#tiers")
    def _tier_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_tier()

    @on(DataTable.RowHighlighted, "#results")
    def _quarter_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_quarter()

    @on(DataTable.RowSelected, "#program")
    def _partner_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.query_one(ResultsTable).focus()

    # ------------------------------------------------------------------ actions

    def action_edit_rules(self) -> None:
        dialog = EditDialog(
            "Tier movement rules",
            self.session.tiers.rules,
            RULE_FIELDS,
            intro="Numbers the engine uses at every QBR; the warning must come no later than the demotion.",
        )
        self.app.push_screen(dialog, lambda _: self.refresh_view())

    def action_sign(self) -> None:
        candidates = [
            p for p in self.session.mapping.partners if p.program_tier is None and p.stage is not PartnerStage.EXITED
        ]
        if not candidates:
            self.app.notify("Every mapped partner is already in the program: add partners in Mapping (3).")
            return
        choices = [(f"{p.name}  ({p.stage.value})", p) for p in candidates]

        def picked(partner: Partner | None) -> None:
            if partner is not None:
                self._choose_tier(partner)

        self.app.push_screen(PickDialog("Sign a partner into the program", choices), picked)

    def action_set_tier(self) -> None:
        chosen = self.query_one(ProgramTable).selected
        if chosen is None:
            self.app.notify("No signed partner selected: press s to sign one.")
            return
        self._choose_tier(chosen[0])

    def _choose_tier(self, partner: Partner) -> None:
        framework = self.session.tiers
        if not framework.tiers:
            self.app.notify("No tiers yet: press a in the tier table to add the method's four.")
            return
        choices: list[tuple[str, str]] = [(tier.name, tier.id) for tier in framework.tiers]
        if partner.program_tier is not None:
            choices.append(("Not in the program (no tier)", NO_TIER))

        def picked(value: str | None) -> None:
            if value is None:
                return
            if value == NO_TIER:
                self.editor.set_program_tier(partner, None)
                self.refresh_now()
                return
            tier = framework.label(value)
            movement = self._movement_of(partner)
            against = tier_override(movement, tier) if partner.program_tier is not None else None
            if against is None:
                set_tier(value, "")
                return

            def appealed(reason: str | None) -> None:
                if reason is None:
                    return
                set_tier(value, reason)

            self.app.push_screen(
                PromptDialog(
                    f"Override: {partner.name} to {tier}",
                    f"Against the rules — {against}\nWhy? (the appeal, kept in the audit trail)",
                    placeholder="the reason the rules do not apply",
                ),
                appealed,
            )

        def set_tier(tier: str, reason: str) -> None:
            try:
                self.editor.set_program_tier(partner, tier, movement=self._movement_of(partner), reason=reason)
            except EditRefused as refused:
                self.app.notify(f"Not changed: {refused}.", severity="warning", markup=False)
                return
            self.refresh_now()  # the new row must be there to be selected
            self.call_after_refresh(self.focus_target, Target(Phase.TIERS, records=(partner.id,)))

        current = framework.label(partner.program_tier) if partner.program_tier else "none"
        self.app.push_screen(
            PickDialog(f"Program tier for {partner.name}", choices, intro=f"Recorded now: {current}. Setting a tier marks the partner signed."),
            picked,
        )

    def action_apply(self) -> None:
        movement = self.selected_movement()
        if movement is None:
            self.app.notify("Select a partner with a program tier first.")
            return
        partner = movement.partner
        if movement.action in (Action.PROMOTE, Action.DEMOTE) and movement.action_tier is not None:
            target = movement.label(movement.action_tier)
            recorded = movement.label(movement.recorded_tier)
            question = (
                f"{action_words(movement.action, target)}: set {partner.name}'s recorded tier from "
                f"{recorded} to {target}?\n\n{movement.reason}"
            )

            def confirmed(answer: bool | None) -> None:
                if answer and self.editor.apply_movement(movement):
                    self.refresh_now()

            self.app.push_screen(ConfirmDialog(question, title="Apply the recommendation", yes="Apply"), confirmed)
        elif movement.action is Action.EXIT:
            question = f"✗ EXIT: terminate the partnership agreement with {partner.name} (stage: exited)?\n\n{movement.reason}"

            def exited(answer: bool | None) -> None:
                if answer and self.editor.apply_movement(movement):
                    self.refresh_now()

            self.app.push_screen(ConfirmDialog(question, title="Apply the recommendation", yes="Exit partner"), exited)
        elif movement.action is Action.WARNING:
            if warning_recorded(self.session, movement):
                self.app.notify(f"The warning to {partner.name} is already in the audit trail.", markup=False)
                return
            question = f"⚠ WARNING: record the warning issued to {partner.name} at its QBR?\n\n{movement.reason}"

            def warned(answer: bool | None) -> None:
                if answer and self.editor.record_warning(movement):
                    self.refresh_now()

            self.app.push_screen(ConfirmDialog(question, title="Apply the recommendation", yes="Record warning"), warned)
        else:
            self.app.notify(
                f"Nothing to change for {partner.name}: {action_words(movement.action)}. {movement.reason}",
                markup=False,
            )

    # ------------------------------------------------------------------ position and palette

    def current_row(self) -> int:
        return self.query_one(ProgramTable).cursor_row

    def focus_row(self, row: int) -> None:
        table = self.query_one(ProgramTable)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        table.focus()
        self.call_after_refresh(self.scroll_to_widget, self.query_one("#program-title"), animate=False, top=True)

    def show_target(self, target: Target) -> None:
        """Select the partner the target names (by id), else the first."""
        table = self.query_one(ProgramTable)
        for index, (partner, _) in enumerate(table.rows_shown):
            if partner.id in target.records:
                self.focus_row(index)
                return
        self.focus_row(0)

    def screen_commands(self) -> Iterable[SystemCommand]:
        results = self.query_one(ResultsTable)
        yield SystemCommand("Add quarterly result", "Record a signed partner's quarter", results.action_add)
        yield SystemCommand("Apply recommendation", "Set the selected partner's tier as the rules say", self.action_apply)
        yield SystemCommand("Sign a partner", "Give a mapped partner a program tier", self.action_sign)
        yield SystemCommand("Set program tier", "Change the selected partner's recorded tier", self.action_set_tier)
        tiers = self.query_one(TierTable)
        yield SystemCommand("Edit tier", "Criteria, benefits and commitments of the selected tier", tiers.action_edit)
        yield SystemCommand("Add tier", "A new tier above the selected one", tiers.action_add)
        yield SystemCommand("Rename tier", "Partners, OKRs and the export follow", tiers.action_rename)
        yield SystemCommand("Remove tier", "Refused while partners hold it", tiers.action_delete)
        yield SystemCommand("Edit movement rules", "Promotion, warning, demotion and exit numbers", self.action_edit_rules)


def _bullets(name: str, what: str, lines: list[str]) -> Content:
    title = Content.assemble((f"{visible(name)} {what}", "bold"))
    if not lines:
        return Content.assemble(title, "\n  (none)")
    parts: list[Content | str | tuple[str, str]] = [title]
    for line in lines:
        parts += ["\n• ", literal(line)]
    return Content.assemble(*parts)


def _commitments(tier: Tier) -> Content:
    counted = []
    if tier.reviews_per_year is not None:
        counted.append(f"{tier.reviews_per_year} business review(s) a year ({tier.review_cadence})")
    if tier.joint_gtm_per_year is not None:
        counted.append(f"at least {tier.joint_gtm_per_year} joint go-to-market activities a year")
    if tier.deal_registration_days is not None:
        counted.append(f"deal registration within {tier.deal_registration_days} business days")
    text = _bullets(tier.name, "commitments", tier.commitments)
    counted_text = "; ".join(counted) if counted else "none (e: set them)"
    return Content.assemble(text, "\nCounted at each QBR: ", counted_text)


def _movement_text(movement: PartnerMovement) -> Content:
    parts: list[Content | str | tuple[str, str]] = [
        (visible(movement.partner.name), "bold"),
        " — recorded ", literal(movement.label(movement.recorded_tier)),
        "; the rules give ", literal(movement.label(movement.rules_tier)), ".\n",
        action_content(movement.action, movement.label(movement.action_tier) if movement.action_tier else None),
        ": ",
        literal(movement.reason),
    ]
    if movement.exit_due is not None and movement.last_activity is not None:
        parts.append(
            f"\nLast pipeline activity {movement.last_activity.isoformat()}; exit due {movement.exit_due.isoformat()} without activity."
        )
    return Content.assemble(*parts)
