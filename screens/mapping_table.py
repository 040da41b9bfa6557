"""Phase 2.2: the partner scoring table — one row per partner, score and band from the engine.

Built for big maps (10,000 partners) on Textual's public Line API (issue 19 §7): the table is a
:class:`~textual.scroll_view.ScrollView` whose ``render_line`` draws only the lines on screen,
so a row is a small record (:class:`_RowData`, the partner's raw fields) formatted and scored
only when it is drawn.  Rows are keyed by partner id and rebuilt only when the set of partners,
the sort or the filter changes; an edited partner's row is replaced alone.
:meth:`PartnerTable.sync` finds the rows changed elsewhere (an edit dialog, another phase) by
comparing each partner's raw fields with what the row shows — no scoring for unchanged rows.
``tests/test_public_textual_api.py`` fails if this module touches a Textual class's private
state again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets.data_table import ColumnKey

from screens.literal_inputs import KeysInOrder
from screens.text import cell
from workshop.gates import verdict
from workshop.models import RATING_FIELDS, Gate, LandscapeTier, LockStatus, Mapping, Partner, PartnerType, Ratings
from workshop.scoring import Band, Weighting, attractiveness, band_for, format_score, percent_text, ranked_partners, weighting
from workshop.team_scoring import is_disputed, team_key
from workshop.values import format_number

RATING_KEYS = list(RATING_FIELDS)
SHORT_RATING = {
    "icp_overlap": "ICP",
    "market_influence": "Infl",
    "practice_alignment": "Pract",
    "partnership_appetite": "Appet",
    "revenue_potential": "Rev",
}

COLUMNS: list[tuple[str, str, int]] = [
    # score and band first after the name: they must be visible at 80 columns without scrolling
    ("name", "Partner", 20),
    ("score", "Score", 8),
    ("band", "Band", 13),
    *[(key, f"{SHORT_RATING[key]} {weight:.0%}", 9) for key, (_label, weight) in RATING_FIELDS.items()],  # the method's
    ("type", "Type", 13),
    ("tier", "Tier", 4),
    ("stage", "Stage", 10),
    ("lock", "Lock", 24),
]
COLUMN_KEYS = [key for key, _h, _w in COLUMNS]
FIRST_RATING_COLUMN = COLUMN_KEYS.index(RATING_KEYS[0])

BAND_WORD = {Band.PRIORITY: "Priority", Band.SECONDARY: "Secondary", Band.OPPORTUNISTIC: "Opportunistic"}
BAND_STYLE = {Band.PRIORITY: "bold green", Band.SECONDARY: "yellow", Band.OPPORTUNISTIC: "dim"}

UNSCORED = "unscored"


@dataclass(frozen=True)
class PartnerFilter:
    """What the table shows: ``None`` is "any"; ``band`` may also be :data:`UNSCORED`."""

    band: Band | str | None = None
    type: PartnerType | None = None
    tier: LandscapeTier | None = None

    @property
    def active(self) -> bool:
        return any(value is not None for value in (self.band, self.type, self.tier))

    def describe(self) -> str:
        parts = []
        if self.band is not None:
            parts.append("band " + (BAND_WORD[self.band] if isinstance(self.band, Band) else UNSCORED))
        if self.type is not None:
            parts.append("type " + self.type.label)
        if self.tier is not None:
            parts.append("tier " + self.tier.value)
        return ", ".join(parts) if parts else "all partners"

    def keeps(self, partner: Partner, band: Band | None) -> bool:
        if self.type is not None and partner.type is not self.type:
            return False
        if self.tier is not None and partner.landscape_tier is not self.tier:
            return False
        if self.band is None:
            return True
        return band is None if self.band == UNSCORED else band is self.band


BAND_CYCLE: list[Band | str | None] = [None, Band.PRIORITY, Band.SECONDARY, Band.OPPORTUNISTIC, UNSCORED]


def row_signature(partner: Partner) -> tuple[Any, ...]:
    """Everything a row shows, raw (cheap to compute and compare): the participants' own ratings
    stand for the ⚑ mark, which is worked out from them only when the row is drawn."""
    r = partner.ratings
    return (
        partner.name, partner.type, partner.landscape_tier,
        r.icp_overlap, r.market_influence, r.practice_alignment, r.partnership_appetite, r.revenue_potential,
        partner.stage, partner.lock_status, partner.locked_to,
        team_key(partner) if partner.team_ratings else (),
        tuple((c.gate, c.passes) for c in partner.gate_checks),
    )


_UNSET: Any = object()


class _RowData:
    """What one row shows, captured raw when the row is built (its :func:`row_signature`).

    Formatting, and the score and band, wait until the row is drawn: a table of 10,000
    partners draws only the rows on screen.  A score already computed for the rebuild (sorted
    or filtered by band) is passed in and not computed again.
    """

    __slots__ = ("signature", "partner", "weights", "gates", "_score", "_band", "_disputed")

    def __init__(
        self, partner: Partner, signature: tuple[Any, ...], weights: Weighting, score: Fraction | None = _UNSET,
        band: Band | None = None, gates: tuple[Gate, ...] = (),
    ) -> None:
        self.partner = partner
        self.weights = weights
        self.gates = gates
        self.signature = signature
        self._score = score
        self._band = band
        self._disputed: bool | None = None

    def disputed(self) -> bool:
        """The ⚑ mark: whether the room disagrees (the engine's verdict, computed once)."""
        if self._disputed is None:
            self._disputed = bool(self.signature[-2]) and is_disputed(self.partner, weights=self.weights)
        return self._disputed

    def scored(self) -> tuple[float | None, Band | None]:
        if self._score is _UNSET:
            ratings = Ratings.model_construct(**dict(zip(RATING_KEYS, self.signature[3:8])))
            self._score = attractiveness(ratings, self.weights)
            self._band = band_for(self._score)
        return self._score, self._band


def _lock_words(lock_status: LockStatus, locked_to: str) -> str:
    if lock_status is LockStatus.LOCKED and locked_to.strip():
        return f"Locked to {locked_to}"
    return lock_status.label


def _cell_text(row: _RowData, column: int) -> Text:
    """The cell in ``column`` (an index into :data:`COLUMNS`) of one row, score and band from the engine."""
    name, ptype, tier, *rest = row.signature
    ratings, (stage, lock_status, locked_to, _team, _gates) = rest[:5], rest[5:]
    if column == 0:
        return cell(name)
    if column in (1, 2):
        score, band = row.scored()
        if column == 1:
            return cell(format_score(score), justify="right", style="" if score is not None else "dim")
        word = BAND_WORD[band] if band is not None else "—"
        if band is Band.PRIORITY and row.gates and not verdict(row.partner, row.gates).clear:
            word += " ⊘"  # held out of Priority by a must-pass gate (beside the band, never folded in)
        if row.disputed():  # the room disagrees on this partner: a mark, not only a colour
            word += " ⚑"
        return cell(word, style=BAND_STYLE[band] if band else "dim")
    if column < FIRST_RATING_COLUMN + len(RATING_KEYS):
        value = ratings[column - FIRST_RATING_COLUMN]
        return cell(format_number(value) if value is not None else "—", justify="right")
    field = column - FIRST_RATING_COLUMN - len(RATING_KEYS)
    if field == 0:
        return cell(ptype.label)
    if field == 1:
        return cell(tier.value, justify="center")
    if field == 2:
        return cell(stage.value.capitalize())
    return cell(_lock_words(lock_status, locked_to))


class LazyCell:
    """A cell that becomes a rich :class:`~rich.text.Text` (literal, never markup) when drawn."""

    __slots__ = ("row", "column")

    def __init__(self, row: _RowData, column: int) -> None:
        self.row = row
        self.column = column

    def __rich__(self) -> Text:
        return _cell_text(self.row, self.column)

    def __str__(self) -> str:
        return _cell_text(self.row, self.column).plain

    def __repr__(self) -> str:
        return f"LazyCell({str(self)!r})"


_COLUMN_INDEXES = range(len(COLUMNS))


def row_cells(
    partner: Partner, weights: Weighting, score: Fraction | None = _UNSET, band: Band | None = None,
    gates: tuple[Gate, ...] = (),
) -> list[LazyCell]:
    """The row of one partner (``score``/``band``: already computed by the engine, if at hand)."""
    row = _RowData(partner, row_signature(partner), weights, score, band, gates)
    return [LazyCell(row, column) for column in _COLUMN_INDEXES]


class PartnerAction(Message):
    """A key on the partner table asks the view to act: add, edit, delete, rate, sort, filter."""

    def __init__(self, table: PartnerTable, action: str) -> None:
        super().__init__()
        self.table = table
        self.action = action


@dataclass
class Column:
    """One column of the table: its key (``.value`` is the :data:`COLUMNS` key), header and width."""

    key: ColumnKey
    label: Text
    width: int

    @property
    def render_width(self) -> int:
        return self.width + 2 * CELL_PADDING


CELL_PADDING = 1


class PartnerTable(KeysInOrder, ScrollView, can_focus=True):
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
    DEFAULT_CSS = """
    PartnerTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 14;
        margin-bottom: 1;
        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header { background-tint: $foreground 5%; }
            & > .datatable--fixed-cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
        &:dark > .datatable--even-row { background: $surface-darken-1 40%; }
        & > .datatable--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .datatable--header { background: ansi_bright_blue; color: ansi_default; }
        & > .datatable--fixed { background: $secondary-muted; color: $foreground; }
        & > .datatable--even-row { background: $surface-lighten-1 50%; }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .datatable--fixed-cursor { background: $block-cursor-blurred-background; color: $foreground; }
    }
    """

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
        self._rows: list[_RowData] = []
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
            rows = [(p, _UNSET, None) for p in partners]  # scored when drawn: nothing filters on them
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
            rows.append(_RowData(partner, row_signature(partner), self.weights, score, band, self.gates))
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
        self._add_rows([(partner, _UNSET, None)])
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
        self._rows[row] = _RowData(partner, row_signature(partner), self.weights, gates=self.gates)
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
        self._scroll_cursor_into_view()
        if self.row_count:
            highlighted = self.CellHighlighted if self.cursor_type == "cell" else self.RowHighlighted
            self.post_message(highlighted(self, new.row))

    def watch_cursor_type(self) -> None:
        self.refresh()

    def move_cursor(self, *, row: int | None = None, column: int | None = None, animate: bool = False) -> None:
        """Move the cursor (like ``DataTable.move_cursor``), scrolling it into view."""
        current = self.cursor_coordinate
        self.cursor_coordinate = Coordinate(current.row if row is None else row, current.column if column is None else column)

    def _fixed_width(self) -> int:
        return sum(column.render_width for column in list(self.columns.values())[: self.fixed_columns])

    def _scroll_cursor_into_view(self) -> None:
        if not self.size.height:
            return  # not laid out yet (or hidden): on_show / on_resize do it once it has a size
        row, column = self.cursor_coordinate
        if self.cursor_type == "cell" and column >= self.fixed_columns:
            widths = [c.render_width for c in self.columns.values()]
            region = Region(sum(widths[:column]), row + 1, widths[column], 1)
            self.scroll_to_region(region, spacing=Spacing(top=1, left=self._fixed_width()), animate=False, force=True)
        else:
            self.scroll_to_region(Region(0, row + 1, 1, 1), spacing=Spacing(top=1), animate=False, force=True, x_axis=False)

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_cursor_into_view()

    def on_show(self, event: events.Show) -> None:
        self._scroll_cursor_into_view()

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
        column = self._column_at(offset.x)
        target = Coordinate(row, column if self.cursor_type == "cell" else self.cursor_column)
        if target == self.cursor_coordinate:
            self.action_select_cursor()
        else:
            self.cursor_coordinate = target

    def _column_at(self, x: int) -> int:
        fixed = self._fixed_width()
        virtual_x = x if x < fixed else x + int(self.scroll_x)
        edge = 0
        for index, column in enumerate(self.columns.values()):
            edge += column.render_width
            if virtual_x < edge:
                return index
        return len(self.columns) - 1

    # ------------------------------------------------------------------ drawing (the Line API)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("datatable--header")
            cells = [column.label for column in self.columns.values()]
            return self._line(cells, [style] * len(cells), width, style)
        row = int(self.scroll_y) + y - 1
        if row >= self.row_count:
            return Strip.blank(width, base)
        data = self._rows[row]
        zebra = base + self.get_component_rich_style("datatable--odd-row" if row % 2 else "datatable--even-row")
        fixed = base + self.get_component_rich_style("datatable--fixed")
        styles = [fixed if index < self.fixed_columns else zebra for index in _COLUMN_INDEXES]
        cursors: list[Style | None] = [None] * len(styles)
        if row == self.cursor_row:  # the cursor's colours win over a cell's own (as in DataTable)
            cursor = self.get_component_rich_style("datatable--cursor")
            if self.cursor_type == "row":
                fixed_cursor = self.get_component_rich_style("datatable--fixed-cursor")
                cursors = [fixed_cursor if index < self.fixed_columns else cursor for index in _COLUMN_INDEXES]
            else:
                cursors[self.cursor_column] = cursor
        cells = [_cell_text(data, index) for index in _COLUMN_INDEXES]
        return self._line(cells, styles, width, zebra, cursors)

    def _line(
        self, cells: list[Text], styles: list[Style], width: int, fill: Style, cursors: list[Style | None] | None = None,
    ) -> Strip:
        """One line of cells, the fixed columns kept at the left and the rest scrolled."""
        segments: list[Segment] = []
        console = self.app.console
        for index, (text, column) in enumerate(zip(cells, self.columns.values())):
            post = cursors[index] if cursors else None
            segments.extend(_cell_segments(console, text, styles[index], column.width, post))
        line = Strip(segments)
        fixed = self._fixed_width()
        scroll_x = int(self.scroll_x)
        return Strip.join([line.crop(0, fixed), line.crop(fixed + scroll_x, scroll_x + width)]).extend_cell_length(width, fill)

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


def _cell_segments(console: Console, text: Text, style: Style, width: int, post: Style | None = None) -> list[Segment]:
    """One cell: ``text`` on one line, cut with an ellipsis or padded to ``width`` as it is
    justified, between one cell of padding each side — literal text, never markup.  ``post``
    (the cursor) is laid over the text's own style."""
    text = text.copy()
    text.truncate(width, overflow="ellipsis")
    gap = width - text.cell_len
    if gap > 0:
        if text.justify == "right":
            text.pad_left(gap)
        elif text.justify == "center":
            text.pad_left(gap // 2)
            text.pad_right(gap - gap // 2)
        else:
            text.pad_right(gap)
    pad_style = style + post if post else style
    text_style = style + console.get_style(text.style, default=Style.null()) if text.style else style
    pad = " " * CELL_PADDING
    body = Segment.apply_style(text.render(console), text_style, post)
    return [Segment(pad, pad_style), *body, Segment(pad, pad_style)]
