"""Phase 2.2: the partner scoring table — one row per partner, score and band from the engine.

Built for big maps (10,000 partners) on Textual's public Line API (issue 19 §7): the table is a
:class:`~textual.scroll_view.ScrollView` whose ``render_line`` draws only the lines on screen,
so a row is a small record (:class:`~screens.mapping_rows.RowData`, the partner's raw fields) formatted and scored
only when it is drawn.  Rows are keyed by partner id and rebuilt only when the set of partners,
the sort or the filter changes; an edited partner's row is replaced alone.
:meth:`PartnerTable.sync` finds the rows changed elsewhere (an edit dialog, another phase) by
comparing each partner's raw fields with what the row shows — no scoring for unchanged rows.
``tests/test_public_textual_api.py`` fails if this module (or the two below) touches a Textual
class's private state again.

Split by concern: the rows and cell text are :mod:`screens.mapping_rows`, the drawing
(``render_line``) is :mod:`screens.mapping_table_render`.
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Iterable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.widgets.data_table import ColumnKey

from screens.literal_inputs import KeysInOrder
from screens.mapping_rows import (
    BAND_CYCLE,
    COLUMN_KEYS,
    COLUMNS,
    FIRST_RATING_COLUMN,
    SHORT_RATING,
    UNSET,
    Column,
    LazyCell,
    PartnerFilter,
    RowData,
    row_signature,
)
from screens.mapping_table_render import TABLE_CSS, TableRender
from workshop.method.models import Gate, Mapping, Partner
from workshop.method.scoring import Band, attractiveness, band_for, percent_text, ranked_partners, weighting

class PartnerAction(Message):
    """A key on the partner table asks the view to act: add, edit, delete, rate, sort, filter."""

    def __init__(self, table: PartnerTable, action: str) -> None:
        super().__init__()
        self.table = table
        self.action = action



class PartnerTable(KeysInOrder, TableRender, ScrollView, can_focus=True):
    """The partners of ``mapping``, filtered and sorted, drawn line by line (Textual's Line API).

    A :class:`~textual.scroll_view.ScrollView`: ``render_line`` draws only the lines on screen
    (the header, then the rows under the scroll offset), so 10,000 partners cost 10,000 small
    row records and no widget work.  It looks and answers like a ``DataTable`` in row cursor
    mode (zebra stripes, the name and score fixed while the ratings scroll, the cell cursor
    while rating) and posts the same kind of messages: :class:`RowHighlighted`,
    :class:`CellHighlighted`, :class:`RowSelected`, :class:`CellSelected`.
    """

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("r", "rate", "Rate"),
        Binding("s", "sort", "Sort"),
        Binding("f", "filter", "Filter"),
        Binding("g", "team", "Team scores"),
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("right", "cursor_right", "Cursor right", show=False),
        Binding("left", "cursor_left", "Cursor left", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "scroll_top", "Top", show=False),
        Binding("ctrl+end", "scroll_bottom", "Bottom", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    COMPONENT_CLASSES = {
        "datatable--header", "datatable--fixed", "datatable--even-row", "datatable--odd-row",
        "datatable--cursor", "datatable--fixed-cursor",
    }

    # DataTable's look (Textual 8.2.8), for this widget
    DEFAULT_CSS = TABLE_CSS

    fixed_columns = 2
    """The name and score stay in view while the ratings scroll."""

    cursor_coordinate: reactive[Coordinate] = reactive(Coordinate(0, 0), repaint=False, always_update=True)
    cursor_type: reactive[str] = reactive("row")
    """``"row"`` (browsing) or ``"cell"`` (rating one cell)."""

    class _CursorMessage(Message):
        """What the cursor is on: ``cursor_row``, in ``table`` (the message's ``control``)."""

        def __init__(self, table: PartnerTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> PartnerTable:
            return self.table

    class RowHighlighted(_CursorMessage):
        """The cursor moved to a row (or the rows were rebuilt under it)."""

    class CellHighlighted(_CursorMessage):
        """The cell cursor moved (while rating)."""

    class RowSelected(_CursorMessage):
        """Enter (or a click on the highlighted row) on a row."""

    class CellSelected(_CursorMessage):
        """Enter (or a click on the highlighted cell) while rating."""

    def __init__(self, mapping: Mapping, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mapping = mapping
        self.weights = weighting(mapping.weights)
        self.gates: tuple[Gate, ...] = tuple(mapping.gates)
        """The gates the rows were drawn with (followed by :meth:`sync`)."""
        self.sort_by_score = False
        self.filter = PartnerFilter()
        self.shown: list[Partner] = []
        self.columns: dict[ColumnKey, Column] = {
            ColumnKey(key): Column(ColumnKey(key), Text(self._header(key, header)), width)
            for key, header, width in COLUMNS
        }
        self._rows: list[RowData] = []
        self._index: dict[str, int] = {}
        self._all_ids: list[str] = []

    def on_mount(self) -> None:
        self.weights = weighting(self.mapping.weights)
        self._relabel()
        self.rebuild()

    def _header(self, key: str, header: str) -> str:
        """A rating column's header carries the session's weight: ``ICP 30%``."""
        if key in SHORT_RATING:
            return f"{SHORT_RATING[key]} {percent_text(self.weights.of(key))}%"
        return header

    def _relabel(self) -> None:
        for key, header, _width in COLUMNS:
            self.columns[ColumnKey(key)].label = Text(self._header(key, header))

    def _reweigh(self) -> None:
        """The session's weights changed: new headers, every row scored again."""
        self.weights = weighting(self.mapping.weights)
        self._relabel()
        self.rebuild()

    # ------------------------------------------------------------------ rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self.cursor_coordinate.row

    @property
    def cursor_column(self) -> int:
        return self.cursor_coordinate.column

    def _ordered(self) -> list[tuple[Partner, float | None, Band | None]]:
        """The partners to show, in order, with score and band when they had to be computed."""
        partners = self.mapping.partners
        if self.sort_by_score:  # the engine scores every partner once for the rebuild
            rows = [(s.partner, s.score, s.band) for s in ranked_partners(partners, self.weights)]
        elif self.filter.band is not None:
            rows = []
            for partner in partners:
                score = attractiveness(partner.ratings, self.weights)
                rows.append((partner, score, band_for(score)))
        else:
            rows = [(p, UNSET, None) for p in partners]  # scored when drawn: nothing filters on them
        if not self.filter.active:
            return rows
        return [row for row in rows if self.filter.keeps(row[0], row[2])]

    def rebuild(self, *, keep: Partner | None = None) -> None:
        """Redraw all rows (after add, delete, sort or filter), keeping a partner selected."""
        current = keep if keep is not None else self.selected
        ordered = self._ordered()
        self._all_ids = [p.id for p in self.mapping.partners]
        self.shown = []
        self._rows = []
        self._index = {}
        self._add_rows(ordered)
        row = self._index.get(current.id, 0) if current is not None else 0
        self.cursor_coordinate = Coordinate(row, self.cursor_column if self.cursor_type == "cell" else 0)

    def _add_rows(self, ordered: list[tuple[Partner, float | None, Band | None]]) -> None:
        """Rows at the end: only the row records are built (their cells are drawn when shown)."""
        rows, index, shown = self._rows, self._index, self.shown
        for partner, score, band in ordered:
            index[partner.id] = len(rows)
            rows.append(RowData(partner, row_signature(partner), self.weights, score, band, self.gates))
            shown.append(partner)
        self._resize()

    def _resize(self) -> None:
        width = sum(column.render_width for column in self.columns.values())
        self.virtual_size = Size(width, len(self._rows) + 1)  # the header, then one line a row
        self.refresh()

    def append_partner(self, partner: Partner) -> None:
        """A new partner at the end: one row added in entry order, else a rebuild."""
        if self.sort_by_score or self.filter.active or self._all_ids != [p.id for p in self.mapping.partners[:-1]]:
            self.rebuild(keep=partner)
            return
        self._all_ids.append(partner.id)
        self._add_rows([(partner, UNSET, None)])
        self.move_cursor(row=self.row_count - 1, animate=False)

    def remove_partner(self, partner: Partner) -> None:
        """A deleted partner: its row alone is removed."""
        if partner.id in self._all_ids:
            self._all_ids.remove(partner.id)
        row = self._index.pop(partner.id, None)
        if row is None:
            return
        del self._rows[row]
        del self.shown[row]
        for later in self.shown[row:]:
            self._index[later.id] -= 1
        self._resize()
        self.cursor_coordinate = self.cursor_coordinate  # clamped to the rows left

    def update_partner(self, partner: Partner) -> None:
        """Show one partner's changed fields (its row only)."""
        row = self._index.get(partner.id)
        if row is None:
            return
        self._rows[row] = RowData(partner, row_signature(partner), self.weights, gates=self.gates)
        self.shown[row] = partner
        self.refresh_line(row + 1)

    def sync(self) -> None:
        """Catch up with edits made anywhere: rebuild if partners came or went, else patch rows."""
        partners = self.mapping.partners
        if weighting(self.mapping.weights) != self.weights:
            self._reweigh()
            return
        if tuple(self.mapping.gates) != self.gates:
            self.gates = tuple(self.mapping.gates)
            self.rebuild()
            return
        if len(partners) != len(self._all_ids) or any(p.id != i for p, i in zip(partners, self._all_ids)):
            self.rebuild()
            return
        for row, partner in enumerate(self.shown):
            if self._rows[row].signature != row_signature(partner):
                self.update_partner(partner)

    @property
    def selected(self) -> Partner | None:
        if not self.shown or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def row_of(self, partner: Partner) -> int | None:
        return self._index.get(partner.id)

    def get_row_index(self, partner_id: str) -> int:
        return self._index[partner_id]

    def get_cell_at(self, coordinate: tuple[int, int]) -> LazyCell:
        """The cell at (row, column) — it reads as the text shown (``str``)."""
        row, column = coordinate
        return LazyCell(self._rows[row], column)

    def get_column(self, key: str) -> Iterable[LazyCell]:
        """The cells of one column (a :data:`COLUMNS` key), top to bottom."""
        column = COLUMN_KEYS.index(key)
        return (LazyCell(row, column) for row in self._rows)

    # ------------------------------------------------------------------ sort and filter

    def set_sort(self, by_score: bool) -> None:
        self.sort_by_score = by_score
        self.rebuild()

    def set_filter(self, new: PartnerFilter) -> None:
        self.filter = new
        self.rebuild()

    def cycle_band_filter(self) -> None:
        index = BAND_CYCLE.index(self.filter.band)
        self.set_filter(replace(self.filter, band=BAND_CYCLE[(index + 1) % len(BAND_CYCLE)]))

    # ------------------------------------------------------------------ the cursor

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        row = min(max(value.row, 0), max(self.row_count - 1, 0))
        column = min(max(value.column, 0), len(COLUMNS) - 1)
        return Coordinate(row, column)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        if old.row != new.row:
            self.refresh_line(old.row + 1)
        self.refresh_line(new.row + 1)
        self.scroll_cursor_into_view()
        if self.row_count:
            highlighted = self.CellHighlighted if self.cursor_type == "cell" else self.RowHighlighted
            self.post_message(highlighted(self, new.row))

    def watch_cursor_type(self) -> None:
        self.refresh()

    def move_cursor(self, *, row: int | None = None, column: int | None = None, animate: bool = False) -> None:
        """Move the cursor (like ``DataTable.move_cursor``), scrolling it into view."""
        current = self.cursor_coordinate
        self.cursor_coordinate = Coordinate(current.row if row is None else row, current.column if column is None else column)

    def on_resize(self, event: events.Resize) -> None:
        self.scroll_cursor_into_view()

    def on_show(self, event: events.Show) -> None:
        self.scroll_cursor_into_view()

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_left(self) -> None:
        if self.cursor_type == "cell":
            self.move_cursor(column=self.cursor_column - 1)
        else:
            self.scroll_left(animate=False)

    def action_cursor_right(self) -> None:
        if self.cursor_type == "cell":
            self.move_cursor(column=self.cursor_column + 1)
        else:
            self.scroll_right(animate=False)

    def _page(self) -> int:
        """The rows one screen shows (under the header)."""
        return max(self.scrollable_content_region.height - 1, 1)

    def action_page_up(self) -> None:
        """As DataTable: the view scrolls a page and the cursor moves as many rows."""
        page = self._page()
        self.scroll_relative(y=-page, animate=False)
        self.move_cursor(row=self.cursor_row - page)

    def action_page_down(self) -> None:
        page = self._page()
        self.scroll_relative(y=page, animate=False, force=True)
        self.move_cursor(row=self.cursor_row + page)

    def action_scroll_top(self) -> None:
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(row=self.row_count - 1)

    def action_scroll_home(self) -> None:
        """DataTable's Home: the first column (the ratings scrolled back)."""
        if self.cursor_type == "cell":
            self.move_cursor(column=0)
        else:
            self.scroll_to(x=0, animate=False)

    def action_scroll_end(self) -> None:
        """DataTable's End: the last column (the type, tier, stage and lock in view)."""
        if self.cursor_type == "cell":
            self.move_cursor(column=len(COLUMNS) - 1)
        else:
            self.scroll_to(x=self.max_scroll_x, animate=False)

    def action_select_cursor(self) -> None:
        if not self.row_count:
            return
        selected = self.CellSelected if self.cursor_type == "cell" else self.RowSelected
        self.post_message(selected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1 or not self.row_count:
            return
        row = int(self.scroll_y) + offset.y - 1
        if row >= self.row_count:
            return
        column = self.column_at(offset.x)
        target = Coordinate(row, column if self.cursor_type == "cell" else self.cursor_column)
        if target == self.cursor_coordinate:
            self.action_select_cursor()
        else:
            self.cursor_coordinate = target

    # ------------------------------------------------------------------ drawing (the Line API)
    # ------------------------------------------------------------------ rating cells

    def rating_coordinate(self, row: int, rating: int) -> Coordinate:
        return Coordinate(row, FIRST_RATING_COLUMN + rating)

    def show_rating_cell(self, row: int, rating: int) -> None:
        self.cursor_type = "cell"
        self.move_cursor(row=row, column=FIRST_RATING_COLUMN + rating, animate=False)

    def end_rating(self) -> None:
        self.cursor_type = "row"
        self.cursor_coordinate = Coordinate(self.cursor_row, 0)

    # ------------------------------------------------------------------ actions (the view does the work)

    def action_add(self) -> None:
        self.post_message(PartnerAction(self, "add"))

    def action_edit(self) -> None:
        self.post_message(PartnerAction(self, "edit"))

    def action_delete(self) -> None:
        self.post_message(PartnerAction(self, "delete"))

    def action_rate(self) -> None:
        self.post_message(PartnerAction(self, "rate"))

    def action_sort(self) -> None:
        self.post_message(PartnerAction(self, "sort"))

    def action_filter(self) -> None:
        self.post_message(PartnerAction(self, "filter"))

    def action_team(self) -> None:
        self.post_message(PartnerAction(self, "team"))

    def on_partner_table_row_selected(self, event: RowSelected) -> None:
        if event.table is self:
            event.stop()
            self.action_edit()

    def on_partner_table_cell_selected(self, event: CellSelected) -> None:
        if event.table is self:
            event.stop()
            self.action_rate()

