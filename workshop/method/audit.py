"""The audit trail: an append-only, dated record of every move the rules govern.

Every tier move applied, every override of what the rules say (with its reason: the appeal),
every thesis sign-off and withdrawal, and every decision made final (or reopened) is one
:class:`~workshop.method.models.AuditEntry` in ``session.audit``: when, by whom, the rule that fired
and its figures.  Entries are only ever appended; undo and redo do not remove them either —
they add a ``reverted`` entry naming what they took back or put back (:func:`audit_after_step`).

Hand-deleted entries: each entry carries ``seq`` (1, 2, 3…).  The health report flags a gap or
a number out of order, and a signed thesis with no sign-off entry.  The last entries removed
by hand (with no entry after them) are not detectable this way; that is the limit chosen —
anything stronger (signatures) would need a key the team would have to keep.

Pure domain: no Textual, no files.  See docs/method.md ("The audit trail").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone

from workshop.method.dates import money
from workshop.method.decision_rules import assess_decision
from workshop.method.findings import RuleResult, Target, finding, names_list
from workshop.method.models import AuditEntry, AuditKind, Phase, Session, SignOff, utc_now
from workshop.method.tier_movement import Action, PartnerMovement

THESIS = "Thesis"
"""The subject of sign-off entries."""

SIGNOFF_RULE = "Never start partner recruitment without a signed-off partnership thesis"
DECISION_RULE = "Build-vs-partner decisions must include Finance input"
TIER_RULES = "Tier movement rules (Phase 3.2)"


def next_seq(session: Session) -> int:
    return max((entry.seq for entry in session.audit), default=0) + 1


def record_audit(
    session: Session,
    kind: AuditKind,
    who: str,
    rule: str,
    figures: Mapping[str, object] | None = None,
    *,
    subject: str = "",
    summary: str = "",
    reason: str = "",
    when: datetime | None = None,
) -> AuditEntry:
    """Append one entry to the session's audit trail and return it.

    ``figures`` values are turned into text as shown (``str``).  An override without a reason
    is refused (``ValueError``) and nothing is appended.
    """
    entry = AuditEntry(
        seq=next_seq(session),
        when=when or utc_now(),
        kind=kind,
        who=who,
        subject=subject,
        summary=summary,
        rule=rule,
        figures={str(k): str(v) for k, v in (figures or {}).items()},
        reason=reason,
    )
    session.audit.append(entry)
    return entry


def record_override(
    session: Session,
    who: str,
    rule: str,
    figures: Mapping[str, object] | None,
    reason: str,
    *,
    subject: str,
    summary: str,
) -> AuditEntry:
    """An override of what the rules say: refused (``ValueError``) without its reason."""
    if not reason.strip():
        raise ValueError("an override needs its reason (the appeal): say why the rule does not apply")
    return record_audit(
        session, AuditKind.OVERRIDE, who, rule, figures, subject=subject, summary=summary, reason=reason.strip()
    )


def record_tier_move(
    session: Session,
    who: str,
    *,
    partner: str,
    action: str,
    from_tier: str,
    to_tier: str,
    rule: str,
    figures: Mapping[str, object] | None = None,
) -> AuditEntry:
    """A tier move applied (promotion, warning, demotion, exit) — ``action`` in words."""
    moved = f"{from_tier} → {to_tier}" if to_tier and to_tier != from_tier else from_tier
    return record_audit(
        session, AuditKind.TIER_MOVE, who, rule or TIER_RULES, figures,
        subject=partner, summary=f"{partner}: {action} applied ({moved}).",
    )


def movement_figures(movement: PartnerMovement) -> dict[str, str]:
    """The figures behind a tier movement: the last QBR's, and the exit clock."""
    figures: dict[str, str] = {
        "recorded tier": movement.label(movement.recorded_tier),
        "rules tier": movement.label(movement.rules_tier),
    }
    if movement.quarters:
        last = movement.quarters[-1]
        figures.update({
            "quarter": last.quarter,
            "annual pipeline": money(last.pipeline),
            "qualifies for": movement.label(last.qualifies_for),
            "quarters above": str(last.quarters_above),
            "misses": str(last.misses),
        })
    if movement.last_activity is not None:
        figures["last pipeline activity"] = movement.last_activity.isoformat()
    if movement.exit_due is not None:
        figures["exit due"] = movement.exit_due.isoformat()
    return figures


