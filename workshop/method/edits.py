"""The changes to a session, as data: one frozen dataclass per kind of change.

:class:`workshop.method.editor.SessionEditor` makes each change and records one of these: the change
history's line and the undo step's name come from :meth:`Edit.describe`; the App's listener
reads the type (what to refresh, what to save).  Pure data: no Textual, no files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from workshop.method.models import RATING_FIELDS, Phase, RaciCode
from workshop.method.tier_movement import Action


class EditRefused(ValueError):
    """An edit the method's rules do not allow; the message says why, for the room."""


MONTHS = "build_time_months"
"""The one decision-matrix answer that is a number (of months), not yes / no / unknown."""


# --------------------------------------------------------------------------- the changes, as data


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to the session. Subclasses say what changed; :meth:`describe` says it in words
    (the change history's line and the undo step's name)."""

    in_history: ClassVar[bool] = True
    """Recorded in the change history and undoable (else only saved: where the team is)."""

    def describe(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class FieldSet(Edit):
    """A field of a record, set from a form (``field`` is the attribute, ``label`` its name)."""

    field: str
    label: str

    def describe(self) -> str:
        return f"{self.label} changed"


@dataclass(frozen=True, slots=True)
class PartnerRated(Edit):
    partner: str
    criterion: str

    def describe(self) -> str:
        return f"Rated {self.partner}: {RATING_FIELDS[self.criterion][0]}"


@dataclass(frozen=True, slots=True)
class WeightsSet(Edit):
    weights: str
    """The weights in words ("30 / 25 / 20 / 15 / 10")."""

    def describe(self) -> str:
        return f"Scoring weights: {self.weights}"


@dataclass(frozen=True, slots=True)
class GateChanged(Edit):
    """A must-pass gate added, renamed or removed."""

    change: str
    gate: str
    """The gate's id."""

    def describe(self) -> str:
        return f"Gate {self.change}"


@dataclass(frozen=True, slots=True)
class GateJudged(Edit):
    partner: str
    gate: str
    passes: bool | None
    noted: bool = False
    """Only the note changed."""

    def describe(self) -> str:
        return f"Gate note for {self.partner}" if self.noted else f"Gate judged for {self.partner}"


@dataclass(frozen=True, slots=True)
class TeamRated(Edit):
    """A participant's own rating of a partner (the partner's score is the team mean)."""

    partner: str
    participant: str
    criterion: str

    def describe(self) -> str:
        return f"Team scores for {self.partner}"


@dataclass(frozen=True, slots=True)
class RecordAdded(Edit):
    noun: str
    title: str = ""

    def describe(self) -> str:
        return f"Added {self.noun}" + (f" {self.title}" if self.title else "")


@dataclass(frozen=True, slots=True)
class RecordDeleted(Edit):
    noun: str
    title: str

    def describe(self) -> str:
        return f"Deleted {self.noun} {self.title}"


@dataclass(frozen=True, slots=True)
class RecordMoved(Edit):
    noun: str
    title: str

    def describe(self) -> str:
        return f"Moved {self.noun} {self.title}"


@dataclass(frozen=True, slots=True)
class ThesisSigned(Edit):
    name: str

    def describe(self) -> str:
        return f"Thesis signed off by {self.name}"


@dataclass(frozen=True, slots=True)
class ThesisSignOffWithdrawn(Edit):
    name: str

    def describe(self) -> str:
        return f"Thesis sign-off by {self.name} withdrawn"


@dataclass(frozen=True, slots=True)
class ModelSelected(Edit):
    model: str
    selected: bool

    def describe(self) -> str:
        return f"Model {self.model} {'selected' if self.selected else 'unselected'}"


@dataclass(frozen=True, slots=True)
class PrioritizedModelsSet(Edit):
    models: tuple[str, ...]

    def describe(self) -> str:
        return "Prioritized models changed"


@dataclass(frozen=True, slots=True)
class RaciCellSet(Edit):
    decision: str
    role: str
    code: RaciCode

    def describe(self) -> str:
        return f"RACI: {self.role} set to {self.code.value or 'none'}"


@dataclass(frozen=True, slots=True)
class RaciDecisionChanged(Edit):
    """A RACI row added, renamed, deleted or moved (``change`` is one of those words)."""

    change: str
    decision: str

    def describe(self) -> str:
        return f"RACI: {self.change} a decision"


@dataclass(frozen=True, slots=True)
class RaciRoleChanged(Edit):
    """A RACI role (a column) added, renamed or deleted."""

    change: str
    role: str

    def describe(self) -> str:
        return f"RACI: renamed role to {self.role}" if self.change == "renamed" else f"RACI: {self.change} role {self.role}"


