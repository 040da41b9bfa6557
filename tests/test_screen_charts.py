"""ChartsScreen and the numbers behind it (workshop/method/chart_data.py)."""

from __future__ import annotations

from textual.widgets import Static, TabbedContent

from screens.charts import ChartPane, ChartsScreen, short
from tests.app_harness import SMALL, calm, demo_app
from workshop.method.chart_data import arr_chart, millions, pipeline_chart, round_ticks, score_chart, tick_text
from workshop.method.models import Partner, Ratings, Session
from workshop.method.scoring import PRIORITY_MIN, SECONDARY_MIN

BIG = (120, 36)


# ---------------------------------------------------------------- data


def test_score_chart_top_partners_best_first_with_thresholds(demo_session):
    chart = score_chart(demo_session, top=3)
    assert [b.label for b in chart.bars] == ["Deloitte", "Accenture", "Northbridge Risk Advisory"]
    assert [b.value for b in chart.bars] == sorted((b.value for b in chart.bars), reverse=True)
    assert chart.lines == ((PRIORITY_MIN, "Priority"), (SECONDARY_MIN, "Secondary"))
    assert chart.caption.startswith("Top 3 of 13 scored partners")


def test_score_chart_without_scores_is_a_sentence():
    session = Session()
    assert "No partners mapped yet" in score_chart(session).empty
    session.mapping.partners.append(Partner(name="Acme", ratings=Ratings(icp_overlap=50)))
    assert "No partner has a score yet" in score_chart(session).empty


def test_arr_chart_years_and_total_line(demo_session):
    chart = arr_chart(demo_session)
    assert [b.label for b in chart.bars] == ["2027", "2028", "2029"]
    assert chart.bars[-1].value == 15.75  # $M: 35% of $45M
    assert chart.lines[0][0] == 45.0
    assert "total target ARR $45,000,000" in chart.caption


def test_arr_and_pipeline_charts_say_what_they_need(demo_session):
    demo_session.intake.target_arr = None
    assert arr_chart(demo_session).empty == "Needs target ARR (Intake) to draw this chart."
    assert pipeline_chart(demo_session).empty == "Needs target ARR (Intake) to draw this chart."


def test_pipeline_chart_splits_a_year_by_tier(demo_session):
    chart = pipeline_chart(demo_session)
    assert [b.label for b in chart.bars] == ["Platinum", "Gold", "Silver"]
    assert [round(b.value, 2) for b in chart.bars] == [10.5, 6.3, 4.2]  # $21M × 50/30/20%
    assert chart.bars[0].note.endswith("partners")


def test_millions_rounds_half_up():
    assert millions(5_250_000) == "$5.3M"


def test_short_labels_are_one_visible_line():
    assert short("a\x1b[31mb\nc", 40) == "a␛[31mb c"
    assert short("x" * 30, 10) == "x" * 9 + "…"


# ---------------------------------------------------------------- screen


def plot_text(screen) -> str:
    return "\n".join(strip.text for strip in screen._compositor.render_strips())


