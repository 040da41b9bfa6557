"""The one shape every check reports in: a status, a sentence, and where to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from workshop.method.models import RATIONALE_FIELDS, Phase


class Status(str, Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    @property
    def label(self) -> str:
        """In words, so the status never depends on colour alone."""
        return self.value.upper()


@dataclass(frozen=True, slots=True)
class Target:
    """Where a finding is fixed, as data: a phase and, in it, a field and/or the records named.

    Views jump there from these fields (a ``GoTo`` message carries the target); the words shown
    to people ("fix in: Mapping › Partner landscape › Deloitte") are derived from it
    (:attr:`words`), never parsed back.
    """

    phase: Phase
    section: str = ""
    """The part of the phase, in words ("Partner landscape", "RACI")."""
    field: str = ""
    """The attribute to fill in or fix, when there is one ("competitor_map_refreshed",
    "signoff", "ratings", "roles", "key_results", "last_reviewed", "growth_markets", …)."""
    records: tuple[str, ...] = ()
    """The ids of the records named (partners' and decisions' ``id``)."""
    index: tuple[int, ...] = ()
    """A record with no id, by position, 0-based: ``(objective,)``, ``(objective, key result)``,
    ``(RACI row,)``."""
    label: str = ""
    """What the words name after the section: the field or the records, as people call them."""

    @property
    def words(self) -> str:
        """The place in words, after the phase's name ("Partner landscape › Deloitte")."""
        if self.section and self.label:
            return f"{self.section} › {self.label}"
        return self.section or self.label

    def as_dict(self) -> dict[str, object]:
        return {
            "phase": self.phase.value,
            "field": self.field,
            "records": list(self.records),
            "index": list(self.index),
        }


FIELD_OF: dict[Phase, dict[str, str]] = {
    Phase.INTAKE: {
        "company name": "company_name", "company description": "description",
        "product category": "product_category", "current ARR": "current_arr", "target ARR": "target_arr",
        "target year": "target_year", "primary ICPs": "icps", "growth markets": "growth_markets",
    },
    Phase.THESIS: {
        **{label: key for key, (label, _question) in RATIONALE_FIELDS.items()},
        "a partnership model selected": "models", "partner share of ARR": "partner_share_pct",
        "years": "years", "partner types": "partner_types", "ICP": "icp", "markets": "markets",
        "prioritized models": "prioritized_models", "model rationale": "rationale", "mechanism": "mechanism",
        "access partners": "access_partners", "product partners": "product_partners",
        "adjacent use cases": "adjacent_use_cases", "north star metric": "north_star_metric",
        "sign-off": "signoff",
    },
    Phase.MAPPING: {
        "partners mapped": "partners", "every partner scored": "ratings", "competitors": "competitors",
        "competitors' key partners": "competitors", "gap notes": "gap_notes",
        "counter-strategy": "counter_strategy", "competitor map refresh date": "competitor_map_refreshed",
    },
    Phase.OKRS: {
        "roadmap year": "year", "roadmap review date": "last_reviewed",
        **{f"roadmap Q{n} items": f"items-q{n}" for n in range(1, 5)},
    },
    Phase.GOVERNANCE: {"RACI rows": "rows"},
}
"""The field that fills each completeness item (and each of ``render_thesis``'s missing names,
which are the thesis items' words), where one field does."""


def place_of(phase: Phase, item: str) -> Target:
    """Where the completeness item ``item`` of ``phase`` (or a missing thesis name) is filled in."""
    return Target(phase, field=FIELD_OF.get(phase, {}).get(item, ""), label=item)


@dataclass(frozen=True, slots=True)
class RuleResult:
    """One quality rule's verdict, or one flagged problem (a finding).

    ``key`` is stable for scripts (``--json``); ``title`` names the rule or check for people;
    ``message`` is the sentence to show; ``target`` says where to fix it.
    """

    key: str
    title: str
    status: Status
    message: str
    target: Target

    @property
    def phase(self) -> Phase:
        return self.target.phase

    @property
    def where(self) -> str:
        """Where to fix it, in words (from :attr:`target`)."""
        return self.target.words

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "title": self.title,
            "status": self.status.value,
            "message": self.message,
            "phase": self.phase.value,
            "where": self.where,
            "target": self.target.as_dict(),
        }


Finding = RuleResult
"""Findings have the same shape as rule results (their status is WARN)."""


def finding(key: str, title: str, message: str, target: Target) -> RuleResult:
    """A flagged problem: always a warning, never a failing quality rule."""
    return RuleResult(key, title, Status.WARN, message, target)


def names_list(names: list[str], limit: int = 10) -> str:
    """``A, B, C`` — at most ``limit`` names, then "and N more"."""
    shown = ", ".join(names[:limit])
    rest = len(names) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown
