"""Phase 2, market mapping: the partner landscape, attractiveness scoring, the competitors.

The scoring table is :class:`~screens.mapping_table.PartnerTable`; this view wires its keys
(add, edit, delete, rate, sort, filter) to dialogs and to the quick rating bar, and shows what
the engine derives: each partner's score and band, and the competitor ecosystem analysis.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction

from pydantic import ValidationError
from rich import box
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static

from screens.dialogs import ConfirmDialog, EditDialog
from screens.fields import FieldEditor, FieldSpec, enum_choices, validation_message
from screens.mapping_landscape import LandscapeTree
from screens.mapping_rating import RatingBar, RatingInput
from screens.mapping_table import (
    BAND_WORD,
    RATING_KEYS,
    UNSCORED,
    PartnerAction,
    PartnerFilter,
    PartnerTable,
    row_signature,
)
from screens.phase_view import PhaseView
from screens.record_table import Column, RecordTable
from screens.text import literal, one_line
from workshop.terminal_text import visible
from workshop.competitors import ecosystem
from workshop.findings import Target
from workshop.models import (
    RATING_FIELDS,
    Competitor,
    LandscapeTier,
    LockStatus,
    Partner,
    PartnerStage,
    PartnerType,
    Phase,
)
from workshop.gates import gated
from workshop.score_explain import explain
from workshop.sensitivity import Sensitivity, sensitivity
from workshop.scoring import Weighting, ranked_partners, attractiveness, band_for, exact_text, format_score, missing_ratings, percent_text, weighting
from workshop.team_scoring import disagreement
from workshop.values import format_date, format_number, parse_rating

PARTNER_FIELDS = [
    FieldSpec("name", "Name", optional=False),
    FieldSpec("type", "Type", "choice", choices=enum_choices(PartnerType), optional=False),
    FieldSpec("landscape_tier", "Landscape tier", "choice", choices=enum_choices(LandscapeTier), optional=False),
    FieldSpec("practice", "Relevant practice", hint="e.g. Digital, Risk, Technology; geography; strength"),
    FieldSpec("notes", "Notes", "multiline"),
    FieldSpec("lock_status", "Lock status", "choice", choices=enum_choices(LockStatus), optional=False),
    FieldSpec("locked_to", "Locked to", hint="the competitor it is locked to, if locked"),
    FieldSpec("stage", "Stage", "choice", choices=enum_choices(PartnerStage), optional=False),
]
def rating_specs(weights: Weighting) -> list[FieldSpec]:
    """The five rating fields, each labelled with the session's weight."""
    return [FieldSpec(key, f"{label} ({percent_text(weights.of(key))}%)", "rating", hint="0-100")
            for key, (label, _weight) in RATING_FIELDS.items()]

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

LIST_LIMIT = 10
"""Lines shown per ecosystem list before "… and N more" (display only)."""

BAND_CHOICES = [(word, band) for band, word in BAND_WORD.items()] + [("Unscored", UNSCORED)]


def cell_text(text: str, style: str = "") -> Text:
    """User text (a partner's name) in a rich table cell: a Text, never parsed as markup."""
    return Text(visible(text), style=style)


def _limited(lines: Iterable[str], empty: str) -> list[str]:
    lines = list(lines)
    if not lines:
        return [f"  {empty}"]
    shown = [f"  • {line}" for line in lines[:LIST_LIMIT]]
    if len(lines) > LIST_LIMIT:
        shown.append(f"  … and {len(lines) - LIST_LIMIT} more")
    return shown


