"""The partnership blueprint's data model.

One :class:`Session` holds everything a workshop produces, phase by phase, following
``shared/methodology/partner-strategy-method.txt``.  Pure pydantic v2: no Textual here.

Conventions, chosen so that every session round-trips through TOML unchanged:

* "absent" is ``None`` and is left out of the file (the store dumps with ``exclude_none``);
* money is whole US dollars (``int``), percentages and ratings are ``float`` in 0-100;
* every free-text field is :data:`Text`: any string a person can type, except lone
  surrogates (which cannot be written as UTF-8) — it is shown and exported literally;
* datetimes are timezone-aware UTC; dates are plain calendar dates.  Both are kept within a
  sane span (:data:`Day`, :data:`Moment`), so that converting a datetime to UTC or local time,
  or adding months to a date, can never overflow Python's ``date`` range.
"""

from __future__ import annotations

import math
import re
import uuid
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from fractions import Fraction
from typing import Annotated, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    field_validator,
    model_validator,
)

from workshop.dates import money

SCHEMA_VERSION = 7
"""2: the audit trail (``audit``). 3: the session's scoring weights. 4: a key result's
structured measure (``measure``, ``measure_value``, ``measure_unit``). 5: must-pass gates.
6: the tier framework is the session's own (issue 17). 7: the session's currency
(``intake.currency``)."""


# --------------------------------------------------------------------------- basic types


def _valid_text(value: str) -> str:
    if not value.isascii():
        try:
            value.encode("utf-8")  # in C; fails only on an unpaired surrogate
        except UnicodeEncodeError:
            raise ValueError(
                "text contains an unpaired surrogate character, which cannot be saved"
            ) from None
    return value


def _finite(value: float) -> float:
    if math.isnan(value) or math.isinf(value):
        raise ValueError("must be a finite number")
    return value


def _named(text: str, limit: int = 40) -> str:
    """User text quoted in an error message, cut short: the message stays one readable line."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


Text = Annotated[str, AfterValidator(_valid_text)]
"""Free text typed by a person; shown and exported exactly as typed."""

Rating = Annotated[float, AfterValidator(_finite), Field(ge=0, le=100)]
"""An attractiveness rating, 0-100."""

Percent = Annotated[float, AfterValidator(_finite), Field(ge=0, le=100)]
"""A percentage, 0-100."""

MAX_MONEY = 10**12
"""A trillion dollars: more than any company's revenue, far less than TOML's 64-bit integers (a
bigger one is not valid TOML for other programs), and the economics derived from it (done in
floats, exact up to 2**53, about 9 * 10**15) stay free of rounding noise."""

MAX_COUNT = 10**9
"""Of people, seconds, rows: far more than a workshop counts, well within 64 bits."""

Money = Annotated[int, Field(ge=0, le=MAX_MONEY)]
"""Whole US dollars, never negative, at most :data:`MAX_MONEY`."""

Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The calendar span of every date and year in a session (a workshop plans decades, not ages)."""

DAY_MIN, DAY_MAX = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
MOMENT_MIN = datetime(1970, 1, 2, tzinfo=timezone.utc)
MOMENT_MAX = datetime(LAST_YEAR, 12, 31, 23, 59, 59, tzinfo=timezone.utc)

Day = Annotated[date, Field(ge=DAY_MIN, le=DAY_MAX)]
"""A calendar date between 1900-01-01 and 2200-12-31.

A date like 9999-12-31 would load but break "N months later" arithmetic (review dates,
exit deadlines); the bounds are checked by pydantic-core (no Python call per date)."""


def _in_utc(moment: datetime) -> datetime:
    return moment if moment.utcoffset() == timedelta(0) else moment.astimezone(timezone.utc)


Moment = Annotated[AwareDatetime, Field(ge=MOMENT_MIN, le=MOMENT_MAX), AfterValidator(_in_utc)]
"""A point in time (when something was done), 1970-01-02 to 2200-12-31 UTC, with its offset
(a time without one, as a hand edit may leave, cannot be compared with the app's own), kept
in UTC (``12:45+01:00`` is read as ``11:45+00:00``: shown and dated as UTC everywhere).

Compared as instants, offsets included: ``9999-12-31 23:59:59-12:00`` is refused (converting
it to UTC overflows), and so is anything before the epoch (local time before it fails on some
platforms)."""


E = TypeVar("E", bound=Enum)
ByValue = Annotated[E, Strict(False)]
"""An enum field, read from its value ("prospect") as a file holds it. Every other field is
strict (see :class:`Record`)."""


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


_UNSET = object()


class Record(BaseModel):
    """Base of every model: strict about unknown keys, validates on assignment.

    An assignment that fails validation leaves the record as it was.  (pydantic keeps the new
    value when a model-level validator such as "target above current" rejects it, which would
    leave an invalid session in memory — and an unloadable file on disk after the autosave.)
    """

    # defer_build: a class's validator is built when it is first used, not when this module is
    # imported — loading a session builds Session's (with everything it contains) in one go, and
    # the ~40 classes are not each built at start-up (≈ 30 % of the start-up's own work).
    # strict: a value of the wrong type is refused, not converted (a hand edit's
    # ``icp_overlap = true`` became a rating of 1, ``"90"`` a rating of 90); enums, written as
    # their values, are read by value (:data:`ByValue`).
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True, strict=True)

    def __setattr__(self, name: str, value: object) -> None:
        previous = self.__dict__.get(name, _UNSET)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            if previous is not _UNSET:
                self.__dict__[name] = previous
            raise


# --------------------------------------------------------------------------- enums


class Phase(str, Enum):
    """The workshop's steps, in order (the health report is a view, not a phase)."""

    INTAKE = "intake"
    THESIS = "thesis"
    MAPPING = "mapping"
    TIERS = "tiers"
    DECISIONS = "decisions"
    OKRS = "okrs"
    GOVERNANCE = "governance"

    @property
    def title(self) -> str:
        return PHASE_TITLES[self]


PHASE_TITLES: dict[Phase, str] = {
    Phase.INTAKE: "Intake",
    Phase.THESIS: "Thesis",
    Phase.MAPPING: "Market mapping",
    Phase.TIERS: "Tier framework",
    Phase.DECISIONS: "Build / partner / acquire",
    Phase.OKRS: "OKRs & roadmap",
    Phase.GOVERNANCE: "Governance",
}


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


class DecisionChoice(str, Enum):
    BUILD = "BUILD"
    PARTNER = "PARTNER"
    ACQUIRE = "ACQUIRE"


class KRKind(str, Enum):
    LEADING = "leading"
    LAGGING = "lagging"


class RaciCode(str, Enum):
    R = "R"
    A = "A"
    C = "C"
    I = "I"  # noqa: E741 - the method's letter
    NONE = ""


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


# --------------------------------------------------------------------------- company intake


class Intake(Record):
    company_name: Text = ""
    description: Text = ""
    product_category: Text = ""
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code of every amount in the session")] = "USD"
    """Every amount in the session is in it (never converted): shown and typed with its symbol."""
    current_arr: Money | None = None
    target_arr: Money | None = None
    target_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    icps: list[Text] = Field(default_factory=list)
    growth_markets: list[Text] = Field(default_factory=list)
    board_priorities: list[Text] = Field(default_factory=list)
    existing_partnerships: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _target_above_current(self) -> Intake:
        if (
            self.current_arr is not None
            and self.target_arr is not None
            and self.target_arr <= self.current_arr
        ):
            raise ValueError(
                f"target ARR ({money(self.target_arr)}) must be above current ARR ({money(self.current_arr)})"
            )
        return self


# --------------------------------------------------------------------------- phase 1: thesis


class Rationale(Record):
    """Phase 1.1: the six gaps that make partnerships the right lever."""

    market_velocity_gap: Text = ""
    credibility_gap: Text = ""
    delivery_gap: Text = ""
    geographic_gap: Text = ""
    cost_efficiency: Text = ""
    competitive_pressure: Text = ""


RATIONALE_FIELDS: dict[str, tuple[str, str]] = {
    "market_velocity_gap": (
        "Market velocity gap",
        "Where organic sales is too slow to penetrate fast enough",
    ),
    "credibility_gap": (
        "Credibility gap",
        "Where partner brand credibility unlocks doors that direct sales cannot",
    ),
    "delivery_gap": (
        "Delivery gap",
        "Where the product requires consulting/implementation that we don't provide",
    ),
    "geographic_gap": ("Geographic gap", "Markets where partners have reach we lack"),
    "cost_efficiency": ("Cost efficiency", "Where partner-sourced CAC is lower than direct"),
    "competitive_pressure": (
        "Competitive pressure",
        "Competitor partnerships that must be countered",
    ),
}


