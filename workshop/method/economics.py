"""The program's numbers a VP defends to the board; every figure carries its inputs.

Horizon: the thesis's N years, ending in the intake's target year (year 1 = target year - N + 1).
Partner-sourced ARR ramps linearly: year k = target ARR x partner share x k / N, so the last
year is exactly the thesis's promise and each year adds the same new partner-sourced ARR.
Pipeline needed in a year = that year's new partner-sourced ARR / win rate; over the whole
horizon it is the partner-sourced ARR target / win rate.  Deals to win in a year = that year's
new partner-sourced ARR / average deal size, rounded up; over the horizon = the partner-sourced
ARR target / average deal size, rounded up once (not the sum of the rounded years).  Partners
needed per tier (each tier of the session's ladder with a share of the pipeline) = a year's
pipeline x the tier's share of it / the tier's annual pipeline minimum, rounded up.  Channel
cost for a year: referral fees and reseller margin on their share of the new partner-sourced
ARR, plus MDF per tier x partners needed (tiers whose MDF is set; a tier whose benefits promise
MDF needs it set).  See docs/method.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from workshop.method.currency import current as current_currency
from workshop.method.dates import money
from workshop.method.models import Session, Tier
from workshop.method.tier_ladder import mix_total, promises_mdf


def pipeline_tiers(session: Session) -> list[Tier]:
    """The tiers that carry a share of the partner-sourced pipeline, highest first."""
    return [tier for tier in session.tiers.tiers if tier.pipeline_share_pct > 0]


def _pct(value: float) -> str:
    return f"{value:g}%"


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    value: float | None
    """None when an input is missing: see ``needs``."""
    unit: str
    """``"$"``, ``"$/$"`` (dollars per dollar), ``"deals"`` or ``"partners"``."""
    formula: str
    inputs: dict[str, str] = field(default_factory=dict)
    """Each input's name and the value used, as shown."""
    needs: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        if self.value is None:
            return "needs " + ", ".join(self.needs)
        if self.unit == "$":
            return money(self.value)
        if self.unit == "$/$":
            symbol = current_currency().symbol
            return f"{symbol}{self.value:,.2f} per {symbol}1"
        return f"{self.value:,.0f} {self.unit}"


@dataclass(frozen=True, slots=True)
class YearPlan:
    label: str
    partner_arr: Figure
    new_partner_arr: Figure
    pipeline: Figure
    deals: Figure


@dataclass(frozen=True, slots=True)
class Economics:
    years: tuple[YearPlan, ...]
    partner_arr_target: Figure
    pipeline_total: Figure
    deals_total: Figure
    """Deals to win over the whole horizon, from the total (not the rounded years added up)."""
    partners_by_tier: tuple[Figure, ...]
    channel_costs: tuple[Figure, ...]
    """Referral fees, reseller margin, MDF per tier, then the total — for one year of the plan."""
    cost_per_partner_dollar: Figure
    net_per_partner_dollar: Figure
    direct_cac: Figure
    comparison: str
    """One sentence comparing partner-sourced and direct cost per dollar of new ARR."""
    needs: tuple[str, ...]
    """Every missing input, so the screen can ask for them."""
    notes: tuple[str, ...]


_DEALS_TOTAL_FORMULA = "partner-sourced ARR target ÷ average deal size, rounded up once"


def _missing(label: str, unit: str, key: str, formula: str, needs: list[str]) -> Figure:
    return Figure(key, label, None, unit, formula, {}, tuple(needs))


