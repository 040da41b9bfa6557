"""The demo's build / partner / acquire decisions (phase 4)."""

from __future__ import annotations

from datetime import date

from workshop.method.models import Decision, DecisionAnswers, DecisionChoice

def decisions() -> list[Decision]:
    return [
        Decision(
            id="D-001",
            capability="Transaction-monitoring detection engine",
            answers=DecisionAnswers(
                core_differentiation=True,
                engineering_capacity=True,
                adjacent_complementary=False,
                critical_to_market_position=True,
                build_time_months=6,
            ),
            decision=DecisionChoice.BUILD,
            rationale="It is what buyers choose us for, and the detection team has capacity in 2027. "
            "Partnering would hand our differentiation to a vendor.",
            finance_input="Within the 2027 R&D budget; no margin impact.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
        Decision(
            id="D-002",
            capability="Core-banking integrations",
            answers=DecisionAnswers(
                core_differentiation=False,
                adjacent_complementary=True,
                strong_partner_serves_icp=True,
                partner_economics_positive=True,
            ),
            decision=DecisionChoice.PARTNER,
            rationale="Connectors are adjacent, not core; Corebank Cloud serves our challenger-bank ICP "
            "and co-markets at no cash cost.",
            partner_considered="Corebank Cloud",
            finance_input="Positive: no revenue share; $30K of co-marketing credits per year.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
        Decision(
            id="D-003",
            capability="Implementation and model-validation services",
            answers=DecisionAnswers(
                core_differentiation=False,
                engineering_capacity=False,
                adjacent_complementary=True,
                strong_partner_serves_icp=True,
                partner_economics_positive=True,
            ),
            decision=DecisionChoice.PARTNER,
            rationale="Services are complementary and low-margin for us; certified partners earn the "
            "services revenue and we keep the licence.",
            partner_considered="Deloitte, Northbridge Risk Advisory",
            finance_input="Raises gross margin from 71% to 78% by moving services out.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 24),
            review_date=date(2027, 2, 24),
        ),
        Decision(
            id="D-004",
            capability="Sanctions and adverse-media screening data",
            answers=DecisionAnswers(
                core_differentiation=False,
                critical_to_market_position=True,
                build_time_months=24,
                acquisition_target_in_budget=True,
            ),
            decision=DecisionChoice.ACQUIRE,
            rationale="Buyers now expect screening in the same platform; building the data pipeline takes "
            "two years and a small screening vendor is for sale within budget.",
            finance_input="Target valued at $6–8M; accretive within 18 months at current churn.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
        Decision(
            id="D-005",
            capability="Market entry: UK & EU challenger banks",
            answers=DecisionAnswers(
                new_geography_or_vertical=True,
                partner_has_local_presence=True,
                revenue_scale_justifies_jv=False,
            ),
            decision=DecisionChoice.PARTNER,
            rationale="Enter through partners with local relationships and regulatory presence; revisit a "
            "JV only if UK ARR passes $5M.",
            partner_considered="KPMG UK, Meridian Compliance Partners",
            finance_input="No local entity needed in 2027; saves ~$2.4M of direct hiring.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
    ]
