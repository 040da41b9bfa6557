"""The tables of the Tiers view: the tier framework, the signed partners, one partner's quarters."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from screens.record_table import Column, RecordTable
from screens.fields import FieldSpec
from screens.host import editor
from screens.text import cell, one_line
from screens.tiers_results import QuarterResultDialog
from screens.dialogs import ConfirmDialog, PromptDialog
from screens.verdicts import action_cell
from workshop.method.dates import add_months, quarter_end, quarter_index, quarter_of
from workshop.method.editor import EditRefused
from workshop.method.models import Partner, QuarterResult, Session, Tier
from workshop.method.tier_ladder import LadderError, new_tier_name, removal_refused
from workshop.method.tier_movement import PartnerMovement, QuarterMovement
from workshop.method.currency import current as current_currency
from workshop.method.values import format_money

TIER_FIELDS = [
    FieldSpec("pipeline_min", "Annual pipeline target: minimum", "money", hint="e.g. 2M or 500,000; empty: none"),
    FieldSpec("pipeline_max", "Annual pipeline target: maximum", "money", hint="empty: open-ended (e.g. 2M+)"),
    FieldSpec("certified_individuals", "Certified individuals required", "count"),
    FieldSpec("dedicated_practice", "Dedicated practice or center of excellence required", "bool"),
    FieldSpec("mdf_per_year", "MDF allocation per year", "money"),
    FieldSpec("pipeline_share_pct", "Share of the partner-sourced pipeline (%)", "percent", optional=False,
              hint="the economics' tier mix: the tiers' shares add up to 100%"),
    FieldSpec("exit_months", "Exit after this many months without pipeline activity", "count", optional=False,
              hint="the method: 12; 6 for Registered"),
    FieldSpec("reviews_per_year", "Business reviews per year (countable commitment)", "count",
              hint="4 = quarterly QBR, 2 = semi-annual, 1 = annual; empty: none"),
    FieldSpec("joint_gtm_per_year", "Joint go-to-market activities per year, at least", "count",
              hint="empty: none required"),
    FieldSpec("deal_registration_days", "Deal registration within this many business days", "count",
              hint="empty: no deadline"),
    FieldSpec("benefits", "Benefits", "lines", hint="one a line"),
    FieldSpec("commitments", "Commitments (in words)", "lines", hint="one a line"),
]

RULE_FIELDS = [
    FieldSpec("promotion_quarters", "Promote after this many consecutive quarters meeting a higher tier", "count", optional=False),
    FieldSpec("warning_misses", "Warn after this many consecutive missed quarters", "count", optional=False),
    FieldSpec("demotion_misses", "Demote after this many consecutive missed quarters", "count", optional=False),
]

def short_money(value: int | None) -> str:
    """``$2M``, ``$500K``, ``$1.25M`` for narrow columns; exact dollars below $1,000."""
    if value is None:
        return "—"
    for size, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")):
        if value >= size:
            return f"{current_currency().symbol}{value / size:.2f}".rstrip("0").rstrip(".") + suffix
    return format_money(value)


def pipeline_range(tier: Tier) -> str:
    low, high = tier.pipeline_min, tier.pipeline_max
    if low is None and high is None:
        return "—"
    if high is None:
        return f"{short_money(low)}+"
    if low is None:
        return f"up to {short_money(high)}"
    return f"{short_money(low)}–{short_money(high)}"


# ---------------------------------------------------------------------------- tiers


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


class TierTable(RecordTable):
    """The session's tier ladder, highest first: add, rename, reorder and remove tiers.

    Every change goes through the session's editor (``workshop.method.editor``: recorded, autosaved),
    which refuses in words, via ``workshop.method.tier_ladder``, what would break the framework.
    """

    BINDINGS = [
        Binding("a", "add", "Add tier"),
        Binding("e", "edit", "Edit tier"),
        Binding("n", "rename", "Rename"),
        Binding("d,delete", "delete", "Remove tier"),
        Binding("ctrl+up", "move(-1)", "Move up"),
        Binding("ctrl+down", "move(1)", "Move down"),
    ]

    def __init__(self, session: Callable[[], Session], **kwargs) -> None:
        self.session = session
        super().__init__(
            records=lambda: self.session().tiers.tiers,
            columns=[
                Column("Tier", lambda t: t.name),
                Column("Pipeline/yr", pipeline_range),
                Column("Share", lambda t: f"{t.pipeline_share_pct:g}%", "right"),
                Column("Cert", lambda t: str(t.certified_individuals), "right"),
                Column("Practice", lambda t: "required" if t.dedicated_practice else "no"),
                Column("MDF/yr", lambda t: short_money(t.mdf_per_year), "right"),
                Column("Reviews", lambda t: t.review_cadence if t.reviews_per_year else "—"),
                Column("GTM/yr", lambda t: _count(t.joint_gtm_per_year), "right"),
                Column("Reg. days", lambda t: _count(t.deal_registration_days), "right"),
                Column("Exit", lambda t: f"{t.exit_months} mo", "right"),
            ],
            specs=TIER_FIELDS,
            noun="tier",
            title_of=lambda t: t.name,
            can_move=True,
            **kwargs,
        )

    def _refused(self, error: Exception) -> None:
        self.app.notify(str(error), title="Not changed", severity="warning", markup=False)

    def action_add(self) -> None:
        framework = self.session().tiers
        if not framework.tiers:
            editor(self).add_tier("")  # the method's four
            self.reload()
            return
        above = self.selected

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                tier = editor(self).add_tier(name, above=above)
            except EditRefused as error:
                self._refused(error)
                self.app.push_screen(PromptDialog("Add a tier", prompt_label, name), named)
                return
            self.reload()
            self.move_cursor(row=framework.tiers.index(tier))
            self.edit(tier, title=f"New tier: {tier.name}")

        where = f"above {above.name}" if above is not None else "at the top"
        prompt_label = f"Name of the new tier ({where}; case and spaces must differ from the others)"
        self.app.push_screen(PromptDialog("Add a tier", prompt_label, new_tier_name(framework)), named)

    def action_rename(self) -> None:
        tier = self.selected
        if tier is None:
            return
        old = tier.name

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                places = editor(self).rename_tier(tier, name)
            except EditRefused as error:
                self._refused(error)
                self.app.push_screen(PromptDialog(f"Rename tier {old}", "New name", name), named)
                return
            if tier.name == old:
                return
            self.reload()
            also = f" Also renamed in: {', '.join(places)}." if places else ""
            self.app.notify(
                f"{old} is now {tier.name} everywhere: partners, quarterly results, economics, export.{also}",
                title="Tier renamed", markup=False,
            )

        self.app.push_screen(
            PromptDialog(f"Rename tier {old}", "New name (partners, OKRs and the export follow)", old), named
        )

    def action_delete(self) -> None:
        tier = self.selected
        if tier is None:
            return
        refused = removal_refused(self.session(), tier)  # before asking: a held tier names its partners
        if refused:
            self._refused(LadderError(refused))
            return

        def confirmed(answer: bool | None) -> None:
            if not answer:
                return
            try:
                editor(self).remove_tier(tier)
            except EditRefused as error:
                self._refused(error)
                return
            self.reload()

        self.app.push_screen(
            ConfirmDialog(f"Remove tier “{tier.name}” from the ladder?", title="Remove tier", yes="Remove"),
            confirmed,
        )

    def action_move(self, delta: int) -> None:
        tier = self.selected
        if tier is None:
            return
        if editor(self).move_tier(tier, delta):
            self.reload()
            self.move_cursor(row=self.session().tiers.tiers.index(tier))


# ---------------------------------------------------------------------------- signed partners


class ProgramTable(DataTable):
    """Partners in the program with their recorded tier and the engine's current action."""

    DEFAULT_CSS = """
    ProgramTable { height: auto; max-height: 16; margin-bottom: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_shown: list[tuple[Partner, PartnerMovement | None]] = []

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _: self.show(self.rows_shown))  # the actions' colours
        self.add_column("Partner / tier", width=22)
        self.add_column("Action / check", width=20)
        self.add_column("Reason")

    def show(self, rows: list[tuple[Partner, PartnerMovement | None]]) -> None:
        cursor = self.cursor_row
        self.rows_shown = rows
        self.clear()
        for partner, movement in rows:
            if movement is None:
                self.add_row(
                    _two_lines(cell(partner.name), cell("no program tier")),
                    _two_lines(cell("—"), cell("t: set the tier")),
                    cell("Signed, but no program tier: t sets it."),
                    height=2,
                )
                continue
            check = cell("CONTRADICTION", style="bold reverse") if movement.contradiction else cell("ok")
            self.add_row(
                _two_lines(cell(partner.name), cell(movement.label(movement.recorded_tier))),
                _two_lines(action_cell(
                    self.app, movement.action, movement.label(movement.action_tier) if movement.action_tier else None
                ), check),
                cell(one_line(movement.reason, 100)),
                height=2,
            )
        if self.row_count:
            self.move_cursor(row=min(cursor, self.row_count - 1))

    @property
    def selected(self) -> tuple[Partner, PartnerMovement | None] | None:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]


def _two_lines(first: Text, second: Text) -> Text:
    joined = Text.assemble(first, "\n", second)
    joined.no_wrap, joined.overflow = True, "ellipsis"
    return joined


# ---------------------------------------------------------------------------- quarterly results


def next_quarter(partner: Partner, today) -> str:
    """The quarter after the latest recorded one (or this quarter) — a default to type over."""
    if not partner.results:
        return quarter_of(today)
    latest = max(partner.results, key=lambda r: quarter_index(r.quarter))
    return quarter_of(add_months(quarter_end(latest.quarter), 1))


class ResultsTable(RecordTable):
    """One signed partner's quarters, with the engine's qualifying tier and action per quarter."""

    BINDINGS = [
        Binding("a", "add", "Add quarter"),
        Binding("e", "edit", "Edit quarter"),
        Binding("d,delete", "delete", "Delete quarter"),
    ]

    def __init__(
        self,
        partner: Callable[[], Partner | None],
        verdict: Callable[[QuarterResult], QuarterMovement | None],
        label: Callable[[str], str],
        today: Callable[[], object],
        **kwargs,
    ) -> None:
        self.partner = partner
        self.today = today

        def verdict_cell(result: QuarterResult, what: str) -> Text | str:
            found = verdict(result)
            if found is None:
                return "—"
            if what == "tier":
                return label(found.qualifies_for)
            moved = label(found.tier_after) if found.tier_after != found.tier_held else None
            return action_cell(self.app, found.action, moved)

        super().__init__(
            records=lambda: self.partner().results if self.partner() is not None else [],
            columns=[
                Column("Quarter", lambda r: r.quarter),
                Column("Pipeline", lambda r: short_money(r.pipeline), "right"),
                Column("Qualifies", lambda r: verdict_cell(r, "tier")),
                Column("Action", lambda r: verdict_cell(r, "action")),
                Column("Cert", lambda r: str(r.certified_individuals), "right"),
                Column("Practice", lambda r: "yes" if r.dedicated_practice else "no"),
                Column("Reviews", lambda r: _count(r.business_reviews), "right"),
                Column("GTM", lambda r: _count(r.joint_gtm_activities), "right"),
                Column("Reg. days", lambda r: _count(r.deal_registration_days), "right"),
                Column("Last activity", lambda r: r.last_pipeline_activity.isoformat() if r.last_pipeline_activity else "—"),
            ],
            specs=[],
            noun="quarter",
            title_of=lambda r: r.quarter,
            new_record=self._new_result,
            **kwargs,
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.app.theme_changed_signal.subscribe(self, lambda _: self.reload())  # the actions' colours

    def _new_result(self) -> QuarterResult | None:
        partner = self.partner()
        if partner is None:
            return None
        return QuarterResult(quarter=next_quarter(partner, self.today()))

    def action_add(self) -> None:
        partner = self.partner()
        if partner is None:
            self.app.notify("Select a signed partner first (or sign one with s).")
            return
        result = self._new_result()
        assert result is not None
        editor(self).add_quarter_result(partner, result)
        self.reload()
        self.move_cursor(row=self.row_count - 1)
        self.edit(result, title=f"{partner.name}: new quarter")

    def edit(self, record: QuarterResult, *, title: str | None = None, new: bool = False) -> None:
        partner = self.partner()
        if partner is None:
            return
        dialog = QuarterResultDialog(title or f"{partner.name}: quarter {record.quarter}", partner, record)
        self.app.push_screen(dialog, lambda _: self._after_dialog(partner, record))

    def _after_dialog(self, partner: Partner, record: QuarterResult) -> None:
        editor(self).order_quarters(partner)
        self.reload()
        records = self.records()
        if record in records:
            self.move_cursor(row=next(i for i, r in enumerate(records) if r is record))
