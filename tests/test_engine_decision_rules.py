from __future__ import annotations

from datetime import date

from workshop.method.decision_rules import assess_decision, matching_rules
from workshop.method.models import Decision, DecisionAnswers, DecisionChoice

BUILD = dict(core_differentiation=True, engineering_capacity=True)
PARTNER = dict(core_differentiation=False, adjacent_complementary=True, strong_partner_serves_icp=True,
               partner_economics_positive=True)
ACQUIRE = dict(critical_to_market_position=True, build_time_months=19, acquisition_target_in_budget=True)
ENTRY = dict(new_geography_or_vertical=True, partner_has_local_presence=True)


def keys(**answers) -> list[str]:
    return [m.key for m in matching_rules(DecisionAnswers(**answers))]


def test_each_rule_alone() -> None:
    assert keys(**BUILD) == ["build"]
    assert keys(**PARTNER) == ["partner"]
    assert keys(**ACQUIRE) == ["acquire"]
    assert keys(**ENTRY) == ["market_entry"]
    assert [m.outcome for m in matching_rules(DecisionAnswers(**ENTRY))] == [DecisionChoice.PARTNER]


def test_unanswered_or_no_never_matches() -> None:
    assert keys() == []
    assert keys(core_differentiation=True) == []
    assert keys(**(BUILD | {"engineering_capacity": False})) == []
    assert keys(**(PARTNER | {"partner_economics_positive": None})) == []


def test_partner_rule_needs_not_core() -> None:
    assert keys(**(PARTNER | {"core_differentiation": True})) == []
    assert keys(**(PARTNER | {"core_differentiation": None})) == ["partner"]


def test_acquire_needs_more_than_eighteen_months() -> None:
    assert keys(**(ACQUIRE | {"build_time_months": 18})) == []
    assert keys(**(ACQUIRE | {"build_time_months": 19})) == ["acquire"]
    assert keys(**(ACQUIRE | {"build_time_months": None})) == []


def test_jv_note() -> None:
    note = lambda **extra: matching_rules(DecisionAnswers(**ENTRY, **extra))[0].jv_note  # noqa: E731
    assert "consider a joint venture" in note(revenue_scale_justifies_jv=True)
    assert "does not justify" in note(revenue_scale_justifies_jv=False)
    assert "not answered" in note()
    assert matching_rules(DecisionAnswers(**BUILD))[0].jv_note is None


def decision(**answers) -> Decision:
    return Decision(id="D-001", capability="Payments", answers=DecisionAnswers(**answers))


def test_several_matching_rules_with_different_outcomes_say_so() -> None:
    a = assess_decision(decision(**BUILD, **ACQUIRE))
    assert [m.key for m in a.matches] == ["build", "acquire"]
    assert a.suggested is None
    assert "Several rules match with different outcomes" in a.message
    assert "discuss" in a.message


def test_several_rules_with_the_same_outcome() -> None:
    a = assess_decision(decision(**PARTNER, **ENTRY))
    assert len(a.matches) == 2 and a.suggested is DecisionChoice.PARTNER
    assert "Several rules match" in a.message and "PARTNER" in a.message


def test_no_rule_matches_says_so() -> None:
    a = assess_decision(decision())
    assert a.matches == () and a.suggested is None
    assert a.message.startswith("No rule matches")


def test_one_rule() -> None:
    a = assess_decision(decision(**BUILD))
    assert a.suggested is DecisionChoice.BUILD and a.message.startswith("One rule matches: BUILD")


def test_finality_needs_a_decision_and_finance_input() -> None:
    d = decision(**BUILD)
    assert assess_decision(d).status == "not final — no decision recorded"
    d.decision = DecisionChoice.BUILD
    a = assess_decision(d)
    assert not a.is_final and a.status == "not final — no Finance input"
    d.finance_input = "   "
    assert not assess_decision(d).is_final
    d.finance_input = "Margin-neutral; approved by CFO"
    a = assess_decision(d)
    assert a.is_final and a.status == "final"


def test_review_date_defaults_to_a_quarter_after_the_decision() -> None:
    d = decision()
    assert assess_decision(d).review_date is None
    d.decided_on = date(2025, 11, 30)
    a = assess_decision(d)
    assert a.review_date == date(2026, 2, 28) and a.review_date_is_default
    d.review_date = date(2025, 12, 24)
    a = assess_decision(d)
    assert a.review_date == date(2025, 12, 24) and not a.review_date_is_default


def test_disagreement_with_the_matrix() -> None:
    d = decision(**BUILD)
    d.decision = DecisionChoice.ACQUIRE
    assert "points to BUILD" in assess_decision(d).disagreement
    d.decision = DecisionChoice.BUILD
    assert assess_decision(d).disagreement is None
