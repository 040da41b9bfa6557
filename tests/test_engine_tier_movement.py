"""Phase 3.2: qualification, promotion, warning, demotion, exit — with the rules' numbers."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.method.defaults import default_tiers, new_session
from workshop.method.models import (
    MovementRules,
    Partner,
    PartnerStage,
    QuarterResult,
    TierFramework,
)
from workshop.method.tier_movement import Action, evaluate_partner, evaluate_program, qualifying_tier

P, G, S, R = "platinum", "gold", "silver", "registered"
TODAY = date(2025, 1, 15)

# results that meet exactly one tier (default framework)
PLAT = dict(pipeline=2_000_000, certified_individuals=5, dedicated_practice=True)
GOLD = dict(pipeline=500_000, certified_individuals=3)
SILV = dict(pipeline=100_000, certified_individuals=1)
REGI = dict(pipeline=0)


def q(quarter: str, level: dict, activity: date | None = date(2024, 12, 1)) -> QuarterResult:
    return QuarterResult(quarter=quarter, last_pipeline_activity=activity, **level)


def partner(tier: str, *results: QuarterResult) -> Partner:
    return Partner(name="Acme", stage=PartnerStage.SIGNED, program_tier=tier, results=list(results))


def test_default_tiers_are_the_methods() -> None:
    framework = default_tiers()
    assert [(t.id, t.pipeline_min, t.certified_individuals, t.dedicated_practice) for t in framework.tiers] == [
        (P, 2_000_000, 5, True),
        (G, 500_000, 3, False),
        (S, 100_000, 1, False),
        (R, None, 0, False),
    ]
    rules = framework.rules
    assert (rules.promotion_quarters, rules.warning_misses, rules.demotion_misses) == (2, 1, 2)
    assert [t.exit_months for t in framework.tiers] == [12, 12, 12, 6]
    assert [t.name for t in framework.tiers] == ["Platinum", "Gold", "Silver", "Registered"]


@pytest.mark.parametrize(
    ("level", "tier"),
    [
        (PLAT, P),
        (GOLD, G),
        (SILV, S),
        (REGI, R),
        (dict(PLAT, dedicated_practice=False), G),
        (dict(PLAT, certified_individuals=4), G),
        (dict(PLAT, pipeline=1_999_999), G),
        (dict(GOLD, certified_individuals=2), S),
        (dict(SILV, certified_individuals=0), R),
        (dict(pipeline=99_999, certified_individuals=9), R),
    ],
)
def test_qualifies_for_the_highest_tier_met(level: dict, tier: str) -> None:
    assert qualifying_tier(QuarterResult(quarter="2024-Q1", **level), default_tiers()) == tier


def test_one_miss_then_recovery() -> None:
    m = evaluate_partner(partner(P, q("2024-Q3", GOLD), q("2024-Q4", PLAT)), default_tiers(), TODAY)
    assert [x.action for x in m.quarters] == [Action.WARNING, Action.HOLD]
    assert "Missed Platinum criteria" in m.quarters[0].reason
    assert "below the $2,000,000 minimum" in m.quarters[0].reason
    assert m.quarters[1].misses == 0
    assert m.action is Action.HOLD and m.contradiction is None and m.rules_tier == P


def test_recovery_resets_the_count() -> None:
    m = evaluate_partner(
        partner(P, q("2024-Q2", GOLD), q("2024-Q3", PLAT), q("2024-Q4", GOLD)), default_tiers(), TODAY
    )
    assert [x.action for x in m.quarters] == [Action.WARNING, Action.HOLD, Action.WARNING]
    assert m.action is Action.WARNING
    assert m.contradiction is None


def test_two_misses_demote_platinum_to_gold_and_flag_the_record() -> None:
    m = evaluate_partner(partner(P, q("2024-Q3", SILV), q("2024-Q4", SILV)), default_tiers(), TODAY)
    assert [x.action for x in m.quarters] == [Action.WARNING, Action.DEMOTE]
    assert m.quarters[1].tier_after == G  # one step, even though it only met Silver
    assert m.rules_tier == G
    assert m.action is Action.DEMOTE and m.action_tier == G
    assert m.contradiction is not None
    assert "Recorded Platinum" in m.contradiction and "Gold" in m.contradiction
    assert "2 consecutive quarters" in m.contradiction


def test_demotion_resets_the_count_so_the_next_miss_is_a_warning() -> None:
    m = evaluate_partner(
        partner(P, q("2024-Q2", SILV), q("2024-Q3", SILV), q("2024-Q4", SILV)), default_tiers(), TODAY
    )
    assert [x.action for x in m.quarters] == [Action.WARNING, Action.DEMOTE, Action.WARNING]
    assert m.rules_tier == G


def test_once_the_team_records_the_demotion_there_is_no_contradiction() -> None:
    m = evaluate_partner(partner(G, q("2024-Q3", GOLD), q("2024-Q4", GOLD)), default_tiers(), TODAY)
    assert m.contradiction is None and m.action is Action.HOLD


def test_promotion_after_two_consecutive_quarters_one_step_at_a_time() -> None:
    one = evaluate_partner(partner(S, q("2024-Q4", PLAT)), default_tiers(), TODAY)
    assert one.quarters[0].action is Action.HOLD
    assert "1 quarter of 2 needed" in one.quarters[0].reason
    two = evaluate_partner(partner(S, q("2024-Q3", PLAT), q("2024-Q4", PLAT)), default_tiers(), TODAY)
    assert two.quarters[-1].action is Action.PROMOTE
    assert two.rules_tier == G  # Silver -> Gold, not straight to Platinum
    assert two.action is Action.PROMOTE and two.action_tier == G
    assert two.contradiction and "Recorded Silver" in two.contradiction


def test_a_missing_quarter_breaks_the_streak() -> None:
    m = evaluate_partner(partner(P, q("2024-Q1", GOLD), q("2024-Q3", GOLD)), default_tiers(), TODAY)
    assert [x.action for x in m.quarters] == [Action.WARNING, Action.WARNING]
    assert "counts restart" in m.quarters[1].reason


def test_results_are_sorted_by_quarter() -> None:
    m = evaluate_partner(partner(P, q("2024-Q4", GOLD), q("2024-Q3", GOLD)), default_tiers(), TODAY)
    assert [x.quarter for x in m.quarters] == ["2024-Q3", "2024-Q4"]
    assert m.quarters[-1].action is Action.DEMOTE


def test_numbers_come_from_the_sessions_rules() -> None:
    framework = default_tiers()
    framework.rules = MovementRules(promotion_quarters=3, warning_misses=2, demotion_misses=3)
    m = evaluate_partner(
        partner(P, q("2024-Q2", GOLD), q("2024-Q3", GOLD), q("2024-Q4", GOLD)), framework, TODAY
    )
    assert [x.action for x in m.quarters] == [Action.HOLD, Action.WARNING, Action.DEMOTE]
    m = evaluate_partner(
        partner(S, q("2024-Q2", GOLD), q("2024-Q3", GOLD), q("2024-Q4", GOLD)), framework, TODAY
    )
    assert [x.action for x in m.quarters] == [Action.HOLD, Action.HOLD, Action.PROMOTE]


def test_tier_thresholds_come_from_the_session() -> None:
    framework = default_tiers()
    framework.tiers[0].pipeline_min = 3_000_000
    assert qualifying_tier(QuarterResult(quarter="2024-Q1", **PLAT), framework) == G


def test_twelve_months_to_the_day_exits_the_day_before_holds() -> None:
    last = date(2024, 3, 15)
    p = partner(G, q("2024-Q1", GOLD, activity=last))
    assert evaluate_partner(p, default_tiers(), date(2025, 3, 14)).action is Action.HOLD
    m = evaluate_partner(p, default_tiers(), date(2025, 3, 15))
    assert m.action is Action.EXIT
    assert m.exit_due == date(2025, 3, 15)
    assert "terminate" in m.reason
    assert m.contradiction and "exit" in m.contradiction


def test_registered_exits_at_six_months() -> None:
    last = date(2024, 6, 30)
    p = partner(R, q("2024-Q2", REGI, activity=last))
    assert evaluate_partner(p, default_tiers(), date(2024, 12, 29)).action is Action.HOLD
    m = evaluate_partner(p, default_tiers(), date(2024, 12, 30))
    assert m.action is Action.EXIT and m.exit_due == date(2024, 12, 30)
    # a Silver partner with the same activity is not due yet
    assert evaluate_partner(partner(S, q("2024-Q2", SILV, activity=last)), default_tiers(), date(2024, 12, 30)).action is Action.HOLD


def test_exit_month_end_is_clamped() -> None:
    p = partner(G, q("2024-Q1", GOLD, activity=date(2024, 2, 29)))
    assert evaluate_partner(p, default_tiers(), date(2025, 2, 27)).action is Action.HOLD
    assert evaluate_partner(p, default_tiers(), date(2025, 2, 28)).action is Action.EXIT


def test_exit_months_come_from_the_held_tier() -> None:
    framework = default_tiers()
    framework.tier(G).exit_months = 3
    p = partner(G, q("2024-Q1", GOLD, activity=date(2024, 3, 1)))
    assert evaluate_partner(p, framework, date(2024, 6, 1)).action is Action.EXIT


def test_exit_within_the_history_at_a_qbr() -> None:
    p = partner(G, q("2023-Q1", GOLD, activity=date(2023, 1, 10)), q("2024-Q1", GOLD, activity=None))
    m = evaluate_partner(p, default_tiers(), date(2024, 3, 1))
    assert m.quarters[-1].action is Action.EXIT  # as of 2024-03-01, over 12 months since 2023-01-10


def test_no_results_holds() -> None:
    m = evaluate_partner(partner(G), default_tiers(), TODAY)
    assert m.action is Action.HOLD and m.contradiction is None and m.exit_due is None
    assert "No quarterly results" in m.reason


def test_unsigned_partner_is_refused() -> None:
    with pytest.raises(ValueError):
        evaluate_partner(Partner(name="x"), default_tiers(), TODAY)


def test_program_only_evaluates_partners_with_a_tier_still_in_the_program() -> None:
    session = new_session()
    session.mapping.partners = [
        Partner(name="prospect"),
        partner(G),
        Partner(name="gone", stage=PartnerStage.EXITED, program_tier=G),
    ]
    assert [m.partner.name for m in evaluate_program(session, TODAY)] == ["Acme"]


def test_framework_without_silver_steps_over_it() -> None:
    framework = TierFramework(tiers=[t for t in default_tiers().tiers if t.id != S])
    m = evaluate_partner(partner(G, q("2024-Q3", REGI), q("2024-Q4", REGI)), framework, TODAY)
    assert m.rules_tier == R


def test_ten_thousand_partners() -> None:
    # Speed is measured by `make bench`; this checks every partner is evaluated.
    session = new_session()
    results = [q(f"2024-Q{n}", GOLD) for n in range(1, 5)]
    session.mapping.partners = [
        Partner(name=f"P{i}", stage=PartnerStage.SIGNED, program_tier=P, results=results)
        for i in range(10_000)
    ]
    movements = evaluate_program(session, TODAY)
    assert len(movements) == 10_000
    assert all(m.contradiction for m in movements)


def test_signing_records_the_tier_and_the_stage_and_applying_follows_the_rules() -> None:
    from workshop.method.models import PartnerStage
    from workshop.method.tier_movement import apply_movement, sign_partner

    partner = Partner(name="Acme")
    sign_partner(partner, "silver")
    assert (partner.program_tier, partner.stage) == ("silver", PartnerStage.SIGNED)
    session = new_session()
    session.mapping.partners = [partner]
    partner.results = [q(f"2024-Q{n}", GOLD) for n in (3, 4)]
    (movement,) = evaluate_program(session, TODAY)
    assert movement.action is Action.PROMOTE
    assert apply_movement(movement) and partner.program_tier == "gold"
    partner.program_tier = "gold"
    partner.results = [q(f"2024-Q{n}", GOLD) for n in (3, 4)]
    (after,) = evaluate_program(session, TODAY)
    assert after.action is Action.HOLD
    assert not apply_movement(after) and partner.program_tier == "gold"
