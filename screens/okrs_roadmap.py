"""The roadmap's quarters: Q1–Q4 side by side (stacked when narrow), each a theme and items.

Each quarter's items are a :class:`RoadmapItemsTable` — a :class:`RecordTable` with two more
keys: space ticks an item done (or not) and ``<``/``>`` (or shift+←/→) move it to the previous
or next quarter.  Moving is asked of the view through :class:`RoadmapItemsTable.MoveItem`,
because it changes two quarters at once.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.message import Message
from textual.widgets import Static

from screens.fields import FieldEditor, FieldSpec
from screens.host import editor
from screens.record_table import Column, RecordTable
from screens.text import cell
from workshop.method.models import RoadmapItem, RoadmapQuarter, Session

ITEM_FIELDS = [
    FieldSpec("text", "Roadmap item", "multiline"),
    FieldSpec("done", "Done", "bool"),
]
THEME_FIELD = FieldSpec("theme", "Theme", hint="e.g. Foundation")

STACK_BELOW = 110
"""Below this many columns the four quarters are stacked instead of side by side."""


def _done_cell(item: RoadmapItem) -> Text:
    return cell("[x]" if item.done else "[ ]")


def _item_cell(item: RoadmapItem) -> Text:
    text = cell(" ".join(item.text.split()))
    if item.done:
        text.stylize("strike dim")
    return text


class RoadmapItemsTable(RecordTable):
    """One quarter's items."""

    BINDINGS = [
        Binding("space", "toggle_done", "Done"),
        Binding("less_than_sign,shift+left", "move_quarter(-1)", "◀ Qtr"),
        Binding("greater_than_sign,shift+right", "move_quarter(1)", "Qtr ▶"),
    ]

    DEFAULT_CSS = """
    RoadmapItemsTable { max-height: 12; }
    """

    class MoveItem(Message):
        def __init__(self, quarter: int, index: int, delta: int) -> None:
            super().__init__()
            self.quarter = quarter
            self.index = index
            self.delta = delta

    def __init__(self, session: Session, quarter: int) -> None:
        self.session = session
        self.quarter = quarter
        super().__init__(
            records=lambda: self.session.roadmap.quarters[self.quarter].items,
            columns=[Column("Done", _done_cell), Column("Item", _item_cell)],
            specs=ITEM_FIELDS,
            noun=f"Q{quarter + 1} roadmap item",
            title_of=lambda item: " ".join(item.text.split())[:60],
            new_record=lambda: RoadmapItem(text="New item"),
            can_move=True,
            id=f"items-q{quarter + 1}",
        )

    def action_toggle_done(self) -> None:
        item = self.selected
        if item is None:
            return
        editor(self).set_roadmap_item_done(self.quarter, item, not item.done)
        self.reload()

    def action_move_quarter(self, delta: int) -> None:
        if self.selected is not None:
            self.post_message(self.MoveItem(self.quarter, self.cursor_row, delta))


class QuarterColumn(Vertical):
    DEFAULT_CSS = """
    QuarterColumn { width: 1fr; height: auto; padding: 0 1 0 0; }
    QuarterColumn > .quarter-title { text-style: bold; }
    """

    def __init__(self, session: Session, quarter: int) -> None:
        super().__init__(id=f"quarter-q{quarter + 1}", classes="quarter")
        self.session = session
        self.quarter = quarter

    @property
    def model(self) -> RoadmapQuarter:
        return self.session.roadmap.quarters[self.quarter]

    def compose(self) -> ComposeResult:
        yield Static(f"Q{self.quarter + 1}", classes="quarter-title", markup=False)
        yield FieldEditor(self.model, THEME_FIELD, id=f"theme-q{self.quarter + 1}")
        yield RoadmapItemsTable(self.session, self.quarter)


class RoadmapQuarters(Container):
    """The four quarters; the class ``-stacked`` puts them one under another."""

    DEFAULT_CSS = """
    RoadmapQuarters { layout: horizontal; height: auto; }
    RoadmapQuarters.-stacked { layout: vertical; }
    RoadmapQuarters.-stacked QuarterColumn { margin-bottom: 1; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(id="quarters")
        self.session = session

    def compose(self) -> ComposeResult:
        for quarter in range(4):
            yield QuarterColumn(self.session, quarter)

    def on_resize(self) -> None:
        self.set_class(self.size.width < STACK_BELOW, "-stacked")

    def table(self, quarter: int) -> RoadmapItemsTable:
        return self.query_one(f"#items-q{quarter + 1}", RoadmapItemsTable)

    def reload(self) -> None:
        for quarter in range(4):
            self.table(quarter).reload()
