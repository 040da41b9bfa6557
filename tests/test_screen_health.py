"""Pilot tests of the Health view: rules in words, jumps to the fix, live economics."""

from __future__ import annotations

from textual.widgets import OptionList

from screens.health import HealthView
from tests.app_harness import app_on, calm, saved, until
from workshop.method.models import KeyResult, KRKind, Objective, Phase, Session


def health_session() -> Session:
    session = Session(title="Health test")
    session.intake.company_name = "[bold]Acme[/]"
    session.intake.target_arr = 50_000_000
    session.thesis.statement.partner_share_pct = 30
    session.thesis.statement.years = 3
    session.objectives = [
        Objective(text="a [/] b", key_results=[KeyResult(text="Sign [N] partners", kind=KRKind.LAGGING)]),
    ]
    return session


async def open_health(pilot) -> HealthView:
    view = pilot.app.screen.show_phase("health")
    await calm(pilot)
    view.query_one("#rules", OptionList).focus()
    await pilot.pause()
    return view


def prompts(option_list: OptionList) -> list[str]:
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_rules_findings_completeness_in_words(tmp_path):
    app = app_on(health_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_health(pilot)
        rules = prompts(view.query_one("#rules", OptionList))
        assert len(rules) == 6
        okr = next(p for p in rules if "OKRs have leading and lagging" in p)
        assert okr.startswith("✗ FAIL") and "no leading key results" in okr and "fix in: OKRs & roadmap" in okr
        assert all(p[:6] in ("✓ PASS", "! WARN", "✗ FAIL") for p in rules)  # a symbol, not colour alone
        findings = prompts(view.query_one("#findings", OptionList))
        assert any("KR1.1 has no target and no owner." in p for p in findings)
        assert any("a [/] b" in p for p in findings)  # user text, literally
        done = prompts(view.query_one("#completeness", OptionList))
        intake = next(p for p in done if "Intake" in p)
        assert "missing:" in intake and "target year" in intake
        economics = str(view.query_one("#economics").render())
        assert "Partner-sourced ARR target: $15,000,000" in economics
        assert "target ARR $50,000,000" in economics and "partner share 30%" in economics


async def test_enter_jumps_to_the_place_to_fix(tmp_path):
    app = app_on(health_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_health(pilot)
        rules = view.query_one("#rules", OptionList)
        index = next(i for i, p in enumerate(prompts(rules)) if "Roadmap revisited" in p)
        rules.highlighted = index
        await pilot.press("enter")
        await calm(pilot)
        okrs = app.screen.current_view
        assert okrs is not None and okrs.key == "okrs"
        assert app.focused is okrs.query_one("#field-last_reviewed #input")


async def test_economics_inputs_update_figures_and_refuse_bad_values(tmp_path):
    app = app_on(health_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_health(pilot)
        view.show_economics()
        await pilot.pause()
        win = view.query_one("#field-win_rate_pct")
        assert app.focused is win.query_one("#input")
        win.query_one("#input").value = ""
        await pilot.pause()
        await pilot.press(*"50")
        await calm(pilot)
        assert app.session.economics.win_rate_pct == 50
        economics = str(view.query_one("#economics").render())
        assert "Pipeline needed over the horizon: $30,000,000" in economics
        await pilot.press("backspace", "backspace", *"abc")
        await pilot.pause()
        assert "not a number" in win.error
        win.query_one("#input").value = "0"
        await pilot.pause()
        assert "Must be above 0" in win.error
        assert app.session.economics.win_rate_pct == 5  # the last accepted value ("5", on the way to "")
        deal = view.query_one("#field-avg_deal_size")
        deal.query_one("#input").value = "1.5M"
        await calm(pilot)
        assert saved(app).economics.avg_deal_size == 1_500_000
        assert saved(app).economics.win_rate_pct == 5


async def test_verdicts_take_the_themes_colours_and_follow_a_theme_change(tmp_path):
    """PASS / WARN / FAIL were plain bold: now the theme's success / warning / error text colour
    (and a symbol), in the high-contrast theme too."""
    app = app_on(health_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_health(pilot)
        rules = view.query_one("#rules", OptionList)
        fail = next(i for i in range(rules.option_count) if str(rules.get_option_at_index(i).prompt).startswith("✗"))

        def status_colour() -> str:
            line = next(y for y in range(rules.size.height) if "✗ FAIL" in rules.render_line(y).text)
            segment = next(s for s in rules.render_line(line) if "FAIL" in s.text)
            return segment.style.color.triplet.hex.upper()

        rules.highlighted = fail + 1 if fail + 1 < rules.option_count else 0  # not under the highlight
        await pilot.pause()
        assert status_colour() == app.get_css_variables()["text-error"].upper()
        await pilot.press("f9")
        await until(pilot, lambda: app.theme == "projector", "the high-contrast theme")
        await until(pilot, lambda: status_colour() == app.get_css_variables()["text-error"].upper(), "the new red")


async def test_a_finding_and_a_phase_jump_to_their_targets(tmp_path):
    """The jump follows the finding's target (which key result; which field is missing), not its words."""
    app = app_on(health_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_health(pilot)
        findings = view.query_one("#findings", OptionList)
        findings.focus()
        findings.highlighted = next(i for i, p in enumerate(prompts(findings)) if "KR1.1 has no target" in p)
        await pilot.press("enter")
        await calm(pilot)
        okrs = app.screen.current_view
        assert okrs is not None and okrs.key == "okrs"
        assert app.focused is okrs.kr_table and okrs.kr_table.cursor_row == 0

        view = await open_health(pilot)
        done = view.query_one("#completeness", OptionList)
        done.focus()
        done.highlighted = next(i for i, p in enumerate(prompts(done)) if "Intake" in p)
        await pilot.press("enter")
        await calm(pilot)
        intake = app.screen.current_view
        assert intake is not None and intake.key == "intake"
        first = view._report.completeness[Phase.INTAKE].places[0]
        assert first.field == "description"  # "company description", the first item missing
        assert app.focused is intake.query_one("#field-description #input")
