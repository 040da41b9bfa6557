"""Phase 2.2: the partner scoring table — one row per partner, score and band from the engine.

Built for big maps (10,000 partners): rows are keyed by partner id and rebuilt only when the
set of partners, the sort or the filter changes; an edited partner's row is updated cell by
cell.  :meth:`PartnerTable.sync` finds the rows changed elsewhere (an edit dialog, another
phase) by comparing each partner's raw fields with what the row shows — no scoring, no widget
work for unchanged rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import CellKey, ColumnKey, DuplicateKey, Row, RowKey

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
_COLUMN_INDEX = {key: index for index, key in enumerate(COLUMN_KEYS)}


class _LazyRow(dict):  # type: ignore[type-arg]
    """A row's cells by column key, each made the first time DataTable asks for it."""

    __slots__ = ("row",)

    def __init__(self, row: _RowData) -> None:
        super().__init__()
        self.row = row

    def __missing__(self, column_key: Any) -> LazyCell:
        made = self[column_key] = LazyCell(self.row, _COLUMN_INDEX[column_key])
        return made


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


class PartnerTable(KeysInOrder, DataTable):
    """The partners of ``mapping``, filtered and sorted; rows keyed by partner id."""

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("r", "rate", "Rate"),
        Binding("s", "sort", "Sort"),
        Binding("f", "filter", "Filter"),
        Binding("g", "team", "Team scores"),
    ]

    DEFAULT_CSS = """
    PartnerTable { height: auto; max-height: 14; margin-bottom: 1; }
    """

    def __init__(self, mapping: Mapping, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.fixed_columns = 2  # name and score stay in view while the ratings scroll
        self.mapping = mapping
        self.weights = weighting(mapping.weights)
        self.gates: tuple[Gate, ...] = tuple(mapping.gates)
        """The gates the rows were drawn with (followed by :meth:`sync`)."""
        self.sort_by_score = False
        self.filter = PartnerFilter()
        self.shown: list[Partner] = []
        self._shown_sig: dict[str, tuple[Any, ...]] = {}
        self._all_ids: list[str] = []

    def on_mount(self) -> None:
        self.weights = weighting(self.mapping.weights)
        for key, header, width in COLUMNS:
            self.add_column(self._header(key, header), key=key, width=width)
        self.rebuild()

    def _header(self, key: str, header: str) -> str:
        """A rating column's header carries the session's weight: ``ICP 30%``."""
        if key in SHORT_RATING:
            return f"{SHORT_RATING[key]} {percent_text(self.weights.of(key))}%"
        return header

    def _reweigh(self) -> None:
        """The session's weights changed: new headers, every row scored again."""
        self.weights = weighting(self.mapping.weights)
        for key, header, _width in COLUMNS:
            if key in SHORT_RATING:
                self.columns[ColumnKey(key)].label = Text(self._header(key, header))
        self._require_update_dimensions = True
        self.rebuild()

    # ------------------------------------------------------------------ rows

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
        self.shown = [partner for partner, _score, _band in ordered]
        self._all_ids = [p.id for p in self.mapping.partners]
        self.clear()
        self._shown_sig = {}
        self._add_rows(ordered)
        if current is not None and current.id in self._shown_sig:
            self.move_cursor(row=self.get_row_index(current.id), animate=False)

    def _add_rows(self, ordered: list[tuple[Partner, float | None, Band | None]]) -> None:
        """Rows at the end, keyed by partner id, in one batch: only the row tuples are built.

        ``DataTable.add_rows`` takes no row keys and ``add_row`` does per-row work that costs
        seconds at 10,000 rows (it re-orders the columns and re-validates the cursor each
        time), so this stores the rows the way ``add_row`` does (Textual 8.2.8: pinned in
        constraints.txt) and then does its once-per-change work once.
        """
        locations, data, rows, signatures = self._row_locations, self._data, self.rows, self._shown_sig
        was_empty = self.row_count == 0
        index = self.row_count
        for partner, score, band in ordered:
            row_key = RowKey(partner.id)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            row = _RowData(partner, row_signature(partner), self.weights, score, band, self.gates)
            signatures[partner.id] = row.signature
            locations[row_key] = index
            data[row_key] = _LazyRow(row)
            rows[row_key] = Row(row_key, 1)
            index += 1
        if not ordered:
            return
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if was_empty and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()

    # Every column has a fixed width, every row is one line and there are no row labels, so
    # nothing needs measuring: DataTable would otherwise measure every cell of every new row
    # (and, after an edit, whole columns), which at 10,000 partners means drawing them all.

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(())

    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        self._require_update_dimensions = True

    def append_partner(self, partner: Partner) -> None:
        """A new partner at the end: one row added in entry order, else a rebuild."""
        if self.sort_by_score or self.filter.active or self._all_ids != [p.id for p in self.mapping.partners[:-1]]:
            self.rebuild(keep=partner)
            return
        self._all_ids.append(partner.id)
        self.shown.append(partner)
        self._add_rows([(partner, _UNSET, None)])
        self.move_cursor(row=self.row_count - 1, animate=False)

    def remove_partner(self, partner: Partner) -> None:
        """A deleted partner: its row alone is removed."""
        if partner.id in self._all_ids:
            self._all_ids.remove(partner.id)
        if partner.id in self._shown_sig:
            del self._shown_sig[partner.id]
            self.shown = [p for p in self.shown if p.id != partner.id]
            self.remove_row(partner.id)

    def update_partner(self, partner: Partner) -> None:
        """Show one partner's changed fields (its cells only)."""
        if partner.id not in self._shown_sig:
            return
        cells = row_cells(partner, self.weights, gates=self.gates)
        self._shown_sig[partner.id] = cells[0].row.signature
        for key, value in zip(COLUMN_KEYS, cells):
            self.update_cell(partner.id, key, value)

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
        for partner in self.shown:
            if self._shown_sig.get(partner.id) != row_signature(partner):
                self.update_partner(partner)

    @property
    def selected(self) -> Partner | None:
        if not self.shown or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def row_of(self, partner: Partner) -> int | None:
        return self.get_row_index(partner.id) if partner.id in self._shown_sig else None

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

    # ------------------------------------------------------------------ rating cells

    def rating_coordinate(self, row: int, rating: int) -> Coordinate:
        return Coordinate(row, FIRST_RATING_COLUMN + rating)

    def show_rating_cell(self, row: int, rating: int) -> None:
        self.cursor_type = "cell"
        self.move_cursor(row=row, column=FIRST_RATING_COLUMN + rating, animate=False)

    def end_rating(self) -> None:
        self.cursor_type = "row"

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

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table is self:
            event.stop()
            self.action_edit()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        if event.data_table is self:
            event.stop()
            self.action_rate()