_MODEL_KEY = r"^[a-z_]+$"


class PartnershipModel(Record):
    """Phase 1.2: one of the seven partnership models, and whether the team chose it."""

    key: Annotated[str, Field(pattern=_MODEL_KEY)]
    name: Text
    definition: Text
    best_for: Text
    revenue_mechanism: Text
    fee_low_pct: Percent | None = None
    fee_high_pct: Percent | None = None
    fee_basis: Text = ""
    selected: bool = False
    use_case: Text = ""
    why: Text = ""

    @model_validator(mode="after")
    def _fee_range_ordered(self) -> PartnershipModel:
        if (
            self.fee_low_pct is not None
            and self.fee_high_pct is not None
            and self.fee_low_pct > self.fee_high_pct
        ):
            raise ValueError(
                f"{_named(self.name)}: fee range low ({self.fee_low_pct}%) is above high ({self.fee_high_pct}%)"
            )
        return self


class ThesisStatement(Record):
    """Phase 1.3: the fields of the thesis statement template."""

    partner_share_pct: Percent | None = None
    years: Annotated[int, Field(ge=1, le=20)] | None = None
    partner_types: Text = ""
    icp: Text = ""
    markets: Text = ""
    prioritized_models: list[Text] = Field(default_factory=list)
    rationale: Text = ""
    mechanism: Text = ""
    access_partners: Text = ""
    product_partners: Text = ""
    adjacent_use_cases: Text = ""
    north_star_metric: Text = ""