@dataclass(frozen=True, slots=True)
class NoteParked(Edit):
    phase: Phase | None

    def describe(self) -> str:
        return "Parked a note"


@dataclass(frozen=True, slots=True)
class NoteResolved(Edit):
    resolved: bool

    def describe(self) -> str:
        return "Resolved a parked note" if self.resolved else "Reopened a parked note"


@dataclass(frozen=True, slots=True)
class ProgramTierSet(Edit):
    partner: str
    tier: str | None
    """The tier's name when it was set (None: out of the program tiers)."""

    def describe(self) -> str:
        if self.tier is None:
            return f"{self.partner}: removed from the program tiers"
        return f"{self.partner}: program tier set to {self.tier} (signed)"


@dataclass(frozen=True, slots=True)
class TierChanged(Edit):
    """The tier ladder changed: a tier added, renamed, moved or removed (``change`` in words)."""

    change: str
    tier: str
    """The tier's name (the new one for a rename)."""

    def describe(self) -> str:
        return f"Tier framework: {self.change} {self.tier}"


@dataclass(frozen=True, slots=True)
class WarningIssued(Edit):
    partner: str

    def describe(self) -> str:
        return f"{self.partner}: warning issued"


@dataclass(frozen=True, slots=True)
class MovementApplied(Edit):
    partner: str
    action: Action
    recorded: str
    target: str | None
    """Tier names, as the framework named them."""

    def describe(self) -> str:
        if self.action is Action.EXIT or self.target is None:
            return f"{self.partner}: exit applied, partnership terminated"
        return f"{self.partner}: {self.action.value} applied, {self.recorded} → {self.target}"


@dataclass(frozen=True, slots=True)
class QuarterAdded(Edit):
    partner: str
    quarter: str

    def describe(self) -> str:
        return f"{self.partner}: added quarter {self.quarter}"


@dataclass(frozen=True, slots=True)
class QuarterSet(Edit):
    partner: str
    quarter: str

    def describe(self) -> str:
        return f"{self.partner}: quarter {self.quarter} recorded"


@dataclass(frozen=True, slots=True)
class QuartersOrdered(Edit):
    partner: str

    def describe(self) -> str:
        return f"{self.partner}: quarters in order"


@dataclass(frozen=True, slots=True)
class RoadmapItemDone(Edit):
    quarter: int
    """0 to 3."""
    done: bool

    def describe(self) -> str:
        return f"Q{self.quarter + 1} item {'done' if self.done else 'not done'}"


@dataclass(frozen=True, slots=True)
class RoadmapItemMoved(Edit):
    source: int
    target: int

    def describe(self) -> str:
        return f"Moved roadmap item from Q{self.source + 1} to Q{self.target + 1}"


@dataclass(frozen=True, slots=True)
class Stamped(Edit):
    """A review date set to today: the roadmap reviewed, the competitor map refreshed."""

    what: str
    """"roadmap" or "competitor map"."""
    on: date

    def describe(self) -> str:
        return "Roadmap reviewed" if self.what == "roadmap" else "Competitor map refreshed"


@dataclass(frozen=True, slots=True)
class DecisionAnswered(Edit):
    decision: str
    question: str
    value: bool | int | None

    def describe(self) -> str:
        if self.question == MONTHS:
            words = "unknown" if self.value is None else f"{self.value} months"
        else:
            words = {True: "yes", False: "no", None: "unknown"}[self.value]  # type: ignore[index]
        return f"Decision {self.decision}: {self.question.replace('_', ' ')} answered {words}"


@dataclass(frozen=True, slots=True)
class RoomAnswersAccepted(Edit):
    """The revealed answers of the room's round, written into the session (one undo step)."""

    description: str
    """What was written, as :func:`workshop.room.accept.accept` words it."""

    def describe(self) -> str:
        return self.description


@dataclass(frozen=True, slots=True)
class Restored(Edit):
    """An undo or redo: the session as it was (``verb``: "Undone" or "Redone")."""

    verb: str
    description: str
    in_history: ClassVar[bool] = False  # its history line is written by restore(), never merged

    def describe(self) -> str:
        return f"{self.verb}: {self.description}"


@dataclass(frozen=True, slots=True)
class PositionMoved(Edit):
    """Where the team is (phase and row): saved so a resumed session opens there; no edit."""

    phase: Phase
    row: int
    in_history: ClassVar[bool] = False

    def describe(self) -> str:
        return f"At {self.phase.title}, row {self.row + 1}"
