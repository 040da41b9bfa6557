"""The blueprint's executive summary: the one screen a board reads first.

The thesis in one sentence, the partner-sourced ARR goal and the pipeline it needs, the top
partners with their tiers, the decisions, the key results that matter most, and what is still
open (failing quality rules, the parking lot).  Data only: the wording is the template's.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.method.decision_rules import DecisionAssessment
from workshop.method.findings import RuleResult
from workshop.method.models import KeyResult, KRKind, Objective, ParkingNote, PartnerStage, Session
from workshop.method.scoring import ScoredPartner
from workshop.method.tier_movement import PartnerMovement

TOP_PARTNERS = 5
TOP_KEY_RESULTS = 5
OPEN_NOTES = 3
"""How many open parking-lot notes the summary names (it counts them all)."""


@dataclass(frozen=True, slots=True)
class TopPartner:
    row: ScoredPartner
    tier: str
    """The program tier recorded for it, or what it is instead ("not signed")."""
    rules_tier: str | None
    """The tier the movement rules give it, when that differs from the recorded one."""


@dataclass(frozen=True, slots=True)
class KeyResultRef:
    label: str
    """``KR1.2``: objective 1, its second key result."""
    objective: Objective
    key_result: KeyResult


@dataclass(frozen=True, slots=True)
class BoardSummary:
    thesis: str
    """The thesis in one sentence; fields still empty are named in brackets."""
    thesis_missing: tuple[str, ...]
    top_partners: tuple[TopPartner, ...]
    decisions: tuple[DecisionAssessment, ...]
    key_results: tuple[KeyResultRef, ...]
    key_results_total: int
    failing: tuple[RuleResult, ...]
    open_notes: tuple[ParkingNote, ...]
    open_notes_total: int


def thesis_sentence(session: Session) -> tuple[str, list[str]]:
    """The thesis statement's first sentence, with the company as its subject; and the names
    of the fields it still lacks (shown as ``[name]``, as the full statement does)."""
    st = session.thesis.statement
    missing: list[str] = []

    def put(name: str, value: str) -> str:
        if value.strip():
            return value.strip()
        missing.append(name)
        return f"[{name}]"

    company = put("company name", session.intake.company_name)
    share = put("partner share of ARR", f"{st.partner_share_pct:g}" if st.partner_share_pct is not None else "")
    years = put("years", str(st.years) if st.years is not None else "")
    year_word = "year" if st.years == 1 else "years"
    sentence = (
        f"{company} will build a partner-led revenue channel that contributes {share}% of total "
        f"ARR within {years} {year_word} by partnering with {put('partner types', st.partner_types)} "
        f"who serve {put('ICP', st.icp)} in {put('markets', st.markets)}."
    )
    return sentence, missing


def key_results_that_matter(objectives: list[Objective], limit: int = TOP_KEY_RESULTS) -> list[KeyResultRef]:
    """The key results a board should watch, at most ``limit``: the lagging ones first (the
    outcomes the board is judging), then the leading ones, then unclassified ones; within
    each, in objective order."""
    refs = [
        KeyResultRef(f"KR{o}.{k}", objective, kr)
        for o, objective in enumerate(objectives, start=1)
        for k, kr in enumerate(objective.key_results, start=1)
        if kr.text.strip()
    ]
    rank = {KRKind.LAGGING: 0, KRKind.LEADING: 1, None: 2}
    return sorted(refs, key=lambda ref: rank.get(ref.key_result.kind, 2))[:limit]


def board_summary(
    session: Session,
    scored: list[ScoredPartner],
    movements: list[PartnerMovement],
    decisions: list[DecisionAssessment],
    failing: list[RuleResult],
) -> BoardSummary:
    sentence, missing = thesis_sentence(session)
    by_partner = {id(m.partner): m for m in movements}
    top = []
    for row in scored[:TOP_PARTNERS]:
        partner = row.partner
        recorded = partner.program_tier
        movement = by_partner.get(id(partner))
        if recorded is not None:
            tier = session.tiers.label(recorded)
        elif partner.stage is PartnerStage.SIGNED:
            tier = "signed, no tier yet"
        else:
            tier = f"not signed ({partner.stage.value})"
        rules = movement.rules_tier if movement is not None else None
        top.append(TopPartner(
            row, tier, session.tiers.label(rules) if rules is not None and rules != recorded else None
        ))
    key_results = key_results_that_matter(session.objectives)
    total = sum(1 for o in session.objectives for kr in o.key_results if kr.text.strip())
    notes = [note for note in session.parking_lot if not note.resolved and note.text.strip()]
    return BoardSummary(
        thesis=sentence,
        thesis_missing=tuple(missing),
        top_partners=tuple(top),
        decisions=tuple(decisions),
        key_results=tuple(key_results),
        key_results_total=total,
        failing=tuple(failing),
        open_notes=tuple(notes[:OPEN_NOTES]),
        open_notes_total=len(notes),
    )
