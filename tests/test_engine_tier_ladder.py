"""Issue 17 and 18: the session's own tier ladder, and the movement rules held to the method's letter.

Every expected movement here is computed by hand from the method's rules (3.2): promotion after
2 consecutive quarters qualifying above the held tier, warning after 1 miss, demotion after 2,
exit after the held tier's months without pipeline activity.
"""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from workshop.method.defaults import default_tiers, new_session
from workshop.method.economics import partner_economics
from workshop.method.health import health_report
from workshop.method.models import (
    KeyResult,
    Objective,
    Partner,
    PartnerStage,
    QuarterResult,
    Session,
    Tier,
    TierFramework,
)
from workshop.method.tier_ladder import (
    LadderError,
    add_tier,
    ladder_problems,
    move_tier,
    remove_tier,
    rename_tier,
    slug,
)
from workshop.method.tier_movement import Action, evaluate_partner, evaluate_program

TODAY = date(2026, 1, 15)


def three_tiers() -> TierFramework:
    """Select / Premier / Elite-less: a three-tier program with names the method never uses."""
    return TierFramework(tiers=[
        Tier(id="premier", name="Premier", pipeline_min=1_000_000, certified_individuals=4,
             dedicated_practice=True, pipeline_share_pct=60),
        Tier(id="select", name="Select", pipeline_min=250_000, pipeline_max=1_000_000,
             certified_individuals=2, pipeline_share_pct=40),
        Tier(id="member", name="Member", exit_months=6),
    ])


def five_tiers() -> TierFramework:
    """The method's four with an "Elite" tier at $5M+ on top."""
    framework = default_tiers()
    elite = Tier(id="elite", name="Elite", pipeline_min=5_000_000, certified_individuals=10,
                 dedicated_practice=True, pipeline_share_pct=20, mdf_per_year=300_000)
    framework.tiers[0].pipeline_max = 5_000_000
    framework.tiers[0].pipeline_share_pct = 30
    framework.tiers = [elite, *framework.tiers]
    return framework


def q(quarter: str, pipeline: int, certified: int = 0, practice: bool = False,
      activity: date | None = None, **commitments) -> QuarterResult:
    year, n = int(quarter[:4]), int(quarter[-1])
    day = activity if activity is not None else date(year, n * 3, 10)
    return QuarterResult(quarter=quarter, pipeline=pipeline, certified_individuals=certified,
                         dedicated_practice=practice, last_pipeline_activity=day, **commitments)


def signed(tier: str, *results: QuarterResult) -> Partner:
    return Partner(name="Acme", stage=PartnerStage.SIGNED, program_tier=tier, results=list(results))


def actions(movement) -> list[tuple[str, str, str]]:
    return [(m.quarter, m.action.value, m.tier_after) for m in movement.quarters]


# ------------------------------------------------------------------ three tiers


def test_three_tier_program_promotes_demotes_and_exits() -> None:
    framework = three_tiers()
    # Member meeting Select twice: promoted at the second QBR.
    m = evaluate_partner(signed("member", q("2025-Q1", 300_000, 2), q("2025-Q2", 400_000, 2)), framework, TODAY)
    assert actions(m) == [("2025-Q1", "hold", "member"), ("2025-Q2", "promote", "select")]
    assert m.rules_tier == "select" and m.action is Action.PROMOTE and m.action_tier == "select"
    assert "Member → Select" in m.contradiction
    # Premier missing its criteria twice: warning, then demotion one step, to Select.
    m = evaluate_partner(signed("premier", q("2025-Q1", 900_000, 4, True), q("2025-Q2", 0, 0)), framework, TODAY)
    assert actions(m) == [("2025-Q1", "warning", "premier"), ("2025-Q2", "demote", "select")]
    # Member (the floor): 6 months without activity is the exit.
    m = evaluate_partner(signed("member", q("2025-Q1", 0, activity=date(2025, 2, 1))), framework, date(2025, 8, 1))
    assert m.action is Action.EXIT and m.exit_due == date(2025, 8, 1)
    assert "6 months for Member" in m.reason


def test_the_lowest_tier_is_the_floor_whatever_its_name() -> None:
    m = evaluate_partner(signed("member", q("2025-Q1", 0), q("2025-Q2", 0, activity=date(2025, 5, 1))),
                         three_tiers(), date(2025, 6, 1))
    assert [x.action for x in m.quarters] == [Action.HOLD, Action.HOLD]
    assert m.rules_tier == "member"


