"""The :class:`Session`: everything a workshop produces, phase by phase."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from workshop.method.models.base import SCHEMA_VERSION, Moment, Record, Text, _named, new_id, utc_now
from workshop.method.models.facilitation import (
    AuditEntry,
    Change,
    ParkingNote,
    Participant,
    Position,
    Timebox,
)
from workshop.method.models.intake import Intake
from workshop.method.models.thesis import _MODEL_KEY, Thesis
from workshop.method.models.tiers import _QUARTER, _TIER_ID, TierFramework
from workshop.method.models.mapping import Mapping
from workshop.method.models.decisions import _DECISION_ID, Decision
from workshop.method.models.okrs import _ROADMAP_QUARTER, Objective, Roadmap
from workshop.method.models.governance import Governance
from workshop.method.models.economics import EconomicsInputs


class Session(Record):
    schema_version: int = SCHEMA_VERSION
    id: Annotated[str, Field(min_length=1, max_length=64)] = Field(default_factory=new_id)
    title: Text = "Partnership strategy workshop"
    created: Moment = Field(default_factory=utc_now)
    updated: Moment = Field(default_factory=utc_now)
    facilitator: Text = ""
    participants: list[Participant] = Field(default_factory=list)
    position: Position = Field(default_factory=Position)
    parking_lot: list[ParkingNote] = Field(default_factory=list)
    agenda: list[Timebox] = Field(default_factory=list)
    history: list[Change] = Field(default_factory=list)

    intake: Intake = Field(default_factory=Intake)
    thesis: Thesis = Field(default_factory=Thesis)
    mapping: Mapping = Field(default_factory=Mapping)
    tiers: TierFramework = Field(default_factory=TierFramework)
    decisions: list[Decision] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    roadmap: Roadmap = Field(default_factory=Roadmap)
    governance: Governance = Field(default_factory=Governance)
    economics: EconomicsInputs = Field(default_factory=EconomicsInputs)
    audit: list[AuditEntry] = Field(default_factory=list)
    """The append-only audit trail, oldest first (see :mod:`workshop.method.audit`)."""

    @field_validator("decisions")
    @classmethod
    def _decision_ids_unique(cls, value: list[Decision]) -> list[Decision]:
        counts = Counter(d.id for d in value)
        duplicates = sorted(i for i, n in counts.items() if n > 1)
        if duplicates:
            raise ValueError(f"decision ids must be unique: {_named(', '.join(duplicates))} repeated")
        return value

    @model_validator(mode="after")
    def _program_tiers_defined(self) -> Session:
        ids = {tier.id for tier in self.tiers.tiers}
        for partner in self.mapping.partners:
            if partner.program_tier is not None and partner.program_tier not in ids:
                raise ValueError(
                    f"partner {_named(partner.name)} holds tier {_named(partner.program_tier)}, "
                    "which is not a tier of this session's framework"
                )
        return self

    @field_validator("mapping")
    @classmethod
    def _partner_ids_unique(cls, value: Mapping) -> Mapping:
        seen: set[str] = set()
        for partner in value.partners:
            if partner.id in seen:
                raise ValueError(f"partner id {_named(partner.id)} is used twice")
            seen.add(partner.id)
        gates: set[str] = set()
        for gate in value.gates:
            if gate.id in gates:
                raise ValueError(f"gate id {_named(gate.id)} is used twice")
            gates.add(gate.id)
        for partner in value.partners:
            judged: set[str] = set()
            for check in partner.gate_checks:
                if check.gate not in gates:
                    raise ValueError(f"{_named(partner.name)} has a gate check for gate {_named(check.gate)}, "
                                     "which is not in mapping.gates")
                if check.gate in judged:
                    raise ValueError(f"{_named(partner.name)} has gate {_named(check.gate)} judged twice")
                judged.add(check.gate)
        return value


PATTERN_EXAMPLES: dict[str, str] = {
    _QUARTER.pattern: "2026-Q3 (a year from 1900 to 2200, -Q, the quarter 1 to 4)",
    _DECISION_ID.pattern: "D-001 (D- and three or more digits)",
    _ROADMAP_QUARTER: "Q1, Q2, Q3 or Q4",
    _MODEL_KEY: "co_sell (lower-case letters and _)",
    _TIER_ID: "platinum or elite-2 (lower-case letters, digits, - and _; at most 40)",
}
"""What a text checked against a pattern looks like, in words, for error messages (a regular
expression means nothing to the person who edited the file)."""
