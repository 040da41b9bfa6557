"""Deterministic large sessions for benchmarks and soak tests.

``large_session(n, seed)`` builds a session of ``n`` partners the way a big programme would
look: all five ratings for most partners (some still unscored), team ratings for some, every
partner type / landscape tier / lock status, a fifth of the partners signed with a program
tier and six quarters of results, and decisions, objectives with key results, competitors
and executive sponsors in proportion (one decision per 20 partners, one objective per 50…).
Text is realistic and includes accents, CJK, right-to-left script and emoji.

Same ``n`` and ``seed`` → the same session, byte for byte, once dumped.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from workshop.method.defaults import new_session
from workshop.method.models import (
    KRKind,
    LandscapeTier,
    LockStatus,
    PartnerStage,
    PartnerType,
    Session,
)

EPOCH = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 25)
"""The "today" the benchmarks evaluate tiers and health against."""

_STEMS = [
    "Northbridge", "Keystone", "Álvarez & Partners", "Müller Beratung", "Søndergaard",
    "Corebank", "Ledger", "Atlas", "Meridian", "Orbital", "Blue Harbor", "Crescent",
    "株式会社サクラ", "北辰咨询", "شركة الأفق", "Zürich Risk", "Łódź Data", "Nordlys",
    "Vértice", "Kestrel", "Pinecrest", "Saffron", "Tidewater", "Quill 🚀",
]
_SUFFIXES = ["Consulting", "Advisory", "Group", "Systems", "Labs", "Digital", "SI", "Cloud"]
_PRACTICES = [
    "Risk Advisory — Financial Crime & Regulatory Compliance",
    "Financial Services — Compliance Transformation",
    "Core banking modernisation",
    "Data & AI (Azure, Databricks)",
    "RegTech implementation — EMEA",
    "Cloud migration for credit unions",
    "Fraud analytics • payments",
]
_NOTES = [
    "Co-sell motion live in {k} US regional banks; joint AML modernisation offer.",
    "Strong in tier-1 banks; the dip follows the reorganisation of their FS risk practice.",
    "Met at Money20/20 — wants a joint webinar in Q{q}. Budget: $25k “maybe”.",
    "Owner: Priya. Next step: NDA → pilot → *joint* case study (see [deck]).",
    "Runs the #1 compliance practice in the Nordics; très motivé 👍.",
    "مهتم بالشراكة في السوق السعودي",
    "Needs a certified team of {k} before Gold.\nSecond line of notes.",
]
_COMPETITORS = ["Actimize", "Feedzai", "ComplyAdvantage", "Quantexa", "Hawk AI", "SymphonyAI"]
_CAPABILITIES = [
    "Transaction-monitoring detection engine", "Core-banking integrations", "Case management UI",
    "KYC document capture", "Regulatory reporting pack", "Sanctions screening lists",
]
_PEOPLE = ["Maya Okafor", "Daniel Reyes", "Priya Natarajan", "Tom Lindqvist", "Sarah Whitfield", "Élodie Brun"]


def _rating(rng: random.Random) -> float:
    return float(rng.randrange(0, 101, 5))


def _ratings(rng: random.Random, complete: bool) -> dict:
    keys = ["icp_overlap", "market_influence", "practice_alignment", "partnership_appetite", "revenue_potential"]
    if complete:
        return {k: _rating(rng) for k in keys}
    return {k: _rating(rng) for k in keys if rng.random() < 0.5}


def _quarters(end_year: int, end_q: int, count: int) -> list[str]:
    out = []
    year, q = end_year, end_q
    for _ in range(count):
        out.append(f"{year}-Q{q}")
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return list(reversed(out))


def _partner(rng: random.Random, index: int) -> dict:
    name = f"{rng.choice(_STEMS)} {rng.choice(_SUFFIXES)} {index}"
    partner: dict = {
        "id": f"p{index:05d}",
        "name": name,
        "type": rng.choice(list(PartnerType)).value,
        "landscape_tier": rng.choice(list(LandscapeTier)).value,
        "practice": rng.choice(_PRACTICES),
        "notes": rng.choice(_NOTES).format(k=rng.randint(2, 30), q=rng.randint(1, 4)),
        "ratings": _ratings(rng, complete=rng.random() < 0.9),
        "lock_status": rng.choice(list(LockStatus)).value,
    }
    if partner["lock_status"] == LockStatus.LOCKED.value:
        partner["locked_to"] = rng.choice(_COMPETITORS)
    if rng.random() < 0.2:
        partner["team_ratings"] = [
            {"participant": person, "ratings": _ratings(rng, complete=True)}
            for person in rng.sample(_PEOPLE, 3)
        ]
    roll = rng.random()
    if roll < 0.2:
        partner["stage"] = PartnerStage.SIGNED.value
        partner["program_tier"] = rng.choice(["platinum", "gold", "silver", "registered"])
        results = []
        for quarter in _quarters(2026, 3, 6):
            year = int(quarter[:4])
            month = int(quarter[-1]) * 3
            results.append(
                {
                    "quarter": quarter,
                    "pipeline": rng.randrange(0, 6_000_000, 50_000),
                    "certified_individuals": rng.randint(0, 30),
                    "dedicated_practice": rng.random() < 0.4,
                    "last_pipeline_activity": date(year, month, rng.randint(1, 28)),
                }
            )
        partner["results"] = results
    elif roll < 0.3:
        partner["stage"] = PartnerStage.RECRUITING.value
    elif roll < 0.32:
        partner["stage"] = PartnerStage.EXITED.value
    return partner


def large_session(partners: int, seed: int = 7) -> Session:
    """A valid session of ``partners`` partners with proportionate everything else."""
    rng = random.Random(seed * 1_000_003 + partners)
    base = new_session(title=f"Benchmark — {partners:,} partners 🌍", facilitator="Jordan Ellis")
    data = base.model_dump(mode="python", exclude_none=True)
    data.update(id=f"bench-{partners}", created=EPOCH, updated=EPOCH)
    data["participants"] = [{"name": p, "role": r} for p, r in zip(_PEOPLE, ["CEO", "CPO", "VP Partnerships", "CFO", "CRO", "COO"])]
    data["history"] = [
        {"what": f"Edited partner {i}", "when": EPOCH + timedelta(minutes=i), "who": "Jordan Ellis"}
        for i in range(min(500, partners // 2))
    ]
    data["intake"] = {
        "company_name": "Ledgerlight",
        "description": "AML & transaction monitoring for regional banks — “fast, explainable”.",
        "product_category": "RegTech",
        "current_arr": 18_000_000,
        "target_arr": 60_000_000,
        "target_year": 2029,
        "icps": ["US regional banks", "Credit unions", "EU challenger banks"],
        "growth_markets": ["US", "UK", "DACH"],
    }
    data["mapping"] = {
        "partners": [_partner(rng, i) for i in range(partners)],
        "competitors": [
            {
                "name": f"{rng.choice(_COMPETITORS)} {i}",
                "key_partners": [f"{rng.choice(_STEMS)} {rng.choice(_SUFFIXES)}" for _ in range(3)],
                "model": "Co-sell with GSIs",
                "perceived_strength": "Tier-1 bank references",
            }
            for i in range(max(3, partners // 100))
        ],
        "gap_notes": "Few partners cover credit unions in the Midwest.",
        "counter_strategy": "Win the regional SIs before Actimize locks them.",
        "competitor_map_refreshed": date(2026, 10, 1),
    }
    decisions = []
    for i in range(max(5, partners // 20)):
        choice = rng.choice(["BUILD", "PARTNER", "ACQUIRE", None])
        decision = {
            "id": f"D-{i + 1:03d}",
            "capability": f"{rng.choice(_CAPABILITIES)} #{i + 1}",
            "answers": {
                "core_differentiation": rng.random() < 0.5,
                "engineering_capacity": rng.random() < 0.5,
                "adjacent_complementary": rng.random() < 0.5,
                "build_time_months": rng.randint(1, 24),
            },
            "rationale": "Adjacent, not core; the partner serves our ICP.",
            "finance_input": "Positive" if rng.random() < 0.7 else "",
            "finance_reviewer": "Tom Lindqvist",
            "decided_on": date(2026, 11, 25),
            "review_date": date(2027, 2, 25),
        }
        if choice:
            decision["decision"] = choice
        decisions.append(decision)
    data["decisions"] = decisions
    objectives = list(data.get("objectives", []))
    for i in range(max(0, partners // 50)):
        objectives.append(
            {
                "text": f"Grow partner-sourced pipeline in region {i + 1} — ×{rng.randint(2, 5)}",
                "key_results": [
                    {
                        "text": f"Sign {rng.randint(2, 9)} partners in segment {j + 1}",
                        "kind": rng.choice(list(KRKind)).value,
                        "target": f"{rng.randint(1, 50)}",
                        "owner": rng.choice(_PEOPLE),
                        "due": date(2027, rng.randint(1, 12), 1),
                    }
                    for j in range(rng.randint(3, 5))
                ],
            }
        )
    data["objectives"] = objectives
    signed = [p for p in data["mapping"]["partners"] if p.get("stage") == "signed"]
    data["governance"]["exec_map"] = [
        {
            "partner": p["name"],
            "partner_executive": "Alex Kim",
            "our_counterpart": rng.choice(_PEOPLE),
            "cadence": "Quarterly",
        }
        for p in signed[: max(1, len(signed) // 4)]
    ]
    return Session.model_validate(data)


def write_session(partners: int, folder: Path, seed: int = 7) -> Path:
    """Write ``large_session(partners, seed)`` to ``folder/bench-<n>.toml`` and return its path."""
    from session_store import SessionFile

    path = Path(folder) / f"bench-{partners}.toml"
    path.unlink(missing_ok=True)
    SessionFile.create(path, large_session(partners, seed))
    return path
