"""Cross-phase consistency (issue 15, section 2): the phases checked against each other.

Each check is a finding (a warning, never a failing quality rule) with the place to fix it:

* a partner named in a decision ("partner considered") or in the roadmap that is not in the
  landscape, and a decision that counts on an Opportunistic partner;
* every Platinum partner — recorded, or due for promotion to Platinum by the rules — has an
  executive sponsor (partner executive and our counterpart) in the relationship map;
* the partnership models chosen match the partners and the economics: co-sell chosen but no
  partner of a co-selling type (Big 4, GSI) in tier A; referral or reseller shares in the
  economics without that model chosen; a model chosen that no mapped partner's type follows;
* the thesis statement's share and horizon match the intake and the plan: "within N years"
  (counted from the year the session was created) ends in the intake's target year, the roadmap's year falls in the horizon, and a share of
  ARR written in an objective is the thesis's;
* key results, through their structured measure, against the economics
  (:mod:`workshop.method.kr_checks`).

Names are compared as :func:`workshop.method.competitors.name_key` does (case and spacing ignored); a
named partner also matches a mapped one that its name starts with ("KPMG UK" is KPMG).
"""

from __future__ import annotations

import re
from datetime import date

from workshop.method.competitors import name_key
from workshop.method.findings import RuleResult, Target, finding, names_list
from workshop.method.kr_checks import kr_economics_findings
from workshop.method.models import LandscapeTier, PartnerStage, PartnerType, Phase, Session
from workshop.method.scoring import Band, ScoredPartner
from workshop.method.tier_movement import Action, PartnerMovement

METHOD_FIRMS = ("Deloitte", "PwC", "EY", "KPMG", "Accenture", "Cognizant", "Infosys", "TCS", "Wipro")
"""The firms the method names (Phase 2.1): recognised in roadmap text."""

MODEL_PARTNER_TYPES: dict[str, frozenset[PartnerType]] = {
    "referral": frozenset({PartnerType.BOUTIQUE, PartnerType.LONG_TAIL}),
    "reseller": frozenset({PartnerType.GSI, PartnerType.REGIONAL_SI, PartnerType.LONG_TAIL}),
    "co_sell": frozenset({PartnerType.BIG4, PartnerType.GSI}),
    "implementation": frozenset({PartnerType.BIG4, PartnerType.GSI, PartnerType.BOUTIQUE, PartnerType.REGIONAL_SI}),
    "oem_embed": frozenset({PartnerType.ISV}),
    "joint_venture": frozenset({PartnerType.ISV, PartnerType.GSI}),
    "technology_alliance": frozenset({PartnerType.ISV}),
}
"""Which partner types follow each model, from the method's "Best for" column (1.2): referral —
boutique consultancies, niche advisors; reseller — GSIs, regional VARs, distributors; co-sell —
Big 4, Accenture, major SIs; implementation — all major consulting firms; OEM — product ISVs,
platform vendors; JV — strategic product firms; technology alliance — complementary SaaS."""

CO_SELL_TYPES = MODEL_PARTNER_TYPES["co_sell"]

_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&|\n)\s*", re.IGNORECASE)
_SHARE_OF_ARR = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*of\s+(?:total\s+|our\s+)?ARR", re.IGNORECASE)


def _named_partners(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def _in_landscape(name: str, keys: dict[str, str]) -> str | None:
    """The mapped partner ``name`` refers to: the same name, or one it starts with."""
    words = name_key(name).split(" ")
    for end in range(len(words), 0, -1):  # the longest mapped name it starts with
        found = keys.get(" ".join(words[:end]))
        if found is not None:
            return found
    return None


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text, re.IGNORECASE) is not None


# --------------------------------------------------------------------------- named partners


