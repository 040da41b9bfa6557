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
class RuleResult:
    """One quality rule's verdict, or one flagged problem (a finding).

    ``key`` is stable for scripts (``--json``); ``title`` names the rule or check for people;
    ``message`` is the sentence to show; ``phase`` and ``where`` say where to fix it.
    """

    key: str
    title: str
    status: Status
    message: str
    phase: Phase
    where: str

    def as_dict(self) -> dict[str, str]:
        return {
            "key": self.key,
            "title": self.title,
            "status": self.status.value,
            "message": self.message,
            "phase": self.phase.value,
            "where": self.where,
        }


Finding = RuleResult
"""Findings have the same shape as rule results (their status is WARN)."""


def finding(key: str, title: str, message: str, phase: Phase, where: str) -> RuleResult:
    """A flagged problem: always a warning, never a failing quality rule."""
    return RuleResult(key, title, Status.WARN, message, phase, where)


def names_list(names: list[str], limit: int = 10) -> str:
    """``A, B, C`` — at most ``limit`` names, then "and N more"."""
    shown = ", ".join(names[:limit])
    rest = len(names) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown
