"""Phase 4: build / partner / acquire decisions."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import Field

from workshop.method.models.base import ByValue, Day, Record, Text


class DecisionChoice(str, Enum):
    BUILD = "BUILD"
    PARTNER = "PARTNER"
    ACQUIRE = "ACQUIRE"


class DecisionAnswers(Record):
    """Answers to the decision matrix's questions; ``None`` is "not answered yet"."""

    core_differentiation: bool | None = None
    engineering_capacity: bool | None = None
    adjacent_complementary: bool | None = None
    strong_partner_serves_icp: bool | None = None
    partner_economics_positive: bool | None = None
    critical_to_market_position: bool | None = None
    build_time_months: Annotated[int, Field(ge=0, le=240)] | None = None
    acquisition_target_in_budget: bool | None = None
    new_geography_or_vertical: bool | None = None
    partner_has_local_presence: bool | None = None
    revenue_scale_justifies_jv: bool | None = None


_DECISION_ID = re.compile(r"^D-[0-9]{3,}$")


class Decision(Record):
    id: Annotated[str, Field(pattern=_DECISION_ID.pattern)]
    capability: Text
    answers: DecisionAnswers = Field(default_factory=DecisionAnswers)
    decision: ByValue[DecisionChoice] | None = None
    rationale: Text = ""
    partner_considered: Text = ""
    finance_input: Text = ""
    """What Finance said; empty means Finance has not been consulted."""
    finance_reviewer: Text = ""
    decided_on: Day | None = None
    review_date: Day | None = None


def next_decision_id(decisions: list[Decision]) -> str:
    """The next free number in the D-001 sequence."""
    highest = max((int(d.id[2:]) for d in decisions), default=0)
    return f"D-{highest + 1:03d}"