def named_partner_findings(session: Session, ranked: list[ScoredPartner]) -> list[RuleResult]:
    found: list[RuleResult] = []
    partners = session.mapping.partners
    keys = {name_key(p.name): p.name for p in partners}
    by_name = {s.partner.name: s for s in ranked}
    for decision in session.decisions:
        where = Target(Phase.DECISIONS, "Decision log", "partner_considered", (decision.id,),
                       label=f"{decision.id} › partner considered")
        missing: list[str] = []
        for named in _named_partners(decision.partner_considered):
            mapped = _in_landscape(named, keys)
            if mapped is None:
                missing.append(named)
                continue
            scored = by_name.get(mapped)
            if scored is not None and scored.band is Band.OPPORTUNISTIC:
                found.append(finding(
                    "cross.decision_opportunistic", "Decisions and scores",
                    f"{decision.id} counts on {mapped}, which scores {scored.score_text}: "
                    f"{Band.OPPORTUNISTIC.label.lower()} — {Band.OPPORTUNISTIC.advice.lower()} "
                    "Choose a Priority or Secondary partner, or record that it came inbound.",
                    where,
                ))
        if missing:
            found.append(finding(
                "cross.decision_partner_unmapped", "Decisions and landscape",
                f"{decision.id} names {names_list(missing)} as partner considered, but "
                f"{'it is' if len(missing) == 1 else 'they are'} not in the partner landscape: "
                "map and score them, or correct the name.",
                where,
            ))
    known = {name_key(n): n.strip() for n in METHOD_FIRMS}
    for competitor in session.mapping.competitors:
        known.update({name_key(n): n.strip() for n in competitor.key_partners if n.strip()})
    known.update({name_key(e.partner): e.partner.strip() for e in session.governance.exec_map if e.partner.strip()})
    for decision in session.decisions:
        known.update({name_key(n): n for n in _named_partners(decision.partner_considered)})
    for key, name in known.items():
        if _in_landscape(name, keys) is not None:
            continue
        mentions = [
            (number, f"{quarter.name}: {item.text.strip()}")
            for number, quarter in enumerate(session.roadmap.quarters, start=1)
            for item in quarter.items
            if _mentions(item.text, name)
        ]
        places = [place for _number, place in mentions]
        if places:
            found.append(finding(
                "cross.roadmap_partner_unmapped", "Roadmap and landscape",
                f"The roadmap names {name} ({names_list(places, 3)}), but it is not in the partner "
                "landscape: map and score it, or correct the roadmap.",
                Target(Phase.OKRS, "Roadmap", f"items-q{mentions[0][0]}", label=places[0].split(":", 1)[0]),
            ))
    return found


# --------------------------------------------------------------------------- sponsors


def platinum_partners(session: Session, movements: list[PartnerMovement]) -> list[tuple[str, str]]:
    """(name, why) for each partner of the top tier (the method's Platinum; the session's own
    ladder names it): recorded there, or due for promotion to it."""
    result: list[tuple[str, str]] = []
    top = session.tiers.highest
    if top is None:
        return result
    due = {
        m.partner.name for m in movements
        if m.action is Action.PROMOTE and m.action_tier == top.id
    }
    for partner in session.mapping.partners:
        if partner.stage is PartnerStage.EXITED:
            continue
        if partner.program_tier == top.id:
            result.append((partner.name, top.name))
        elif partner.name in due:
            result.append((partner.name, f"due for promotion to {top.name}"))
    return result


def sponsor_findings(session: Session, movements: list[PartnerMovement]) -> list[RuleResult]:
    sponsors = {name_key(e.partner): e for e in session.governance.exec_map if e.partner.strip()}
    without: list[str] = []
    incomplete: list[str] = []
    for name, why in platinum_partners(session, movements):
        entry = sponsors.get(name_key(name))
        if entry is None:
            without.append(f"{name} ({why})")
        elif not (entry.partner_executive.strip() and entry.our_counterpart.strip()):
            incomplete.append(f"{name} ({why})")
    found: list[RuleResult] = []
    top = session.tiers.highest.name if session.tiers.highest is not None else "Platinum"
    if without:
        found.append(finding(
            "governance.exec_map", "Executive map",
            f"{top} partner(s) without an executive sponsor: {names_list(without)}. The method keeps "
            f"an executive sponsor mapping for all partners of the top tier ({top}).",
            Target(Phase.GOVERNANCE, "Executive relationship map", "exec_map"),
        ))
    if incomplete:
        found.append(finding(
            "governance.exec_map_incomplete", "Executive map",
            f"{top} partner(s) whose sponsor entry names no partner executive or no counterpart of "
            f"ours: {names_list(incomplete)}.",
            Target(Phase.GOVERNANCE, "Executive relationship map", "exec_map"),
        ))
    return found


# --------------------------------------------------------------------------- models


