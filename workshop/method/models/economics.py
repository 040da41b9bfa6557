"""The assumptions behind the partner economics."""

from __future__ import annotations

from typing import Annotated

from pydantic import FiniteFloat, Field

from workshop.method.models.base import MAX_MONEY, Percent, Record


class EconomicsInputs(Record):
    """Assumptions behind the partner economics; every figure shows which it used."""

    win_rate_pct: Annotated[FiniteFloat, Field(gt=0, le=100)] = 25.0
    avg_deal_size: Annotated[int, Field(gt=0, le=MAX_MONEY)] = 100_000
    referral_fee_pct: Percent = 10.0
    reseller_margin_pct: Percent = 30.0
    direct_cac_ratio: Annotated[FiniteFloat, Field(ge=0, le=100)] = 1.2
    """Direct sales & marketing cost per dollar of new ARR (e.g. 1.2 = $1.20 per $1)."""
    referral_share_pct: Percent = 30.0
    reseller_share_pct: Percent = 20.0
    """Share of partner-sourced ARR expected through referral and resale; the rest is co-sell."""
    # How the partner-sourced pipeline splits across tiers is each tier's own
    # Tier.pipeline_share_pct (schema version 3).
