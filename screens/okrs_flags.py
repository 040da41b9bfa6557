"""The engine's OKR findings, grouped by the objective and key result they name.

No checking happens here: :func:`workshop.okr_checks.okr_findings` decides what is wrong and
labels each finding with the numbers shown on screen (``O2``, ``KR2.3``); this module only
files each sentence under that objective or key result so the view can show it inline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop.findings import RuleResult
from workshop.models import Objective
from workshop.okr_checks import okr_findings

_LABEL = re.compile(r"^(?:O(\d+)|KR(\d+)\.(\d+))\b")


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
        match = _LABEL.match(found.where)
        if match is None:
            continue
        if match.group(1):
            flags.objective.setdefault(int(match.group(1)) - 1, []).append(found.message)
        else:
            key = (int(match.group(2)) - 1, int(match.group(3)) - 1)
            flags.key_result.setdefault(key, []).append(found.message)
    return flags


def place_of(where: str) -> tuple[int | None, int | None]:
    """The objective and key result indexes a "where" (``KR1.2 …``, ``OKRs › O3``) points at."""
    kr = re.search(r"KR(\d+)\.(\d+)", where)
    if kr:
        return int(kr.group(1)) - 1, int(kr.group(2)) - 1
    objective = re.search(r"\bO(\d+)\b", where)
    if objective:
        return int(objective.group(1)) - 1, None
    return None, None