class SignOff(Record):
    name: Text
    role: Text = ""
    signed_at: Moment = Field(default_factory=utc_now)

    @field_validator("name")
    @classmethod
    def _name_required(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("sign-off needs the name of the person signing")
        return value


class Thesis(Record):
    rationale: Rationale = Field(default_factory=Rationale)
    models: list[PartnershipModel] = Field(default_factory=list)
    statement: ThesisStatement = Field(default_factory=ThesisStatement)
    signoff: SignOff | None = None


# --------------------------------------------------------------------------- phase 2: mapping


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


# --------------------------------------------------------------------------- phase 3: tiers


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
    :func:`workshop.tier_ladder.ladder_problems`, not here: a team reorders and retypes criteria
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


# --------------------------------------------------------------------------- phase 4: decisions


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


# --------------------------------------------------------------------------- phase 5: OKRs, roadmap


class MeasureKind(str, Enum):
    """What a key result's number counts (its structured measure), so it can be compared with
    the economics: partners signed per tier, partner-sourced pipeline or ARR, the partner share
    of ARR, certified individuals — or another number (``count``, with its own unit)."""

    PLATINUM_PARTNERS = "platinum_partners"
    GOLD_PARTNERS = "gold_partners"
    SILVER_PARTNERS = "silver_partners"
    PARTNER_PIPELINE = "partner_pipeline"
    PARTNER_ARR = "partner_arr"
    PARTNER_ARR_SHARE = "partner_arr_share"
    CERTIFIED_INDIVIDUALS = "certified_individuals"
    COUNT = "count"

    @property
    def label(self) -> str:
        return MEASURE_KINDS[self][0]

    @property
    def unit(self) -> str:
        """The unit this kind counts in ("" for ``count``: the key result gives its own)."""
        return MEASURE_KINDS[self][1]


MEASURE_KINDS: dict[MeasureKind, tuple[str, str]] = {
    MeasureKind.PLATINUM_PARTNERS: ("Platinum partners signed", "partners"),
    MeasureKind.GOLD_PARTNERS: ("Gold partners signed", "partners"),
    MeasureKind.SILVER_PARTNERS: ("Silver partners signed", "partners"),
    MeasureKind.PARTNER_PIPELINE: ("Partner-sourced pipeline", "$"),
    MeasureKind.PARTNER_ARR: ("Partner-sourced ARR", "$"),
    MeasureKind.PARTNER_ARR_SHARE: ("Partner share of ARR", "%"),
    MeasureKind.CERTIFIED_INDIVIDUALS: ("Certified partner individuals", "people"),
    MeasureKind.COUNT: ("Another number", ""),
}
"""Each measure kind's label and unit."""


class KeyResult(Record):
    """A key result: its text as the room wrote it, and beside it a structured measure —
    ``measure`` (the kind), ``measure_value`` (the number) and ``measure_unit`` — due on
    ``due`` — which the health report compares with the economics."""

    text: Text
    kind: ByValue[KRKind] | None = None
    target: Text = ""
    owner: Text = ""
    due: Day | None = None
    measure: ByValue[MeasureKind] | None = None
    measure_value: Annotated[float, AfterValidator(_finite), Field(ge=0, le=MAX_MONEY)] | None = None
    measure_unit: Text = ""
    """The unit of a ``count`` measure; a known kind has its own (left empty, or the same)."""

    @model_validator(mode="after")
    def _unit_matches(self) -> KeyResult:
        kind, unit = self.measure, self.measure_unit.strip()
        if kind is not None and kind is not MeasureKind.COUNT and unit and unit != kind.unit:
            raise ValueError(f"a measure of {kind.label.lower()} counts in {kind.unit!r}, not {_named(unit)}")
        return self

    @property
    def unit(self) -> str:
        """The measure's unit: the kind's own, or the one given for ``count``."""
        if self.measure is None or self.measure is MeasureKind.COUNT:
            return self.measure_unit.strip()
        return self.measure.unit


class Objective(Record):
    text: Text
    key_results: list[KeyResult] = Field(default_factory=list)


class RoadmapItem(Record):
    text: Text
    done: bool = False


_ROADMAP_QUARTER = r"^Q[1-4]$"


class RoadmapQuarter(Record):
    name: Annotated[str, Field(pattern=_ROADMAP_QUARTER)]
    theme: Text = ""
    items: list[RoadmapItem] = Field(default_factory=list)


class Roadmap(Record):
    year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    quarters: list[RoadmapQuarter] = Field(
        default_factory=lambda: [RoadmapQuarter(name=f"Q{n}") for n in range(1, 5)]
    )
    last_reviewed: Day | None = None

    @field_validator("quarters")
    @classmethod
    def _four_quarters(cls, value: list[RoadmapQuarter]) -> list[RoadmapQuarter]:
        if [q.name for q in value] != ["Q1", "Q2", "Q3", "Q4"]:
            raise ValueError("the roadmap has exactly four quarters, Q1 to Q4, in order")
        return value


# --------------------------------------------------------------------------- phase 6: governance


class RaciRow(Record):
    decision: Text
    cells: list[ByValue[RaciCode]] = Field(default_factory=list)
    """One code per role, in the order of :attr:`Raci.roles`."""


class Raci(Record):
    roles: list[Text] = Field(default_factory=list)
    rows: list[RaciRow] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cells_match_roles(self) -> Raci:
        for row in self.rows:
            if len(row.cells) != len(self.roles):
                raise ValueError(
                    f"RACI row {_named(row.decision)} has {len(row.cells)} cells "
                    f"for {len(self.roles)} roles"
                )
        return self


class ExecSponsor(Record):
    partner: Text
    partner_executive: Text = ""
    our_counterpart: Text = ""
    cadence: Text = ""


class Governance(Record):
    raci: Raci = Field(default_factory=Raci)
    exec_map: list[ExecSponsor] = Field(default_factory=list)


# --------------------------------------------------------------------------- economics inputs


class EconomicsInputs(Record):
    """Assumptions behind the partner economics; every figure shows which it used."""

    win_rate_pct: Annotated[float, AfterValidator(_finite), Field(gt=0, le=100)] = 25.0
    avg_deal_size: Annotated[int, Field(gt=0, le=MAX_MONEY)] = 100_000
    referral_fee_pct: Percent = 10.0
    reseller_margin_pct: Percent = 30.0
    direct_cac_ratio: Annotated[float, AfterValidator(_finite), Field(ge=0, le=100)] = 1.2
    """Direct sales & marketing cost per dollar of new ARR (e.g. 1.2 = $1.20 per $1)."""
    referral_share_pct: Percent = 30.0
    reseller_share_pct: Percent = 20.0
    """Share of partner-sourced ARR expected through referral and resale; the rest is co-sell."""
    # How the partner-sourced pipeline splits across tiers is each tier's own
    # Tier.pipeline_share_pct (schema version 3).



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


# --------------------------------------------------------------------------- the session


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
    """The append-only audit trail, oldest first (see :mod:`workshop.audit`)."""

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
