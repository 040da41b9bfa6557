"""Phase 3: the session's own tier framework (tiers, movement rules) and a signed partner's
quarterly results, which the tiers are judged on."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from workshop.method.dates import money
from workshop.method.models.base import Count, Day, Money, Percent, Record, Text, _named


_TIER_ID = r"^[a-z0-9][a-z0-9_-]{0,39}$"
"""A tier's stable id: lower-case letters, digits, ``-`` and ``_`` (a slug of its first name)."""


_QUARTER = re.compile(r"^(19[0-9][0-9]|2[01][0-9][0-9]|2200)-Q([1-4])$")
"""``YYYY-Qn`` with a year from 1900 to 2200 (the span of :data:`Day`)."""


class QuarterResult(Record):
    """A signed partner's results for one quarter (Phase 3 criteria)."""

    quarter: Annotated[str, Field(pattern=_QUARTER.pattern)]
    pipeline: Money = 0
    certified_individuals: Count = 0
    dedicated_practice: bool = False
    last_pipeline_activity: Day | None = None
    business_reviews: Annotated[int, Field(ge=0, le=366)] | None = None
    """Business reviews (QBRs) held with the partner in the trailing twelve months."""
    joint_gtm_activities: Annotated[int, Field(ge=0, le=10_000)] | None = None
    """Joint go-to-market activities in the trailing twelve months."""
    deal_registration_days: Annotated[int, Field(ge=0, le=365)] | None = None
    """The slowest deal registration of the quarter, in business days after the deal surfaced."""

    @property
    def year_and_number(self) -> tuple[int, int]:
        match = _QUARTER.match(self.quarter)
        assert match is not None
        return int(match.group(1)), int(match.group(2))


MIN_TIERS, MAX_TIERS = 2, 8
"""A ladder needs a floor and one step up; more than eight levels is not a program anyone runs."""


def tier_name_key(name: str) -> str:
    """What makes two tier names the same: case and spaces ignored (``"Gold "`` is ``"gold"``)."""
    return "".join(name.split()).casefold()


class Tier(Record):
    """One level of the session's own partner program (Phase 3.1).

    ``id`` is the tier's stable identity: partners refer to it (``program_tier``), so renaming
    a tier changes only ``name``.  It is a slug of the name the tier was created with.
    """

    id: Annotated[str, Field(pattern=_TIER_ID)]
    name: Annotated[Text, Field(max_length=60)]
    pipeline_min: Money | None = None
    pipeline_max: Money | None = None
    """Annual pipeline target range in dollars; ``None`` is open-ended."""
    certified_individuals: Count = 0
    dedicated_practice: bool = False
    mdf_per_year: Money | None = None
    benefits: list[Text] = Field(default_factory=list)
    commitments: list[Text] = Field(default_factory=list)
    pipeline_share_pct: Percent = 0.0
    """This tier's share of the partner-sourced pipeline (the economics' tier mix)."""
    exit_months: Annotated[int, Field(ge=1, le=60)] = 12
    """Exit after this many months without pipeline activity."""
    reviews_per_year: Annotated[int, Field(ge=1, le=12)] | None = None
    """Business reviews a year (4: quarterly, 2: semi-annual, 1: annual); ``None``: none required."""
    joint_gtm_per_year: Annotated[int, Field(ge=1, le=10_000)] | None = None
    """Minimum joint go-to-market activities a year; ``None``: none required."""
    deal_registration_days: Annotated[int, Field(ge=1, le=365)] | None = None
    """Deals registered within this many business days; ``None``: no deadline."""

    @field_validator("name")
    @classmethod
    def _name_required(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a tier needs a name")
        return value

    @model_validator(mode="after")
    def _range_ordered(self) -> Tier:
        if (
            self.pipeline_min is not None
            and self.pipeline_max is not None
            and self.pipeline_min > self.pipeline_max
        ):
            raise ValueError(
                f"{_named(self.name)}: pipeline target minimum ({money(self.pipeline_min)}) "
                f"is above the maximum ({money(self.pipeline_max)})"
            )
        return self

    @property
    def review_cadence(self) -> str:
        """The review commitment in words: Quarterly, Semi-annual, Annual, Monthly, N a year."""
        n = self.reviews_per_year
        if n is None:
            return "none"
        return {1: "Annual", 2: "Semi-annual", 4: "Quarterly", 12: "Monthly"}.get(n, f"{n} a year")


class MovementRules(Record):
    """Phase 3.2 as numbers (the months before exit are each tier's own: :attr:`Tier.exit_months`)."""

    promotion_quarters: Annotated[int, Field(ge=1, le=8)] = 2
    warning_misses: Annotated[int, Field(ge=1, le=8)] = 1
    demotion_misses: Annotated[int, Field(ge=1, le=8)] = 2

    @model_validator(mode="after")
    def _warning_before_demotion(self) -> MovementRules:
        if self.warning_misses > self.demotion_misses:
            raise ValueError("the warning must come no later than the demotion")
        return self


class TierFramework(Record):
    """The session's tier ladder, highest tier first, and the movement rules.

    Empty means "not designed yet"; otherwise it holds 2 to 8 tiers with distinct ids and names
    (case and spaces ignored).  Whether the ladder climbs (no lower tier demanding more than the
    one above, no overlapping pipeline ranges, a pipeline mix of 100 %) is checked by
    :func:`workshop.method.tier_ladder.ladder_problems`, not here: a team reorders and retypes criteria
    one field at a time, and each step in between must be kept.
    """

    tiers: list[Tier] = Field(default_factory=list)
    rules: MovementRules = Field(default_factory=MovementRules)

    @field_validator("tiers")
    @classmethod
    def _a_ladder(cls, value: list[Tier]) -> list[Tier]:
        if value and not MIN_TIERS <= len(value) <= MAX_TIERS:
            raise ValueError(
                f"a tier framework has {MIN_TIERS} to {MAX_TIERS} tiers, not {len(value)}"
            )
        ids: set[str] = set()
        names: dict[str, str] = {}
        for tier in value:
            if tier.id in ids:
                raise ValueError(f"tier id {_named(tier.id)} is used twice")
            ids.add(tier.id)
            key = tier_name_key(tier.name)
            if key in names:
                raise ValueError(
                    f"two tiers are named the same: {_named(names[key])} and {_named(tier.name)} "
                    "(case and spaces are ignored)"
                )
            names[key] = tier.name
        return value

    def tier(self, tier_id: str | None) -> Tier | None:
        return next((tier for tier in self.tiers if tier.id == tier_id), None)

    def label(self, tier_id: str | None) -> str:
        """The tier's name as typed; the id itself for a tier the framework does not define."""
        tier = self.tier(tier_id)
        return tier.name if tier is not None else (tier_id or "none")

    @property
    def ladder(self) -> list[Tier]:
        """The tiers lowest first: the order the movement rules climb."""
        return list(reversed(self.tiers))

    @property
    def lowest(self) -> Tier | None:
        return self.tiers[-1] if self.tiers else None

    @property
    def highest(self) -> Tier | None:
        return self.tiers[0] if self.tiers else None
