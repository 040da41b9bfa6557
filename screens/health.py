"""Health: the method's six quality rules, other findings, completeness and the economics.

Every line of the report jumps to the place to fix it (Enter or a click).  The economics
inputs are editable here and the figures follow as they are typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.containers import Container
from textual.widgets import OptionList, Static

from screens.host import host
from screens.fields import FieldEditor, FieldSpec
from screens.health_lines import completeness_option, economics_text, rule_option
from screens.phase_view import GoTo, PhaseView
from screens.text import literal
from workshop.method.economics import partner_economics
from workshop.method.findings import RuleResult, Target
from workshop.method.health import HealthReport, health_report
from workshop.method.models import Phase

ECONOMICS_FIELDS = [
    FieldSpec("win_rate_pct", "Win rate %", "percent", optional=False),
    FieldSpec("avg_deal_size", "Average deal size", "money", hint="e.g. 120k", optional=False),
    FieldSpec("direct_cac_ratio", "Direct CAC ratio", "decimal", hint="spent per 1 of new ARR (e.g. 1.2)", optional=False),
    FieldSpec("referral_fee_pct", "Referral fee % of ACV", "percent", hint="method: 5–15%", optional=False),
    FieldSpec("reseller_margin_pct", "Reseller margin % off list", "percent", hint="method: 20–40%", optional=False),
    FieldSpec("referral_share_pct", "Referral share of partner ARR %", "percent", optional=False),
    FieldSpec("reseller_share_pct", "Reseller share of partner ARR %", "percent", hint="the rest is co-sell", optional=False),
]
"""The tier pipeline mix is each tier's own share: edited with the tier (Tier framework, 4)."""

NARROW_BELOW = 90


class EconomicsInputs(Container):
    DEFAULT_CSS = """
    EconomicsInputs { layout: grid; grid-size: 3; grid-gutter: 0 2; height: auto; }
    EconomicsInputs.-narrow { grid-size: 1; }
    """

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_BELOW, "-narrow")


class HealthView(PhaseView):
    key = "health"
    title = "Health"
    phase = None

    DEFAULT_CSS = """
    HealthView OptionList { height: auto; max-height: 24; margin-bottom: 1; }
    HealthView #health-summary { text-style: bold; }
    HealthView #economics { margin-bottom: 1; }
    """

    _report: HealthReport | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="health-summary", markup=False)
        yield Static("Quality rules", classes="section-title", markup=False)
        yield Static("↑↓ choose   Enter: go to the place to fix it", classes="section-help", markup=False)
        yield OptionList(id="rules")
        yield Static("Other findings", classes="section-title", markup=False)
        yield OptionList(id="findings")
        yield Static("Completeness by phase", classes="section-title", markup=False)
        yield OptionList(id="completeness")
        yield Static("Partner economics", classes="section-title", markup=False)
        yield Static(
            "Every figure shows its formula and the inputs it used; edit the inputs below and the "
            "figures follow. The tier pipeline mix is set with each tier (Tier framework, 4).",
            classes="section-help",
            markup=False,
        )
        yield Static("", id="economics")
        yield Static("Economics inputs", classes="section-title", markup=False)
        with EconomicsInputs(id="economics-inputs"):
            for spec in ECONOMICS_FIELDS:
                yield FieldEditor(self.session.economics, spec)

    # ------------------------------------------------------------------ refresh

    def refresh_view(self) -> None:
        report = health_report(self.session, host(self).today)
        self._report = report
        self.query_one("#health-summary", Static).update(
            f"{report.fails} failing, {report.warnings} warnings "
            f"({sum(r.status.value == 'pass' for r in report.rules)} of {len(report.rules)} quality rules pass)"
        )
        self._fill("#rules", [rule_option(r, i, "rule") for i, r in enumerate(report.rules)])
        findings = [rule_option(f, i, "finding") for i, f in enumerate(report.findings)]
        self._fill("#findings", findings or ["No other findings."])
        self._fill("#completeness", [completeness_option(c) for c in report.completeness.values()])
        self.query_one("#economics", Static).update(literal(economics_text(partner_economics(self.session))))

    def _fill(self, selector: str, options: list) -> None:
        option_list = self.query_one(selector, OptionList)
        highlighted = option_list.highlighted
        option_list.set_options(options)
        if highlighted is not None and option_list.option_count:
            option_list.highlighted = min(highlighted, option_list.option_count - 1)

    # ------------------------------------------------------------------ jumping

    def _result(self, option_id: str | None) -> RuleResult | None:
        report = self._report
        if report is None or option_id is None:
            return None
        kind, _, number = option_id.partition("-")
        results = report.rules if kind == "rule" else report.findings if kind == "finding" else ()
        index = int(number) if number.isdigit() else -1
        return results[index] if 0 <= index < len(results) else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("phase-"):
            phase = Phase(option_id.removeprefix("phase-"))
            places = self._report.completeness[phase].places if self._report else []
            self.post_message(GoTo(places[0] if places else Target(phase)))
            return
        result = self._result(option_id)
        if result is not None:
            self.post_message(GoTo(result.target))

    def current_row(self) -> int:
        return self.query_one("#rules", OptionList).highlighted or 0

    def focus_row(self, row: int) -> None:
        rules = self.query_one("#rules", OptionList)
        if rules.option_count:
            rules.highlighted = min(row, rules.option_count - 1)

    def show_economics(self) -> None:
        """The assumptions behind the economics, ready to edit."""
        self.when_ready(self._show_economics)

    def _show_economics(self) -> None:
        self.query_one("#field-win_rate_pct #input").focus()
        self.scroll_to_widget(self.query_one("#economics-inputs"))

    def show_rules(self) -> None:
        self.when_ready(self.query_one("#rules", OptionList).focus)

    def screen_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Economics inputs", "Health: edit the assumptions behind the economics",
                            self.show_economics)
        yield SystemCommand("Quality rules", "Health: the six quality rules", self.show_rules)
