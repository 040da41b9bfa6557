"""The partnership blueprint's data model.

One :class:`Session` holds everything a workshop produces, phase by phase, following
``shared/methodology/partner-strategy-method.txt``.  Pure pydantic v2: no Textual here.
The package's modules hold one concern each; every name is imported from here
(``from workshop.method.models import Session``).

Conventions, chosen so that every session round-trips through TOML unchanged:

* "absent" is ``None`` and is left out of the file (the store dumps with ``exclude_none``);
* money is whole US dollars (``int``), percentages and ratings are ``float`` in 0-100;
* every free-text field is :data:`Text`: any string a person can type, except lone
  surrogates (which cannot be written as UTF-8) — it is shown and exported literally;
* datetimes are timezone-aware UTC; dates are plain calendar dates.  Both are kept within a
  sane span (:data:`Day`, :data:`Moment`), so that converting a datetime to UTC or local time,
  or adding months to a date, can never overflow Python's ``date`` range.
"""

from workshop.method.models.base import (
    SCHEMA_VERSION,
    _valid_text,
    _named,
    Text,
    Rating,
    Percent,
    MAX_MONEY,
    MAX_COUNT,
    Money,
    Count,
    FIRST_YEAR,
    LAST_YEAR,
    DAY_MIN,
    DAY_MAX,
    MOMENT_MIN,
    MOMENT_MAX,
    Day,
    _in_utc,
    Moment,
    E,
    ByValue,
    new_id,
    utc_now,
    _UNSET,
    Record,
    Phase,
    PHASE_TITLES,
)
from workshop.method.models.facilitation import (
    Participant,
    ParkingNote,
    Position,
    Timebox,
    Change,
    AuditKind,
    AUDIT_KIND_LABELS,
    AuditEntry,
)
from workshop.method.models.intake import (
    Intake,
)
from workshop.method.models.thesis import (
    Rationale,
    RATIONALE_FIELDS,
    _MODEL_KEY,
    PartnershipModel,
    ThesisStatement,
    SignOff,
    Thesis,
)
from workshop.method.models.tiers import (
    _TIER_ID,
    _QUARTER,
    QuarterResult,
    MIN_TIERS,
    MAX_TIERS,
    tier_name_key,
    Tier,
    MovementRules,
    TierFramework,
)
from workshop.method.models.mapping import (
    PartnerType,
    LandscapeTier,
    LockStatus,
    PartnerStage,
    RATING_FIELDS,
    Ratings,
    ScoringWeights,
    Gate,
    GateCheck,
    ParticipantRatings,
    Partner,
    Competitor,
    Mapping,
)
from workshop.method.models.decisions import (
    DecisionChoice,
    DecisionAnswers,
    _DECISION_ID,
    Decision,
    next_decision_id,
)
from workshop.method.models.okrs import (
    KRKind,
    MeasureKind,
    MEASURE_KINDS,
    KeyResult,
    Objective,
    RoadmapItem,
    _ROADMAP_QUARTER,
    RoadmapQuarter,
    Roadmap,
)
from workshop.method.models.governance import (
    RaciCode,
    RaciRow,
    Raci,
    ExecSponsor,
    Governance,
)
from workshop.method.models.economics import (
    EconomicsInputs,
)
from workshop.method.models.session import (
    Session,
    PATTERN_EXAMPLES,
)

__all__ = [
    "SCHEMA_VERSION",
    "Text",
    "Rating",
    "Percent",
    "MAX_MONEY",
    "MAX_COUNT",
    "Money",
    "Count",
    "FIRST_YEAR",
    "LAST_YEAR",
    "DAY_MIN",
    "DAY_MAX",
    "MOMENT_MIN",
    "MOMENT_MAX",
    "Day",
    "Moment",
    "E",
    "ByValue",
    "new_id",
    "utc_now",
    "Record",
    "Phase",
    "PHASE_TITLES",
    "Participant",
    "ParkingNote",
    "Position",
    "Timebox",
    "Change",
    "AuditKind",
    "AUDIT_KIND_LABELS",
    "AuditEntry",
    "Intake",
    "Rationale",
    "RATIONALE_FIELDS",
    "PartnershipModel",
    "ThesisStatement",
    "SignOff",
    "Thesis",
    "QuarterResult",
    "MIN_TIERS",
    "MAX_TIERS",
    "tier_name_key",
    "Tier",
    "MovementRules",
    "TierFramework",
    "PartnerType",
    "LandscapeTier",
    "LockStatus",
    "PartnerStage",
    "RATING_FIELDS",
    "Ratings",
    "ScoringWeights",
    "Gate",
    "GateCheck",
    "ParticipantRatings",
    "Partner",
    "Competitor",
    "Mapping",
    "DecisionChoice",
    "DecisionAnswers",
    "Decision",
    "next_decision_id",
    "KRKind",
    "MeasureKind",
    "MEASURE_KINDS",
    "KeyResult",
    "Objective",
    "RoadmapItem",
    "RoadmapQuarter",
    "Roadmap",
    "RaciCode",
    "RaciRow",
    "Raci",
    "ExecSponsor",
    "Governance",
    "EconomicsInputs",
    "Session",
    "PATTERN_EXAMPLES",
]
