"""Phase 1: the partnership thesis — the rationale, the partnership models, the statement and
its sign-off."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator

from workshop.method.models.base import Moment, Percent, Record, Text, _named, utc_now


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
