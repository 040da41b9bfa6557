"""The method's defaults: what a new session starts with, so a team edits rather than types.

Every text here is taken from ``partner-strategy-method.txt``; bracketed placeholders such as
``[N]`` are the method's own and mark what the team still has to decide.
"""

from __future__ import annotations

from workshop.method.models import (
    KeyResult,
    KRKind,
    MovementRules,
    Objective,
    PartnershipModel,
    Phase,
    Raci,
    RaciCode,
    RaciRow,
    Roadmap,
    RoadmapItem,
    RoadmapQuarter,
    Session,
    Thesis,
    Tier,
    TierFramework,
    Timebox,
)


def default_models() -> list[PartnershipModel]:
    """Phase 1.2: the seven partnership models, none selected yet."""
    return [
        PartnershipModel(
            key="referral",
            name="Referral",
            definition="Partner introduces leads; company closes",
            best_for="Boutique consultancies, niche advisors",
            revenue_mechanism="Referral fee (5–15% of ACV)",
            fee_low_pct=5,
            fee_high_pct=15,
            fee_basis="of ACV",
        ),
        PartnershipModel(
            key="reseller",
            name="Reseller",
            definition="Partner sells the product in their name",
            best_for="GSIs, regional VARs, IT distributors",
            revenue_mechanism="Reseller margin (20–40% off list)",
            fee_low_pct=20,
            fee_high_pct=40,
            fee_basis="off list",
        ),
        PartnershipModel(
            key="co_sell",
            name="Co-Sell",
            definition="Partner and company sell together to shared accounts",
            best_for="Big 4, Accenture, major SIs",
            revenue_mechanism="Revenue attribution; shared quota credit",
        ),
        PartnershipModel(
            key="implementation",
            name="Implementation",
            definition="Partner delivers implementation; company provides product",
            best_for="All major consulting firms",
            revenue_mechanism="Partner earns services revenue; company earns license",
        ),
        PartnershipModel(
            key="oem_embed",
            name="OEM / Embed",
            definition="Partner embeds your product in their offering",
            best_for="Product ISVs, platform vendors",
            revenue_mechanism="Royalty or per-seat fee",
        ),
        PartnershipModel(
            key="joint_venture",
            name="Joint Venture",
            definition="Shared entity or jointly-developed solution",
            best_for="Strategic product firms for new market entry",
            revenue_mechanism="Joint P&L; shared IP",
        ),
        PartnershipModel(
            key="technology_alliance",
            name="Technology Alliance",
            definition="Technical integration; co-marketing only",
            best_for="Complementary SaaS products",
            revenue_mechanism="Co-marketing credits; no direct cash",
        ),
    ]


def default_tiers() -> TierFramework:
    """Phase 3.1 and 3.2: the method's four tiers, highest first, and the movement rules.

    The countable commitments are the method's: Platinum's QBR (4 reviews a year) and 4 joint
    go-to-market activities, Gold's semi-annual review, 2 activities and deal registration within
    5 business days, Silver's annual review and 1 joint webinar; the pipeline mix is the economics'
    50 / 30 / 20 (Registered: none)."""
    return TierFramework(
        tiers=[
            Tier(
                id="platinum",
                name="Platinum",
                pipeline_min=2_000_000,
                pipeline_share_pct=50.0,
                reviews_per_year=4,
                joint_gtm_per_year=4,
                certified_individuals=5,
                dedicated_practice=True,
                benefits=[
                    "Dedicated Partner Account Manager (PAM)",
                    "Top MDF allocation ($[X]/yr)",
                    "Executive-to-executive relationships (CPO ↔ VP Alliance at partner)",
                    "Early product access (beta program)",
                    "Co-branded marketing campaigns",
                    "Premium placement in partner directory",
                    "Joint PR and press release on major wins",
                ],
                commitments=[
                    "Joint business plan (signed by VP+)",
                    "Quarterly Business Review (QBR)",
                    "Minimum 4 joint go-to-market activities per year",
                    "Named PAM at the partner firm",
                ],
            ),
            Tier(
                id="gold",
                name="Gold",
                pipeline_min=500_000,
                pipeline_share_pct=30.0,
                reviews_per_year=2,
                joint_gtm_per_year=2,
                deal_registration_days=5,
                pipeline_max=2_000_000,
                certified_individuals=3,
                dedicated_practice=False,
                benefits=[
                    "PAM shared across 3–5 Gold partners",
                    "MDF allocation ($[X]/yr)",
                    "Access to partner portal and deal registration",
                    "Joint webinars and co-marketing",
                    "Partner directory listing",
                ],
                commitments=[
                    "Semi-annual business review",
                    "Minimum 2 joint go-to-market activities per year",
                    "Deal registration within 5 business days",
                ],
            ),
            Tier(
                id="silver",
                name="Silver",
                pipeline_min=100_000,
                pipeline_share_pct=20.0,
                reviews_per_year=1,
                joint_gtm_per_year=1,
                pipeline_max=500_000,
                certified_individuals=1,
                benefits=["Partner portal access", "Training and certification", "Deal registration"],
                commitments=["Annual review", "1 joint webinar per year"],
            ),
            Tier(
                id="registered",
                name="Registered",
                exit_months=6,
                benefits=["Limited deal registration", "Self-serve training access"],
                commitments=[],
            ),
        ],
        rules=MovementRules(),
    )


