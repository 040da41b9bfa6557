from __future__ import annotations

import pytest

from workshop.method.defaults import new_session
from workshop.method.economics import partner_economics
from workshop.method.models import Session


def planned() -> Session:
    s = new_session()
    s.intake.target_arr = 50_000_000
    s.intake.target_year = 2027
    s.thesis.statement.partner_share_pct = 20
    s.thesis.statement.years = 2
    return s


def test_missing_inputs_say_what_is_needed_never_zero() -> None:
    e = partner_economics(new_session())
    assert e.years == ()
    assert e.partner_arr_target.value is None
    assert e.partner_arr_target.text.startswith("needs target ARR (Intake)")
    assert "partner share of ARR (Thesis)" in e.needs and "years to reach it (Thesis)" in e.needs
    assert all(f.value is None for f in e.partners_by_tier)
    assert e.comparison.startswith("Needs")


def test_partner_arr_ramps_linearly_to_the_thesis_target() -> None:
    e = partner_economics(planned())
    assert e.partner_arr_target.value == 10_000_000
    assert e.partner_arr_target.inputs == {"target ARR": "$50,000,000", "partner share": "20%"}
    assert [y.label for y in e.years] == ["2026", "2027"]
    assert [y.partner_arr.value for y in e.years] == [5_000_000, 10_000_000]
    assert [y.new_partner_arr.value for y in e.years] == [5_000_000, 5_000_000]


def test_pipeline_and_deals_from_win_rate_and_deal_size() -> None:
    e = partner_economics(planned())
    assert e.years[0].pipeline.value == pytest.approx(20_000_000)  # 5M / 25%
    assert e.years[0].pipeline.inputs["win rate"] == "25%"
    assert e.years[0].deals.value == 50  # 5M / 100K
    assert e.pipeline_total.value == pytest.approx(40_000_000)  # 10M / 25%
    s = planned()
    s.economics.avg_deal_size = 90_000
    assert partner_economics(s).years[0].deals.value == 56  # rounded up


def test_partners_needed_per_tier_from_the_tiers_minimums() -> None:
    e = partner_economics(planned())
    # 20M a year: 50% / 2M, 30% / 500K, 20% / 100K
    assert [f.value for f in e.partners_by_tier] == [5, 12, 40]
    assert e.partners_by_tier[0].inputs["Platinum pipeline minimum"] == "$2,000,000"
    s = planned()
    s.tiers.tier("gold").pipeline_min = None
    gold = partner_economics(s).partners_by_tier[1]
    assert gold.value is None and "Gold annual pipeline minimum (Tiers)" in gold.needs


def test_mix_not_adding_up_is_noted() -> None:
    s = planned()
    s.tiers.tier("silver").pipeline_share_pct = 0
    assert any("80%" in note for note in partner_economics(s).notes)


def test_channel_cost_and_comparison_with_direct() -> None:
    e = partner_economics(planned())
    costs = {c.key: c for c in e.channel_costs}
    assert costs["referral_fees"].value == pytest.approx(150_000)  # 5M x 30% x 10%
    assert costs["reseller_margin"].value == pytest.approx(300_000)  # 5M x 20% x 30%
    assert costs["mdf_platinum"].value is None and "mdf_silver" not in costs
    assert costs["channel_cost"].value == pytest.approx(450_000)
    assert "Platinum, Gold" in costs["channel_cost"].inputs["MDF not set (left out)"]
    assert e.cost_per_partner_dollar.value == pytest.approx(0.09)
    assert e.net_per_partner_dollar.value == pytest.approx(0.91)
    assert e.net_per_partner_dollar.text == "$0.91 per $1"
    assert "$1.11 cheaper than direct" in e.comparison


def test_mdf_when_set() -> None:
    s = planned()
    s.tiers.tier("platinum").mdf_per_year = 100_000
    s.tiers.tier("gold").mdf_per_year = 25_000
    e = partner_economics(s)
    costs = {c.key: c for c in e.channel_costs}
    assert costs["mdf_platinum"].value == 500_000  # 5 partners
    assert costs["mdf_gold"].value == 300_000  # 12 partners
    assert costs["channel_cost"].value == pytest.approx(1_250_000)
    assert "MDF not set (left out)" not in costs["channel_cost"].inputs
    assert "Platinum MDF per year (Tiers)" not in e.needs


def test_fee_outside_the_methods_range_is_noted() -> None:
    s = planned()
    s.economics.referral_fee_pct = 20
    assert any("5–15%" in n for n in partner_economics(s).notes)


def test_no_target_year_numbers_the_years() -> None:
    s = planned()
    s.intake.target_year = None
    assert [y.label for y in partner_economics(s).years] == ["Year 1", "Year 2"]


def test_deals_over_the_horizon_come_from_the_total_not_the_rounded_years() -> None:
    """Issue 18, point 6, from the method's numbers: ARR $20M -> $50M in 3 years, partner share
    30 %, win rate 25 %, average deal $150K."""
    s = new_session()
    s.intake.current_arr, s.intake.target_arr, s.intake.target_year = 20_000_000, 50_000_000, 2029
    s.thesis.statement.partner_share_pct, s.thesis.statement.years = 30, 3
    s.economics.win_rate_pct, s.economics.avg_deal_size = 25, 150_000
    e = partner_economics(s)
    assert e.partner_arr_target.value == pytest.approx(15_000_000)
    assert e.pipeline_total.value == pytest.approx(60_000_000)
    assert [y.deals.value for y in e.years] == [34, 34, 34]  # $5M / $150K = 33.3, rounded up each year
    assert e.deals_total.value == 100  # $15M / $150K, rounded up once — not 102
    assert e.deals_total.text == "100 deals"
    assert e.deals_total.inputs == {"partner-sourced ARR target": "$15,000,000", "average deal size": "$150,000"}
    assert any("102 added up" in note and "100 deals" in note for note in e.notes)
    assert partner_economics(new_session()).deals_total.text.startswith("needs ")


def test_deals_over_the_horizon_on_screen_and_in_the_export() -> None:
    from screens.health_lines import economics_text
    from workshop.export.markdown import export_markdown

    s = new_session()
    s.intake.current_arr, s.intake.target_arr, s.intake.target_year = 20_000_000, 50_000_000, 2029
    s.thesis.statement.partner_share_pct, s.thesis.statement.years = 30, 3
    s.economics.win_rate_pct, s.economics.avg_deal_size = 25, 150_000
    assert "Deals to win over the horizon: 100 deals" in economics_text(partner_economics(s))
    markdown = export_markdown(s)
    lines = markdown.splitlines()
    horizon = next(line for line in lines if line.startswith("| Over the horizon (2027–2029) |"))
    assert [cell.strip() for cell in horizon.strip("|").split("|")][1:] == [
        "$15,000,000", "$15,000,000", "$60,000,000", "100 deals"]
    assert any("Deals to win over the horizon" in line and "100 deals" in line for line in lines[:60])  # the summary
