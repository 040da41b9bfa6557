"""The one edit path: every change to an open session goes through a :class:`SessionEditor`.

Screens never change the session themselves: they call one method of the editor per kind of
change (rate a partner, set a field, sign the thesis, set a RACI cell, add a record…).  The
editor

* enforces the rules that hold for any edit, whoever makes it: a signed thesis is locked, a
  thesis is signed only when its statement is complete (and on a day that has come), RACI cells
  stay aligned with the roles;
* makes the change (pydantic validates it: a refused value leaves the session as it was and
  raises ``ValidationError``; a refused edit raises :class:`EditRefused`);
* records it as data — an :class:`Edit` — in the change history (typing on in one field is one
  line, not one per key), in the descriptions of the next undo step, in the audit trail where
  the rules govern the move (sign-offs, tier moves, decisions made final: ``workshop.method.audit``),
  and tells its listeners (the App: refresh the views, autosave).

Pure Python over the models: no Textual, no files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from workshop.method.models import (
    RATING_FIELDS,
    Change,
    Decision,
    Gate,
    ParkingNote,
    Partner,
    PartnershipModel,
    Phase,
    RoadmapItem,
    ScoringWeights,
    Session,
    SignOff,
    utc_now,
)
from workshop.method import signoff as signing
from workshop.method.audit import audit_after_step, sync_decisions
from workshop.method.gates import add_gate, remove_gate, set_check
from workshop.method.editor_raci import RaciEditing
from workshop.method.editor_tiers import TierEditing
from workshop.method.edits import (
    EditRefused,
    Edit, FieldSet, PartnerRated, WeightsSet, GateChanged, GateJudged, TeamRated, RecordAdded,
    RecordDeleted, RecordMoved, ThesisSigned, ThesisSignOffWithdrawn, ModelSelected,
    PrioritizedModelsSet, NoteParked,
    NoteResolved, RoadmapItemDone, RoadmapItemMoved, Stamped, DecisionAnswered,
    RoomAnswersAccepted, Restored, PositionMoved,
)
from workshop.method.scoring import weighting
from workshop.method.team_scoring import apply_team_mean, set_participant_rating
from workshop.method.thesis_statement import render_thesis

if TYPE_CHECKING:
    from workshop.room.accept import Accepted
    from workshop.room.state import Room

HISTORY_LIMIT = 500
"""Change-history lines kept in the session file."""

MERGE_SECONDS = 60
"""The same change again within this many seconds extends the last history line."""


# --------------------------------------------------------------------------- the editor


Listener = Callable[[Edit], object]


class SessionEditor(RaciEditing, TierEditing):
    """Every change to one open session, made by the method's rules and recorded."""

    def __init__(
        self,
        session: Session,
        *,
        author: Callable[[], str] | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.session = session
        self._author = author or (lambda: self.session.facilitator)
        self._clock = clock
        self._listeners: list[Listener] = []
        self._undo_descriptions: list[str] = []

    # ------------------------------------------------------------------ recording

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(edit)`` after every change (the App refreshes and autosaves)."""
        self._listeners.append(listener)

    @property
    def has_undo_description(self) -> bool:
        """Edits were made since the last :meth:`take_undo_description`."""
        return bool(self._undo_descriptions)

    def take_undo_description(self) -> str:
        """What the edits since the last call did (the name of the next undo step), and forget them."""
        text = "; ".join(self._undo_descriptions)
        self._undo_descriptions = []
        return text

    @property
    def author(self) -> str:
        """Who the history and the audit trail name for the edits made now."""
        return self._author()

    def _record(self, edit: Edit) -> None:
        if edit.in_history:
            what = edit.describe()
            session = self.session
            sync_decisions(session, self._author())  # a decision made final (or reopened) is audited
            session.updated = now = self._clock()
            history = session.history
            last = history[-1] if history else None
            if last is not None and last.what == what and (now - last.when).total_seconds() < MERGE_SECONDS:
                last.when = now  # typing on in one field is one change, not one per key
            else:
                history.append(Change(what=what, when=now, who=self._author()))
            if len(history) > HISTORY_LIMIT:
                del history[: len(history) - HISTORY_LIMIT]
            if not self._undo_descriptions or self._undo_descriptions[-1] != what:
                self._undo_descriptions.append(what)
        for listener in self._listeners:
            listener(edit)

    # ------------------------------------------------------------------ locks

    def thesis_locked(self, target: object) -> bool:
        """True if ``target`` is part of a signed thesis (its rationale, models, statement)."""
        thesis = self.session.thesis
        if thesis.signoff is None:
            return False
        return (
            target is thesis
            or target is thesis.rationale
            or target is thesis.statement
            or target is thesis.models
            or any(target is model for model in thesis.models)
        )

    def _unlocked(self, target: object) -> None:
        if self.thesis_locked(target):
            raise EditRefused("The thesis is signed off: withdraw the sign-off to change it.")

    # ------------------------------------------------------------------ any record

    def set_field(self, target: BaseModel, name: str, value: Any, *, label: str) -> bool:
        """Set ``target.name`` (a field typed into a form); False if it already had that value.

        Raises pydantic's ``ValidationError`` (the record is unchanged) or :class:`EditRefused`.
        """
        self._unlocked(target)
        if target is self.session.thesis and name == "signoff":
            raise EditRefused("A sign-off is given with sign_thesis (it checks the statement first).")
        if getattr(target, name) == value:
            return False
        setattr(target, name, value)
        self._record(FieldSet(name, label))
        return True

    def add_record(self, records: list[Any], record: BaseModel, *, noun: str, title: str = "") -> None:
        """Append ``record`` to a list held in the session."""
        self._unlocked(records)
        records.append(record)
        self._record(RecordAdded(noun, title))

    def delete_record(self, records: list[Any], record: BaseModel, *, noun: str, title: str) -> bool:
        """Remove ``record`` (the very object) from ``records``; False if it is no longer there."""
        self._unlocked(records)
        index = next((i for i, r in enumerate(records) if r is record), None)
        if index is None:
            return False
        del records[index]
        self._record(RecordDeleted(noun, title))
        return True

    def move_record(self, records: list[Any], index: int, delta: int, *, noun: str, title_of: Callable[[Any], str]) -> bool:
        """Swap the record at ``index`` with its neighbour ``delta`` away; False at either end."""
        self._unlocked(records)
        target = index + delta
        if not (0 <= index < len(records) and 0 <= target < len(records)):
            return False
        records[index], records[target] = records[target], records[index]
        self._record(RecordMoved(noun, title_of(records[target])))
        return True

    # ------------------------------------------------------------------ phase 1: thesis

    def select_model(self, model: PartnershipModel, selected: bool) -> None:
        self._unlocked(model)
        model.selected = selected
        self._record(ModelSelected(model.name, selected))

    def set_prioritized_models(self, names: Sequence[str]) -> None:
        statement = self.session.thesis.statement
        self._unlocked(statement)
        statement.prioritized_models = list(names)
        self._record(PrioritizedModelsSet(tuple(names)))

    def sign_thesis(self, signoff: SignOff, today: date) -> None:
        """Sign the thesis off (with its audit entry); refused (:class:`EditRefused`, in words
        that follow "Not signed: ") while it is signed, while its statement has gaps, or for a
        sign-off dated after ``today``."""
        missing = render_thesis(self.session).missing
        if missing and self.session.thesis.signoff is None:
            raise EditRefused("still missing " + ", ".join(missing))
        try:
            signing.sign_thesis(self.session, signoff, today, self._author())
        except ValueError as error:  # signed already, or dated after today
            raise EditRefused(str(error)) from error
        self._record(ThesisSigned(signoff.name))

    def withdraw_signoff(self, signoff: SignOff) -> bool:
        """Take back ``signoff`` (the one the person confirmed); False if it is no longer the one."""
        if self.session.thesis.signoff is not signoff:
            return False
        signing.withdraw_signoff(self.session, self._author())
        self._record(ThesisSignOffWithdrawn(signoff.name))
        return True

    # ------------------------------------------------------------------ phase 2: mapping

    def add_partner(self, partner: Partner) -> None:
        self.add_record(self.session.mapping.partners, partner, noun="partner")

    def delete_partner(self, partner: Partner) -> bool:
        return self.delete_record(self.session.mapping.partners, partner, noun="partner", title=partner.name)

    def set_weights(self, weights: ScoringWeights) -> bool:
        """The session's scoring weights (they add up to 100 %); False if unchanged."""
        mapping = self.session.mapping
        if weights == mapping.weights:
            return False
        mapping.weights = weights
        self._record(WeightsSet(weighting(weights).text))
        return True

    def rate_partner(self, partner: Partner, criterion: str, value: float | None) -> None:
        """One of the five attractiveness ratings (None clears it); ValidationError outside 0-100."""
        if criterion not in RATING_FIELDS:
            raise ValueError(f"unknown rating {criterion!r}")
        setattr(partner.ratings, criterion, value)
        self._record(PartnerRated(partner.name, criterion))

    def rate_for_participant(self, partner: Partner, participant: str, criterion: str, value: float | None) -> bool:
        """A participant's own rating; the partner's ratings become the team mean. False if unchanged."""
        entry = next((e for e in partner.team_ratings if e.participant == participant), None)
        current = getattr(entry.ratings, criterion) if entry is not None else None
        if value == current:
            return False
        set_participant_rating(partner, participant, criterion, value)
        apply_team_mean(partner)
        self._record(TeamRated(partner.name, participant, criterion))
        return True

    def add_gate(self, condition: str) -> Gate:
        """A new must-pass gate (its condition in words); EditRefused for a blank one."""
        if not condition.strip():
            raise EditRefused("a gate needs its condition in words")
        gate = add_gate(self.session.mapping, condition)
        self._record(GateChanged("added", gate.id))
        return gate

    def rename_gate(self, gate: Gate, condition: str) -> bool:
        """A gate's condition in other words; False if unchanged, EditRefused for a blank one."""
        if not condition.strip():
            raise EditRefused("a gate needs its condition in words")
        if condition == gate.condition:
            return False
        gate.condition = condition
        self._record(GateChanged("renamed", gate.id))
        return True

    def remove_gate(self, gate: Gate) -> bool:
        """Remove a gate and every partner's verdict on it; False if it is gone already."""
        if not any(g is gate for g in self.session.mapping.gates):
            return False
        remove_gate(self.session.mapping, gate)
        self._record(GateChanged("removed", gate.id))
        return True

    def judge_gate(self, partner: Partner, gate: Gate, passes: bool | None, note: str | None = None) -> None:
        """A partner's verdict on a gate (None: not judged), with an optional note."""
        set_check(self.session.mapping, partner, gate, passes, note)
        self._record(GateJudged(partner.name, gate.id, passes, note is not None))

    def mark_competitor_map_refreshed(self, today: date) -> None:
        self.session.mapping.competitor_map_refreshed = today
        self._record(Stamped("competitor map", today))

    # ------------------------------------------------------------------ phase 4: decisions

    def answer(self, decision: Decision, question: str, value: bool | int | None) -> bool:
        """One answer of the decision matrix; False if unchanged. ValidationError if refused."""
        answers = decision.answers
        if getattr(answers, question) == value:
            return False
        setattr(answers, question, value)
        self._record(DecisionAnswered(decision.id, question, value))
        return True

    # ------------------------------------------------------------------ phase 5: OKRs and roadmap

    def set_roadmap_item_done(self, quarter: int, item: RoadmapItem, done: bool) -> None:
        item.done = done
        self._record(RoadmapItemDone(quarter, done))

    def move_roadmap_item(self, source: int, index: int, target: int) -> bool:
        """Move item ``index`` of quarter ``source`` to the end of quarter ``target`` (0-3)."""
        quarters = self.session.roadmap.quarters
        if not (0 <= source < len(quarters) and 0 <= target < len(quarters)) or source == target:
            return False
        if not 0 <= index < len(quarters[source].items):
            return False
        quarters[target].items.append(quarters[source].items.pop(index))
        self._record(RoadmapItemMoved(source, target))
        return True

    def mark_roadmap_reviewed(self, today: date) -> None:
        self.session.roadmap.last_reviewed = today
        self._record(Stamped("roadmap", today))

    # ------------------------------------------------------------------ the parking lot

    def park_note(self, note: ParkingNote) -> None:
        self.session.parking_lot.append(note)
        self._record(NoteParked(note.phase))

    def set_note_resolved(self, note: ParkingNote, resolved: bool) -> None:
        note.resolved = resolved
        self._record(NoteResolved(resolved))

    # ------------------------------------------------------------------ the room

    def accept_room(self, room: Room) -> Accepted:
        """Write the room's revealed answers into the session (at the team's phase);
        ``RoomError`` if there is nothing revealed to accept."""
        from workshop.room.accept import accept

        accepted = accept(room, self.session, self.session.position.phase)
        self._record(RoomAnswersAccepted(accepted.description))
        return accepted

    # ------------------------------------------------------------------ not edits

    def move_to(self, phase: Phase, row: int = 0) -> bool:
        """Where the team is now (so a resumed session opens there): saved, not in the history."""
        position = self.session.position
        if position.phase == phase and position.row == row:
            return False
        position.phase, position.row = phase, row
        self._record(PositionMoved(phase, row))
        return True

    def restore(self, restored: Session, *, verb: str, description: str) -> Session:
        """Undo or redo: ``restored`` becomes the session; the change history, the time spent
        and where the team is are not edits, so they are kept from the session it replaces."""
        current = self.session
        edit = Restored(verb, description)
        restored.history = [*current.history, Change(what=edit.describe(), who=self._author())]
        restored.audit = audit_after_step(current.audit, restored.audit, verb, self._author())
        restored.agenda = current.agenda
        restored.position = current.position
        self.session = restored
        self._undo_descriptions = []
        self._record(edit)
        return restored