def record_movement(session: Session, movement: PartnerMovement, who: str) -> AuditEntry:
    """The audit entry of a recommendation just applied (see ``tier_movement.apply_movement``)."""
    to = movement.label(movement.action_tier) if movement.action_tier is not None else (
        "exited" if movement.action is Action.EXIT else movement.label(movement.recorded_tier)
    )
    return record_tier_move(
        session, who, partner=movement.partner.name, action=movement.action.label.lower(),
        from_tier=movement.label(movement.recorded_tier), to_tier=to, rule=movement.reason,
        figures=movement_figures(movement),
    )


def warning_recorded(session: Session, movement: PartnerMovement) -> bool:
    """The warning this movement recommends is already in the trail (same partner, same QBR)."""
    quarter = movement.quarters[-1].quarter if movement.quarters else ""
    return any(
        entry.kind is AuditKind.TIER_MOVE and entry.subject == movement.partner.name
        and entry.figures.get("action") == Action.WARNING.value and entry.figures.get("quarter") == quarter
        for entry in session.audit
    )


def record_warning(session: Session, movement: PartnerMovement, who: str) -> AuditEntry | None:
    """The warning issued at the QBR, in the trail once per partner and quarter (None if it is
    already there, or the rules recommend no warning)."""
    if movement.action is not Action.WARNING or warning_recorded(session, movement):
        return None
    figures = {"action": Action.WARNING.value, **movement_figures(movement)}
    tier = movement.label(movement.recorded_tier)
    return record_audit(
        session, AuditKind.TIER_MOVE, who, movement.reason, figures,
        subject=movement.partner.name, summary=f"{movement.partner.name}: warning issued at the QBR ({tier}).",
    )


def tier_override(movement: PartnerMovement | None, new_tier: str) -> str | None:
    """Why setting ``new_tier`` (a tier's name) by hand goes against the rules — None when it
    does not: the partner has no quarters on record (nothing for the rules to go on), or the
    new tier is the one the rules give."""
    if movement is None or not movement.quarters or movement.label(movement.rules_tier) == new_tier:
        return None
    return f"the rules put {movement.partner.name} at {movement.label(movement.rules_tier)}: {movement.reason}"


def record_tier_override(
    session: Session, movement: PartnerMovement, new_tier: str, reason: str, who: str,
    tier_id: str | None = None,
) -> AuditEntry:
    """A tier set by hand against the rules, with the reason (refused without one).
    ``new_tier`` is the tier's name as it is now; ``tier_id`` its id (kept, so the appeal is
    still found after the tier is renamed)."""
    figures = {"set to": new_tier, **movement_figures(movement)}
    if tier_id is not None:
        figures["set to tier id"] = tier_id
    return record_override(
        session, who, movement.reason or TIER_RULES, figures, reason,
        subject=movement.partner.name,
        summary=f"{movement.partner.name}: tier set to {new_tier} by hand; the rules say "
        f"{movement.label(movement.rules_tier)}.",
    )


def appeal_for(session: Session, partner: str, tier: str, tier_id: str | None = None) -> AuditEntry | None:
    """The override that put ``partner`` at ``tier`` (its name; ``tier_id``: its id, which an
    entry written since tiers have ids is matched on, so a rename keeps the appeal) against
    the rules, if it is the latest tier entry about it (a move applied since supersedes it)."""
    for entry in reversed(session.audit):
        if entry.subject != partner:
            continue
        recorded_id = entry.figures.get("set to tier id")
        same = (recorded_id == tier_id) if recorded_id is not None and tier_id is not None else (
            entry.figures.get("set to") == tier
        )
        if entry.kind is AuditKind.OVERRIDE and same:
            return entry
        if entry.kind in (AuditKind.TIER_MOVE, AuditKind.OVERRIDE):
            return None
    return None


# --------------------------------------------------------------------------- sign-off


