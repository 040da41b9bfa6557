"""The team's own scores for one partner: each participant's five ratings, quickly (issue 6).

A grid: one row per participant, one column per rating.  Type a number; Enter or Tab stores it
and moves to the next cell (then the next participant), shift+Tab goes back, an emptied cell
clears that rating.  A bad number is refused with a message and the cell keeps focus.  Every
accepted value updates the participant's score, the team mean (written to the partner's
ratings, so the score everywhere is the team's), the spread and the verdict, and is autosaved.
The rules are in :mod:`workshop.method.team_scoring`; this screen only shows them.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Blur
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from screens.host import editor, open_session
from screens.fields import validation_message
from screens.literal_inputs import KeysInOrder
from screens.text import literal, one_line
from workshop.method.models import RATING_FIELDS, Partner
from workshop.method.scoring import format_score, weighting
from workshop.method.team_scoring import (
    DISAGREEMENT_THRESHOLD,
    TeamView,
    disagreement,
    participant_names,
)
from workshop.method.values import format_number, parse_rating

FIELDS = list(RATING_FIELDS)
SHORT_LABELS = {
    "icp_overlap": "ICP",
    "market_influence": "Influence",
    "practice_alignment": "Practice",
    "partnership_appetite": "Appetite",
    "revenue_potential": "Revenue",
}
"""Column headers that fit 80 columns; the legend under the title gives the weights."""


class RatingCell(KeysInOrder, Input):
    """One participant's rating of one criterion; Enter/Tab store and move on, shift+Tab back.

    The keys are bindings, resolved in the order typed (:class:`KeysInOrder`): a fast typist's
    "90⏎80⏎" reaches this cell whole before the screen has stored the 90, so Enter moves the
    focus at once, and the keys behind it are passed on to the cell that has the focus now.
    """

    BINDINGS = [
        Binding("enter", "move(1)", "Store, next"),
        Binding("tab", "move(1)", "Store, next", show=False),
        Binding("shift+tab", "move(-1)", "Back", show=False),
    ]

    class Entered(Message):
        """Store what was typed; ``step``: the move the cell made (0: none, the focus left it)."""

        def __init__(self, cell: RatingCell, step: int) -> None:
            super().__init__()
            self.cell = cell
            self.step = step

    def __init__(self, value: str, *, row: int, column: int) -> None:
        super().__init__(value, placeholder="—", compact=True, classes="team-cell", select_on_focus=True)
        self.row = row
        self.column = column
        self._handed_on = False

    def action_move(self, step: int) -> None:
        self.post_message(self.Entered(self, step))  # the screen stores it (or says why not)
        cells = list(self.screen.query(RatingCell))
        index = cells.index(self) + step
        if 0 <= index <= len(cells):
            self._handed_on = True  # stored through Entered above, not again on blur
            self.screen.set_focus(cells[index] if index < len(cells) else self.screen.query_one("#done"))

    def on_blur(self, _event: Blur) -> None:
        if self._handed_on:
            self._handed_on = False
            return
        self.post_message(self.Entered(self, 0))


class TeamScoringScreen(ModalScreen[None]):
    """Each participant's five ratings of ``partner``; the team mean becomes the partner's rating."""

    BINDINGS = [Binding("escape", "close", "Done")]

    DEFAULT_CSS = """
    TeamScoringScreen #team-dialog {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    TeamScoringScreen #team-title { text-style: bold; color: $primary; }
    TeamScoringScreen #team-legend { color: $text-muted; }
    TeamScoringScreen .team-row { height: 1; width: auto; }
    TeamScoringScreen .team-name { width: 17; }
    TeamScoringScreen .team-col { width: 10; }
    TeamScoringScreen .team-score { width: 7; text-align: right; }
    TeamScoringScreen #team-head, TeamScoringScreen #team-spread { color: $text-muted; }
    TeamScoringScreen #team-mean { text-style: bold; }
    TeamScoringScreen #team-grid { height: auto; max-height: 35vh; }
    TeamScoringScreen RatingCell { width: 9; margin-right: 1; background: $boost; }
    TeamScoringScreen RatingCell:focus { background: $accent 30%; }
    TeamScoringScreen #team-verdict { height: auto; }
    TeamScoringScreen #team-verdict.-disputed { background: $error 30%; text-style: bold; }
    TeamScoringScreen #team-error { color: $text-error; height: auto; display: none; }
    TeamScoringScreen #team-error.-shown { display: block; }
    TeamScoringScreen #team-empty { margin: 1 0; }
    TeamScoringScreen #team-buttons { height: 1; }
    TeamScoringScreen #team-buttons .dialog-hint { width: 1fr; color: $text-muted; }
    """

    def __init__(self, partner: Partner) -> None:
        super().__init__()
        self.partner = partner
        self.names: list[str] = []
        self._refused: RatingCell | None = None
        """The cell whose text the message under the grid refused (cleared once it stores)."""

    # ------------------------------------------------------------------ compose

    def compose(self) -> ComposeResult:
        self.names = participant_names(open_session(self), self.partner)
        listed = {p.name for p in open_session(self).participants}
        with Vertical(id="team-dialog"):
            yield Label(literal(f"Team scores — {self.partner.name}"), id="team-title")
            weights = weighting(open_session(self).mapping.weights)
            yield Static(
                f"Each participant rates 0-100; weights {weights.text}% as the columns"
                + ("." if weights.is_method else " (set by the team, not the method's 30/25/20/15/10)."),
                id="team-legend",
                markup=False,
            )
            if not self.names:
                yield Static(
                    "No participants yet. Add the people in the room under Participants in Intake "
                    "(key 1), then open team scores again.",
                    id="team-empty",
                    markup=False,
                )
            else:
                with Horizontal(classes="team-row", id="team-head"):
                    yield Label("Participant", classes="team-name")
                    for field in FIELDS:
                        yield Label(SHORT_LABELS[field], classes="team-col")
                    yield Label("Score", classes="team-score")
                with VerticalScroll(id="team-grid", can_focus=False):
                    ratings = {e.participant: e.ratings for e in self.partner.team_ratings}
                    for row, name in enumerate(self.names):
                        shown = name if name in listed else f"{name} (not in Intake)"
                        with Horizontal(classes="team-row", id=f"team-row-{row}"):
                            yield Label(literal(shown), classes="team-name")
                            for column, field in enumerate(FIELDS):
                                value = getattr(ratings[name], field) if name in ratings else None
                                yield RatingCell(format_number(value), row=row, column=column)
                            yield Label("", classes="team-score", id=f"team-score-{row}")
                with Horizontal(classes="team-row", id="team-mean"):
                    yield Label("Team mean", classes="team-name")
                    for field in FIELDS:
                        yield Label("", classes="team-col", id=f"mean-{field}")
                    yield Label("", classes="team-score", id="mean-score")
                with Horizontal(classes="team-row", id="team-spread"):
                    yield Label("Spread", classes="team-name")
                    for field in FIELDS:
                        yield Label("", classes="team-col", id=f"spread-{field}")
                    yield Label("", classes="team-score", id="spread-score")
                yield Static("", id="team-verdict", markup=False)
                yield Static("", id="team-error", markup=False)
            with Horizontal(id="team-buttons"):
                yield Static(
                    "Enter/Tab: store, next  shift+Tab: back  empty: clear",
                    classes="dialog-hint",
                    markup=False,
                )
                yield Button("Done (Esc)", variant="primary", id="done", compact=True)

    def on_mount(self) -> None:
        if not self.names:
            self.query_one("#done", Button).focus()
            return
        self._refresh_results()
        cells = list(self.query(RatingCell))
        first_empty = next((cell for cell in cells if not cell.value.strip()), cells[0])
        first_empty.focus()

    # ------------------------------------------------------------------ entering

    @on(RatingCell.Entered)
    def _entered(self, event: RatingCell.Entered) -> None:
        event.stop()
        cell = event.cell
        if not self.is_attached or not cell.is_attached:
            return
        self._store(cell, moving=event.step != 0)  # the cell has already moved the focus on

    @on(Input.Submitted)
    def _no_submit(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the cell's binding

    def _store(self, cell: RatingCell, *, moving: bool) -> bool:
        """Store the cell's text; on a bad number say why (and, when leaving it, restore the value)."""
        name, field = self.names[cell.row], FIELDS[cell.column]
        entry = next((e for e in self.partner.team_ratings if e.participant == name), None)
        current = getattr(entry.ratings, field) if entry is not None else None
        try:
            value = parse_rating(cell.value)
            editor(self).rate_for_participant(self.partner, name, field, value)
        except ValidationError as error:
            return self._refuse(cell, name, field, validation_message(error), current, moving=moving)
        except ValueError as error:
            return self._refuse(cell, name, field, str(error), current, moving=moving)
        if value != current or cell is self._refused:  # a cell passed over unchanged keeps the message
            self._refused = None
            self._show_error("")
        if value != current:
            self._refresh_results()
        with cell.prevent(Input.Changed):
            cell.value = format_number(value)
        return True

    def _refuse(self, cell: RatingCell, name: str, field: str, message: str, current: float | None, *,
                moving: bool) -> bool:
        label, message = RATING_FIELDS[field][0], one_line(message[:1].lower() + message[1:], 60)
        self._refused = cell
        if moving:
            self._show_error(f"Not stored — {message} ({name}, {label}). "
                             "Type 0-100, or empty the cell to clear it.")
            cell.focus()
            cell.select_all()
        else:  # focus went elsewhere: keep the stored value on screen, say what was refused
            self._show_error(f"Not stored — {message} ({name}, {label}); "
                             f"kept {format_number(current) or 'no rating'}.")
            with cell.prevent(Input.Changed):
                cell.value = format_number(current)
        return False

    def _show_error(self, message: str) -> None:
        error = self.query_one("#team-error", Static)
        error.set_class(bool(message), "-shown")
        error.update(literal(message))

    # ------------------------------------------------------------------ results

    @property
    def view(self) -> TeamView:
        return disagreement(self.partner, weights=open_session(self).mapping.weights)

    def _refresh_results(self) -> None:
        view = self.view
        scores = {s.participant: s for s in view.scores}
        for row, name in enumerate(self.names):
            score = scores.get(name)
            text = "" if score is None else (score.score_text if score.score is not None else
                                             f"{5 - len(score.missing)}/5")
            self.query_one(f"#team-score-{row}", Label).update(text)
        for field in FIELDS:
            mean, spread = getattr(view.mean, field), view.criterion_spread[field]
            self.query_one(f"#mean-{field}", Label).update(format_number(mean) or "—")
            self.query_one(f"#spread-{field}", Label).update("—" if spread is None else f"{spread:g}")
        self.query_one("#mean-score", Label).update(format_score(view.team_score) if view.rated else "—")
        self.query_one("#spread-score", Label).update("—" if view.spread is None else f"{view.spread:.1f}")
        band = view.band.label if view.band is not None else "unscored"
        lines = [view.sentence]
        if view.rated:
            lines.append(f"Team score {format_score(view.team_score)}: {band}. "
                         f"Disputed when scores, or any one rating, are more than {DISAGREEMENT_THRESHOLD:g} points apart.")
        if view.kept:
            lines.append("Nobody rated " + ", ".join(view.kept).lower() + " yet: the partner's rating is kept.")
        verdict = self.query_one("#team-verdict", Static)
        verdict.set_class(view.disputed, "-disputed")
        verdict.update(literal("\n".join(lines)))

    # ------------------------------------------------------------------ closing

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        focused = self.focused
        if isinstance(focused, RatingCell) and not self._store(focused, moving=True):
            return  # a bad number is on screen: say so rather than lose or guess it
        self.dismiss(None)
