"""The partner table's rows: what each row shows, raw, and each cell's text (score and band from
the engine, formatted only when the row is drawn), the filter, and the columns.

:class:`RowData` is the small record one row is (the partner's raw fields, its
:func:`row_signature`); :func:`cell_text` formats one of its cells.  Drawn by
:class:`~screens.mapping_table.PartnerTable`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rich.text import Text
from textual.widgets.data_table import ColumnKey

from screens.text import cell
from workshop.method.gates import verdict
from workshop.method.models import RATING_FIELDS, Gate, LandscapeTier, LockStatus, Partner, PartnerType, Ratings
from workshop.method.scoring import Band, Weighting, attractiveness, band_for, format_score
from workshop.method.team_scoring import is_disputed, team_key
from workshop.method.values import format_number

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


UNSET: Any = object()


class RowData:
    """What one row shows, captured raw when the row is built (its :func:`row_signature`).

    Formatting, and the score and band, wait until the row is drawn: a table of 10,000
    partners draws only the rows on screen.  A score already computed for the rebuild (sorted
    or filtered by band) is passed in and not computed again.
    """

    __slots__ = ("signature", "partner", "weights", "gates", "_score", "_band", "_disputed")

    def __init__(
        self, partner: Partner, signature: tuple[Any, ...], weights: Weighting, score: Fraction | None = UNSET,
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
        if self._score is UNSET:
            ratings = Ratings.model_construct(**dict(zip(RATING_KEYS, self.signature[3:8])))
            self._score = attractiveness(ratings, self.weights)
            self._band = band_for(self._score)
        return self._score, self._band


def _lock_words(lock_status: LockStatus, locked_to: str) -> str:
    if lock_status is LockStatus.LOCKED and locked_to.strip():
        return f"Locked to {locked_to}"
    return lock_status.label


def cell_text(row: RowData, column: int) -> Text:
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

    def __init__(self, row: RowData, column: int) -> None:
        self.row = row
        self.column = column

    def __rich__(self) -> Text:
        return cell_text(self.row, self.column)

    def __str__(self) -> str:
        return cell_text(self.row, self.column).plain

    def __repr__(self) -> str:
        return f"LazyCell({str(self)!r})"


COLUMN_INDEXES = range(len(COLUMNS))


def row_cells(
    partner: Partner, weights: Weighting, score: Fraction | None = UNSET, band: Band | None = None,
    gates: tuple[Gate, ...] = (),
) -> list[LazyCell]:
    """The row of one partner (``score``/``band``: already computed by the engine, if at hand)."""
    row = RowData(partner, row_signature(partner), weights, score, band, gates)
    return [LazyCell(row, column) for column in COLUMN_INDEXES]



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

