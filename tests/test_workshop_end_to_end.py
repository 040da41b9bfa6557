"""A whole workshop by keys, from an empty session to a full blueprint (issue 4).

A facilitator opens a fresh session (the method's defaults, nothing else) and walks every phase
with the keyboard: short values typed key by key, long ones pasted (typing costs ~80 ms a key in
a pilot). Halfway through the App is closed and the session resumed from its file, as after a
crash. At the end the file must hold exactly what was typed, the engine must judge the blueprint
as the team left it, and the exported Markdown must show the hostile partner name literally.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from textual import events
from textual.widgets import Input

from screens.decisions_form import DecisionForm, MatrixQuestions
from screens.dialogs import EditDialog
from screens.thesis_models import ModelsTable
from screens.thesis_picker import PrioritizedModelsPicker
from screens.thesis_signoff import SignOffDialog
from screens.tiers_pick import PickDialog
from screens.tiers_results import QuarterResultDialog
from screens.workshop import WorkshopScreen
from session_store import load_session
from tests.app_harness import TODAY, app_on, saved, table_rows, until
from workshop.app import PartnerWorkshopApp
from workshop.method.defaults import new_session
from workshop.export.markdown import export_markdown
from workshop.method.health import Status, health_report
from workshop.method.models import (
    DecisionChoice,
    Phase,
    PartnerStage,
    RaciCode,
    RATIONALE_FIELDS,
    Session,
)

SIZE = (120, 40)

COMPANY = "Northwind"
HOSTILE_PARTNER = "[bold]Acme[/] | # x 🚀"
PARTNERS = {  # name -> the five ratings, in the table's order
    "Deloitte": ("90", "95", "85", "80", "90"),  # 88.8: Priority
    HOSTILE_PARTNER: ("70", "60", "50", "40", "30"),  # 55.0: Secondary
}
RATIONALE = {
    name: f"{label}: partners reach [bold]regional banks[/] faster than we can — # {n} | ✓"
    for n, (name, (label, _q)) in enumerate(RATIONALE_FIELDS.items(), 1)
}
STATEMENT_TEXT = {
    "partner_types": "Big 4 and global SIs",
    "icp": "regional banks",
    "markets": "US and DACH",
    "rationale": "Buyers trust their advisors; [i]co-selling[/i] puts us in the room.",
    "mechanism": "advisor-led access to ICP accounts | and # delivery capacity",
    "access_partners": "Big 4 consulting firms",
    "product_partners": "core-banking ISVs",
    "adjacent_use_cases": "fraud and AML",
    "north_star_metric": "partner-sourced ARR",
}
DESCRIPTION = "Risk analytics for regional banks.\nSold direct today."
ICPS = ["Regional banks", "Credit unions"]
MARKETS = ["US", "DACH", "Nordics"]
COMPETITOR = "RivalCo"
GAP_NOTES = "RivalCo owns the Big 4; we own [the] boutiques."
COUNTER = "Win Deloitte's risk practice first."
CAPABILITY = "Claims analytics"
DECISION_RATIONALE = "Partners bring the data; building takes two years."
FINANCE = "Margin positive at 20% — CFO, 2026-11-20"


# ----------------------------------------------------------------------------- helpers


async def go(pilot, number: int):
    """Jump to a phase as the facilitator does: the stepper, then the phase's number key."""
    app = pilot.app
    app.screen.query_one("#stepper").focus()
    await pilot.press(str(number))
    await pilot.pause()
    view = app.screen.current_view
    assert view is not None
    return view


async def paste(pilot, widget, text: str) -> None:
    """Focus ``widget``, select what it holds, and paste ``text`` over it."""
    widget.focus()
    await until(pilot, lambda: widget.has_focus, "focus on the field to paste into")
    widget.select_all()
    pilot.app.post_message(events.Paste(text))  # as the terminal delivers it: to the focused widget
    await pilot.pause()


async def type_field(pilot, root, name: str, text: str) -> None:
    """Type ``text`` key by key into the input of field ``name``, replacing what it holds."""
    widget = root.query_one(f"#field-{name} #input")
    widget.focus()
    widget.select_all()
    await pilot.press(*text)


def partner(session: Session, name: str):
    return next(p for p in session.mapping.partners if p.name == name)


# ----------------------------------------------------------------------------- the phases


