"""The engine's OKR findings, grouped by the objective and key result they name.

No checking happens here: :func:`workshop.method.okr_checks.okr_findings` decides what is wrong and
says which objective or key result each finding is about (its target's ``index``); this module
only files each sentence under it so the view can show it inline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop.method.findings import RuleResult
from workshop.method.models import Objective
from workshop.method.okr_checks import okr_findings


@dataclass
class OkrFlags:
    objective: dict[int, list[str]] = field(default_factory=dict)
    """Objective index -> the engine's sentences about it."""
    key_result: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    """(objective index, key result index) -> the engine's sentences about it."""
    all: list[RuleResult] = field(default_factory=list)

    def for_objective(self, index: int) -> list[str]:
        """Sentences about an objective and any of its key results."""
        own = list(self.objective.get(index, []))
        for (o, _k), messages in sorted(self.key_result.items()):
            if o == index:
                own += messages
        return own


def okr_flags(objectives: list[Objective], more: Iterable[RuleResult] = ()) -> OkrFlags:
    """The OKR findings, and ``more`` of the same shape (the key results measured against the
    economics, which need the whole session), filed under what they name."""
    flags = OkrFlags()
    for found in (*okr_findings(objectives), *more):
        flags.all.append(found)
        index = found.target.index
        if len(index) == 1:
            flags.objective.setdefault(index[0], []).append(found.message)
        elif len(index) == 2:
            flags.key_result.setdefault((index[0], index[1]), []).append(found.message)
    return flags
