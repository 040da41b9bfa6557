"""The one shape every check reports in: a status, a sentence, and where to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from workshop.models import Phase


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