# ------------------------------------------------------------------ five tiers


def test_five_tier_program_with_elite_at_five_million() -> None:
    framework = five_tiers()
    elite = dict(pipeline=5_200_000, certified=10, practice=True)
    platinum = dict(pipeline=2_500_000, certified=6, practice=True)
    # Platinum meeting Elite twice: promoted to Elite.
    m = evaluate_partner(signed("platinum", q("2025-Q1", **elite), q("2025-Q2", **elite)), framework, TODAY)
    assert actions(m) == [("2025-Q1", "hold", "platinum"), ("2025-Q2", "promote", "elite")]
    # Elite falling to Platinum's level twice: demoted to Platinum, not further.
    m = evaluate_partner(signed("elite", q("2025-Q1", **platinum), q("2025-Q2", **platinum)), framework, TODAY)
    assert actions(m) == [("2025-Q1", "warning", "elite"), ("2025-Q2", "demote", "platinum")]
    assert "$5,000,000 minimum" in m.quarters[0].reason
    # Elite with no activity for 12 months: exit.
    m = evaluate_partner(signed("elite", q("2024-Q4", **elite, activity=date(2024, 11, 30))), framework, TODAY)
    assert m.action is Action.EXIT and m.exit_due == date(2025, 11, 30)
    assert "12 months for Elite" in m.reason


def test_five_tier_economics_counts_each_tier_with_a_share() -> None:
    session = new_session()
    session.intake.current_arr, session.intake.target_arr, session.intake.target_year = 10_000_000, 40_000_000, 2028
    session.thesis.statement.partner_share_pct, session.thesis.statement.years = 30, 3
    session.tiers = five_tiers()
    economics = partner_economics(session)
    by_key = {f.key: f for f in economics.partners_by_tier}
    # a year's new partner-sourced ARR: 40M x 30% / 3 = 4M; pipeline at 25%: 16M
    assert by_key["partners_elite"].value == 1  # 16M x 20% / 5M = 0.64 -> 1
    assert by_key["partners_platinum"].value == 3  # 16M x 30% / 2M = 2.4 -> 3
    assert by_key["partners_gold"].value == 10  # 16M x 30% / 500K = 9.6 -> 10
    assert by_key["partners_silver"].value == 32  # 16M x 20% / 100K
    assert "partners_registered" not in by_key  # no share of the pipeline
    costs = {c.key: c for c in economics.channel_costs}
    assert costs["mdf_elite"].value == 300_000
    assert not any("not 100%" in note for note in economics.notes)


# ------------------------------------------------------------------ issue 18, point 2


def test_promotion_count_carries_on_after_a_move() -> None:
    platinum = dict(pipeline=2_500_000, certified=5, practice=True,
                    business_reviews=4, joint_gtm_activities=4, deal_registration_days=2)
    m = evaluate_partner(
        signed("silver", q("2025-Q1", **platinum), q("2025-Q2", **platinum), q("2025-Q3", **platinum)),
        default_tiers(), TODAY,
    )
    assert actions(m) == [
        ("2025-Q1", "hold", "silver"),
        ("2025-Q2", "promote", "gold"),  # one step per review
        ("2025-Q3", "promote", "platinum"),  # Platinum met three quarters running
    ]
    assert m.quarters[2].quarters_above == 3
    assert m.rules_tier == "platinum"


def test_promotion_still_needs_consecutive_quarters() -> None:
    platinum = dict(pipeline=2_500_000, certified=5, practice=True)
    silver = dict(pipeline=150_000, certified=1)
    m = evaluate_partner(
        signed("silver", q("2025-Q1", **platinum), q("2025-Q2", **silver), q("2025-Q3", **platinum)),
        default_tiers(), TODAY,
    )
    assert [x.action for x in m.quarters] == [Action.HOLD, Action.HOLD, Action.HOLD]


# ------------------------------------------------------------------ issue 18, point 3


def test_zero_pipeline_without_activity_dates_is_an_exit_after_twelve_months() -> None:
    empty = [QuarterResult(quarter=f"2025-Q{n}", pipeline=0) for n in range(1, 5)]
    m = evaluate_partner(signed("gold", *empty), default_tiers(), date(2026, 1, 15))
    assert [x.action for x in m.quarters] == [Action.WARNING, Action.DEMOTE, Action.WARNING, Action.EXIT]
    assert m.action is Action.EXIT and m.exit_due == date(2025, 12, 31)
    assert "recorded from 2025-Q1 on" in m.reason


def test_zero_pipeline_quarters_exit_the_lowest_tier_after_six_months() -> None:
    empty = [QuarterResult(quarter=f"2025-Q{n}", pipeline=0) for n in (1, 2)]
    m = evaluate_partner(signed("registered", *empty), default_tiers(), date(2026, 1, 15))
    assert [x.action for x in m.quarters] == [Action.HOLD, Action.EXIT]
    assert m.exit_due == date(2025, 6, 30)


def test_pipeline_again_ends_a_run_of_empty_quarters() -> None:
    results = [
        QuarterResult(quarter="2025-Q1", pipeline=0),
        QuarterResult(quarter="2025-Q2", pipeline=0),
        QuarterResult(quarter="2025-Q3", pipeline=150_000, certified_individuals=1),
        QuarterResult(quarter="2025-Q4", pipeline=0),
    ]
    m = evaluate_partner(signed("registered", *results), default_tiers(), date(2026, 1, 15))
    assert [x.action for x in m.quarters][:2] == [Action.HOLD, Action.EXIT]
    # after the exit, nothing later is evaluated: the partnership ended on 2025-06-30
    assert m.exit_due == date(2025, 6, 30) and m.action is Action.EXIT


# ------------------------------------------------------------------ issue 18, point 4


def test_a_lapse_between_two_activity_dates_is_an_exit_on_the_day_it_fell_due() -> None:
    gold = dict(pipeline=600_000, certified=3)
    results = [q("2024-Q1", **gold, activity=date(2024, 2, 10)), q("2025-Q2", **gold, activity=date(2025, 5, 1))]
    m = evaluate_partner(signed("gold", *results), default_tiers(), date(2025, 6, 1))
    assert m.action is Action.EXIT and m.exit_due == date(2025, 2, 10)
    assert "between 2024-02-10 and 2025-05-01" in m.reason
    assert m.quarters[-1].action is Action.EXIT


def test_activity_within_the_limit_keeps_the_partner() -> None:
    gold = dict(pipeline=600_000, certified=3)
    results = [q("2024-Q1", **gold, activity=date(2024, 2, 10)), q("2025-Q1", **gold, activity=date(2025, 2, 9))]
    m = evaluate_partner(signed("gold", *results), default_tiers(), date(2025, 3, 1))
    assert m.action is not Action.EXIT and m.exit_due == date(2026, 2, 9)


# ------------------------------------------------------------------ countable commitments


def test_commitments_recorded_are_counted_as_criteria() -> None:
    platinum = dict(pipeline=2_500_000, certified=5, practice=True)
    m = evaluate_partner(
        signed("platinum", q("2025-Q1", **platinum, business_reviews=2, joint_gtm_activities=4)),
        default_tiers(), TODAY,
    )
    assert m.quarters[0].action is Action.WARNING
    assert "2 business reviews in twelve months of 4 committed" in m.quarters[0].reason
    m = evaluate_partner(
        signed("gold", q("2025-Q1", 600_000, 3, business_reviews=2, joint_gtm_activities=2,
                         deal_registration_days=8)),
        default_tiers(), TODAY,
    )
    assert "deal registration took 8 business days, committed within 5" in m.quarters[0].reason


def test_tier_rule_counts_commitments_and_asks_for_unrecorded_ones() -> None:
    session = new_session()
    session.mapping.partners = [signed("silver", q("2025-Q4", 150_000, 1))]
    rule = next(r for r in health_report(session, TODAY).rules if r.key == "rule.tier_enforcement")
    assert rule.status.value == "warn" and "business reviews" in rule.message
    session.mapping.partners[0].results = [q("2025-Q4", 150_000, 1, business_reviews=1, joint_gtm_activities=1)]
    rule = next(r for r in health_report(session, TODAY).rules if r.key == "rule.tier_enforcement")
    assert rule.status.value == "pass" and "2 countable commitment(s)" in rule.message


# ------------------------------------------------------------------ the ladder itself


