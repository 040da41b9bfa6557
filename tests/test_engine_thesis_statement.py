from __future__ import annotations

from workshop.method.defaults import new_session
from workshop.method.thesis_statement import render_thesis


def test_empty_session_lists_every_field_and_prints_no_empty_brackets() -> None:
    r = render_thesis(new_session())
    assert not r.complete
    assert r.missing[:3] == ["company name", "partner share of ARR", "years"]
    assert "[]" not in r.text and "[partner types]" in r.text


def test_full_statement() -> None:
    s = new_session()
    s.intake.company_name = "Acme [bold]"
    st = s.thesis.statement
    st.partner_share_pct = 25
    st.years = 1
    st.partner_types, st.icp, st.markets = "Big 4 firms", "mid-market banks", "EU and UK"
    st.prioritized_models = ["co-sell", "implementation"]
    st.rationale, st.mechanism = "banks buy through advisors", "trusted introductions"
    st.access_partners, st.product_partners = "Deloitte and PwC", "core banking vendors"
    st.adjacent_use_cases, st.north_star_metric = "risk reporting", "partner-sourced ARR"
    r = render_thesis(s)
    assert r.complete and r.missing == []
    assert r.text.startswith("PARTNERSHIP THESIS — Acme [bold]")
    assert "contributes 25% of total ARR\nwithin 1 year by partnering with Big 4 firms" in r.text
    assert "prioritize co-sell and implementation models because banks buy" in r.text
    assert "measured by: partner-sourced ARR." in r.text
    st.partner_share_pct = 12.5
    assert "12.5%" in render_thesis(s).text