def partner_economics(session: Session) -> Economics:
    intake, statement, inputs = session.intake, session.thesis.statement, session.economics
    needs: list[str] = []
    if intake.target_arr is None:
        needs.append("target ARR (Intake)")
    if statement.partner_share_pct is None:
        needs.append("partner share of ARR (Thesis)")
    if statement.years is None:
        needs.append("years to reach it (Thesis)")
    notes: list[str] = []
    win = inputs.win_rate_pct / 100
    base = {
        "win rate": _pct(inputs.win_rate_pct),
        "average deal size": money(inputs.avg_deal_size),
    }

    years: list[YearPlan] = []
    target_formula = "target ARR × partner share"
    if needs:
        target = _missing("Partner-sourced ARR target", "$", "partner_arr_target", target_formula, needs)
        total = _missing("Pipeline needed over the horizon", "$", "pipeline_total",
                         "partner-sourced ARR target ÷ win rate", needs)
        deals_total = _missing("Deals to win over the horizon", "deals", "deals_total", _DEALS_TOTAL_FORMULA, needs)
        new_per_year = None
    else:
        assert intake.target_arr is not None and statement.partner_share_pct is not None
        assert statement.years is not None
        n = statement.years
        final = intake.target_arr * statement.partner_share_pct / 100
        target_inputs = {"target ARR": money(intake.target_arr), "partner share": _pct(statement.partner_share_pct)}
        target = Figure("partner_arr_target", "Partner-sourced ARR target", final, "$", target_formula, target_inputs)
        total = Figure("pipeline_total", "Pipeline needed over the horizon", final / win, "$",
                       "partner-sourced ARR target ÷ win rate",
                       {"partner-sourced ARR target": money(final), "win rate": base["win rate"]})
        deals_total = Figure("deals_total", "Deals to win over the horizon",
                             math.ceil(final / inputs.avg_deal_size - 1e-9), "deals", _DEALS_TOTAL_FORMULA,
                             {"partner-sourced ARR target": money(final),
                              "average deal size": base["average deal size"]})
        new_per_year = final / n
        first_year = intake.target_year - n + 1 if intake.target_year is not None else None
        if first_year is None:
            notes.append("Years are numbered 1..N: set the target year (Intake) to date them.")
        for k in range(1, n + 1):
            label = str(first_year + k - 1) if first_year is not None else f"Year {k}"
            arr = final * k / n
            ramp = {**target_inputs, "year": f"{k} of {n}"}
            years.append(YearPlan(
                label=label,
                partner_arr=Figure(f"partner_arr_{k}", f"Partner-sourced ARR, {label}", arr, "$",
                                   "target ARR × partner share × year ÷ years", ramp),
                new_partner_arr=Figure(f"new_partner_arr_{k}", f"New partner-sourced ARR, {label}",
                                       new_per_year, "$", "partner-sourced ARR target ÷ years",
                                       {"partner-sourced ARR target": money(final), "years": str(n)}),
                pipeline=Figure(f"pipeline_{k}", f"Pipeline needed, {label}", new_per_year / win, "$",
                                "new partner-sourced ARR ÷ win rate",
                                {"new partner-sourced ARR": money(new_per_year), "win rate": base["win rate"]}),
                deals=Figure(f"deals_{k}", f"Deals needed, {label}",
                             math.ceil(new_per_year / inputs.avg_deal_size - 1e-9), "deals",
                             "new partner-sourced ARR ÷ average deal size, rounded up",
                             {"new partner-sourced ARR": money(new_per_year),
                              "average deal size": base["average deal size"]}),
            ))

    if years and deals_total.value is not None:
        added = sum(int(y.deals.value or 0) for y in years)
        if added != deals_total.value:
            notes.append(
                f"Deals per year are each rounded up ({years[0].deals.text} a year, {added:,} added up); "
                f"over the horizon {deals_total.text} are needed, computed from the total."
            )

    # ---------------------------------------------------------------- partners per tier
    carrying = pipeline_tiers(session)
    mix = mix_total(session.tiers)
    if session.tiers.tiers and abs(mix - 100) > 1e-9:
        notes.append(f"The tier pipeline mix adds up to {mix:g}%, not 100%: the partner counts "
                     "cover that share of the pipeline only.")
    if session.tiers.tiers and not carrying:
        notes.append("No tier has a share of the pipeline: set the tier pipeline mix (Tiers) to "
                     "count the partners each tier needs.")
    annual_pipeline = new_per_year / win if new_per_year is not None else None
    partners: list[Figure] = []
    partner_counts: dict[str, int] = {}
    for tier in carrying:
        name = tier.name
        key, label = f"partners_{tier.id}", f"{name} partners needed"
        formula = f"annual pipeline × {name} share ÷ {name} pipeline minimum, rounded up"
        missing = list(needs)
        if not tier.pipeline_min:
            missing.append(f"{name} annual pipeline minimum (Tiers)")
        if missing or annual_pipeline is None:
            partners.append(_missing(label, "partners", key, formula, missing))
            continue
        assert tier.pipeline_min
        count = math.ceil(annual_pipeline * tier.pipeline_share_pct / 100 / tier.pipeline_min - 1e-9)
        partner_counts[tier.id] = count
        partners.append(Figure(key, label, count, "partners", formula, {
            "annual pipeline": money(annual_pipeline),
            f"{name} share": _pct(tier.pipeline_share_pct),
            f"{name} pipeline minimum": money(tier.pipeline_min),
        }))

    # ---------------------------------------------------------------- channel cost
    costs: list[Figure] = []
    channel_shares = inputs.referral_share_pct + inputs.reseller_share_pct
    if channel_shares > 100:
        needs.append("referral and reseller shares that add up to 100% or less")
    cost_needs = list(needs)
    for low, high, value, what in ((5, 15, inputs.referral_fee_pct, "referral fee"),
                                   (20, 40, inputs.reseller_margin_pct, "reseller margin")):
        if not low <= value <= high:
            notes.append(f"The {what} of {value:g}% is outside the method's {low}–{high}% range.")

    def cost(key: str, label: str, share: float, rate: float, share_name: str, rate_name: str) -> Figure:
        formula = f"new partner-sourced ARR × {share_name} × {rate_name}"
        if cost_needs or new_per_year is None:
            return _missing(label, "$", key, formula, cost_needs)
        return Figure(key, label, new_per_year * share / 100 * rate / 100, "$", formula, {
            "new partner-sourced ARR": money(new_per_year), share_name: _pct(share), rate_name: _pct(rate),
        })

    costs.append(cost("referral_fees", "Referral fees", inputs.referral_share_pct, inputs.referral_fee_pct,
                      "referral share", "referral fee (% of ACV)"))
    costs.append(cost("reseller_margin", "Reseller margin", inputs.reseller_share_pct,
                      inputs.reseller_margin_pct, "reseller share", "reseller margin (% off list)"))
    mdf_unset: list[str] = []
    by_tier = {tier.id: figure for tier, figure in zip(carrying, partners)}
    for tier in session.tiers.tiers:
        name = tier.name
        key, label = f"mdf_{tier.id}", f"MDF, {name}"
        formula = f"{name} MDF per year × {name} partners needed"
        if tier.mdf_per_year is None and not (promises_mdf(tier) and tier.id in by_tier):
            continue
        if tier.mdf_per_year is None:
            mdf_unset.append(name)
            costs.append(_missing(label, "$", key, formula, [f"{name} MDF per year (Tiers)"]))
        elif tier.id not in by_tier:
            continue  # MDF for a tier without a pipeline share: no partners needed, no cost counted
        elif tier.id not in partner_counts:
            costs.append(_missing(label, "$", key, formula, by_tier[tier.id].needs))
        else:
            costs.append(Figure(key, label, tier.mdf_per_year * partner_counts[tier.id], "$", formula, {
                f"{name} MDF per year": money(tier.mdf_per_year),
                f"{name} partners needed": str(partner_counts[tier.id]),
            }))
    known = [c for c in costs if c.value is not None]
    total_formula = "referral fees + reseller margin + MDF of the tiers where it is set"
    if cost_needs or new_per_year is None:
        total_cost = _missing("Channel cost per year", "$", "channel_cost", total_formula, cost_needs)
    else:
        total_inputs = {c.label: money(c.value or 0) for c in known}
        if mdf_unset:
            total_inputs["MDF not set (left out)"] = ", ".join(mdf_unset)
        total_cost = Figure("channel_cost", "Channel cost per year", sum(c.value or 0 for c in known), "$",
                            total_formula, total_inputs)
    costs.append(total_cost)
    if new_per_year is not None and channel_shares <= 100:
        notes.append(f"Co-sell ({100 - channel_shares:g}% of partner-sourced ARR) costs no cash fee: "
                     "its cost is shared quota credit. Partner team salaries are not included.")

    c = current_currency().symbol  # the session currency: "£1 of new ARR"
    direct = Figure("direct_cac", f"Direct cost per {c}1 of new ARR", inputs.direct_cac_ratio, "$/$",
                    "direct CAC ratio (input)", {"direct CAC ratio": f"{inputs.direct_cac_ratio:g}"})
    per_dollar_formula = "channel cost per year ÷ new partner-sourced ARR per year"
    if total_cost.value is None or not new_per_year:
        per_dollar = _missing(f"Partner cost per {c}1 of new ARR", "$/$", "partner_cost_per_dollar",
                              per_dollar_formula, list(total_cost.needs) or ["a partner-sourced ARR target"])
        net = _missing(f"Net revenue per partner-sourced {c}1", "$/$", "net_per_partner_dollar",
                       f"1 − partner cost per {c}1", list(per_dollar.needs))
        comparison = "Needs " + ", ".join(per_dollar.needs) + " to compare the channel with direct sales."
    else:
        ratio = total_cost.value / new_per_year
        per_dollar = Figure("partner_cost_per_dollar", f"Partner cost per {c}1 of new ARR", ratio, "$/$",
                            per_dollar_formula, {"channel cost per year": money(total_cost.value),
                                                 "new partner-sourced ARR per year": money(new_per_year)})
        net = Figure("net_per_partner_dollar", f"Net revenue per partner-sourced {c}1", 1 - ratio, "$/$",
                     f"1 − partner cost per {c}1", {f"partner cost per {c}1": f"{c}{ratio:,.2f}"})
        difference = inputs.direct_cac_ratio - ratio
        if abs(difference) < 0.005:
            verdict = "the same as direct"
        elif difference > 0:
            verdict = f"{c}{difference:,.2f} cheaper than direct"
        else:
            verdict = f"{c}{-difference:,.2f} dearer than direct"
        comparison = (f"Each partner-sourced {c}1 of new ARR costs {c}{ratio:,.2f} in channel cost versus "
                      f"{c}{inputs.direct_cac_ratio:,.2f} direct: {verdict}.")

    all_needs: list[str] = []
    for item in [*needs, *(n for f in (*partners, *costs) for n in f.needs)]:
        if item not in all_needs:
            all_needs.append(item)
    return Economics(
        years=tuple(years),
        partner_arr_target=target,
        pipeline_total=total,
        deals_total=deals_total,
        partners_by_tier=tuple(partners),
        channel_costs=tuple(costs),
        cost_per_partner_dollar=per_dollar,
        net_per_partner_dollar=net,
        direct_cac=direct,
        comparison=comparison,
        needs=tuple(all_needs),
        notes=tuple(notes),
    )