def model_findings(session: Session) -> list[RuleResult]:
    found: list[RuleResult] = []
    chosen = {m.key: m for m in session.thesis.models if m.selected}
    names = {m.key: m.name for m in session.thesis.models}
    active = [p for p in session.mapping.partners if p.stage is not PartnerStage.EXITED]
    where_models = Target(Phase.THESIS, "Partnership models", "models")
    co_sell_flagged = False
    if "co_sell" in chosen:
        tier_a = [p for p in active if p.landscape_tier is LandscapeTier.A and p.type in CO_SELL_TYPES]
        if not tier_a:
            found.append(finding(
                "cross.co_sell_no_partner", "Models and partners",
                f"{names['co_sell']} is chosen, but no Big 4 or GSI partner — the types that co-sell — "
                "is in tier A (strategic): map one, or reconsider the model.",
                Target(Phase.MAPPING, "Partner landscape", "landscape", label="tier A"),
            ))
            co_sell_flagged = True
    inputs = session.economics
    for key, share, what in (("referral", inputs.referral_share_pct, "referral"),
                             ("reseller", inputs.reseller_share_pct, "resale")):
        if chosen and share > 0 and key not in chosen and key in names:  # once the team has chosen
            found.append(finding(
                f"cross.{key}_economics_no_model", "Models and economics",
                f"The economics count {share:g}% of partner-sourced ARR through {what}, but the "
                f"{names[key]} model is not chosen: choose it, or set that share to 0.",
                where_models,
            ))
    for key, model in chosen.items():
        types = MODEL_PARTNER_TYPES.get(key)
        if types is None or (key == "co_sell" and co_sell_flagged):
            continue
        if not any(p.type in types for p in active):
            kinds = ", ".join(sorted(t.label for t in types))
            found.append(finding(
                "cross.model_unfollowed", "Models and partners",
                f"{model.name} is chosen, but no mapped partner is of a type that follows it ({kinds}): "
                "map such partners, or reconsider the model.",
                where_models,
            ))
    return found


# --------------------------------------------------------------------------- share and horizon


def horizon_findings(session: Session) -> list[RuleResult]:
    found: list[RuleResult] = []
    statement, intake = session.thesis.statement, session.intake
    years, share = statement.years, statement.partner_share_pct
    if years is not None and intake.target_year is not None:
        first = intake.target_year - years + 1
        written = session.created.year  # "within N years" counts from when the thesis was written
        if written + years != intake.target_year:
            found.append(finding(
                "cross.horizon", "Thesis and intake",
                f"The thesis promises its share within {years} years (by {written + years}), but the "
                f"intake's target year is {intake.target_year}: the economics plan {first}–"
                f"{intake.target_year}. Make the years and the target year agree.",
                Target(Phase.THESIS, "Thesis statement", "years", label="years"),
            ))
        roadmap_year = session.roadmap.year
        if roadmap_year is not None and not first <= roadmap_year <= intake.target_year:
            found.append(finding(
                "cross.roadmap_year", "Roadmap and economics",
                f"The roadmap is for {roadmap_year}, outside the economics' horizon {first}–"
                f"{intake.target_year}.",
                Target(Phase.OKRS, "Roadmap", "year", label="year"),
            ))
    if share is not None:
        # An objective states the program's aim ("drives [X]% of ARR"): it is the thesis's share.
        # (Roadmap milestones and key results are steps on the way; a key result's measure is
        # compared with the economics year by year: workshop.method.kr_checks.)
        for number, objective in enumerate(session.objectives, start=1):
            for match in _SHARE_OF_ARR.finditer(objective.text):
                if abs(float(match.group(1)) - share) > 1e-9:
                    found.append(finding(
                        "cross.share", "Thesis and OKRs",
                        f"O{number} says {match.group(0)}, but the thesis promises {share:g}% of ARR "
                        f"within {years or 'N'} years: make them agree.",
                        Target(Phase.OKRS, "OKRs", index=(number - 1,), label=f"O{number}"),
                    ))
    return found


def cross_findings(
    session: Session, today: date, ranked: list[ScoredPartner], movements: list[PartnerMovement]
) -> list[RuleResult]:
    """Every cross-phase finding (``today``: the day judged, for checks that depend on it)."""
    return [
        *named_partner_findings(session, ranked),
        *sponsor_findings(session, movements),
        *model_findings(session),
        *horizon_findings(session),
        *kr_economics_findings(session),
    ]
