"""The numbers behind the charts screen (issue 6), from the engine; pure, no plotting here.

Each chart is either data or, when an input is missing, the sentence to show instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from workshop.method.currency import current as current_currency
from workshop.method.dates import money
from workshop.method.economics import partner_economics, pipeline_tiers
from workshop.method.models import Session
from workshop.method.scoring import PRIORITY_MIN, SECONDARY_MIN, Band, ranked_partners, weighting

TOP_PARTNERS = 10
"""How many partners the score chart shows, best first."""


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    group: str = ""
    """Which series it belongs to (a band, a tier)."""
    note: str = ""
    """Shown with the label: the value in words ("$5.3M", "6 partners")."""


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    lines: tuple[tuple[float, str], ...] = ()
    """Reference lines: (value, what it is)."""
    caption: str = ""
    """A sentence under the chart: what is shown, what is left out."""
    empty: str = ""
    """When set, there is nothing to plot: show this sentence instead."""


def score_chart(session: Session, top: int = TOP_PARTNERS) -> Chart:
    """Partners by attractiveness score, best first, with the band thresholds as lines."""
    title = "Partners by attractiveness score"
    lines = ((PRIORITY_MIN, "Priority"), (SECONDARY_MIN, "Secondary"))
    ranked = ranked_partners(session.mapping.partners, session.mapping.weights)
    scored = [row for row in ranked if row.score is not None]
    unscored = len(ranked) - len(scored)
    if not scored:
        empty = ("No partner has a score yet: rate partners in Mapping (all five ratings) to see them here."
                 if ranked else "No partners mapped yet: add partners in Mapping to see them here.")
        return Chart(title, (), lines, empty=empty)
    shown = scored[:top]
    parts = [f"Top {len(shown)} of {len(scored)} scored partners" if len(scored) > len(shown)
             else f"All {len(scored)} scored partners"]
    if unscored:
        parts.append(f"{unscored} unscored not shown")
    parts.append(f"lines at {PRIORITY_MIN:g} (Priority) and {SECONDARY_MIN:g} (Secondary)")
    bars = tuple(Bar(row.partner.name, float(row.score or 0), (row.band or Band.OPPORTUNISTIC).label, row.score_text)
                 for row in shown)
    weights = weighting(session.mapping.weights)
    if not weights.is_method:
        parts.append(f"team weights {weights.text}, not the method's")
    return Chart(title, bars, lines, caption="; ".join(parts) + ".")


def round_ticks(top: float, most: int = 6) -> tuple[float, ...]:
    """Axis ticks from 0 to at least ``top`` in a round step (1, 2, 2.5 or 5 times a power of
    ten): ``round_ticks(46.4)`` is 0, 10, 20, 30, 40, 50 — never 8.3, 16.5, 24.8."""
    if top <= 0:
        return (0.0, 1.0)
    raw = Decimal(repr(top)) / (most - 1)
    power = Decimal(10) ** raw.adjusted()
    step = next(f * power for f in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)) if f * power >= raw)
    count = int((Decimal(repr(top)) / step).to_integral_value(rounding=ROUND_CEILING))
    return tuple(float(step * n) for n in range(count + 1))


def tick_text(value: float) -> str:
    """``10``, ``2.5``: a tick without trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def millions(amount: float) -> str:
    """``$5.3M`` (one decimal), for a chart label."""
    tenths = Decimal(repr(amount)) / Decimal(1_000_000)
    return f"{current_currency().symbol}{tenths.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}M"


def _needs(items: tuple[str, ...] | list[str]) -> str:
    return "Needs " + ", ".join(items) + " to draw this chart."


def arr_chart(session: Session) -> Chart:
    """Partner-sourced ARR target by year (in $M) against the total target ARR (a line)."""
    economics = partner_economics(session)
    title = f"Partner-sourced ARR target by year ({current_currency().symbol.strip()}M)"
    if not economics.years:
        return Chart(title, (), empty=_needs(economics.partner_arr_target.needs))
    total = session.intake.target_arr
    assert total is not None  # years exist only with a target ARR
    bars = tuple(
        Bar(year.label, (year.partner_arr.value or 0.0) / 1e6, note=millions(year.partner_arr.value or 0.0))
        for year in economics.years
    )
    final = economics.partner_arr_target
    caption = (f"Bars: partner-sourced ARR each year, reaching {final.text} "
               f"({final.inputs.get('partner share', '')} of the target). "
               f"Line: total target ARR {money(total)}.")
    return Chart(title, bars, ((total / 1e6, "Total target ARR"),), caption=caption)


def pipeline_chart(session: Session) -> Chart:
    """Pipeline needed in a year, split by tier (in $M), with the partners each tier needs."""
    economics = partner_economics(session)
    title = f"Pipeline needed per year by tier ({current_currency().symbol.strip()}M)"
    if not economics.years:
        return Chart(title, (), empty=_needs(economics.pipeline_total.needs))
    annual = economics.years[0].pipeline.value or 0.0
    bars = []
    for tier, figure in zip(pipeline_tiers(session), economics.partners_by_tier):
        bars.append(Bar(tier.name, annual * tier.pipeline_share_pct / 100 / 1e6, tier.name,
                        note="" if figure.value is None else figure.text))
    caption = (f"Pipeline needed each year: {money(annual)} (new partner-sourced ARR ÷ win rate), "
               "split by the tier pipeline mix.")
    missing = [n for f in economics.partners_by_tier for n in f.needs
               if n not in economics.partner_arr_target.needs]
    if missing:
        caption += " Partner counts need " + ", ".join(dict.fromkeys(missing)) + "."
    return Chart(title, tuple(bars), caption=caption)
