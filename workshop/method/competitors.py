"""Phase 2.3: the competitor partner ecosystem — who is locked, who to recruit first.

Partners are matched to competitors' key partners by name, ignoring case and spacing.  A
partner counts as locked when its lock status says so; the competitors it is locked to are
its ``locked_to`` text plus every competitor listing it.  "Recruit first" lists partners
marked available or under-served that are not signed or exited yet, under-served first, then
best score first — but only those in the Priority or Secondary band: an available partner
scoring under 50 reads "opportunistic only — not unless inbound" (the method: do not invest
unless inbound), and one not fully rated yet reads "score it first".
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.method.findings import names_list
from workshop.method.models import LockStatus, Mapping, Partner, PartnerStage
from workshop.method.gates import verdict
from workshop.method.scoring import Band, ScoredPartner, ranked_partners


def name_key(name: str) -> str:
    """How partner names are compared: case-insensitive, spacing collapsed."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True, slots=True)
class LockedPartner:
    partner: Partner
    competitors: tuple[str, ...]

    @property
    def sentence(self) -> str:
        to = " and ".join(self.competitors) if self.competitors else "a competitor (not named)"
        return (
            f"{self.partner.name} is locked to {to}: develop a counter-narrative and approach "
            "their adjacent partners."
        )


@dataclass(frozen=True, slots=True)
class ContestedPartner:
    name: str
    competitors: tuple[str, ...]
    partner: Partner | None
    """The partner in our map with that name, if any."""


@dataclass(frozen=True, slots=True)
class EcosystemAnalysis:
    locked: tuple[LockedPartner, ...]
    recruit_first: tuple[ScoredPartner, ...]
    """Available or under-served Priority and Secondary partners not yet signed, under-served
    first, then by score."""
    inbound_only: tuple[ScoredPartner, ...]
    """Available or under-served partners in the Opportunistic band: not unless inbound."""
    unscored: tuple[ScoredPartner, ...]
    """Available or under-served partners not fully rated: no band to recruit on yet."""
    contested: tuple[ContestedPartner, ...]
    """Partners appearing with several competitors."""
    unmapped: tuple[tuple[str, str], ...]
    """(competitor, partner name) pairs for competitors' partners missing from our map."""
    listed_but_available: tuple[tuple[Partner, tuple[str, ...]], ...]
    """Partners a competitor lists but that we marked available (under-served is expected): check."""
    gap_lines: tuple[str, ...]
    counter_strategy_lines: tuple[str, ...]


def ecosystem(mapping: Mapping) -> EcosystemAnalysis:
    keys = [name_key(partner.name) for partner in mapping.partners]
    by_name: dict[str, list[Partner]] = {}
    for key, partner in zip(keys, mapping.partners):
        by_name.setdefault(key, []).append(partner)

    listed_by: dict[str, list[str]] = {}
    display: dict[str, str] = {}
    unmapped: list[tuple[str, str]] = []
    for competitor in mapping.competitors:
        seen: set[str] = set()
        for raw in competitor.key_partners:
            key = name_key(raw)
            if not key or key in seen:
                continue
            seen.add(key)
            listed_by.setdefault(key, []).append(competitor.name)
            display.setdefault(key, raw.strip())
            if key not in by_name:
                unmapped.append((competitor.name, raw.strip()))

    locked: list[LockedPartner] = []
    listed_but_available: list[tuple[Partner, tuple[str, ...]]] = []
    for key, partner in zip(keys, mapping.partners):
        listing = listed_by.get(key, [])
        if partner.lock_status is LockStatus.LOCKED:
            names: list[str] = []
            if partner.locked_to.strip():
                names.append(partner.locked_to.strip())
            names += [c for c in listing if name_key(c) not in {name_key(n) for n in names}]
            locked.append(LockedPartner(partner, tuple(names)))
        elif listing and partner.lock_status is LockStatus.AVAILABLE:
            listed_but_available.append((partner, tuple(listing)))

    candidates = [
        p
        for p in mapping.partners
        if p.lock_status is not LockStatus.LOCKED
        and p.stage not in (PartnerStage.SIGNED, PartnerStage.EXITED)
    ]
    ranked = sorted(
        ranked_partners(candidates, mapping.weights), key=lambda s: s.partner.lock_status is not LockStatus.UNDER_SERVED
    )  # stable: keeps the score order within each group
    recruit_first = [s for s in ranked if s.band in (Band.PRIORITY, Band.SECONDARY)]
    inbound_only = [s for s in ranked if s.band is Band.OPPORTUNISTIC]
    unscored = [s for s in ranked if s.band is None]

    contested = tuple(
        ContestedPartner(display[key], tuple(comps), (by_name.get(key) or [None])[0])
        for key, comps in listed_by.items()
        if len(comps) > 1
    )

    def status(s: ScoredPartner) -> str:
        return s.partner.lock_status.label.lower()

    def band_words(s: ScoredPartner) -> str:
        if s.band is Band.PRIORITY and mapping.gates and not verdict(s.partner, mapping.gates).clear:
            return "priority by score, held out of Priority by a must-pass gate"
        return s.band_label.lower()

    gap_lines = (
        *(f"{s.partner.name} ({status(s)}, score {s.score_text}, {band_words(s)}): recruit first."
          for s in recruit_first),
        *(f"{s.partner.name} ({status(s)}, score {s.score_text}): opportunistic only — not unless inbound."
          for s in inbound_only),
        *(f"{s.partner.name} ({status(s)}, not fully rated): score it before recruiting." for s in unscored),
    )
    counter = [lp.sentence for lp in locked]
    counter += [
        f"{c.name} works with {len(c.competitors)} competitors ({names_list(list(c.competitors))}): "
        "a contested partner — differentiate the offer."
        for c in contested
    ]
    return EcosystemAnalysis(
        locked=tuple(locked),
        recruit_first=tuple(recruit_first),
        inbound_only=tuple(inbound_only),
        unscored=tuple(unscored),
        contested=contested,
        unmapped=tuple(unmapped),
        listed_but_available=tuple(listed_but_available),
        gap_lines=gap_lines,
        counter_strategy_lines=tuple(counter),
    )
