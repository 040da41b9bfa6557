"""Phase 1.3: the method's thesis statement, filled from the session.

A field still empty is shown as its name in brackets (``[partner types]``) and listed in
``missing``; nothing is printed as empty brackets or blank space.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.method.models import Session


@dataclass(frozen=True, slots=True)
class ThesisRender:
    text: str
    missing: list[str]
    """Names of the fields still empty, in the order they appear in the statement."""

    @property
    def complete(self) -> bool:
        return not self.missing


def _number(value: float) -> str:
    return f"{value:g}"


def _join(items: list[str]) -> str:
    items = [item.strip() for item in items if item.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def render_thesis(session: Session) -> ThesisRender:
    st = session.thesis.statement
    missing: list[str] = []

    def put(name: str, value: str) -> str:
        value = value.strip()
        if value:
            return value
        if name not in missing:
            missing.append(name)
        return f"[{name}]"

    company = put("company name", session.intake.company_name)
    share = put("partner share of ARR", _number(st.partner_share_pct) if st.partner_share_pct is not None else "")
    years = put("years", str(st.years) if st.years is not None else "")
    year_word = "year" if st.years == 1 else "years"
    partner_types = put("partner types", st.partner_types)
    icp = put("ICP", st.icp)
    markets = put("markets", st.markets)
    lines = [
        f"PARTNERSHIP THESIS — {company}",
        "",
        f"We will build a partner-led revenue channel that contributes {share}% of total ARR",
        f"within {years} {year_word} by partnering with {partner_types} "
        f"who serve {icp} in {markets}.",
        "",
        f"We will prioritize {put('prioritized models', _join(st.prioritized_models))} models "
        f"because {put('model rationale', st.rationale)}.",
        "",
        f"Partner-led growth accelerates our market penetration by {put('mechanism', st.mechanism)}:",
        f"{put('access partners', st.access_partners)} provide access to {icp} accounts we cannot "
        "reach",
        f"directly, while {put('product partners', st.product_partners)} extend our platform reach "
        f"into {put('adjacent use cases', st.adjacent_use_cases)}.",
        "",
        f"The program will be measured by: {put('north star metric', st.north_star_metric)}.",
    ]
    return ThesisRender("\n".join(lines), missing)
