"""Phase 2.2: the partner scoring table — one row per partner, score and band from the engine.

Built for big maps (10,000 partners): rows are keyed by partner id and rebuilt only when the
set of partners, the sort or the filter changes; an edited partner's row is updated cell by
cell.  :meth:`PartnerTable.sync` finds the rows changed elsewhere (an edit dialog, another
phase) by comparing each partner's raw fields with what the row shows — no scoring, no widget
work for unchanged rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from screens.text import cell
from workshop.models import RATING_FIELDS, LandscapeTier, LockStatus, Mapping, Partner, PartnerType
from workshop.scoring import Band, attractiveness, band_for, format_score, ranked_partners
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
    *[(key, f"{SHORT_RATING[key]} {weight:.0%}", 9) for key, (_label, weight) in RATING_FIELDS.items()],
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


def _signature(partner: Partner) -> tuple[Any, ...]:
    """Everything a row shows, raw (cheap to compute and compare)."""
    r = partner.ratings
    return (
        partner.name, partner.type, partner.landscape_tier,
        r.icp_overlap, r.market_influence, r.practice_alignment, r.partnership_appetite, r.revenue_potential,
        partner.stage, partner.lock_status, partner.locked_to,
    )


def _lock_text(partner: Partner) -> str:
    if partner.lock_status is LockStatus.LOCKED and partner.locked_to.strip():
        return f"Locked to {partner.locked_to}"
    return partner.lock_status.label


def row_cells(partner: Partner) -> list[Text]:
    """The row of one partner, score and band from the engine."""
    score = attractiveness(partner.ratings)
    band = band_for(score)
    ratings = [getattr(partner.ratings, key) for key in RATING_KEYS]
    return [
        cell(partner.name),
        cell(format_score(score), justify="right", style="" if score is not None else "dim"),
        cell(BAND_WORD[band] if band is not None else "—", style=BAND_STYLE[band] if band else "dim"),
        *[cell(format_number(value) if value is not None else "—", justify="right") for value in ratings],
        cell(partner.type.label),
        cell(partner.landscape_tier.value, justify="center"),
        cell(partner.stage.value.capitalize()),
        cell(_lock_text(partner)),
    ]


class PartnerAction(Message):
    """A key on the partner table asks the view to act: add, edit, delete, rate, sort, filter."""

    def __init__(self, table: PartnerTable, action: str) -> None:
        super().__init__()
        self.table = table
        self.action = action


class PartnerTable(DataTable):
    """The partners of ``mapping``, filtered and sorted; rows keyed by partner id."""

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("r", "rate", "Rate"),
        Binding("s", "sort", "Sort"),
        Binding("f", "filter", "Filter"),
    ]

    DEFAULT_CSS = """
    PartnerTable { height: auto; max-height: 14; margin-bottom: 1; }
    """

    def __init__(self, mapping: Mapping, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.fixed_columns = 2  # name and score stay in view while the ratings scroll
        self.mapping = mapping
        self.sort_by_score = False
        self.filter = PartnerFilter()
        self.shown: list[Partner] = []
        self._shown_sig: dict[str, tuple[Any, ...]] = {}
        self._all_ids: list[str] = []

    def on_mount(self) -> None:
        for key, header, width in COLUMNS:
            self.add_column(header, key=key, width=width)
        self.rebuild()

    # ------------------------------------------------------------------ rows

    def _ordered(self) -> list[tuple[Partner, Band | None]]:
        partners = self.mapping.partners
        if self.sort_by_score:
            rows = [(s.partner, s.band) for s in ranked_partners(partners)]
        elif self.filter.band is not None:
            rows = [(p, band_for(attractiveness(p.ratings))) for p in partners]
        else:
            rows = [(p, None) for p in partners]  # bands not needed: nothing filters on them
        return [(p, band) for p, band in rows if self.filter.keeps(p, band)]

    def rebuild(self, *, keep: Partner | None = None) -> None:
        """Redraw all rows (after add, delete, sort or filter), keeping a partner selected."""
        current = keep if keep is not None else self.selected
        self.shown = [partner for partner, _band in self._ordered()]
        self._all_ids = [p.id for p in self.mapping.partners]
        self._shown_sig = {p.id: _signature(p) for p in self.shown}
        self.clear()
        self.add_rows_keyed(self.shown)
        if current is not None and current.id in self._shown_sig:
            self.move_cursor(row=self.get_row_index(current.id), animate=False)

    def add_rows_keyed(self, partners: list[Partner]) -> None:
        for partner in partners:
            self.add_row(*row_cells(partner), key=partner.id)

    def append_partner(self, partner: Partner) -> None:
        """A new partner at the end: one row added in entry order, else a rebuild."""
        if self.sort_by_score or self.filter.active or self._all_ids != [p.id for p in self.mapping.partners[:-1]]:
            self.rebuild(keep=partner)
            return
        self._all_ids.append(partner.id)
        self.shown.append(partner)
        self._shown_sig[partner.id] = _signature(partner)
        self.add_rows_keyed([partner])
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
        self._shown_sig[partner.id] = _signature(partner)
        for key, value in zip(COLUMN_KEYS, row_cells(partner)):
            self.update_cell(partner.id, key, value)

    def sync(self) -> None:
        """Catch up with edits made anywhere: rebuild if partners came or went, else patch rows."""
        partners = self.mapping.partners
        if len(partners) != len(self._all_ids) or any(p.id != i for p, i in zip(partners, self._all_ids)):
            self.rebuild()
            return
        for partner in self.shown:
            if self._shown_sig.get(partner.id) != _signature(partner):
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

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table is self:
            event.stop()
            self.action_edit()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        if event.data_table is self:
            event.stop()
            self.action_rate()