RACI_ROLES = [
    "CPO",
    "VP Alliance / GTM",
    "Director, Partner Dev",
    "Director, Partner Ops",
    "Finance",
    "Legal",
]

_RACI_ROWS = [
    ("New partnership approval", "A C R I C C"),
    ("Tier promotion/demotion", "A R C C I I"),
    ("Commercial terms approval", "A C C I R R"),
    ("Deal registration approval", "I A I R I I"),
    ("MDF allocation", "A C I R R I"),
    ("Partner exit decision", "A R C C I C"),
]


def default_raci() -> Raci:
    """Phase 6.1: the method's six decisions.

    The method's header reads "CPO VP Alliance GTM Director, Partner Dev Director, Partner Ops
    Finance Legal" over six letters a row: "VP Alliance GTM" is one role (see docs/method.md).
    """
    rows = [
        RaciRow(decision=decision, cells=[RaciCode(letter) for letter in letters.split()])
        for decision, letters in _RACI_ROWS
    ]
    return Raci(roles=list(RACI_ROLES), rows=rows)


def default_objectives() -> list[Objective]:
    """Phase 5.1: the method's three objectives, key results marked leading or lagging."""
    lead, lag = KRKind.LEADING, KRKind.LAGGING
    return [
        Objective(
            text="Establish a world-class partner ecosystem that drives [X]% of ARR",
            key_results=[
                KeyResult(text="Sign [N] Platinum partners by [date]", kind=lag),
                KeyResult(text="Achieve $[X] in partner-sourced pipeline by end of [year]", kind=lead),
                KeyResult(text="Reach [N] certified partner individuals across all tiers", kind=lag),
                KeyResult(text="Partner NPS score ≥ [N]", kind=lag),
            ],
        ),
        Objective(
            text="Build market credibility through alliance thought leadership",
            key_results=[
                KeyResult(
                    text="Publish [N] co-authored whitepapers or reports with Platinum partners",
                    kind=lead,
                ),
                KeyResult(text="Appear on [N] partner-hosted stages or events", kind=lead),
                KeyResult(
                    text="Generate [N] joint press mentions featuring partner relationships",
                    kind=lag,
                ),
            ],
        ),
        Objective(
            text="Operationalize the partner program for scale",
            key_results=[
                KeyResult(
                    text="Launch partner portal with self-serve training and deal registration",
                    kind=lead,
                ),
                KeyResult(
                    text="Achieve 48-hour deal registration response SLA at 95%+ compliance",
                    kind=lead,
                ),
                KeyResult(
                    text="Complete QBRs with 100% of Platinum and Gold partners", kind=lead
                ),
            ],
        ),
    ]


_ROADMAP = [
    (
        "Foundation",
        [
            "Finalize partnership thesis and tier framework",
            "Launch outreach to top 5 priority partners (Big 4 + 1 GSI)",
            "Sign first Platinum partner agreement",
            "Stand up partner portal (self-serve training + deal registration)",
        ],
    ),
    (
        "First Revenue",
        [
            "Enable first Platinum partner (training + certification completed)",
            "First joint co-sell meetings with Platinum partner",
            "Sign 2 Gold partners from boutique consultancy tier",
            "Publish first joint whitepaper with Platinum partner",
            "First partner QBR completed",
        ],
    ),
    (
        "Scale",
        [
            "Onboard second Platinum partner",
            "Partner-sourced pipeline > $[X] (first meaningful contribution)",
            "Launch partner-specific events program (joint webinar series)",
            "Implement MDF program for Gold and Platinum partners",
            "First joint win closed with a partner",
        ],
    ),
    (
        "Acceleration",
        [
            "All Platinum + Gold partners certified and in active co-sell",
            "Partner-sourced ARR hits [X]% of total ARR",
            "Board report shows positive partnership ROI",
            "Roadmap for Year 2 (geographic expansion, JV exploration)",
            "Annual Partner Summit (inaugural)",
        ],
    ),
]


def default_roadmap() -> Roadmap:
    """Phase 5.2: the Q1-Q4 skeleton."""
    return Roadmap(
        quarters=[
            RoadmapQuarter(
                name=f"Q{number}",
                theme=theme,
                items=[RoadmapItem(text=text) for text in items],
            )
            for number, (theme, items) in enumerate(_ROADMAP, start=1)
        ]
    )


DEFAULT_TIMEBOX_MINUTES: dict[Phase, int] = {
    Phase.INTAKE: 30,
    Phase.THESIS: 75,
    Phase.MAPPING: 90,
    Phase.TIERS: 60,
    Phase.DECISIONS: 60,
    Phase.OKRS: 60,
    Phase.GOVERNANCE: 45,
}
"""A one-day offsite: seven hours of working time."""


def default_agenda() -> list[Timebox]:
    return [Timebox(phase=phase, planned_minutes=m) for phase, m in DEFAULT_TIMEBOX_MINUTES.items()]


def new_session(title: str = "Partnership strategy workshop", facilitator: str = "") -> Session:
    """A session pre-filled with every default the method gives."""
    return Session(
        title=title,
        facilitator=facilitator,
        thesis=Thesis(models=default_models()),
        tiers=default_tiers(),
        objectives=default_objectives(),
        roadmap=default_roadmap(),
        governance={"raci": default_raci()},
        agenda=default_agenda(),
    )