def signoff_figures(signoff: SignOff) -> dict[str, str]:
    return {
        "signed by": signoff.name + (f" ({signoff.role})" if signoff.role.strip() else ""),
        "signed at": signoff.signed_at.strftime("%Y-%m-%d %H:%M UTC"),
    }


def record_signoff(session: Session, signoff: SignOff, who: str, when: datetime | None = None) -> AuditEntry:
    return record_audit(
        session, AuditKind.SIGNOFF, who, SIGNOFF_RULE, signoff_figures(signoff),
        subject=THESIS, summary=f"Thesis signed off by {signoff.name}.", when=when,
    )


def record_withdrawal(session: Session, signoff: SignOff, who: str) -> AuditEntry:
    return record_audit(
        session, AuditKind.WITHDRAWAL, who, SIGNOFF_RULE, signoff_figures(signoff),
        subject=THESIS, summary=f"Thesis sign-off by {signoff.name} withdrawn: recruitment back on hold.",
    )


# --------------------------------------------------------------------------- decisions


def _audited_final(session: Session) -> dict[str, bool]:
    """Whether the trail, read to its end, has each decision final (True) or reopened."""
    state: dict[str, bool] = {}
    by_seq = {entry.seq: entry for entry in session.audit}
    for entry in session.audit:
        if entry.kind is AuditKind.DECISION_FINAL:
            state[entry.subject] = True
        elif entry.kind is AuditKind.DECISION_REOPENED:
            state[entry.subject] = False
        elif entry.kind is AuditKind.REVERTED:
            target = _reverted_target(entry, by_seq)
            if target is not None and target.kind in (AuditKind.DECISION_FINAL, AuditKind.DECISION_REOPENED):
                state[target.subject] = not state.get(target.subject, False)
    return state


def _reverted_target(entry: AuditEntry, by_seq: dict[int, AuditEntry]) -> AuditEntry | None:
    """The action a ``reverted`` entry takes back (following reverts of reverts)."""
    seen: set[int] = set()
    while entry.kind is AuditKind.REVERTED:
        try:
            number = int(entry.figures.get("entry", ""))
        except ValueError:
            return None
        if number in seen or number not in by_seq:
            return None
        seen.add(number)
        entry = by_seq[number]
    return entry


def sync_decisions(session: Session, who: str, when: datetime | None = None) -> list[AuditEntry]:
    """Append an entry for each decision that became final (or stopped being final) since the
    trail last said so; returns the new entries.  Called after every edit (cheap: decisions
    are few), so whichever screen or script edited the decision, the move is recorded."""
    audited = _audited_final(session)
    added: list[AuditEntry] = []
    for decision in session.decisions:
        assessment = assess_decision(decision)
        was = audited.get(decision.id, False)
        if assessment.is_final == was:
            continue
        if assessment.is_final:
            assert decision.decision is not None
            figures = {
                "decision": decision.decision.value,
                "matrix": assessment.suggested.value if assessment.suggested else assessment.message,
                "Finance reviewer": decision.finance_reviewer or "(not named)",
            }
            if decision.partner_considered.strip():
                figures["partner considered"] = decision.partner_considered
            if assessment.disagreement:
                added.append(record_audit(
                    session, AuditKind.OVERRIDE, who, "Build vs. partner vs. acquire decision matrix", figures,
                    subject=decision.id,
                    summary=f"{decision.id}: decided {decision.decision.value} against the matrix.",
                    reason=decision.rationale.strip() or "(no rationale recorded: add one to the decision)",
                    when=when,
                ))
            added.append(record_audit(
                session, AuditKind.DECISION_FINAL, who, DECISION_RULE, figures,
                subject=decision.id,
                summary=f"{decision.id} ({decision.capability}) made final: {decision.decision.value}.",
                when=when,
            ))
        else:
            added.append(record_audit(
                session, AuditKind.DECISION_REOPENED, who, DECISION_RULE, {"status": assessment.status},
                subject=decision.id, summary=f"{decision.id} ({decision.capability}) is no longer final.",
                when=when,
            ))
    return added


# --------------------------------------------------------------------------- undo and redo


