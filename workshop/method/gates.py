"""Must-pass gates (issue 15 §1): conditions the team sets that keep a partner out of Priority.

A gate ("not locked to a competitor", "has a practice that maps to our product", "serves our
ICP") is judged per partner: passes, fails, or not judged yet.  Gates never change the score or
its band; they sit beside them.  A partner whose score is Priority but which has not passed every
gate — one fails, or one is not judged yet: *must* pass means shown to pass — is **held out of
Priority**: it is recruited as a Secondary target until every gate passes.  Pure: no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workshop.method.models import Gate, GateCheck, Mapping, Partner
from workshop.method.scoring import Band, ScoredPartner


@dataclass(frozen=True, slots=True)
class GateVerdict:
    partner: Partner
    passed: tuple[Gate, ...]
    failed: tuple[tuple[Gate, str], ...]
    """Each failed gate with the team's note."""
    unjudged: tuple[Gate, ...]
    marks: tuple[str, ...] = ()
    """Each gate in the session's order: ``"✓ …"``, ``"✗ … (note)"``, ``"? … (not judged)"``."""

    @property
    def clear(self) -> bool:
        """Every gate passed (true when there are no gates)."""
        return not self.failed and not self.unjudged

    @property
    def text(self) -> str:
        """``"✓ serves our ICP · ✗ not locked to a competitor (locked to Veritrail) · ? has a practice"``."""
        return " · ".join(self.marks)


def checks_of(partner: Partner) -> dict[str, GateCheck]:
    return {check.gate: check for check in partner.gate_checks}


def verdict(partner: Partner, gates: Iterable[Gate]) -> GateVerdict:
    checks = checks_of(partner)
    passed: list[Gate] = []
    failed: list[tuple[Gate, str]] = []
    unjudged: list[Gate] = []
    marks: list[str] = []
    for gate in gates:
        check = checks.get(gate.id)
        if check is None:
            unjudged.append(gate)
            marks.append(f"? {gate.condition} (not judged)")
        elif check.passes:
            passed.append(gate)
            marks.append(f"✓ {gate.condition}")
        else:
            failed.append((gate, check.note))
            marks.append(f"✗ {gate.condition}" + (f" ({check.note})" if check.note.strip() else ""))
    return GateVerdict(partner, tuple(passed), tuple(failed), tuple(unjudged), tuple(marks))


@dataclass(frozen=True, slots=True)
class GatedPartner:
    """A scored partner with its gates: the band the score gives, and the band to act on."""

    row: ScoredPartner
    gates: GateVerdict

    @property
    def held(self) -> bool:
        """Priority by score, but not every gate passed: kept out of Priority."""
        return self.row.band is Band.PRIORITY and not self.gates.clear

    @property
    def band(self) -> Band | None:
        """The band to act on: Secondary for a held partner, else the score's band."""
        return Band.SECONDARY if self.held else self.row.band

    @property
    def sentence(self) -> str:
        """What the gates mean for this partner, beside its score."""
        if not self.gates.text:
            return "No gates set."
        if self.held:
            why = ("fails " + ", ".join(f"“{g.condition}”" for g, _n in self.gates.failed)) if self.gates.failed else ""
            pending = ("not judged yet: " + ", ".join(f"“{g.condition}”" for g in self.gates.unjudged)
                       if self.gates.unjudged else "")
            reasons = "; ".join(r for r in (why, pending) if r)
            return f"Held out of Priority whatever it scores — {reasons}. Recruit as a Secondary target until every gate passes."
        if self.gates.clear:
            return "Passes every gate."
        return "Not every gate passes; only Priority partners are held back by gates."


def gated(rows: Iterable[ScoredPartner], mapping: Mapping) -> list[GatedPartner]:
    """Every row with its gate verdict (in the rows' order)."""
    return [GatedPartner(row, verdict(row.partner, mapping.gates)) for row in rows]


def set_check(mapping: Mapping, partner: Partner, gate: Gate, passes: bool | None, note: str | None = None) -> None:
    """Record the team's judgement of ``gate`` for ``partner`` (None: not judged — the check is removed)."""
    if gate not in mapping.gates:
        raise ValueError(f"gate {gate.condition!r} is not one of this session's gates")
    checks = [c for c in partner.gate_checks if c.gate != gate.id]
    old = checks_of(partner).get(gate.id)
    if passes is not None:
        checks.append(GateCheck(gate=gate.id, passes=passes, note=note if note is not None else (old.note if old else "")))
        order = {g.id: i for i, g in enumerate(mapping.gates)}
        checks.sort(key=lambda c: order.get(c.gate, len(order)))
    partner.gate_checks = checks


def add_gate(mapping: Mapping, condition: str) -> Gate:
    gate = Gate(condition=condition)
    mapping.gates.append(gate)
    return gate


def remove_gate(mapping: Mapping, gate: Gate) -> None:
    """The gate and every partner's judgement of it."""
    for partner in mapping.partners:
        if any(c.gate == gate.id for c in partner.gate_checks):
            partner.gate_checks = [c for c in partner.gate_checks if c.gate != gate.id]
    mapping.gates = [g for g in mapping.gates if g.id != gate.id]
