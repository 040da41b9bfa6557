"""Decisions phase view, driven by keys: the guided matrix form, Finance, review date, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input, Static, TextArea

from screens.decisions_form import DecisionForm, MatrixQuestions
from screens.dialogs import ConfirmDialog
from session_store import load_session
from tests.app_harness import BUNDLED_DEMO, TODAY, app_on, calm, paste, saved, table_rows
from workshop.method.findings import Target
from workshop.method.models import Decision, DecisionChoice, Phase, Session

SIZE = (120, 40)
HOSTILE = ["[bold]X[/]", "a [/] b", "[@click=app.quit]x[/]", "a | b", "# x", "🚀 Ünïcode"]


def demo_on_decisions(row: int = 0) -> Session:
    session = load_session(BUNDLED_DEMO)
    session.position.phase = Phase.DECISIONS
    session.position.row = row
    return session


def rendered(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def log_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#decisions", DataTable)
    return table_rows(table)


async def test_guided_form_adds_a_partner_decision(tmp_path: Path) -> None:
    app = app_on(demo_on_decisions(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert isinstance(app.screen, DecisionForm)
        decision = app.session.decisions[-1]
        assert decision.id == "D-006" and decision.decided_on == TODAY
        assert "No rule matches" in rendered(app, "#matches")
        await paste(pilot, "Claims analytics [/] # x")  # long text pasted; short text is typed below
        await pilot.press("enter")
        assert app.screen.query_one(MatrixQuestions).has_focus
        await pilot.press("n", "n", "y", "y")
        assert "No rule matches" in rendered(app, "#matches")
        await pilot.press("y")  # partner economics positive: the PARTNER rule matches
        assert "One rule matches: PARTNER" in rendered(app, "#matches")
        await pilot.press("n", "2", "4", "enter", "n", "y", "y")  # and market entry matches too
        assert "Several rules match" in rendered(app, "#matches")
        assert "all pointing to PARTNER" in rendered(app, "#matches")
        await pilot.press("u")  # the last question: on to the decision itself
        await pilot.pause()
        assert app.screen.query_one("#field-decision #input").has_focus
        status = rendered(app, "#status")
        assert "NOT FINAL" in status and "2027-02-25 (default" in status
        app.screen.query_one("#field-decision #input").value = DecisionChoice.PARTNER
        await pilot.press("tab")
        await paste(pilot, "Partners bring the data.")
        await pilot.press("tab", *"a | b", "tab", "tab")  # typed key by key
        assert app.screen.query_one("#field-finance_input #input", TextArea).has_focus
        await paste(pilot, "Margin positive at 20%")
        assert "Status: FINAL" in rendered(app, "#status")
        await pilot.press("escape")
        await pilot.pause()
        on_disk = saved(app).decisions[-1]
        assert on_disk.capability == "Claims analytics [/] # x"
        answers = on_disk.answers
        assert (answers.core_differentiation, answers.adjacent_complementary, answers.partner_economics_positive) == (False, True, True)
        assert answers.build_time_months == 24 and answers.revenue_scale_justifies_jv is None
        assert on_disk.decision is DecisionChoice.PARTNER
        assert on_disk.rationale == "Partners bring the data."
        assert on_disk.partner_considered == "a | b"
        assert on_disk.finance_input == "Margin positive at 20%"
        assert on_disk.review_date is None  # the default stays the engine's
        assert log_rows(app)[-1] == ["D-006", "Claims analytics [/] # x", "PARTNER", "2 rules: PARTNER", "yes", "FINAL", "2027-02-25 (default)"]


async def test_bad_build_time_is_refused_next_to_the_question(tmp_path: Path) -> None:
    app = app_on(demo_on_decisions(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await paste(pilot, "Risk scoring")
        await pilot.press("enter", *"nnnnnn")
        questions = app.screen.query_one(MatrixQuestions)
        assert questions.current == "build_time_months"
        await pilot.press("y")
        assert "digits" in str(questions.render())
        await pilot.press(*"12345")  # the fifth digit is refused in words, not dropped unseen
        assert "Months: 1234 " in str(questions.render())
        assert "At most 4 digits" in str(questions.render())
        await pilot.press(*["backspace"] * 4, "9", "9", "9", "enter")
        assert "Must be at most 240" in str(questions.render())
        assert questions.current == "build_time_months"
        assert app.session.decisions[-1].answers.build_time_months is None
        await pilot.press("backspace", "backspace", "backspace", "3", "0", "enter")
        assert questions.current == "acquisition_target_in_budget"
        await pilot.press("left")
        assert questions.current == "build_time_months"
        assert "30" in str(questions.render())
        await pilot.press("u")
        await pilot.pause()
        assert saved(app).decisions[-1].answers.build_time_months is None


async def test_decision_without_finance_is_not_final_and_edit_reopens_the_form(tmp_path: Path) -> None:
    session = demo_on_decisions()
    session.decisions.append(
        Decision(id="D-010", capability=HOSTILE[2], decision=DecisionChoice.BUILD, rationale="x" * 5000,
                 decided_on=date(2026, 11, 1))
    )
    app = app_on(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*["down"] * 5)
        assert log_rows(app)[5][:2] == ["D-010", HOSTILE[2]]
        assert log_rows(app)[5][5] == "NOT FINAL"
        detail = rendered(app, "#decision-detail")
        assert f"DECISION [D-010]: {HOSTILE[2]}" in detail
        assert "x" * 5000 in detail
        assert "NOT FINAL — NO FINANCE INPUT" in detail
        assert "No rule matches" in detail
        await pilot.press("e")
        assert isinstance(app.screen, DecisionForm)
        assert app.screen.query_one(MatrixQuestions).has_focus  # capability known: straight to the questions
        area = app.screen.query_one("#field-rationale #input", TextArea)
        assert area.text == "x" * 5000
        await pilot.press("escape")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "D-010" not in [d.id for d in saved(app).decisions]


async def test_hostile_text_in_the_form_is_shown_literally(tmp_path: Path) -> None:
    app = app_on(demo_on_decisions(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        capability = app.screen.query_one("#field-capability #input", Input)
        text = " ".join(HOSTILE)
        capability.post_message(events.Paste(text))
        await pilot.pause()
        rationale = app.screen.query_one("#field-rationale #input", TextArea)
        rationale.focus()
        long = ("Because [bold]margin[/] a [/] b. " * 200)[:5000]
        rationale.insert(long)  # as a paste would
        await pilot.pause()
        await pilot.press("escape")
        await calm(pilot)  # the view's debounced refresh (0.15 s)
        decision = saved(app).decisions[-1]
        assert decision.capability == text and decision.rationale == long
        assert log_rows(app)[-1][1] == text[:40] + "…"
        assert long in rendered(app, "#decision-detail")
        assert app.is_running


async def test_health_link_selects_the_named_decision(tmp_path: Path) -> None:
    app = app_on(demo_on_decisions(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#view-decisions")
        view.focus_target(Target(Phase.DECISIONS, "Decision log", records=("D-004", "D-005")))
        await pilot.pause()
        assert view.current_row() == 3
        assert "DECISION [D-004]" in rendered(app, "#decision-detail")