def test_framework_refuses_too_few_or_too_many_and_duplicate_names() -> None:
    tiers = default_tiers().tiers
    with pytest.raises(ValidationError, match="2 to 8 tiers"):
        TierFramework(tiers=tiers[:1])
    many = [Tier(id=f"t{n}", name=f"T{n}") for n in range(9)]
    with pytest.raises(ValidationError, match="2 to 8 tiers"):
        TierFramework(tiers=many)
    with pytest.raises(ValidationError, match="named the same"):
        TierFramework(tiers=[Tier(id="a", name="Gold Plus"), Tier(id="b", name=" gold  plus")])
    with pytest.raises(ValidationError, match="used twice"):
        TierFramework(tiers=[Tier(id="a", name="A"), Tier(id="a", name="B")])
    with pytest.raises(ValidationError, match="minimum .* is above the maximum"):
        Tier(id="a", name="A", pipeline_min=10, pipeline_max=5)


def test_ladder_problems_name_the_tiers() -> None:
    framework = default_tiers()
    assert ladder_problems(framework) == []
    framework.tier("silver").pipeline_max = None
    framework.tier("silver").pipeline_min = 3_000_000
    framework.tier("gold").pipeline_max = 2_500_000
    framework.tier("registered").certified_individuals = 2
    framework.tier("registered").dedicated_practice = True
    framework.tier("registered").pipeline_share_pct = 10
    problems = ladder_problems(framework)
    assert "'Silver' demands more annual pipeline ($3,000,000) than 'Gold' above it ($500,000)." in problems
    assert any("ranges of 'Gold'" in p and "overlap" in p for p in problems)
    assert "'Registered' demands more certified individuals (2) than 'Silver' above it (1)." in problems
    assert "'Registered' demands a dedicated practice, 'Silver' above it does not." in problems
    assert any("adds up to 110%, not 100%" in p for p in problems)


def test_ladder_problems_are_health_findings() -> None:
    session = new_session()
    session.tiers.tier("gold").pipeline_share_pct = 20
    findings = [f for f in health_report(session, TODAY).findings if f.key == "tiers.ladder"]
    assert findings and "90%" in findings[0].message


def test_partners_must_hold_a_tier_of_the_framework() -> None:
    session = new_session()
    session.mapping.partners = [Partner(name="Acme", program_tier="elite")]
    with pytest.raises(ValidationError, match="not a tier of this session"):
        Session.model_validate(session.model_dump())


def test_add_rename_move_remove() -> None:
    session = new_session()
    framework = session.tiers
    elite = add_tier(framework, "Elite")
    assert framework.tiers[0] is elite and elite.id == "elite"
    assert elite.pipeline_min == 2_000_000 and elite.certified_individuals == 5  # starts where Platinum is
    assert ladder_problems(framework) == []
    with pytest.raises(LadderError, match="already named 'Elite'"):
        add_tier(framework, " elite ")
    middle = add_tier(framework, "Gold Plus", above=framework.tier("gold"))
    assert [t.id for t in framework.tiers] == ["elite", "platinum", "gold-plus", "gold", "silver", "registered"]
    assert middle.pipeline_min == 2_000_000  # Gold's maximum
    assert move_tier(framework, middle, -1) and framework.tiers[1] is middle
    assert not move_tier(framework, framework.tiers[0], -1)
    session.mapping.partners = [Partner(name="Acme", stage=PartnerStage.SIGNED, program_tier="gold-plus")]
    with pytest.raises(LadderError, match="Acme"):
        remove_tier(session, middle)
    session.mapping.partners[0].program_tier = "gold"
    remove_tier(session, middle)
    assert "gold-plus" not in [t.id for t in framework.tiers]


def test_remove_keeps_two_tiers() -> None:
    session = new_session()
    for tier_id in ("platinum", "gold"):
        remove_tier(session, session.tiers.tier(tier_id))
    with pytest.raises(LadderError, match="at least 2"):
        remove_tier(session, session.tiers.tier("silver"))


def test_eight_tiers_at_most() -> None:
    framework = default_tiers()
    for n in range(4):
        add_tier(framework, f"Level {n}")
    with pytest.raises(LadderError, match="at most 8"):
        add_tier(framework, "One more")


def test_rename_carries_into_okrs_and_roadmap_but_not_other_words() -> None:
    session = new_session()
    session.objectives = [Objective(text="Grow Gold partners", key_results=[
        KeyResult(text="Complete QBRs with 100% of Platinum and Gold partners", target="Gold: 4"),
        KeyResult(text="Goldman Sachs referrals"),
    ])]
    session.roadmap.quarters[1].items[:] = []
    session.roadmap.quarters[1].theme = "Sign 2 Gold partners"
    places = rename_tier(session, session.tiers.tier("gold"), "Premier")
    assert session.tiers.tier("gold").name == "Premier"
    assert session.objectives[0].text == "Grow Premier partners"
    assert session.objectives[0].key_results[0].text == "Complete QBRs with 100% of Platinum and Premier partners"
    assert session.objectives[0].key_results[0].target == "Premier: 4"
    assert session.objectives[0].key_results[1].text == "Goldman Sachs referrals"
    assert session.roadmap.quarters[1].theme == "Sign 2 Premier partners"
    assert {"Premier benefits", "O1", "KR1.1", "KR1.1 target", "roadmap Q2 theme"} <= set(places)
    assert "PAM shared across 3–5 Premier partners" in session.tiers.tier("gold").benefits


