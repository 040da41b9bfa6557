"""The room screen's results: how many have answered each item before the reveal, and after
it each partner's ratings (spread, outliers, the team mean), the dot votes or the ideas, and
each person's ratings of the highlighted partner.  Text from the session and from participants
is shown literally.  :class:`RoomResults` is a mixin of :class:`screens.room.RoomScreen`."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable, Static

from screens.text import cell, literal
from workshop.method.models import RATING_FIELDS
from workshop.room.results import SHORT_LABELS as SHORT, idea_results, rating_results, vote_results
from workshop.room.state import TaskKind
from workshop.method.scoring import format_score
from workshop.method.values import format_number


class Said(Static):
    """A Static that repaints only when what it says changes: answers arrive many a second, and
    most of the screen says the same after each."""

    def __init__(self, *, id: str) -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id, markup=False)
        self._said: object = ""

    def say(self, content: object, *, layout: bool = True) -> None:
        """``layout=False`` for a widget of fixed size: the screen is not laid out again (a full
        repaint), only this widget redrawn."""
        key = str(content)
        if key != self._said:
            self._said = key
            self.update(content, layout=layout)  # type: ignore[arg-type]


NAME_WIDTH = 30
"""At most this many columns for a partner's, an item's or a person's name in the tables."""


def name_width(label: str, names: list[str], limit: int = NAME_WIDTH) -> int:
    """The width of a name column: its longest name (cut at ``limit``: the rest ends in …)."""
    from rich.cells import cell_len

    return min(limit, max([cell_len(label), *(cell_len(n) for n in names)]))


def fixed(table: DataTable, columns: list[tuple[str, int]]) -> None:
    """Columns of known widths (the table is not measured again as cells change: Textual does
    that later, and a picture taken before it showed the old widths)."""
    for label, width in columns:
        table.add_column(label, width=width)


class RoomResults:
    """The results tables of the room screen (a mixin: the widget methods, ``room``,
    ``_shown_task`` and ``_counts`` are the screen's)."""

    def _fill_table(self, task) -> None:  # type: ignore[no-untyped-def]
        table = self.query_one("#room-results", DataTable)
        people = self.query_one("#room-people", DataTable)
        room = self.room
        key = (task.number, room.revealed) if task is not None else None
        rebuild = key != self._shown_task
        self._shown_task = key
        if task is None:
            table.clear(columns=True)
            people.clear(columns=True)
            return
        if not room.revealed:
            if rebuild:
                table.clear(columns=True)
                people.clear(columns=True)
                self._counts = {}
                label = "Partner" if task.kind is TaskKind.RATE else "Item"
                table.add_column("Sent", key="count", width=4)
                table.add_column(label, key="item", width=name_width(label, [i.text for i in task.items], 60))
                if task.kind is TaskKind.IDEAS:
                    table.add_row("", cell("Ideas from the room"), key="ideas")
                else:
                    for item in task.items:
                        table.add_row("", cell(item.text), key=item.id)
            for row_key in list(table.rows):
                if task.kind is TaskKind.RATE:
                    n = room.answered_count(row_key.value)
                else:
                    n = room.answered_count()
                if self._counts.get(row_key.value) != n:  # only the cells that changed repaint
                    self._counts[row_key.value] = n
                    table.update_cell(row_key, "count", Text(str(n).rjust(4)))
            self.query_one("#room-verdict", Said).say(
                "Values stay hidden until the reveal (space)." if task.kind is not TaskKind.IDEAS else
                "Ideas stay hidden until the reveal (space).")
            return
        if rebuild:
            table.clear(columns=True)
            people.clear(columns=True)
            if task.kind is TaskKind.RATE:
                table.add_column("Partner", width=name_width("Partner", [i.text for i in task.items]))
                fixed(table, [("n", 3), *[(SHORT[f], max(5, len(SHORT[f]))) for f in RATING_FIELDS],
                              ("Score", 5), ("Spread", 6), ("", 10)])
                for result in rating_results(room):
                    view = result.view
                    table.add_row(
                        cell(result.item.text), Text(str(len(view.scores)), justify="right"),
                        *[Text(format_number(getattr(view.mean, f)) or "—", justify="right",
                               style="bold red" if result.wide[f] else "") for f in RATING_FIELDS],
                        Text(format_score(view.team_score) if view.rated else "—", justify="right"),
                        Text("—" if view.spread is None else f"{view.spread:.1f}", justify="right"),
                        Text("⚑ disagree" if view.disputed else "", style="bold red"),
                        key=result.item.id,
                    )
            elif task.kind is TaskKind.VOTE:
                table.add_column("Item", width=name_width("Item", [i.text for i in task.items], 60))
                fixed(table, [("Dots", 4), ("Voters", 6)])
                for vote in vote_results(room):
                    table.add_row(cell(vote.item.text), Text(str(vote.dots), justify="right"),
                                  Text(str(vote.voters), justify="right"), key=vote.item.id)
            else:
                ideas = idea_results(room)
                table.add_column("Who", width=name_width("Who", [who for who, _ in ideas], 20))
                table.add_column("Idea", width=name_width("Idea", [idea for _, idea in ideas], 80))
                for n, (who, idea) in enumerate(ideas):
                    table.add_row(cell(who), cell(idea), key=str(n))
            self._show_people()

    def _show_people(self) -> None:
        """Each person's ratings of the highlighted partner, ratings far apart in red."""
        room = self.room
        people = self.query_one("#room-people", DataTable)
        verdict = self.query_one("#room-verdict", Said)
        people.clear(columns=True)
        if room.task is None or room.task.kind is not TaskKind.RATE:
            verdict.set_class(False, "-disputed")
            verdict.say(f"{len(room.answered())} answered. a: accept into the session.")
            return
        results = rating_results(room)
        table = self.query_one("#room-results", DataTable)
        row = min(max(table.cursor_row, 0), len(results) - 1)
        result = results[row]
        view = result.view
        people.add_column("Who", width=name_width("Team mean", [s.participant for s in view.scores], 24))
        fixed(people, [*[(SHORT[f], max(5, len(SHORT[f]))) for f in RATING_FIELDS], ("Score", 5)])
        for score in view.scores:
            people.add_row(cell(score.participant), *[
                Text(format_number(getattr(score.ratings, f)) or "—", justify="right",
                     style="bold red" if result.wide[f] else "") for f in RATING_FIELDS
            ], Text(score.score_text, justify="right"))
        people.add_row(Text("Team mean", style="bold"), *[
            Text(format_number(getattr(view.mean, f)) or "—", justify="right", style="bold") for f in RATING_FIELDS
        ], Text(format_score(view.team_score) if view.rated else "—", justify="right", style="bold"))
        people.add_row(Text("Spread"), *[
            Text("—" if (s := view.criterion_spread[f]) is None else f"{s:g}", justify="right",
                 style="bold red" if result.wide[f] else "") for f in RATING_FIELDS
        ], Text("—" if view.spread is None else f"{view.spread:.1f}", justify="right"))
        verdict.set_class(view.disputed, "-disputed")
        verdict.say(literal(f"{result.item.text}: {view.sentence}"))
