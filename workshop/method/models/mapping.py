"""Phase 2: market mapping — partners, their attractiveness ratings and the scoring weights,
the must-pass gates, competitors."""

from __future__ import annotations

from enum import Enum
from fractions import Fraction
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from workshop.method.models.base import ByValue, Day, Percent, Rating, Record, Text, new_id
from workshop.method.models.tiers import _TIER_ID, QuarterResult


class PartnerType(str, Enum):
    BIG4 = "big4"
    GSI = "gsi"
    BOUTIQUE = "boutique"
    REGIONAL_SI = "regional_si"
    ISV = "isv"
    LONG_TAIL = "long_tail"

    @property
    def label(self) -> str:
        return {
            "big4": "Big 4",
            "gsi": "GSI",
            "boutique": "Boutique",
            "regional_si": "Regional SI",
            "isv": "ISV / product",
            "long_tail": "Long-tail",
        }[self.value]


class LandscapeTier(str, Enum):
    """Phase 2.1: A strategic (Platinum target), B growth (Gold target), C long-tail."""

    A = "A"
    B = "B"
    C = "C"

    @property
    def label(self) -> str:
        return {
            "A": "Tier A: Strategic Partners (Platinum target)",
            "B": "Tier B: Growth Partners (Gold target)",
            "C": "Tier C: Long-Tail / Registered Partners",
        }[self.value]


class LockStatus(str, Enum):
    """A partner's standing with competitors (Phase 2.3)."""

    AVAILABLE = "available"
    UNDER_SERVED = "under_served"
    LOCKED = "locked"

    @property
    def label(self) -> str:
        return {"available": "Available", "under_served": "Under-served", "locked": "Locked"}[
            self.value
        ]


class PartnerStage(str, Enum):
    """Where a partner is in recruitment: prospects are only mapped; recruiting is outreach."""

    PROSPECT = "prospect"
    RECRUITING = "recruiting"
    SIGNED = "signed"
    EXITED = "exited"


RATING_FIELDS: dict[str, tuple[str, float]] = {
    "icp_overlap": ("ICP client overlap", 0.30),
    "market_influence": ("Market influence", 0.25),
    "practice_alignment": ("Practice alignment", 0.20),
    "partnership_appetite": ("Partnership appetite", 0.15),
    "revenue_potential": ("Revenue potential", 0.10),
}
"""The five attractiveness ratings with their label and weight (Phase 2.2)."""


class Ratings(Record):
    """The five attractiveness ratings, each 0-100; ``None`` means not rated yet."""

    icp_overlap: Rating | None = None
    market_influence: Rating | None = None
    practice_alignment: Rating | None = None
    partnership_appetite: Rating | None = None
    revenue_potential: Rating | None = None


class ScoringWeights(Record):
    """The weight of each attractiveness rating in percent — the method's 30/25/20/15/10 unless the
    team changed them for this session.  They must add up to exactly 100 (checked on the decimals
    as written, so 33.3 + 33.3 + 33.4 is 100), and are changed all five at once."""

    icp_overlap: Percent = 30.0
    market_influence: Percent = 25.0
    practice_alignment: Percent = 20.0
    partnership_appetite: Percent = 15.0
    revenue_potential: Percent = 10.0

    @model_validator(mode="after")
    def _add_up_to_100(self) -> ScoringWeights:
        total = sum((Fraction(repr(getattr(self, field))) for field in RATING_FIELDS), Fraction(0))
        if total != 100:
            shown = f"{float(total):.6f}".rstrip("0").rstrip(".")
            raise ValueError(f"the five scoring weights must add up to 100 % (they add up to {shown} %)")
        return self

    def percents(self) -> tuple[float, ...]:
        """The five weights in the method's order."""
        return tuple(getattr(self, field) for field in RATING_FIELDS)

    @property
    def is_method(self) -> bool:
        """True when these are the method's weights."""
        return self.percents() == tuple(weight * 100 for _label, weight in RATING_FIELDS.values())


class Gate(Record):
    """A must-pass condition the team sets ("not locked to a competitor", "serves our ICP"): a
    partner that does not pass every gate is kept out of the Priority band whatever it scores.
    Gates sit beside the score; they never change it."""

    id: Annotated[str, Field(min_length=1, max_length=64)] = Field(default_factory=new_id)
    condition: Text

    @field_validator("condition")
    @classmethod
    def _condition_required(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a gate needs its condition in words")
        return value


class GateCheck(Record):
    """The team's judgement of one gate for one partner: passes or not (absent: not judged yet)."""

    gate: Annotated[str, Field(min_length=1, max_length=64)]
    """The :class:`Gate`'s id."""
    passes: bool
    note: Text = ""


class ParticipantRatings(Record):
    """One participant's own five ratings of a partner."""

    participant: Text
    ratings: Ratings = Field(default_factory=Ratings)


class Partner(Record):
    id: Annotated[str, Field(min_length=1, max_length=64)] = Field(default_factory=new_id)
    name: Text
    type: ByValue[PartnerType] = PartnerType.BOUTIQUE
    landscape_tier: ByValue[LandscapeTier] = LandscapeTier.C
    practice: Text = ""
    notes: Text = ""
    ratings: Ratings = Field(default_factory=Ratings)
    team_ratings: list[ParticipantRatings] = Field(default_factory=list)
    lock_status: ByValue[LockStatus] = LockStatus.AVAILABLE
    locked_to: Text = ""
    stage: ByValue[PartnerStage] = PartnerStage.PROSPECT
    program_tier: Annotated[str, Field(pattern=_TIER_ID)] | None = None
    """The id of the partner-program tier a signed partner holds today (:attr:`Tier.id`)."""
    results: list[QuarterResult] = Field(default_factory=list)
    """Quarterly results of a signed partner, in any order (the engine sorts them)."""
    gate_checks: list[GateCheck] = Field(default_factory=list)
    """The team's judgement of the must-pass gates (``Mapping.gates``) for this partner."""

    @field_validator("name")
    @classmethod
    def _name_required(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a partner needs a name")
        return value

    @field_validator("results")
    @classmethod
    def _quarters_unique(cls, value: list[QuarterResult]) -> list[QuarterResult]:
        seen: set[str] = set()
        for result in value:
            if result.quarter in seen:
                raise ValueError(f"quarter {result.quarter} is recorded twice")
            seen.add(result.quarter)
        return value


class Competitor(Record):
    name: Text
    key_partners: list[Text] = Field(default_factory=list)
    model: Text = ""
    perceived_strength: Text = ""


class Mapping(Record):
    weights: ScoringWeights = Field(default_factory=ScoringWeights)
    """The attractiveness weights of this session (the method's by default)."""
    gates: list[Gate] = Field(default_factory=list)
    """Must-pass gates: conditions that keep a partner out of Priority whatever it scores."""
    partners: list[Partner] = Field(default_factory=list)
    competitors: list[Competitor] = Field(default_factory=list)
    gap_notes: Text = ""
    counter_strategy: Text = ""
    competitor_map_refreshed: Day | None = None
