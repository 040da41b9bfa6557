"""Values every record is made of: the checked text, number, money and date types, the
:class:`Record` base, ids and clocks, the schema version and the workshop's phases."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from typing import Annotated, TypeVar

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, FiniteFloat, Strict, ValidationError


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


def _named(text: str, limit: int = 40) -> str:
    """User text quoted in an error message, cut short: the message stays one readable line."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


Text = Annotated[str, AfterValidator(_valid_text)]
"""Free text typed by a person; shown and exported exactly as typed."""

Rating = Annotated[FiniteFloat, Field(ge=0, le=100)]
"""An attractiveness rating, 0-100."""

Percent = Annotated[FiniteFloat, Field(ge=0, le=100)]
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


# --------------------------------------------------------------------------- phases


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
