"""The workshop's facilitation: participants, the parking lot, where the team left off, the
agenda's timeboxes, the change history and the append-only audit trail."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from workshop.method.models.base import MAX_COUNT, ByValue, Count, Moment, Phase, Record, Text, utc_now


# --------------------------------------------------------------------------- session metadata


class Participant(Record):
    name: Text
    role: Text = ""


class ParkingNote(Record):
    text: Text
    phase: ByValue[Phase] | None = None
    created: Moment = Field(default_factory=utc_now)
    resolved: bool = False


class Position(Record):
    """Where the team left off: the phase and the row selected in it."""

    phase: ByValue[Phase] = Phase.INTAKE
    row: Count = 0


class Timebox(Record):
    """Agenda entry for one phase: planned minutes and time actually spent."""

    phase: ByValue[Phase]
    planned_minutes: Annotated[int, Field(ge=0, le=24 * 60)]
    spent_seconds: Count = 0


class Change(Record):
    """One line of the change history: what, when, by whom."""

    what: Text
    when: Moment = Field(default_factory=utc_now)
    who: Text = ""


# --------------------------------------------------------------------------- the audit trail


class AuditKind(str, Enum):
    """What an audit entry records (issue 15, section 3)."""

    TIER_MOVE = "tier_move"
    """A tier move applied: promotion, warning, demotion or exit."""
    OVERRIDE = "override"
    """The team did other than the rules say; the entry carries the reason (the appeal)."""
    SIGNOFF = "signoff"
    WITHDRAWAL = "withdrawal"
    """A thesis sign-off taken back."""
    DECISION_FINAL = "decision_final"
    """A build / partner / acquire decision became final (decided, with Finance input)."""
    DECISION_REOPENED = "decision_reopened"
    """A final decision lost its finality (its decision or Finance input was removed)."""
    REVERTED = "reverted"
    """An audited change taken back by undo (or put back by redo): the entry names it."""

    @property
    def label(self) -> str:
        return AUDIT_KIND_LABELS[self]


AUDIT_KIND_LABELS: dict[AuditKind, str] = {
    AuditKind.TIER_MOVE: "Tier move",
    AuditKind.OVERRIDE: "Override",
    AuditKind.SIGNOFF: "Sign-off",
    AuditKind.WITHDRAWAL: "Sign-off withdrawn",
    AuditKind.DECISION_FINAL: "Decision final",
    AuditKind.DECISION_REOPENED: "Decision reopened",
    AuditKind.REVERTED: "Undo / redo",
}


class AuditEntry(Record):
    """One dated line of the append-only audit trail: what happened, when, by whom, and the
    rule that fired with its figures.

    ``seq`` numbers the entries 1, 2, 3… in the order they were made; the health report flags
    a gap (an entry removed by hand).  An override needs its reason.
    """

    seq: Annotated[int, Field(ge=1, le=MAX_COUNT)]
    when: Moment = Field(default_factory=utc_now)
    kind: ByValue[AuditKind]
    who: Text = ""
    subject: Text = ""
    """What it is about: a partner's name, a decision's id, "Thesis"."""
    summary: Text = ""
    """What happened, in one sentence."""
    rule: Text = ""
    """The rule that fired (the method's words)."""
    figures: dict[Text, Text] = Field(default_factory=dict)
    """The figures the rule used, each as shown (``{"pipeline 2026-Q3" = "$2.4M"}``)."""
    reason: Text = ""
    """Why: required for an override (the appeal)."""

    @model_validator(mode="after")
    def _override_has_reason(self) -> AuditEntry:
        if self.kind is AuditKind.OVERRIDE and not self.reason.strip():
            raise ValueError("an override needs its reason (the appeal)")
        return self
