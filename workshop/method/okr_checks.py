"""Phase 5.1: key results must mix leading and lagging indicators and be owned and measurable."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.method.findings import RuleResult, Target, finding
from workshop.method.models import KRKind, Objective, Phase
from workshop.method.placeholders import has_placeholder


@dataclass(frozen=True, slots=True)
class KindCount:
    leading: int
    lagging: int
    unmarked: int


def kind_count(objectives: list[Objective]) -> KindCount:
    """How many key results in the whole program are leading, lagging, or not marked."""
    leading = lagging = unmarked = 0
    for objective in objectives:
        for kr in objective.key_results:
            if kr.kind is KRKind.LEADING:
                leading += 1
            elif kr.kind is KRKind.LAGGING:
                lagging += 1
            else:
                unmarked += 1
    return KindCount(leading, lagging, unmarked)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def objectives_missing_a_kind(objectives: list[Objective]) -> list[tuple[Objective, list[str]]]:
    """Objectives with key results that lack leading or lagging ones, and the kinds missing."""
    result = []
    for objective in objectives:
        if not objective.key_results:
            continue
        kinds = {kr.kind for kr in objective.key_results}
        missing = [k.value for k in KRKind if k not in kinds]
        if missing:
            result.append((objective, missing))
    return result


def okr_findings(objectives: list[Objective]) -> list[RuleResult]:
    """Problems per objective and key result, each naming it (numbered as shown: O1, KR1.2)."""
    found: list[RuleResult] = []

    def add(key: str, message: str, where: Target) -> None:
        found.append(finding(f"okr.{key}", "OKRs", message, where))

    for o_number, objective in enumerate(objectives, start=1):
        o_where = Target(Phase.OKRS, index=(o_number - 1,), label=f"O{o_number} “{_short(objective.text)}”")
        if not objective.text.strip():
            add("objective_empty", f"Objective O{o_number} has no text.", o_where)
        if not objective.key_results:
            add("no_key_results", f"Objective O{o_number} has no key results.", o_where)
        for objective_missing, kinds in objectives_missing_a_kind([objective]):
            assert objective_missing is objective
            add(
                "objective_one_kind",
                f"Objective O{o_number} has no {' or '.join(kinds)} key result: "
                "measure both leading and lagging indicators.",
                o_where,
            )
        for k_number, kr in enumerate(objective.key_results, start=1):
            label = f"KR{o_number}.{k_number}"
            where = Target(Phase.OKRS, index=(o_number - 1, k_number - 1), label=f"{label} “{_short(kr.text)}”")
            if kr.kind is None:
                add("kr_unmarked", f"{label} is not marked leading or lagging.", where)
            gaps = [name for name, value in (("target", kr.target), ("owner", kr.owner)) if not value.strip()]
            if gaps:
                add("kr_incomplete", f"{label} has no {' and no '.join(gaps)}.", where)
            if has_placeholder(kr.text):
                add(
                    "kr_placeholder",
                    f"{label} still has a template placeholder ([N], [X], [date] or [year]).",
                    where,
                )
    return found