async def test_charts_screen_shows_each_chart(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        await app.push_screen(ChartsScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChartsScreen)
        assert "Partners by attractiveness score" in plot_text(screen)
        assert "Deloitte" in plot_text(screen)
        await pilot.press("2")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "chart-arr"
        assert "2029" in plot_text(screen) and "$15.8M" in plot_text(screen)
        await pilot.press("3")
        await pilot.pause()
        assert "Platinum" in plot_text(screen) and "partners" in plot_text(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ChartsScreen)


async def test_missing_inputs_show_a_sentence_not_an_empty_chart(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.session.intake.target_arr = None
        await app.push_screen(ChartsScreen())
        await pilot.pause()
        panes = list(app.screen.query(ChartPane))
        assert [bool(p.query(".chart-plot")) for p in panes] == [True, False, False]
        empty = app.screen.query_one("#chart-arr .chart-empty", Static)
        assert "Needs target ARR (Intake)" in str(empty.render())


async def test_hostile_partner_names_are_plain_text_in_plots(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        partner = app.session.mapping.partners[0]
        partner.name = "[@click=app.quit]Q[/]\x1b"
        partner.ratings = Ratings(icp_overlap=100, market_influence=100, practice_alignment=100,
                                  partnership_appetite=100, revenue_potential=100)
        await app.push_screen(ChartsScreen())
        await pilot.pause()
        assert "[@click=app.quit]Q[/]␛" in plot_text(app.screen)
        assert app.is_running


def test_charts_small_snapshot(snap_compare, tmp_path):
    async def open_it(pilot):
        await pilot.app.push_screen(ChartsScreen())
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=open_it)


def test_charts_large_snapshot(snap_compare, tmp_path):
    async def open_it(pilot):
        await pilot.app.push_screen(ChartsScreen("chart-pipeline"))
        await pilot.wait_for_scheduled_animations()
        await calm(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=BIG, run_before=open_it)


def test_score_chart_labels_never_contradict_the_band():
    """A partner at 74.95 is Secondary: its bar reads 74.95, never 75.0 (issue 18, point 1)."""
    from workshop.method.models import Partner, Ratings, Session

    session = Session()
    edge = Ratings(icp_overlap=75, market_influence=74, practice_alignment=75, partnership_appetite=75,
                   revenue_potential=77)
    session.mapping.partners.append(Partner(name="Edge", ratings=edge))
    (bar,) = score_chart(session).bars
    assert (bar.note, bar.group) == ("74.95", "Secondary target")


def test_round_ticks_step_by_one_two_two_and_a_half_or_five():
    """The axes read 8.3, 16.5, 24.8: ticks now step by a round amount and reach the top."""
    assert round_ticks(46.4) == (0, 10, 20, 30, 40, 50)
    assert round_ticks(11.6) == (0, 2.5, 5, 7.5, 10, 12.5)
    assert round_ticks(15.75) == (0, 5, 10, 15, 20)
    assert round_ticks(0) == (0, 1)
    assert [tick_text(t) for t in round_ticks(11.6)] == ["0", "2.5", "5", "7.5", "10", "12.5"]


async def test_score_bars_each_labelled_with_gaps_and_labelled_lines(tmp_path):
    """The score chart's bars ran together with names beside the wrong bars: now each row is
    one partner (name, score, bar), bars apart, the thresholds labelled, ticks 0-100 by 25."""
    for size, gap in ((SMALL, False), ((160, 48), True)):
        folder = tmp_path / f"{size[0]}"
        folder.mkdir()
        app = demo_app(folder)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await app.push_screen(ChartsScreen())
            await pilot.pause()
            text = plot_text(app.screen)
            chart = score_chart(app.session)
            rows = [line for line in text.splitlines() if any(f" {b.note} " in line for b in chart.bars)]
            for bar in chart.bars:  # every bar on its own row with its own name and score
                assert any(bar.label[:15] in row and f" {bar.note} " in row for row in rows)
            assert "Secondary 50" in text and "Priority 75" in text
            lines = text.splitlines()
            first = next(i for i, line in enumerate(lines) if chart.bars[0].note in line and "Deloitte" in line)
            between = lines[first + 1][2:-2]  # inside the screen's frame
            if gap:
                assert "█" not in between and "▆" not in between  # a blank row (but the lines) between bars
            else:
                assert "▆" in lines[first]  # no room for blank rows: a bar glyph with a gap above it


async def test_value_charts_have_round_ticks_a_label_per_bar_and_a_labelled_target(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await app.push_screen(ChartsScreen("chart-arr"))
        await pilot.pause()
        text = plot_text(app.screen)
        assert "Total target ARR 45" in text  # the line says what it is
        assert all(year in text for year in ("2027", "2028", "2029"))  # under each bar
        assert all(value in text for value in ("$5.3M", "$10.5M", "$15.8M"))  # over each bar
        ticks = [line.split("┤")[0].strip("█ ") for line in text.splitlines() if "┤" in line]
        assert ticks and all(t.replace(",", "").replace(".5", "").isdigit() for t in ticks), ticks
        await pilot.press("3")
        await pilot.pause()
        text = plot_text(app.screen)
        assert all(tier in text for tier in ("Platinum", "Gold", "Silver")), text
        assert all(count in text for count in ("6 partners", "13 partners", "42 partners")), text
