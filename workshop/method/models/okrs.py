"""Phase 5: objectives, key results with their structured measure, and the roadmap."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import FiniteFloat, Field, field_validator, model_validator

from workshop.method.models.base import MAX_MONEY, ByValue, Day, Record, Text, _named


class KRKind(str, Enum):
    LEADING = "leading"
    LAGGING = "lagging"


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
    measure_value: Annotated[FiniteFloat, Field(ge=0, le=MAX_MONEY)] | None = None
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