def test_rename_to_a_taken_name_is_refused() -> None:
    session = new_session()
    with pytest.raises(LadderError, match="already named 'Silver'"):
        rename_tier(session, session.tiers.tier("gold"), "SILVER")
    with pytest.raises(LadderError, match="needs a name"):
        rename_tier(session, session.tiers.tier("gold"), "   ")


def test_movements_show_renamed_tiers() -> None:
    session = new_session()
    session.mapping.partners = [signed("silver", q("2025-Q1", 600_000, 3), q("2025-Q2", 600_000, 3))]
    rename_tier(session, session.tiers.tier("gold"), "[bold]X[/]")
    (movement,) = evaluate_program(session, TODAY)
    assert movement.action_tier == "gold" and movement.label("gold") == "[bold]X[/]"
    assert "Silver → [bold]X[/]" in movement.reason


@pytest.mark.parametrize(("name", "expected"), [
    ("Elite", "elite"), ("Gold Plus", "gold-plus"), ("Prémier", "premier"),
    ("[bold]X[/]", "bold-x"), ("a | b", "a-b"), ("🚀", "tier"), ("x" * 60, "x" * 40),
])
def test_slugs(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_ladder_edits_go_through_the_session_editor_and_are_recorded() -> None:
    from workshop.method.editor import EditRefused, SessionEditor

    session = new_session()
    session.mapping.partners = [signed("gold", q("2025-Q1", 600_000, 3))]
    editor = SessionEditor(session, author=lambda: "Maya")
    elite = editor.add_tier("Elite")
    editor.rename_tier(session.tiers.tier("gold"), "Premier")
    assert editor.move_tier(elite, 1)
    with pytest.raises(EditRefused, match="Acme"):
        editor.remove_tier(session.tiers.tier("gold"))
    editor.remove_tier(session.tiers.tier("silver"))
    editor.set_program_tier(session.mapping.partners[0], "elite", reason="")  # no quarters: no override
    assert [c.what for c in session.history][-5:] == [
        "Tier framework: added tier Elite",
        "Tier framework: renamed Gold to Premier",
        "Tier framework: moved down Elite",
        "Tier framework: removed tier Silver",
        "Acme: program tier set to Elite (signed)",
    ]
    with pytest.raises(EditRefused, match="not a tier"):
        editor.set_program_tier(session.mapping.partners[0], "bronze")
    fresh = SessionEditor(Session(), author=lambda: "Maya")  # a framework not designed yet
    fresh.add_tier("")
    assert [t.id for t in fresh.session.tiers.tiers] == ["platinum", "gold", "silver", "registered"]


def test_the_tier_domain_imports_neither_textual_nor_screens_nor_the_store() -> None:
    import subprocess
    import sys

    code = ("import sys, workshop.method.tier_ladder, workshop.method.tier_movement, workshop.method.editor; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens', 'session_store')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_override_keeps_its_appeal_after_the_tier_is_renamed() -> None:
    from workshop.method.editor import SessionEditor
    from workshop.method.tier_movement import evaluate_partner

    session = new_session()
    acme = signed("gold", q("2025-Q1", 600_000, 3, business_reviews=2, joint_gtm_activities=2),
                  q("2025-Q2", 600_000, 3, business_reviews=2, joint_gtm_activities=2))
    session.mapping.partners = [acme]
    editor = SessionEditor(session, author=lambda: "Maya")
    movement = evaluate_partner(acme, session.tiers, TODAY)
    editor.set_program_tier(acme, "platinum", movement=movement, reason="Strategic bet")
    editor.rename_tier(session.tiers.tier("platinum"), "Elite")
    rule = next(r for r in health_report(session, TODAY).rules if r.key == "rule.tier_enforcement")
    assert rule.status.value == "fail" and "Recorded Elite" in rule.message
    assert "“Strategic bet”" in rule.message