def audit_after_step(current: list[AuditEntry], restored: list[AuditEntry], verb: str, who: str) -> list[AuditEntry]:
    """The trail of a session restored by undo or redo: the current trail, kept whole, plus one
    ``reverted`` entry for each entry the restored state does not have (what the step takes
    back: "Undone: …", or, for a revert itself, what it puts back)."""
    kept = {entry.seq for entry in restored}
    trail = list(current)
    by_seq = {entry.seq: entry for entry in current}
    seq = max((entry.seq for entry in trail), default=0)
    for entry in current:
        if entry.seq in kept:
            continue
        target = _reverted_target(entry, by_seq) if entry.kind is AuditKind.REVERTED else entry
        what = target.summary if target is not None else entry.summary
        seq += 1
        trail.append(AuditEntry(
            seq=seq, kind=AuditKind.REVERTED, who=who, subject=entry.subject,
            summary=f"{verb}: {what}", rule=f"{verb} (ctrl+{'z' if verb == 'Undone' else 'y'})",
            figures={"entry": str(entry.seq)},
        ))
    return trail


# --------------------------------------------------------------------------- checks


def audit_findings(session: Session) -> list[RuleResult]:
    """Entries missing from the trail (removed by hand), as far as can be told simply."""
    found: list[RuleResult] = []
    numbers = [entry.seq for entry in session.audit]
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        missing = sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
        if missing:
            detail = f"entries {names_list([str(n) for n in missing])} are missing"
        else:
            detail = "the entries are out of order or numbered twice"
        found.append(finding(
            "audit.gap", "Audit trail",
            f"The audit trail is not whole: {detail} (removed or edited by hand?). It is append-only: "
            "restore the file's backup, or keep the gap on record.",
            Target(Phase.GOVERNANCE, "Audit trail"),
        ))
    signoff = session.thesis.signoff
    if signoff is not None:
        last = next(
            (e for e in reversed(session.audit) if e.kind in (AuditKind.SIGNOFF, AuditKind.WITHDRAWAL)),
            None,
        )
        if last is None or last.kind is not AuditKind.SIGNOFF:
            found.append(finding(
                "audit.signoff_missing", "Audit trail",
                f"The thesis is signed off by {signoff.name}, but the audit trail has no entry for "
                "that sign-off (edited by hand?): withdraw it and sign again in the app.",
                Target(Phase.THESIS, "Sign-off", field="signoff"),
            ))
    return found


def seed_from_file(data: dict) -> list[dict]:
    """The trail a file written before the audit trail starts with (the migration to version 2):
    its sign-off and its final decisions, dated as the file dates them, marked as such."""
    entries: list[dict] = []
    note = "recorded before the audit trail existed (from the file)"
    signoff = (data.get("thesis") or {}).get("signoff")
    if isinstance(signoff, dict) and isinstance(signoff.get("name"), str) and signoff.get("signed_at"):
        entries.append({
            "seq": len(entries) + 1, "when": signoff["signed_at"], "kind": AuditKind.SIGNOFF.value,
            "who": signoff["name"], "subject": THESIS,
            "summary": f"Thesis signed off by {signoff['name']} ({note}).", "rule": SIGNOFF_RULE,
            "figures": {"signed by": signoff["name"] + (f" ({signoff['role']})" if signoff.get("role") else "")},
        })
    for decision in data.get("decisions") or []:
        if not isinstance(decision, dict):
            continue
        final = decision.get("decision") and str(decision.get("finance_input", "")).strip()
        decided = decision.get("decided_on")
        if not final or decided is None or not hasattr(decided, "isoformat"):
            continue
        when = datetime(decided.year, decided.month, decided.day, tzinfo=timezone.utc)
        entries.append({
            "seq": len(entries) + 1, "when": when, "kind": AuditKind.DECISION_FINAL.value,
            "who": str(decision.get("finance_reviewer", "")), "subject": str(decision.get("id", "")),
            "summary": f"{decision.get('id')} made final: {decision.get('decision')} ({note}).",
            "rule": DECISION_RULE, "figures": {"decision": str(decision.get("decision")), "decided on": decided.isoformat()},
        })
    return entries

