"""Charts where the room would rather look than read (issue 6), drawn with textual-plotext.

Three tabs: partners by attractiveness score with the band thresholds, partner-sourced ARR
target by year against the total target ARR, pipeline needed by tier.  The numbers come from
:mod:`workshop.method.chart_data`; a chart with a missing input shows the sentence saying what is
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
from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static, TabbedContent, TabPane

from screens.host import open_session
from screens.text import literal, visible
from workshop.method import chart_data
from workshop.method.chart_data import Chart, round_ticks, tick_text

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

LABEL_WIDTH = 22
"""Longest partner name shown next to a bar (longer ones end in "…")."""

_BAND_COLOURS = {"Priority recruitment target": "$success", "Secondary target": "$warning",
                 "Opportunistic only": "$error"}
"""The bars' colours repeat the band (the theme's, so they follow F9); the lines say it in words."""


def short(text: str, width: int = LABEL_WIDTH) -> str:
    """A one-line label for a plot: control characters visible, at most ``width`` characters."""
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class ScoreBars(Widget):
    """Partners by score as a bar each, drawn as text: the name and score on the bar's row, a
    blank row between bars when there is the height, the band thresholds as labelled lines
    (``Secondary 50``, ``Priority 75``) and round ticks (0 25 50 75 100) under the bars.
    (plotext ran ten bars together at 80×24 and put the names beside the wrong bars.)"""

    DEFAULT_CSS = """
    ScoreBars { height: 1fr; min-height: 6; }
    """

    TICKS = (0, 25, 50, 75, 100)

    def __init__(self, chart: Chart, **kwargs) -> None:
        super().__init__(**kwargs)
        self.chart = chart

    def render(self) -> Content:
        chart = self.chart
        width, height = self.size.width, self.size.height
        names = [short(bar.label) for bar in chart.bars]
        label_width = max(cell_len(name) for name in names)
        note_width = max(len(bar.note) for bar in chart.bars)
        left = label_width + note_width + 3  # "name  88.8 " then the bars
        span = max(10, width - left - 4)  # the columns of 0..100

        def column(value: float) -> int:
            return round(value / 100 * (span - 1))

        lines = {column(value): f"{what} {value:g}" for value, what in chart.lines}
        gap = height >= 2 * len(chart.bars) + 4  # title, the lines' labels, bars with gaps, axis
        parts: list[tuple[str, str]] = []

        def put(text: str, style: str = "") -> None:
            if parts and parts[-1][1] == style:
                parts[-1] = (parts[-1][0] + text, style)
            else:
                parts.append((text, style))

        put(chart.title.center(width).rstrip() + "\n", "bold")
        rows: list[list[str]] = []  # each line's label ends at its line; one row, or one each
        for at, label in sorted(lines.items()):
            start = max(0, at - len(label) + 1)
            row = next((r for r in rows if all(c == " " for c in r[max(0, start - 1) : at + 1])), None)
            if row is None:
                rows.append(row := [" "] * span)
            row[start : at + 1] = list(label[: at + 1 - start])
        for row in rows:
            put(" " * left + "".join(row) + "\n", "bold")
        block = "█" if gap else "▆"  # no room for a blank row: the glyph leaves the gap
        for i, (bar, name) in enumerate(zip(chart.bars, names)):
            if gap and i:
                put(" " * left + "".join("│" if x in lines else " " for x in range(span)) + "\n", "dim")
            put(" " * (label_width - cell_len(name)) + name + "  ")
            put(f"{bar.note:>{note_width}} ", "bold")
            filled = column(bar.value) + 1 if bar.value > 0 else 0
            colour = _BAND_COLOURS.get(bar.group, "$text")
            for x in range(span):
                if x in lines:
                    put("│", "bold" if x < filled else "dim")
                elif x < filled:
                    put(block, colour)
                else:
                    put(" ")
            put("\n")
        axis = [" "] * (span + 4)
        for tick in self.TICKS:
            label = str(tick)
            at = column(tick) - (len(label) - 1) // 2
            axis[at : at + len(label)] = list(label)
        put(" " * left + "".join(axis).rstrip(), "dim")
        return Content.assemble(*parts)


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
        if self.kind == "scores":
            yield ScoreBars(self.chart, classes="chart-plot")
        else:
            from textual_plotext import PlotextPlot

            yield PlotextPlot(classes="chart-plot")
        yield Static(literal(self.chart.caption), classes="chart-caption")

    def on_mount(self) -> None:
        if not self.chart.empty and self.kind != "scores":
            self.draw(self.query_one("PlotextPlot"))  # type: ignore[arg-type]

    def draw(self, plot: PlotextPlot) -> None:
        """Vertical bars with a gap between them, each labelled under it with its value, round
        ticks on the value axis, and each reference line labelled where it is drawn."""
        plt, chart = plot.plt, self.chart
        plt.clear_figure()
        plt.title(chart.title)
        labels = [short(bar.label, 12) for bar in chart.bars]
        positions = list(range(1, len(labels) + 1))
        plt.bar(positions, [bar.value for bar in chart.bars], width=0.5, color="cyan")
        top = max([bar.value for bar in chart.bars] + [value for value, _ in chart.lines] + [0.0])
        ticks = round_ticks(top * 1.12)  # room above the tallest bar for its value
        plt.yticks(list(ticks), [tick_text(t) for t in ticks])
        plt.ylim(0, ticks[-1])
        plt.xlim(0.3, len(labels) + 0.7)  # a margin: the outer bars keep their gap to the frame
        plt.xticks(positions, labels)  # every bar its name under it...
        lift = (ticks[1] - ticks[0]) * 0.3
        for x, bar in zip(positions, chart.bars):  # ...and its value over it
            if bar.note:
                plt.text(short(bar.note, 16), x=x, y=bar.value + lift, alignment="center", color="default", background="default")
        for value, what in chart.lines:
            plt.plot([0.3, len(labels) + 0.7], [value, value], marker="─", color="red")
            plt.text(f"{what} {tick_text(value)}", x=0.35, y=value, color="red", background="default", alignment="left")
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