async def intake(pilot) -> None:
    view = await go(pilot, 1)
    assert view.key == "intake"
    await type_field(pilot, view, "company_name", COMPANY)
    await type_field(pilot, view, "current_arr", "18M")
    await type_field(pilot, view, "target_arr", "45M")
    await type_field(pilot, view, "target_year", "2029")
    await paste(pilot, view.query_one("#field-product_category #input"), "Risk analytics SaaS")
    await paste(pilot, view.query_one("#field-description #input"), DESCRIPTION)
    await paste(pilot, view.query_one("#field-icps #input"), "\n".join(ICPS))
    await paste(pilot, view.query_one("#field-growth_markets #input"), "\n".join(MARKETS))
    await pilot.pause()
    for name in ("company_name", "current_arr", "target_arr", "target_year"):
        assert view.query_one(f"#field-{name}").error == ""


async def thesis(pilot) -> None:
    app = pilot.app
    view = await go(pilot, 2)
    assert view.key == "thesis"
    for name, text in RATIONALE.items():
        await paste(pilot, view.query_one(f"#field-{name} #input"), text)
    models = view.query_one(ModelsTable)
    models.focus()
    await pilot.press("down", "down", "space", "down", "space")  # Co-Sell, Implementation
    picker = view.query_one(PrioritizedModelsPicker)
    await until(pilot, lambda: picker.option_count == 2, "the two selected models offered for priority")
    picker.focus()
    await pilot.press("space")  # prioritize Co-Sell
    await pilot.pause()
    await type_field(pilot, view, "partner_share_pct", "30")
    await type_field(pilot, view, "years", "3")
    for name, text in STATEMENT_TEXT.items():
        await paste(pilot, view.query_one(f"#field-{name} #input"), text)
    await until(  # the preview refreshes after a short quiet spell
        pilot,
        lambda: "Every field of the statement is filled in" in str(view.query_one("#thesis-missing").render()),
        "the statement complete",
    )
    models.focus()
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, SignOffDialog)
    await pilot.press(*"Maya Okafor", "enter", *"CEO", "enter", "enter")  # the date: today by default
    await pilot.pause()
    assert isinstance(app.screen, WorkshopScreen)
    assert str(view.query_one("#signoff-status").render()).startswith("✓ Signed off by Maya Okafor (CEO) on ")


async def mapping(pilot) -> None:
    app = pilot.app
    view = await go(pilot, 3)
    assert view.key == "mapping"
    table = view.table
    for name in PARTNERS:
        table.focus()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditDialog) and dialog.dialog_title == "New partner"
        await paste(pilot, dialog.query_one("#field-name #input"), name)
        await pilot.press("escape")
        await pilot.pause()
    assert [str(c) for c in table.get_column("name")] == list(PARTNERS)
    table.focus()
    table.move_cursor(row=0)
    await pilot.press("r")
    await pilot.pause()
    assert view.rating_bar.active
    for ratings in PARTNERS.values():  # one keystroke moves on: partner after partner
        for value in ratings:
            await pilot.press(*value, "enter")
    await pilot.pause()
    assert not view.rating_bar.active  # the last partner's last rating ends rating
    assert [str(c) for c in table.get_column("score")] == ["88.8", "55.0"]
    assert [str(c) for c in table.get_column("band")] == ["Priority", "Secondary"]

    competitors = view.query_one("#competitors")
    competitors.focus()
    await pilot.press("a")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, EditDialog)
    await paste(pilot, dialog.query_one("#field-name #input"), COMPETITOR)
    await paste(pilot, dialog.query_one("#field-key_partners #input"), "Accenture\nKPMG")
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("t")  # stamp the competitor-map refresh
    await pilot.pause()
    assert view.query_one("#field-competitor_map_refreshed #input").value == TODAY.isoformat()
    await paste(pilot, view.query_one("#field-gap_notes #input"), GAP_NOTES)
    await paste(pilot, view.query_one("#field-counter_strategy #input"), COUNTER)


async def tiers(pilot) -> None:
    app = pilot.app
    view = await go(pilot, 4)
    assert view.key == "tiers"
    view.query_one("#program").focus()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, PickDialog)
    labels = [label for label, _ in app.screen.choices]
    index = next(i for i, label in enumerate(labels) if label.startswith(HOSTILE_PARTNER))
    await pilot.press(*["down"] * index, "enter")
    await pilot.pause()
    assert isinstance(app.screen, PickDialog)
    await pilot.press("down", "down", "enter")  # Platinum, Gold, Silver
    await pilot.pause()
    assert table_rows(view.query_one("#program"))[0][0] == f"{HOSTILE_PARTNER}\nSilver"
    view.query_one("#program").focus()
    await pilot.press("enter")  # to its quarterly results
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, QuarterResultDialog)
    assert app.screen.query_one("#field-quarter #input", Input).value == "2026-Q4"
    await pilot.press("tab", "ctrl+a", "ctrl+k", *"150k", "tab", "ctrl+a", "ctrl+k", "1")
    await pilot.pause()
    # Silver's countable commitments (1 review, 1 joint GTM activity a year), so they are counted
    await type_field(pilot, app.screen, "business_reviews", "1")
    await type_field(pilot, app.screen, "joint_gtm_activities", "1")
    await pilot.pause()
    assert app.screen.errors == {}
    await pilot.press("escape")
    await pilot.pause()
    assert table_rows(view.query_one("#results"))[-1][0] == "2026-Q4"


