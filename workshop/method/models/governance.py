"""Phase 6: governance — the RACI matrix and the executive sponsor map."""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from workshop.method.models.base import ByValue, Record, Text, _named


class RaciCode(str, Enum):
    R = "R"
    A = "A"
    C = "C"
    I = "I"  # noqa: E741 - the method's letter
    NONE = ""


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
