"""Charts where the room would rather look than read (issue 6), drawn with textual-plotext.

Three tabs: partners by attractiveness score with the band thresholds, partner-sourced ARR
target by year against the total target ARR, pipeline needed by tier.  The numbers come from
:mod:`workshop.chart_data`; a chart with a missing input shows the sentence saying what is
needed instead of an empty plot.  Import this module only when the screen opens: plotting is
imported when the screen composes, never on the way to the first screen.

Partner names reach plotext as plain strings; plotext's output is turned into a rich ``Text``
by ANSI parsing (never markup), and control characters are made visible first, so a name
cannot inject markup or terminal escapes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TabbedContent, TabPane

from screens.host import open_session
from screens.text import literal, visible
from workshop import chart_data
from workshop.chart_data import Chart

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

LABEL_WIDTH = 22
"""Longest partner name shown next to a bar (longer ones end in "…")."""

_BAND_COLOURS = {"Priority recruitment target": "green", "Secondary target": "orange",
                 "Opportunistic only": "red"}


def short(text: str, width: int = LABEL_WIDTH) -> str:
    """A one-line label for a plot: control characters visible, at most ``width`` characters."""
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class ChartPane(Vertical):
    """One chart (or the sentence saying what it needs) and its caption."""

    DEFAULT_CSS = """
    ChartPane { height: 1fr; }
    ChartPane PlotextPlot { height: 1fr; min-height: 8; }
    ChartPane .chart-caption { height: auto; color: $text-muted; }
    ChartPane .chart-empty { height: auto; padding: 1 2; }
    """

    def __init__(self, chart: Chart, *, kind: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart = chart
        self.kind = kind

    def compose(self) -> ComposeResult:
        if self.chart.empty:
            yield Static(literal(self.chart.empty), classes="chart-empty")
            return
        from textual_plotext import PlotextPlot

        yield PlotextPlot(classes="chart-plot")
        yield Static(literal(self.chart.caption), classes="chart-caption")

    def on_mount(self) -> None:
        if not self.chart.empty:
            self.draw(self.query_one("PlotextPlot"))  # type: ignore[arg-type]

    def draw(self, plot: PlotextPlot) -> None:
        plt, chart = plot.plt, self.chart
        plt.clear_figure()
        plt.title(chart.title)
        if self.kind == "scores":
            # Horizontal bars, best at the top, the score after the name; the band thresholds are
            # drawn over the bars (plotext draws a vline under them), colours repeat the band.
            count = len(chart.bars)
            positions = {bar: count - i for i, bar in enumerate(chart.bars)}
            for group, colour in _BAND_COLOURS.items():
                bars = [bar for bar in chart.bars if bar.group == group]
                if bars:
                    plt.bar([positions[b] for b in bars], [b.value for b in bars], orientation="horizontal",
                            color=colour, width=0.6, reset_ticks=False)
            plt.yticks([positions[b] for b in chart.bars],
                       [f"{short(b.label)} {b.note:>5}" for b in chart.bars])
            plt.xlim(0, 100)
            plt.ylim(0.4, count + 0.6)
            for value, _what in chart.lines:
                plt.plot([value, value], [0.4, count + 0.6], marker="│", color="blue")
        else:
            labels = [short(f"{bar.label}: {bar.note}" if bar.note else bar.label, 22) for bar in chart.bars]
            plt.bar(labels, [bar.value for bar in chart.bars], width=0.5,
                    color="cyan")
            top = max([bar.value for bar in chart.bars] + [value for value, _ in chart.lines] + [0.0])
            plt.ylim(0, top * 1.1 or 1)
            for value, _what in chart.lines:
                plt.plot([0.5, len(labels) + 0.5], [value, value], marker="─", color="red")
        plot.refresh()


class ChartsScreen(ModalScreen[None]):
    """The three charts in tabs; 1/2/3 pick one, Esc closes."""

    BINDINGS = [
        Binding("escape,q", "close", "Close"),
        Binding("1", "show('chart-scores')", "Scores", show=False),
        Binding("2", "show('chart-arr')", "ARR", show=False),
        Binding("3", "show('chart-pipeline')", "Pipeline", show=False),
    ]

    DEFAULT_CSS = """
    ChartsScreen #charts { width: 100%; height: 100%; border: thick $primary; background: $surface;
                           padding: 0 1; }
    ChartsScreen TabbedContent { height: 1fr; }
    ChartsScreen TabPane { height: 1fr; padding: 0; }
    ChartsScreen ContentSwitcher { height: 1fr; }
    ChartsScreen #charts-hint { height: 1; color: $text-muted; }
    """

    CHARTS = ("chart-scores", "chart-arr", "chart-pipeline")

    def __init__(self, chart: str = "chart-scores") -> None:
        """``chart``: the tab to open on, one of :attr:`CHARTS`."""
        super().__init__()
        self.initial = chart if chart in self.CHARTS else "chart-scores"

    def compose(self) -> ComposeResult:
        session = open_session(self)
        with Vertical(id="charts"):
            with TabbedContent(id="chart-tabs", initial=self.initial):
                with TabPane("1 Scores", id="chart-scores"):
                    yield ChartPane(chart_data.score_chart(session), kind="scores")
                with TabPane("2 ARR by year", id="chart-arr"):
                    yield ChartPane(chart_data.arr_chart(session), kind="arr")
                with TabPane("3 Pipeline by tier", id="chart-pipeline"):
                    yield ChartPane(chart_data.pipeline_chart(session), kind="tiers")
            yield Label("1 2 3 or ←→: chart   Esc: close", id="charts-hint")

    def action_show(self, pane: str) -> None:
        self.query_one(TabbedContent).active = pane

    def action_close(self) -> None:
        self.dismiss(None)