async def decisions(pilot) -> None:
    app = pilot.app
    view = await go(pilot, 5)
    assert view.key == "decisions"
    view.query_one("#decisions").focus()
    await pilot.press("a")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, DecisionForm)
    await pilot.press(*CAPABILITY, "enter")
    assert form.query_one(MatrixQuestions).has_focus
    await pilot.press("n", "n", "y", "y", "y")  # not core, no capacity, adjacent, a partner, economics positive
    assert "One rule matches: PARTNER" in str(form.query_one("#matches").render())
    await pilot.press(*"u" * 6)  # the rest unknown: on to the decision itself
    await pilot.pause()
    decision = form.query_one("#field-decision #input")
    assert decision.has_focus
    decision.value = DecisionChoice.PARTNER
    await pilot.pause()
    await paste(pilot, form.query_one("#field-rationale #input"), DECISION_RATIONALE)
    await paste(pilot, form.query_one("#field-partner_considered #input"), "Deloitte")
    await paste(pilot, form.query_one("#field-finance_input #input"), FINANCE)
    await type_field(pilot, form, "finance_reviewer", "CFO")
    await pilot.pause()
    assert "Status: FINAL" in str(form.query_one("#status").render())
    await pilot.press("escape")
    await pilot.pause()


async def okrs(pilot) -> None:
    app = pilot.app
    view = await go(pilot, 6)
    assert view.key == "okrs"
    view.objectives_table.focus()
    view.kr_table.focus()
    await pilot.press("e")  # KR1.1: Sign [N] Platinum partners by [date]
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, EditDialog)
    await type_field(pilot, dialog, "target", "2")
    await type_field(pilot, dialog, "owner", "Ana")
    await pilot.press("escape")
    await pilot.pause()
    await type_field(pilot, view, "year", "2027")
    view.query_one("#items-q1").focus()
    await pilot.press("t")  # the roadmap was reviewed today
    review = view.query_one("#roadmap-review")

    await until(pilot, lambda: str(review.render()).startswith("✓ PASS"), "the roadmap review rule passes")


async def governance(pilot) -> None:
    app = pilot.app
    view = await go(pilot, 7)
    assert view.key == "governance"
    view.grid.focus()
    await pilot.pause()
    cells = app.session.governance.raci.rows[0].cells
    before = list(cells)
    assert before[0] is RaciCode.A and view.grid.cursor_coordinate == (0, 2)
    seen = []
    for _ in range(5):
        await pilot.press("space")
        seen.append(cells[0])
    assert seen == [RaciCode.C, RaciCode.I, RaciCode.NONE, RaciCode.R, RaciCode.A]  # all the way round
    assert cells == before


# ----------------------------------------------------------------------------- the test


