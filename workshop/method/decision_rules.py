"""Phase 4: the build vs. partner vs. acquire decision matrix and the decision log.

The four rules are evaluated on a decision's answers.  Every rule that matches is reported;
when several match, or none, the assessment says so plainly — that is a discussion for the
room, never a silent default.  A decision without Finance input is not final.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from workshop.method.dates import add_months
from workshop.method.models import Decision, DecisionAnswers, DecisionChoice

ACQUIRE_BUILD_MONTHS = 18
"""ACQUIRE needs building to take *more than* 18 months."""
REVIEW_MONTHS = 3
"""Review date: quarterly, so a quarter after the decision."""


@dataclass(frozen=True, slots=True)
class MatrixRule:
    key: str
    outcome: DecisionChoice
    title: str
    wording: str
    """The method's IF ... AND ... text."""
    test: Callable[[DecisionAnswers], bool]


@dataclass(frozen=True, slots=True)
class RuleMatch:
    key: str
    outcome: DecisionChoice
    title: str
    wording: str
    jv_note: str | None = None
    """For market entry: whether a joint venture is worth considering."""

    @property
    def label(self) -> str:
        return f"{self.outcome.value} — {self.title}"


def _long_build(a: DecisionAnswers) -> bool:
    return a.build_time_months is not None and a.build_time_months > ACQUIRE_BUILD_MONTHS


RULES: tuple[MatrixRule, ...] = (
    MatrixRule(
        "build",
        DecisionChoice.BUILD,
        "core and we can build it",
        "Core to our product differentiation AND we have engineering capacity → BUILD internally",
        lambda a: a.core_differentiation is True and a.engineering_capacity is True,
    ),
    MatrixRule(
        "partner",
        DecisionChoice.PARTNER,
        "adjacent, with a strong partner",
        "Adjacent to our product, complementary, but not core AND a strong partner exists who "
        "serves our ICP AND partner economics are positive → PARTNER",
        lambda a: (
            a.adjacent_complementary is True
            and a.core_differentiation is not True
            and a.strong_partner_serves_icp is True
            and a.partner_economics_positive is True
        ),
    ),
    MatrixRule(
        "acquire",
        DecisionChoice.ACQUIRE,
        "critical, slow to build, target in budget",
        "Critical to market position AND building would take > 18 months AND an acquisition "
        "target exists within budget → ACQUIRE",
        lambda a: (
            a.critical_to_market_position is True
            and _long_build(a)
            and a.acquisition_target_in_budget is True
        ),
    ),
    MatrixRule(
        "market_entry",
        DecisionChoice.PARTNER,
        "market entry with a local partner",
        "Market entry vehicle in a new geography or vertical AND a partner has existing "
        "relationships and local presence → PARTNER (with JV consideration if revenue scale "
        "justifies it)",
        lambda a: a.new_geography_or_vertical is True and a.partner_has_local_presence is True,
    ),
)


def _jv_note(answers: DecisionAnswers) -> str:
    if answers.revenue_scale_justifies_jv is True:
        return "Revenue scale justifies it: consider a joint venture."
    if answers.revenue_scale_justifies_jv is False:
        return "Revenue scale does not justify a joint venture: partner without one."
    return "Consider a joint venture if revenue scale justifies it (not answered yet)."


def matching_rules(answers: DecisionAnswers) -> list[RuleMatch]:
    """Every rule of the matrix whose conditions are all answered yes, in the method's order."""
    return [
        RuleMatch(
            rule.key,
            rule.outcome,
            rule.title,
            rule.wording,
            _jv_note(answers) if rule.key == "market_entry" else None,
        )
        for rule in RULES
        if rule.test(answers)
    ]


@dataclass(frozen=True, slots=True)
class DecisionAssessment:
    decision: Decision
    matches: tuple[RuleMatch, ...]
    message: str
    """What the matrix says, in one sentence: one rule, several, or none."""
    suggested: DecisionChoice | None
    """The outcome when every matching rule agrees; None otherwise."""
    disagreement: str | None
    """Set when the recorded decision is not what any matching rule says."""
    is_final: bool
    status: str
    """``"final"`` or ``"not final — ..."``."""
    review_date: date | None
    review_date_is_default: bool


def assess_decision(decision: Decision) -> DecisionAssessment:
    matches = tuple(matching_rules(decision.answers))
    outcomes = sorted({m.outcome for m in matches}, key=lambda c: list(DecisionChoice).index(c))
    suggested = outcomes[0] if len(outcomes) == 1 else None
    if not matches:
        message = "No rule matches: the matrix gives no answer — discuss it in the room."
    elif len(matches) == 1:
        message = f"One rule matches: {matches[0].label}."
    elif suggested is not None:
        message = (
            f"Several rules match ({', '.join(m.title for m in matches)}), all pointing to "
            f"{suggested.value}."
        )
    else:
        message = (
            "Several rules match with different outcomes ("
            + "; ".join(m.label for m in matches)
            + "): discuss it in the room."
        )

    disagreement = None
    if decision.decision is not None and matches and decision.decision not in outcomes:
        disagreement = (
            f"Decided {decision.decision.value}, but the matrix points to "
            f"{' or '.join(o.value for o in outcomes)}: record why in the rationale."
        )

    has_finance = bool(decision.finance_input.strip())
    if decision.decision is None:
        status = "not final — no decision recorded"
    elif not has_finance:
        status = "not final — no Finance input"
    else:
        status = "final"

    review_date = decision.review_date
    is_default = False
    if review_date is None and decision.decided_on is not None:
        review_date = add_months(decision.decided_on, REVIEW_MONTHS)
        is_default = True

    return DecisionAssessment(
        decision=decision,
        matches=matches,
        message=message,
        suggested=suggested,
        disagreement=disagreement,
        is_final=status == "final",
        status=status,
        review_date=review_date,
        review_date_is_default=is_default,
    )
