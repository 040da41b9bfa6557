"""The company intake: who the company is and where it wants to go."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from workshop.method.dates import money
from workshop.method.models.base import Money, Record, Text


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
