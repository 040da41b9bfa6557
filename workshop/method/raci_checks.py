"""Phase 6.1: each decision row needs exactly one A and at least one R; every role takes part."""

from __future__ import annotations

from workshop.method.findings import RuleResult, Target, finding, names_list
from workshop.method.models import Phase, Raci, RaciCode


def raci_findings(raci: Raci) -> list[RuleResult]:
    """Problems in the RACI, each naming the row or role."""
    found: list[RuleResult] = []

    def add(key: str, message: str, target: Target) -> None:
        found.append(finding(f"raci.{key}", "RACI", message, target))

    if not raci.rows:
        add("no_rows", "The RACI has no decisions yet.", Target(Phase.GOVERNANCE, "RACI", "rows"))
        return found
    used = [False] * len(raci.roles)
    for number, row in enumerate(raci.rows, start=1):
        name = row.decision.strip() or f"row {number}"
        where = Target(Phase.GOVERNANCE, "RACI", index=(number - 1,), label=name)
        if not row.decision.strip():
            add("row_unnamed", f"RACI row {number} has no decision named.", where)
        accountable = [raci.roles[i] for i, c in enumerate(row.cells) if c is RaciCode.A]
        responsible = [raci.roles[i] for i, c in enumerate(row.cells) if c is RaciCode.R]
        for i, cell in enumerate(row.cells):
            if cell is not RaciCode.NONE:
                used[i] = True
        if not accountable:
            add("no_accountable", f"“{name}” has no Accountable (A): exactly one role must be.", where)
        elif len(accountable) > 1:
            add(
                "several_accountable",
                f"“{name}” has {len(accountable)} Accountable (A) — {', '.join(accountable)}: "
                "exactly one role may be.",
                where,
            )
        if not responsible:
            add("no_responsible", f"“{name}” has no Responsible (R): at least one role must be.", where)
    idle = [role for role, was_used in zip(raci.roles, used) if not was_used]
    if idle:
        add(
            "idle_role",
            f"{'Role' if len(idle) == 1 else 'Roles'} with no entry in any row: {names_list(idle)}.",
            Target(Phase.GOVERNANCE, "RACI", "roles", label="roles"),
        )
    return found