class MappingView(PhaseView):
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

    def action_edit_weights(self) -> None:
        """The five scoring weights of this session (applied together when they add up to 100 %)."""
        from screens.mapping_weights import WeightsDialog

        def closed(_result: object) -> None:
            self.refresh_now()
            self.table.focus()

        self.app.push_screen(WeightsDialog(self.session.mapping), closed)

    def action_edit_gates(self) -> None:
        """The must-pass gates, judged for the selected partner (and added, renamed, removed)."""
        from screens.mapping_gates import GatesDialog

        partner = self.table.selected
        if partner is None:
            self.notify("No partner selected: gates are judged per partner (press a to add one).", markup=False)
            return

        def closed(_result: object) -> None:
            self.table.update_partner(partner)
            self.refresh_now()
            self.table.focus()

        self.app.push_screen(GatesDialog(self.session.mapping, partner), closed)

    def _show_status(self) -> None:
        table = self.table
        total = len(self.session.mapping.partners)
        order = "by score (s: entry order)" if table.sort_by_score else "in entry order (s: by score)"
        shown = f"{len(table.shown)} of {total} partners" if table.filter.active else f"{total} partners"
        self.query_one("#table-status", Static).update(
            literal(f"{shown}, {order}; filter: {table.filter.describe()}")
        )

    def _show_detail(self) -> None:
        partner = self.table.selected
        detail = self.query_one("#partner-detail", Static)
        if partner is None:
            detail.update(literal("No partner selected." if self.session.mapping.partners else "No partners yet: press a to add one."))
            return
        lines = [self._score_sentence(partner)]
        explanation = explain(partner, self.weights)
        if explanation is not None:
            width = max(len(c.label) for c in explanation.contributions)
            lines += [f"  {c.label:<{width}}  {c.text}" for c in explanation.contributions]
            lines.append(f"  {'Score':<{width}}  {exact_text(explanation.score)}")
            lines.append("Band lines: " + explanation.distance_sentence)
            lines.append(explanation.up_sentence + "  " + explanation.down_sentence)
        if self.session.mapping.gates:
            row = ranked_partners([partner], self.weights)[0]
            (gate_row,) = gated([row], self.session.mapping)
            lines.append(f"Gates: {gate_row.gates.text}  (c: judge)")
            lines.append(("⊘ " if gate_row.held else "") + gate_row.sentence)
        if partner.team_ratings:
            lines.append("Team: " + disagreement(partner, weights=self.session.mapping.weights).sentence)
        detail.update(literal("\n".join(lines)))

    def _score_sentence(self, partner: Partner) -> str:
        score = attractiveness(partner.ratings, self.session.mapping.weights)
        band = band_for(score)
        if band is None:
            return f"{partner.name}: unscored — still to rate: {', '.join(missing_ratings(partner.ratings)).lower()}."
        shown, exact = format_score(score), exact_text(score)
        exactly = "" if Fraction(shown) == score else f" (exactly {exact})"
        return f"{partner.name}: score {shown}{exactly} — {band.label}. {band.advice}"

    _ecosystem_input: tuple[object, ...] | None = None

    def _show_ecosystem(self) -> None:
        """The engine's ecosystem analysis, recomputed only when what it is made from changed.

        Its input is the partners as the table shows them (name, type, tier, ratings, stage,
        lock) and the competitors: cheap to compare, while the analysis scores every partner.
        Editing notes, practice, dates or other phases leaves it as it is.
        """
        self._ecosystem_scheduled = False
        if not self.is_attached:
            return
        self._show_sensitivity()
        mapping = self.session.mapping
        made_from = (
            tuple(map(row_signature, mapping.partners)),
            tuple((c.name, tuple(c.key_partners), c.model, c.perceived_strength) for c in mapping.competitors),
        )
        if made_from == self._ecosystem_input:
            return
        self._ecosystem_input = made_from
        analysis = ecosystem(mapping)
        lines = ["Available or under-served — recruit first if Priority or Secondary, best score first:"]
        lines += _limited(analysis.gap_lines, "none: no available or under-served prospect")
        lines.append("Locked to a competitor — counter-narrative, approach adjacent partners:")
        lines += _limited((lp.sentence for lp in analysis.locked), "none")
        lines.append("Shared by several competitors:")
        lines += _limited(
            (f"{c.name}: {', '.join(c.competitors)}" for c in analysis.contested), "none"
        )
        check = [
            f"{p.name} is listed by {', '.join(comps)} but marked {p.lock_status.label.lower()}"
            for p, comps in analysis.listed_but_available
        ] + [f"{competitor} lists {name}, which is not in our map" for competitor, name in analysis.unmapped]
        if check:
            lines.append("To check:")
            lines += _limited(check, "")
        self.query_one("#ecosystem", Static).update(literal("\n".join(lines)))

    _sensitivity_input: tuple[object, ...] | None = None

    def _show_sensitivity(self) -> None:
        """The engine's weight sensitivity, recomputed only when the ratings or weights changed."""
        mapping = self.session.mapping
        made_from = (mapping.weights.percents(), tuple((p.id, p.name, *row_signature(p)[3:8]) for p in mapping.partners))
        if made_from == self._sensitivity_input:
            return
        self._sensitivity_input = made_from
        # Scored off the UI thread (a big map takes a good part of a second).  It reads the live
        # partners: an edit made meanwhile changes the input, so that result is never shown (the
        # input it was made from is compared again) and the edit's own computation follows.
        partners = list(mapping.partners)
        weights = mapping.weights

        def compute() -> None:
            result = sensitivity(partners, weights)
            self.app.call_from_thread(self._sensitivity_ready, made_from, result)

        self.run_worker(compute, thread=True, exclusive=True, group="sensitivity", exit_on_error=True)

    def _sensitivity_ready(self, made_from: tuple[object, ...], result: Sensitivity) -> None:
        if made_from != self._sensitivity_input or not self.is_attached:
            return
        verdict = self.query_one("#sensitivity-verdict", Static)
        verdict.update(literal(result.sentence))
        verdict.set_class(not result.robust, "-moves")
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        table.add_column("Weight change", no_wrap=True)
        table.add_column("Weights", no_wrap=True)
        table.add_column("Band changes", ratio=1)
        table.add_column("Rank flips in the top ten", ratio=1)
        for row in result.results:
            style = "bold" if row.moves else "dim"
            table.add_row(*(cell_text(t, style) for t in (row.scenario.name, row.scenario.weights_text,
                                                          row.band_text, row.flip_text)))
        for reason in result.skipped:
            table.add_row(cell_text(reason, "dim"), cell_text("", "dim"), cell_text("skipped", "dim"), cell_text("", "dim"))
        self.query_one("#sensitivity", Static).update(table if result.results or result.skipped else literal(""))

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

    def action_add_partner(self) -> None:
        partner = Partner(name="New partner")
        self.editor.add_partner(partner)
        table = self.table
        if table.filter.active:
            table.filter = PartnerFilter()  # a new partner must be visible
            self._sync_filter_bar()
        table.append_partner(partner)
        table.move_cursor(row=table.row_of(partner) or 0)
        table.focus()
        self._edit(partner, "New partner", new=True)

    def action_edit_partner(self) -> None:
        partner = self.table.selected
        if partner is not None:
            self._edit(partner, f"Edit partner: {partner.name}")

    def _edit(self, partner: Partner, title: str, *, new: bool = False) -> None:
        """``new``: the placeholder name is selected, so typing replaces it (as for every new row)."""
        dialog = EditDialog(title, partner, PARTNER_FIELDS, select_first=new)
        self.app.push_screen(dialog, self._after_dialog(partner))

    def _after_dialog(self, partner: Partner):  # noqa: ANN202 - a screen-result callback
        """When a dialog on ``partner`` closes: redraw its row and what derives from it."""

        def closed(_result: object) -> None:
            self.table.update_partner(partner)
            self.refresh_view()
            self.table.focus()

        return closed

    def action_team_partner(self) -> None:
        """Each participant's own five ratings for the selected partner (the team mean is its score)."""
        from screens.team_scoring import TeamScoringScreen

        partner = self.table.selected
        if partner is None:
            return

        self.app.push_screen(TeamScoringScreen(partner), self._after_dialog(partner))

    def action_edit_ratings(self) -> None:
        """All five ratings in one form (an emptied field clears that rating)."""
        partner = self.table.selected
        if partner is None:
            return

        self.app.push_screen(
            EditDialog(f"Ratings: {partner.name}", partner.ratings, rating_specs(self.weights)), self._after_dialog(partner)
        )

    def action_delete_partner(self) -> None:
        partner = self.table.selected
        if partner is None:
            return

        def confirmed(answer: bool | None) -> None:
            row = self.table.cursor_row
            if answer and self.editor.delete_partner(partner):
                self.table.remove_partner(partner)
                if self.table.row_count:
                    self.table.move_cursor(row=min(row, self.table.row_count - 1))
                self.refresh_now()

        self.app.push_screen(
            ConfirmDialog(f"Delete partner “{partner.name}” and its ratings?", title="Delete partner", yes="Delete"),
            confirmed,
        )

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
