"""The market-mapping view's edit actions: a partner added, edited, rated in one form, scored by
the team, deleted; the session's scoring weights and must-pass gates.  Each opens its dialog and
redraws what derives from the edit.  A mixin of :class:`screens.mapping.MappingView`."""

from __future__ import annotations

from screens.dialogs import ConfirmDialog, EditDialog
from screens.fields import FieldSpec, enum_choices
from screens.mapping_rows import PartnerFilter
from workshop.method.models import RATING_FIELDS, LandscapeTier, LockStatus, Partner, PartnerStage, PartnerType
from workshop.method.scoring import Weighting, percent_text

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


class PartnerActions:
    """The edit actions of the mapping view (a mixin: the widget methods, ``session``, ``editor``,
    ``table`` and ``weights`` are the view's)."""

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