@pytest.mark.timeout(400)  # ~40 s on an idle 2-core machine; the 120 s hang guard tripped under load
async def test_a_whole_workshop_from_an_empty_session_to_a_final_blueprint(tmp_path: Path) -> None:
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await intake(pilot)
        await thesis(pilot)
        await mapping(pilot)
        await pilot.press("ctrl+q")  # mid-session: close, nothing asked
    halfway = load_session(tmp_path / "session.toml")
    assert halfway.position.phase is Phase.MAPPING

    app = PartnerWorkshopApp(session_path=tmp_path / "session.toml", today=TODAY, sessions_dir=tmp_path)
    app.clock = lambda: 0.0
    app.timer_running = False
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.current_view.key == "mapping"  # resumed where the team left off
        await tiers(pilot)
        await decisions(pilot)
        await okrs(pilot)
        await governance(pilot)
        health = await go(pilot, 8)
        assert health.key == "health"
        on_disk = saved(app)

    # --- the file holds exactly what was typed
    intake_ = on_disk.intake
    assert intake_.company_name == COMPANY
    assert (intake_.current_arr, intake_.target_arr, intake_.target_year) == (18_000_000, 45_000_000, 2029)
    assert intake_.description == DESCRIPTION
    assert intake_.icps == ICPS and intake_.growth_markets == MARKETS
    th = on_disk.thesis
    for name, text in RATIONALE.items():
        assert getattr(th.rationale, name) == text
    assert [m.name for m in th.models if m.selected] == ["Co-Sell", "Implementation"]
    st = th.statement
    assert st.prioritized_models == ["Co-Sell"]
    assert (st.partner_share_pct, st.years) == (30, 3)
    for name, text in STATEMENT_TEXT.items():
        assert getattr(st, name) == text
    assert th.signoff is not None and (th.signoff.name, th.signoff.role) == ("Maya Okafor", "CEO")
    partners = on_disk.mapping.partners
    assert [p.name for p in partners] == list(PARTNERS)
    keys = ["icp_overlap", "market_influence", "practice_alignment", "partnership_appetite", "revenue_potential"]
    for p, ratings in zip(partners, PARTNERS.values()):
        assert [getattr(p.ratings, k) for k in keys] == [float(v) for v in ratings]
    [competitor] = on_disk.mapping.competitors
    assert (competitor.name, competitor.key_partners) == (COMPETITOR, ["Accenture", "KPMG"])
    assert on_disk.mapping.competitor_map_refreshed == TODAY
    assert (on_disk.mapping.gap_notes, on_disk.mapping.counter_strategy) == (GAP_NOTES, COUNTER)
    signed = partner(on_disk, HOSTILE_PARTNER)
    assert signed.stage is PartnerStage.SIGNED and signed.program_tier == "silver"
    [result] = signed.results
    assert (result.quarter, result.pipeline, result.certified_individuals) == ("2026-Q4", 150_000, 1)
    assert (result.business_reviews, result.joint_gtm_activities) == (1, 1)
    [decision] = on_disk.decisions
    assert (decision.capability, decision.decision) == (CAPABILITY, DecisionChoice.PARTNER)
    assert (decision.rationale, decision.partner_considered) == (DECISION_RATIONALE, "Deloitte")
    assert (decision.finance_input, decision.finance_reviewer, decision.decided_on) == (FINANCE, "CFO", TODAY)
    answers = decision.answers
    assert (answers.core_differentiation, answers.engineering_capacity, answers.adjacent_complementary,
            answers.strong_partner_serves_icp, answers.partner_economics_positive) == (False, False, True, True, True)
    assert answers.critical_to_market_position is None and answers.build_time_months is None
    kr = on_disk.objectives[0].key_results[0]
    assert (kr.target, kr.owner) == ("2", "Ana")
    assert on_disk.roadmap.year == 2027 and on_disk.roadmap.last_reviewed == TODAY
    assert on_disk.governance.raci == new_session().governance.raci  # cycled all the way back

    # --- the engine's verdict
    report = health_report(on_disk, TODAY)
    rules = {r.key: r.status for r in report.rules}
    assert rules == {
        "rule.thesis_signoff": Status.PASS,
        "rule.finance_input": Status.PASS,
        "rule.okr_indicators": Status.WARN,  # the method's O3 has only leading key results
        "rule.tier_enforcement": Status.PASS,
        "rule.roadmap_review": Status.PASS,
        "rule.competitor_refresh": Status.PASS,
    }
    done = report.completeness
    for phase in (Phase.INTAKE, Phase.THESIS, Phase.MAPPING, Phase.DECISIONS, Phase.GOVERNANCE):
        assert done[phase].done, (phase, done[phase].missing)
    assert done[Phase.TIERS].missing == [  # the method's "$[X]/yr" waits for the MDF figure
        "Platinum tier (“Top MDF allocation ($[X]/yr)” still has a placeholder)",  # the ladder's order
        "Gold tier (“MDF allocation ($[X]/yr)” still has a placeholder)",
        "Platinum MDF per year",
        "Gold MDF per year",
    ]
    okr_missing = done[Phase.OKRS].missing
    assert "KR1.1: owner" not in okr_missing and "roadmap review date" not in okr_missing
    # a target is set, but the text still says "Sign [N] Platinum partners by [date]"
    assert "KR1.1: target (“Sign [N] Platinum partners by [date]” still has a placeholder)" in okr_missing
    assert any(m.startswith("KR1.2: target") for m in okr_missing)

    # --- the blueprint
    markdown = export_markdown(on_disk, today=TODAY)
    assert COMPANY in markdown
    assert "FINAL" in markdown and "DRAFT" not in markdown
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    texts = [child.content for t in tokens if t.type == "inline" for child in (t.children or []) if child.type == "text"]
    inline = ["".join(c.content for c in (t.children or []) if c.type in ("text", "code_inline")) for t in tokens if t.type == "inline"]
    assert any(HOSTILE_PARTNER in text for text in inline), "the hostile name is not rendered literally"
    assert "<strong>" not in html or "Acme</strong>" not in html
    del texts
