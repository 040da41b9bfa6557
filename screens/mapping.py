"""Phase 2, market mapping: the partner landscape, attractiveness scoring, the competitors.

The scoring table is :class:`~screens.mapping_table.PartnerTable`; this view wires its keys
(add, edit, delete, rate, sort, filter) to dialogs and to the quick rating bar, and shows what
the engine derives: each partner's score and band, and the competitor ecosystem analysis.
The edit actions are :class:`~screens.mapping_actions.PartnerActions`, the derived displays
:class:`~screens.mapping_panels.MappingPanels` (mixins of the view).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static

from screens.fields import FieldEditor, FieldSpec, enum_choices, validation_message
from screens.mapping_actions import PartnerActions
from screens.mapping_landscape import LandscapeTree
from screens.mapping_panels import MappingPanels
from screens.mapping_rating import RatingBar, RatingInput
from screens.mapping_rows import BAND_WORD, RATING_KEYS, UNSCORED, PartnerFilter
from screens.mapping_table import PartnerAction, PartnerTable
from screens.phase_view import PhaseView
from screens.record_table import Column, RecordTable
from screens.text import literal, one_line
from workshop.method.findings import Target
from workshop.method.models import RATING_FIELDS, Competitor, LandscapeTier, PartnerType, Phase
from workshop.method.scoring import Weighting, attractiveness, percent_text, weighting
from workshop.method.values import format_date, format_number, parse_rating

COMPETITOR_FIELDS = [
    FieldSpec("name", "Competitor", optional=False),
    FieldSpec("key_partners", "Key partners", "lines", hint="one a line"),
    FieldSpec("model", "Partnership model"),
    FieldSpec("perceived_strength", "Perceived strength", "multiline", hint="why it is effective"),
]
COMPETITOR_COLUMNS = [
    Column("Competitor", lambda c: c.name, width=18),
    Column("Key partners", lambda c: one_line(", ".join(c.key_partners), 60), width=30),
    Column("Model", lambda c: c.model, width=16),
    Column("Perceived strength", lambda c: one_line(c.perceived_strength, 60), width=34),
]

BAND_CHOICES = [(word, band) for band, word in BAND_WORD.items()] + [("Unscored", UNSCORED)]


class MappingView(MappingPanels, PartnerActions, PhaseView):
    key = "mapping"
    title = "Market mapping"
    phase = Phase.MAPPING

    BINDINGS = [
        Binding("t", "stamp_refresh", "Stamp refresh"),
        Binding("w", "edit_weights", "Weights"),
        Binding("c", "edit_gates", "Gates"),
    ]

    DEFAULT_CSS = """
    MappingView #filter-bar { height: auto; }
    MappingView #filter-bar Select { width: 1fr; margin-right: 1; }
    MappingView #table-status { color: $text-muted; }
    MappingView #weights-line { color: $text-muted; }
    MappingView #weights-line.-team { color: $warning; text-style: bold; }
    MappingView #partner-detail { height: auto; margin-bottom: 1; }
    MappingView #ecosystem { height: auto; margin-bottom: 1; }
    MappingView #sensitivity { height: auto; margin-bottom: 1; }
    MappingView #sensitivity-verdict { text-style: bold; }
    MappingView.-rating PartnerTable { max-height: 8; }
    """

    def compose(self) -> ComposeResult:
        mapping = self.session.mapping
        yield Static("2.1  Partner landscape", classes="section-title", markup=False)
        yield Static("Tier → type → partner — practice.  Enter opens a tier.", classes="section-help", markup=False)
        yield LandscapeTree(mapping, id="landscape")

        yield Static("2.2  Attractiveness scoring", classes="section-title", markup=False)
        yield Static(
            "a: add  e/Enter: edit  d: delete  r: rate (type, Enter → next)  g: team scores  s: sort  f: band filter  w: weights  c: gates  ⊘: held by a gate  ⚑: the room disagrees",
            classes="section-help",
            markup=False,
        )
        with Horizontal(id="filter-bar"):
            yield Select(BAND_CHOICES, prompt="Band: any", id="filter-band")
            yield Select(enum_choices(PartnerType), prompt="Type: any", id="filter-type")
            yield Select(enum_choices(LandscapeTier), prompt="Tier: any", id="filter-tier")
        yield Static("", id="weights-line", markup=False)
        yield Static("", id="table-status", markup=False)
        yield PartnerTable(mapping, id="partners")
        yield RatingBar(id="rating-bar")
        yield Static("", id="partner-detail", markup=False)
        yield Static("Weight sensitivity — each weight ±20 %, the others rescaled to 100 %", classes="section-title", markup=False)
        yield Static("", id="sensitivity-verdict", markup=False)
        yield Static("", id="sensitivity", markup=False)

        yield Static("2.3  Competitor partner ecosystem", classes="section-title", markup=False)
        yield Static("a: add  e/Enter: edit  d: delete   t: stamp today as refreshed", classes="section-help", markup=False)
        yield RecordTable(
            records=lambda: self.session.mapping.competitors,
            columns=COMPETITOR_COLUMNS,
            specs=COMPETITOR_FIELDS,
            noun="competitor",
            title_of=lambda c: c.name,
            new_record=lambda: Competitor(name="New competitor"),
            can_move=True,
            id="competitors",
        )
        yield FieldEditor(
            mapping,
            FieldSpec("competitor_map_refreshed", "Competitor map refreshed on", "date", hint="YYYY-MM-DD; t stamps today"),
        )
        yield Static("Gap and counter-strategy (from the map)", classes="section-title", markup=False)
        yield Static("", id="ecosystem", markup=False)
        yield FieldEditor(mapping, FieldSpec("gap_notes", "Gap notes", "multiline", hint="Which partners are available or under-served by competitors? Recruit those first."))
        yield FieldEditor(mapping, FieldSpec("counter_strategy", "Counter-strategy", "multiline", hint="Locked to a competitor? A counter-narrative, and their adjacent partners."))

    # ------------------------------------------------------------------ widgets

    @property
    def table(self) -> PartnerTable:
        return self.query_one(PartnerTable)

    @property
    def rating_bar(self) -> RatingBar:
        return self.query_one(RatingBar)

    # ------------------------------------------------------------------ derived displays

    _stale = False

    def refresh_view(self) -> None:
        if not self.display:  # another phase is shown: catch up when this one is shown again
            self._stale = True
            return
        self._stale = False
        table = self.table
        table.sync()
        self.query_one(LandscapeTree).sync()
        self._show_weights()
        self._show_status()
        self._show_detail()
        self._schedule_ecosystem()

    _ecosystem_scheduled = False

    def _schedule_ecosystem(self) -> None:
        """The ecosystem analysis after the next paint: the table and the row just edited are
        shown first (the analysis scores every partner; its section is below the table)."""
        if not self._ecosystem_scheduled:
            self._ecosystem_scheduled = True
            self.call_after_refresh(self._show_ecosystem)

    @property
    def weights(self) -> Weighting:
        return weighting(self.session.mapping.weights)

    def _show_weights(self) -> None:
        weights = self.weights
        line = self.query_one("#weights-line", Static)
        line.update(literal(weights.sentence() + "  w: change them"))
        line.set_class(not weights.is_method, "-team")

    def _show_status(self) -> None:
        table = self.table
        total = len(self.session.mapping.partners)
        order = "by score (s: entry order)" if table.sort_by_score else "in entry order (s: by score)"
        shown = f"{len(table.shown)} of {total} partners" if table.filter.active else f"{total} partners"
        self.query_one("#table-status", Static).update(
            literal(f"{shown}, {order}; filter: {table.filter.describe()}")
        )

    def on_show(self) -> None:
        if self._stale:
            self.refresh_view()

    @on(PartnerTable.RowHighlighted, "#partners")
    @on(PartnerTable.CellHighlighted, "#partners")
    def _highlighted(self) -> None:
        self._show_detail()

    # ------------------------------------------------------------------ partner actions

    @on(PartnerAction)
    def _partner_action(self, event: PartnerAction) -> None:
        event.stop()
        getattr(self, f"action_{event.action}_partner")()

    def action_sort_partner(self) -> None:
        table = self.table
        table.set_sort(not table.sort_by_score)
        self._show_status()

    def action_filter_partner(self) -> None:
        self.table.cycle_band_filter()
        self._sync_filter_bar()
        self._show_status()

    def _sync_filter_bar(self) -> None:
        current = self.table.filter
        for select_id, value in (("#filter-band", current.band), ("#filter-type", current.type), ("#filter-tier", current.tier)):
            select = self.query_one(select_id, Select)
            wanted = Select.NULL if value is None else value
            if select.value != wanted:
                with select.prevent(Select.Changed):
                    select.value = wanted

    @on(Select.Changed, "#filter-bar Select")
    def _filter_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else event.value
        field = {"filter-band": "band", "filter-type": "type", "filter-tier": "tier"}[event.select.id or ""]
        self.table.set_filter(replace(self.table.filter, **{field: value}))
        self._show_status()

    # ------------------------------------------------------------------ quick rating

    def action_rate_partner(self) -> None:
        table = self.table
        if table.selected is None:
            self.notify("No partner to rate: press a to add one.", markup=False)
            return
        column = table.cursor_column - table.rating_coordinate(0, 0).column if table.cursor_type == "cell" else 0
        self._rate_at(table.cursor_row, column if 0 <= column < len(RATING_KEYS) else 0)

    def _rate_at(self, row: int, rating: int) -> None:
        table = self.table
        self._rating = (row, rating)
        partner = table.shown[row]
        key = RATING_KEYS[rating]
        label = RATING_FIELDS[key][0]
        self.add_class("-rating")
        table.show_rating_cell(row, rating)
        current = getattr(partner.ratings, key)
        self.rating_bar.show(
            f"{partner.name} — {label} ({percent_text(self.weights.of(key))}%)  [{rating + 1}/{len(RATING_KEYS)}]",
            format_number(current) if current is not None else "",
            self._score_sentence(partner),
        )

    @on(RatingInput.Entered)
    def _rating_entered(self, event: RatingInput.Entered) -> None:
        event.stop()
        table = self.table
        row, rating = self._rating
        if not 0 <= row < len(table.shown):
            self._end_rating()
            return
        partner = table.shown[row]
        key = RATING_KEYS[rating]
        if event.text.strip():
            try:
                self.editor.rate_partner(partner, key, parse_rating(event.text))
            except ValueError as error:  # pydantic's ValidationError is a ValueError too
                message = validation_message(error) if isinstance(error, ValidationError) else str(error)
                self.rating_bar.refuse(f"Not stored: “{event.text.strip()}” — {message[:1].lower()}{message[1:]}.")
                return
            table.update_partner(partner)
        self._advance(row, rating, event.step, event.by_row)

    def _advance(self, row: int, rating: int, step: int, by_row: bool) -> None:
        count = len(self.table.shown)
        if by_row:
            row += step
        else:
            rating += step
            if rating >= len(RATING_KEYS):
                row, rating = row + 1, 0
            elif rating < 0:
                row, rating = row - 1, len(RATING_KEYS) - 1
        if row >= count:
            self._end_rating()
            self.notify("Last partner rated.", markup=False)
            return
        self._rate_at(max(row, 0), rating if row >= 0 else 0)
        self._show_detail()

    @on(RatingInput.Finished)
    def _rating_finished(self, event: RatingInput.Finished) -> None:
        event.stop()
        self._end_rating()

    def _end_rating(self) -> None:
        self.remove_class("-rating")
        self.rating_bar.hide()
        table = self.table
        table.end_rating()
        table.focus()
        self._show_detail()

    _rating: tuple[int, int] = (0, 0)

    # ------------------------------------------------------------------ competitor map refresh

    def action_stamp_refresh(self) -> None:
        today = self.host.today
        self.editor.mark_competitor_map_refreshed(today)
        self.query_one("#field-competitor_map_refreshed Input", Input).value = format_date(today)
        self.notify(f"Competitor map marked refreshed on {format_date(today)}.", markup=False)

    # ------------------------------------------------------------------ navigation

    def current_row(self) -> int:
        return self.table.cursor_row

    def focus_row(self, row: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)

    def show_target(self, target: Target) -> None:
        """A partner (by id), the first unscored partner ("ratings"), the competitors, or a field."""
        if target.field in ("competitors", "landscape"):
            self.show_widget(self.query_one(f"#{target.field}"))
            return
        if target.field == "weights":
            self.show_widget(self.query_one("#weights-line"))
            self.action_edit_weights()
            return
        if self.show_field(target.field):
            return
        partners = self.session.mapping.partners
        if target.field == "ratings":
            weights = self.session.mapping.weights
            partner = next((p for p in partners if attractiveness(p.ratings, weights) is None), None)
        else:
            partner = next((p for p in partners if p.id in target.records), None)
        table = self.table
        if partner is not None:
            if table.row_of(partner) is None:
                table.filter = PartnerFilter()
                self._sync_filter_bar()
                table.rebuild(keep=partner)
            table.move_cursor(row=table.row_of(partner) or 0, animate=False)
        self.show_widget(table)

    def screen_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Add partner", "Add a partner to the map and edit it", self.action_add_partner)
        yield SystemCommand("Rate selected partner", "Type the five ratings, Enter moves on", self._command_rate)
        yield SystemCommand("Team scores for selected partner", "Each participant's own ratings; the team mean is the score (g)", self.action_team_partner)
        yield SystemCommand("Edit ratings of selected partner", "The five ratings in one form; empty clears one", self.action_edit_ratings)
        yield SystemCommand("Scoring weights", "The five weights of this session; the method's are 30/25/20/15/10 (w)", self.action_edit_weights)
        yield SystemCommand("Must-pass gates for selected partner", "Conditions that keep a partner out of Priority whatever it scores (c)", self.action_edit_gates)
        yield SystemCommand("Sort partners", "Toggle by score / entry order", self.action_sort_partner)
        yield SystemCommand("Filter partners by band", "Cycle any / priority / secondary / opportunistic / unscored", self.action_filter_partner)
        yield SystemCommand("Clear partner filter", "Show every partner", self._clear_filter)
        yield SystemCommand("Add competitor", "Add a competitor and its key partners", self._add_competitor)
        yield SystemCommand("Stamp competitor-map refresh", "Mark the competitor map refreshed today", self.action_stamp_refresh)
        yield SystemCommand("Next unscored partner", "Jump to the first partner with ratings missing", lambda: self.focus_target(Target(Phase.MAPPING, field="ratings")))

    def _command_rate(self) -> None:
        self.table.focus()
        self.action_rate_partner()

    def _clear_filter(self) -> None:
        self.table.set_filter(PartnerFilter())
        self._sync_filter_bar()
        self._show_status()

    def _add_competitor(self) -> None:
        table = self.query_one("#competitors", RecordTable)
        table.focus()
        table.action_add()
