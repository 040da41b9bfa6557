"""Key results against the economics (issue 15, section 2), through their structured measure.

A key result keeps the room's text; beside it, ``measure`` (what the number counts),
``measure_value`` and its unit, due on the key result's ``due`` date.  What is compared:

* Platinum / Gold / Silver partners signed — with the partners the economics need per tier
  (a year's pipeline × the tier's share ÷ the tier's pipeline minimum, rounded up);
* partner-sourced pipeline — with the pipeline needed in the year the key result is due (the
  plan's first year when it has no due date or is due outside the horizon);
* partner-sourced ARR — with the plan's partner-sourced ARR at the end of the year it is due
  (the target when it has no due date);
* the partner share of ARR — with the thesis's share, when due in the target year or undated
  (a share in an earlier year depends on the total ARR then, which the plan does not know).

A key result that asks for less than the economics need is flagged; asking for more is left
alone (ambition is not an inconsistency).  A key result whose text reads like one of these
but has no measure is flagged too, so the comparison is never silently skipped.
:func:`measure_from_text` reads such texts — the migration of older files uses it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from workshop.method.currency import KNOWN
from workshop.method.dates import money
from workshop.method.economics import Economics, Figure, partner_economics
from workshop.method.findings import RuleResult, Target, finding
from workshop.method.models import KeyResult, MeasureKind, Phase, Session

_TIER_KINDS = {
    MeasureKind.PLATINUM_PARTNERS: "partners_platinum",
    MeasureKind.GOLD_PARTNERS: "partners_gold",
    MeasureKind.SILVER_PARTNERS: "partners_silver",
}

_NUMBER = r"(\d+(?:[.,]\d+)*)"
_CODES = "|".join(KNOWN)
_MONEY = rf"(?:[$£€¥₹]|\b(?:{_CODES})\s)\s?{_NUMBER}\s*([kKmMbB])?\b"  # $12M, £12M, GBP 12M
_PATTERNS: list[tuple[re.Pattern[str], MeasureKind]] = [
    (re.compile(rf"\b{_NUMBER}\s+platinum\s+partners?\b", re.I), MeasureKind.PLATINUM_PARTNERS),
    (re.compile(rf"\b{_NUMBER}\s+gold\s+partners?\b", re.I), MeasureKind.GOLD_PARTNERS),
    (re.compile(rf"\b{_NUMBER}\s+silver\s+partners?\b", re.I), MeasureKind.SILVER_PARTNERS),
    (re.compile(rf"{_MONEY}[^.]*?\bpartner[- ]sourced\s+pipeline", re.I), MeasureKind.PARTNER_PIPELINE),
    (re.compile(rf"{_MONEY}[^.]*?\bpartner[- ]sourced\s+ARR", re.I), MeasureKind.PARTNER_ARR),
    (re.compile(rf"\b{_NUMBER}\s*%\s+of\s+(?:total\s+)?ARR\b", re.I), MeasureKind.PARTNER_ARR_SHARE),
    (re.compile(rf"\b{_NUMBER}\s+certified\b", re.I), MeasureKind.CERTIFIED_INDIVIDUALS),
]
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9}


@dataclass(frozen=True, slots=True)
class Measure:
    kind: MeasureKind
    value: float


def measure_from_text(text: str) -> Measure | None:
    """The measure a key result's text states, when it is one the economics can check
    ("Sign 3 Platinum partners by …", "$12M in partner-sourced pipeline", "30% of ARR",
    "60 certified individuals"); None otherwise."""
    for pattern, kind in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            continue
        if kind in (MeasureKind.PARTNER_PIPELINE, MeasureKind.PARTNER_ARR):
            value *= _SCALE.get((match.group(2) or "").lower(), 1)
        return Measure(kind, value)
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def measure_text(kr: KeyResult) -> str:
    """The measure as shown: "3 partners (Platinum partners signed)", "$12,000,000 …"."""
    if kr.measure is None or kr.measure_value is None:
        return ""
    value = kr.measure_value
    if kr.unit == "$":
        shown = money(value)
    elif kr.unit == "%":
        shown = f"{value:g}%"
    else:
        shown = f"{value:g} {kr.unit}".rstrip()
    return f"{shown} ({kr.measure.label.lower()})"


_SHORT = {
    MeasureKind.PLATINUM_PARTNERS: "Platinum", MeasureKind.GOLD_PARTNERS: "Gold",
    MeasureKind.SILVER_PARTNERS: "Silver", MeasureKind.PARTNER_PIPELINE: "pipeline",
    MeasureKind.PARTNER_ARR: "partner ARR", MeasureKind.PARTNER_ARR_SHARE: "of ARR",
    MeasureKind.CERTIFIED_INDIVIDUALS: "certified", MeasureKind.COUNT: "",
}


def measure_short(kr: KeyResult) -> str:
    """The measure in a table cell: "3 partners Platinum" reads "3 Platinum partners"."""
    if kr.measure is None or kr.measure_value is None:
        return ""
    value = kr.measure_value
    if kr.measure in (MeasureKind.PLATINUM_PARTNERS, MeasureKind.GOLD_PARTNERS, MeasureKind.SILVER_PARTNERS):
        return f"{value:g} {_SHORT[kr.measure]} partners"
    if kr.unit == "$":
        return f"{money(value)} {_SHORT[kr.measure]}"
    if kr.unit == "%":
        return f"{value:g}% {_SHORT[kr.measure]}"
    return " ".join(part for part in (f"{value:g}", kr.unit, _SHORT[kr.measure]) if part)


def _year_figure(economics: Economics, kr: KeyResult, attribute: str) -> Figure | None:
    years = economics.years
    if not years:
        return None
    if kr.due is not None:
        for year in years:
            if year.label == str(kr.due.year):
                return getattr(year, attribute)
    return getattr(years[0], attribute) if attribute == "pipeline" else None


def kr_economics_findings(session: Session, economics: Economics | None = None) -> list[RuleResult]:
    economics = economics or partner_economics(session)
    found: list[RuleResult] = []
    by_key = {f.key: f for f in economics.partners_by_tier}
    share = session.thesis.statement.partner_share_pct
    target_year = session.intake.target_year
    for o_number, objective in enumerate(session.objectives, start=1):
        for k_number, kr in enumerate(objective.key_results, start=1):
            label = f"KR{o_number}.{k_number}"
            where = Target(Phase.OKRS, index=(o_number - 1, k_number - 1), label=f"{label} “{_short(kr.text)}”")

            def flag(message: str, where: Target = where) -> None:
                found.append(finding("okr.economics", "OKRs and economics", message, where))

            if kr.measure is None or kr.measure_value is None:
                read = measure_from_text(kr.text)
                if read is not None and read.kind is not MeasureKind.CERTIFIED_INDIVIDUALS:
                    flag(f"{label} reads like a target of {read.kind.label.lower()} but has no measure: "
                         "set its measure (kind and number) so it is checked against the economics.")
                continue
            value, kind = kr.measure_value, kr.measure
            if kind in _TIER_KINDS:
                needed = by_key.get(_TIER_KINDS[kind])
                if needed is not None and needed.value is not None and value < needed.value:
                    inputs = ", ".join(f"{name} {shown}" for name, shown in needed.inputs.items())
                    flag(f"{label} aims at {value:g} {kind.label.split()[0]} partners, but the economics need "
                         f"{needed.text} ({needed.formula}: {inputs}).")
            elif kind is MeasureKind.PARTNER_PIPELINE:
                needed = _year_figure(economics, kr, "pipeline")
                if needed is not None and needed.value is not None and value < needed.value - 0.5:
                    flag(f"{label} aims at {money(value)} of partner-sourced pipeline, but the economics need "
                         f"{needed.text} ({needed.label.lower()}).")
            elif kind is MeasureKind.PARTNER_ARR:
                needed = _year_figure(economics, kr, "partner_arr") if kr.due is not None else economics.partner_arr_target
                if needed is not None and needed.value is not None and value < needed.value - 0.5:
                    flag(f"{label} aims at {money(value)} of partner-sourced ARR, but the plan reaches "
                         f"{needed.text} ({needed.label.lower()}).")
            elif kind is MeasureKind.PARTNER_ARR_SHARE and share is not None:
                final = kr.due is None or target_year is None or kr.due.year >= target_year
                if final and not math.isclose(value, share) and value < share:
                    flag(f"{label} aims at {value:g}% of ARR from partners, but the thesis promises {share:g}%.")
    return found
