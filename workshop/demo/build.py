"""Build the bundled demo session: ``python -m workshop.demo.build`` rewrites ``demo.toml``.

Ledgerlight is a fictional compliance-automation / financial-crime platform (~$18M ARR,
aiming at $45M) planning partner-led growth into financial services. "Today" in the demo is
2026-11-25. The signed partners' quarterly results are designed so the tier rules produce a
mix: one hold (Deloitte), one warning (Accenture missed Platinum in 2026-Q3 only), one
promotion (Northbridge met Platinum criteria in 2026-Q2 and Q3), one Silver hold, and one
Registered partner due for exit (last pipeline activity 2026-04-20, over 6 months ago).
All names of people and all figures are invented; firm names are the method's examples.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from session_store import dump_session
from workshop.audit import record_signoff, sync_decisions
from workshop.defaults import new_session
from workshop.gates import set_check
from workshop.models import (
    Gate,
    Change,
    Competitor,
    Decision,
    DecisionAnswers,
    DecisionChoice,
    ExecSponsor,
    KeyResult,
    KRKind,
    MeasureKind,
    LandscapeTier,
    LockStatus,
    Objective,
    ParkingNote,
    Participant,
    ParticipantRatings,
    Partner,
    PartnerStage,
    PartnerType,
    Phase,
    Position,
    QuarterResult,
    Ratings,
    RoadmapItem,
    Session,
    SignOff,
)

DEMO_PATH = Path(__file__).with_name("demo.toml")
TODAY = date(2026, 11, 25)

QUARTERS = ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
QUARTER_ENDS = {
    "2025-Q2": date(2025, 6, 30),
    "2025-Q3": date(2025, 9, 30),
    "2025-Q4": date(2025, 12, 31),
    "2026-Q1": date(2026, 3, 31),
    "2026-Q2": date(2026, 6, 30),
    "2026-Q3": date(2026, 9, 30),
}


def utc(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


def results(
    rows: list[tuple[int, int, bool]],
    *,
    last_activity: dict[str, date] | None = None,
    commitments: tuple[int, int, int] | None = None,
) -> list[QuarterResult]:
    """Quarterly results from (TTM pipeline, certified individuals, dedicated practice), newest last;
    ``commitments`` (business reviews and joint go-to-market activities in twelve months, the
    slowest deal registration in business days) the same every quarter."""
    reviews, gtm, days = commitments if commitments is not None else (None, None, None)
    quarters = QUARTERS[-len(rows) :]
    last_activity = last_activity or {}
    return [
        QuarterResult(
            quarter=quarter,
            pipeline=pipeline,
            certified_individuals=certified,
            dedicated_practice=practice,
            last_pipeline_activity=last_activity.get(quarter, QUARTER_ENDS[quarter].replace(day=20)),
            business_reviews=reviews,
            joint_gtm_activities=gtm,
            deal_registration_days=days,
        )
        for quarter, (pipeline, certified, practice) in zip(quarters, rows)
    ]


def rated(icp: float, influence: float, practice: float, appetite: float, revenue: float) -> Ratings:
    return Ratings(
        icp_overlap=icp,
        market_influence=influence,
        practice_alignment=practice,
        partnership_appetite=appetite,
        revenue_potential=revenue,
    )


def partners() -> list[Partner]:
    big4, gsi, boutique = PartnerType.BIG4, PartnerType.GSI, PartnerType.BOUTIQUE
    return [
        Partner(
            id="deloitte",
            name="Deloitte",
            type=big4,
            landscape_tier=LandscapeTier.A,
            practice="Risk Advisory — Financial Crime & Regulatory Compliance",
            notes="Co-sell motion live in 14 US regional banks; joint AML modernisation offer.",
            ratings=rated(90, 95, 85, 80, 90),  # 88.75
            team_ratings=[
                # the team mean is exactly the partner's ratings above
                ParticipantRatings(participant="Maya Okafor", ratings=rated(88, 97, 82, 85, 88)),
                ParticipantRatings(participant="Sarah Whitfield", ratings=rated(92, 93, 88, 75, 92)),
            ],
            stage=PartnerStage.SIGNED,
            program_tier="platinum",
            results=results(  # meets Platinum every quarter: hold
                [
                    (2_100_000, 5, True),
                    (2_300_000, 6, True),
                    (2_600_000, 6, True),
                    (2_900_000, 7, True),
                    (3_200_000, 8, True),
                    (3_500_000, 8, True),
                ],
                commitments=(4, 5, 3),
            ),
        ),
        Partner(
            id="accenture",
            name="Accenture",
            type=gsi,
            landscape_tier=LandscapeTier.A,
            practice="Financial Services — Compliance Transformation",
            notes="Strong in tier-1 banks; the 2026-Q3 dip follows the reorganisation of their FS risk practice.",
            ratings=rated(85, 90, 80, 85, 90),  # 85.75
            stage=PartnerStage.SIGNED,
            program_tier="platinum",
            results=results(  # missed Platinum in the latest quarter only: warning
                [
                    (2_000_000, 5, True),
                    (2_200_000, 5, True),
                    (2_400_000, 6, True),
                    (2_500_000, 6, True),
                    (1_700_000, 6, True),
                ],
                commitments=(4, 4, 4),
            ),
        ),
        Partner(
            id="pwc",
            name="PwC",
            type=big4,
            landscape_tier=LandscapeTier.A,
            practice="Consulting — Financial Crime Unit",
            notes="Preferred partner of Veritrail since 2025; approach their regulatory-reporting practice instead.",
            ratings=rated(85, 90, 70, 40, 80),  # 76.0
            lock_status=LockStatus.LOCKED,
            locked_to="Veritrail",
        ),
        Partner(
            id="ey",
            name="EY",
            type=big4,
            landscape_tier=LandscapeTier.A,
            practice="Technology Consulting — Forensic & Integrity Services",
            notes="Listed by Aegis RegTech but with no active practice: under-served, recruit first.",
            ratings=rated(80, 85, 70, 65, 75),  # 76.5
            lock_status=LockStatus.UNDER_SERVED,
            locked_to="Aegis RegTech",
            stage=PartnerStage.RECRUITING,
        ),
        Partner(
            id="kpmg",
            name="KPMG",
            type=big4,
            landscape_tier=LandscapeTier.A,
            practice="Advisory — Risk Consulting",
            notes="Exactly on the Priority line; first meeting with their UK FS risk lead in December.",
            ratings=rated(75, 75, 75, 75, 75),  # 75.0
            stage=PartnerStage.RECRUITING,
        ),
        Partner(
            id="cognizant",
            name="Cognizant",
            type=gsi,
            landscape_tier=LandscapeTier.B,
            practice="Banking & Financial Services delivery",
            notes="Runs managed KYC operations; Aegis RegTech resells through them in EMEA only.",
            ratings=rated(60, 65, 55, 60, 70),  # 61.25
            lock_status=LockStatus.UNDER_SERVED,
            locked_to="Aegis RegTech",
        ),
        Partner(
            id="infosys",
            name="Infosys",
            type=gsi,
            landscape_tier=LandscapeTier.B,
            practice="Finacle core-banking ecosystem",
            notes="OEM agreement with ComplyStack inside Finacle; counter through their implementation arm.",
            ratings=rated(55, 60, 50, 45, 65),  # 54.75
            lock_status=LockStatus.LOCKED,
            locked_to="ComplyStack",
        ),
        Partner(
            id="northbridge",
            name="Northbridge Risk Advisory",
            type=boutique,
            landscape_tier=LandscapeTier.B,
            practice="AML/BSA advisory for community and regional banks",
            notes="Built a dedicated Ledgerlight practice in 2026; 6 certified consultants.",
            ratings=rated(80, 70, 90, 85, 70),  # 79.25
            stage=PartnerStage.SIGNED,
            program_tier="gold",
            results=results(  # met Platinum criteria in 2026-Q2 and Q3: due for promotion
                [
                    (600_000, 3, False),
                    (850_000, 3, False),
                    (1_200_000, 4, False),
                    (1_600_000, 4, True),
                    (2_100_000, 5, True),
                    (2_450_000, 6, True),
                ],
                commitments=(4, 4, 3),
            ),
        ),
        Partner(
            id="castellan",
            name="Castellan Systems",
            type=PartnerType.REGIONAL_SI,
            landscape_tier=LandscapeTier.B,
            practice="Core-banking integration for US credit unions (Midwest)",
            ratings=rated(65, 50, 60, 70, 55),  # 60.0
            stage=PartnerStage.SIGNED,
            program_tier="silver",
            results=results(  # meets Silver, not Gold: hold
                [
                    (150_000, 1, False),
                    (220_000, 1, False),
                    (260_000, 2, False),
                    (310_000, 2, False),
                ],
                commitments=(1, 2, 4),
            ),
        ),
        Partner(
            id="corebank-cloud",
            name="Corebank Cloud",
            type=PartnerType.ISV,
            landscape_tier=LandscapeTier.B,
            practice="Cloud core-banking platform for challenger banks",
            notes="Technology alliance: transaction-monitoring connector in their marketplace; OEM later.",
            ratings=rated(70, 60, 65, 75, 60),  # 66.25
            stage=PartnerStage.RECRUITING,
        ),
        Partner(
            id="paysphere",
            name="PaySphere",
            type=PartnerType.ISV,
            landscape_tier=LandscapeTier.C,
            practice="Payments orchestration",
            notes="Embeds Veritrail screening; opportunistic only.",
            ratings=rated(45, 50, 40, 30, 50),  # 43.5
            lock_status=LockStatus.LOCKED,
            locked_to="Veritrail",
        ),
        Partner(
            id="fincrest",
            name="Fincrest Advisors",
            type=PartnerType.LONG_TAIL,
            landscape_tier=LandscapeTier.C,
            practice="Independent compliance advisors (3 people)",
            notes="Signed via the portal in 2025; no deal registered since April.",
            ratings=rated(40, 30, 45, 60, 20),  # 39.5
            stage=PartnerStage.SIGNED,
            program_tier="registered",
            results=results(  # no pipeline activity since 2026-04-20: exit (Registered: 6 months)
                [(60_000, 0, False), (70_000, 0, False), (55_000, 0, False), (40_000, 0, False)],
                last_activity={
                    "2026-Q1": date(2026, 2, 11),
                    "2026-Q2": date(2026, 4, 20),
                    "2026-Q3": date(2026, 4, 20),
                },
            ),
        ),
        Partner(
            id="meridian",
            name="Meridian Compliance Partners",
            type=boutique,
            landscape_tier=LandscapeTier.C,
            practice="Sanctions advisory for payment firms (UK)",
            ratings=rated(35, 40, 50, 55, 30),  # 41.75
        ),
    ]


def build_demo() -> Session:
    session = new_session(
        title="Ledgerlight — partner-led growth into financial services",
        facilitator="Jordan Ellis",
    )
    session.id = "demo-ledgerlight"
    session.created = utc(2026, 11, 24, 8, 30)
    session.updated = utc(2026, 11, 25, 16, 10)
    session.participants = [
        Participant(name="Maya Okafor", role="CEO"),
        Participant(name="Daniel Reyes", role="CPO"),
        Participant(name="Priya Natarajan", role="VP Partnerships"),
        Participant(name="Tom Lindqvist", role="CFO"),
        Participant(name="Sarah Whitfield", role="CRO"),
        Participant(name="Elena Marsh", role="General Counsel"),
    ]
    session.position = Position(phase=Phase.GOVERNANCE, row=0)
    session.parking_lot = [
        ParkingNote(
            text="Can we afford a second PAM before Northbridge goes Platinum? (Tom to model it)",
            phase=Phase.TIERS,
            created=utc(2026, 11, 24, 14, 5),
        ),
        ParkingNote(
            text="Legal review of the JV term sheet template before any UK conversations.",
            phase=Phase.DECISIONS,
            created=utc(2026, 11, 25, 10, 40),
        ),
        ParkingNote(
            text="Partner NPS survey vendor — decided: use the portal's built-in survey.",
            phase=Phase.OKRS,
            created=utc(2026, 11, 25, 11, 15),
            resolved=True,
        ),
    ]
    spent = [1_980, 5_100, 6_240, 3_900, 3_420, 3_300, 1_200]
    for timebox, seconds in zip(session.agenda, spent):
        timebox.spent_seconds = seconds
    session.history = [
        Change(what="Intake completed", when=utc(2026, 11, 24, 9, 5), who="Jordan Ellis"),
        Change(what="Thesis signed off by Maya Okafor", when=utc(2026, 11, 24, 11, 50), who="Jordan Ellis"),
        Change(what="Competitor map refreshed", when=utc(2026, 11, 24, 15, 30), who="Priya Natarajan"),
        Change(what="D-005 decided: PARTNER", when=utc(2026, 11, 25, 11, 0), who="Jordan Ellis"),
    ]

    intake = session.intake
    intake.company_name = "Ledgerlight"
    intake.description = (
        "Compliance-automation and financial-crime platform: transaction monitoring, KYC/KYB "
        "orchestration and case management for banks, credit unions and fintechs."
    )
    intake.product_category = "RegTech — AML / financial-crime compliance SaaS"
    intake.current_arr = 18_000_000
    intake.target_arr = 45_000_000
    intake.target_year = 2029
    intake.icps = [
        "US regional and community banks ($1B–$50B assets)",
        "Credit unions with more than 100k members",
        "Fintechs and BaaS sponsor banks under consent orders",
    ]
    intake.growth_markets = [
        "US regional banking",
        "UK & EU challenger banks and payment firms",
        "BaaS sponsor banks",
    ]
    intake.board_priorities = [
        "Reach $45M ARR by 2029 with a burn multiple under 1.5",
        "Enter the UK market without a local direct sales team",
        "Lift net revenue retention above 120%",
    ]
    intake.existing_partnerships = [
        "Deloitte (co-sell, since 2025)",
        "Accenture (implementation, since 2025)",
        "Northbridge Risk Advisory (referral turned co-sell)",
    ]

    rationale = session.thesis.rationale
    rationale.market_velocity_gap = (
        "Direct sales closes ~9 regional banks a year; there are 4,000+ US banks and credit unions "
        "and the procurement cycle is 9–14 months."
    )
    rationale.credibility_gap = (
        "Bank CROs buy financial-crime tooling on the advice of their risk advisors; Big 4 "
        "endorsement shortens security and model-risk reviews."
    )
    rationale.delivery_gap = (
        "Deployments need model validation, data mapping and regulator-ready documentation that "
        "our 12-person services team cannot scale."
    )
    rationale.geographic_gap = "No presence in the UK/EU; partners already serve 60% of UK challenger banks."
    rationale.cost_efficiency = (
        "Partner-sourced deals cost $0.55 per $1 of new ARR against $1.20 direct (FY26 cohort)."
    )
    rationale.competitive_pressure = (
        "Veritrail's PwC alliance and ComplyStack's Infosys OEM put both in front of tier-1 and "
        "core-banking buyers before we are invited."
    )

    chosen = {
        "co_sell": (
            "Regional-bank AML modernisation with Deloitte and Accenture",
            "Shared accounts and quota credit get partners selling with us, not just referring.",
        ),
        "implementation": (
            "Model validation and data onboarding by certified boutiques",
            "Removes our delivery bottleneck and gives partners services revenue.",
        ),
        "technology_alliance": (
            "Core-banking connectors (Corebank Cloud marketplace)",
            "Puts Ledgerlight inside the platforms challenger banks already run.",
        ),
    }
    for model in session.thesis.models:
        if model.key in chosen:
            model.selected = True
            model.use_case, model.why = chosen[model.key]

    # No referral fees and no resale: partners co-sell and implement, as the models chosen say
    # (the economics follow the models).
    session.economics.referral_share_pct = 0
    session.economics.reseller_share_pct = 0
    statement = session.thesis.statement
    statement.partner_share_pct = 35
    statement.years = 3
    statement.partner_types = "Big 4 and GSI risk practices, AML boutiques and core-banking ISVs"
    statement.icp = "regional banks, credit unions and BaaS sponsor banks"
    statement.markets = "US regional banking, UK & EU challenger banks"
    statement.prioritized_models = ["Co-Sell", "Implementation"]
    statement.rationale = (
        "our buyers trust their risk advisors more than vendors, and every deployment needs "
        "implementation capacity we do not have"
    )
    statement.mechanism = "advisor-led access to compliance budgets and partner-delivered deployments"
    statement.access_partners = "Deloitte, Accenture and AML boutiques"
    statement.product_partners = "core-banking platforms such as Corebank Cloud"
    statement.adjacent_use_cases = "payments fraud and onboarding (KYB) for embedded-finance programs"
    statement.north_star_metric = "partner-sourced ARR"
    session.thesis.signoff = SignOff(name="Maya Okafor", role="CEO", signed_at=utc(2026, 11, 24, 11, 45))

    mapping = session.mapping
    mapping.partners = partners()
    mapping.competitors = [
        Competitor(
            name="Veritrail",
            key_partners=["PwC", "PaySphere"],
            model="Co-sell with PwC's Financial Crime Unit; OEM in PaySphere",
            perceived_strength="PwC's seat at tier-1 banks; embedded screening in payment flows",
        ),
        Competitor(
            name="ComplyStack",
            key_partners=["Infosys"],
            model="OEM inside Infosys Finacle",
            perceived_strength="Ships with the core banking system; no separate procurement",
        ),
        Competitor(
            name="Aegis RegTech",
            key_partners=["Cognizant", "EY"],
            model="Reseller (Cognizant, EMEA) and referral (EY)",
            perceived_strength="Managed-service bundles in EMEA; EY relationship is nominal",
        ),
    ]
    mapping.gap_notes = (
        "Available or under-served, recruit first: EY (Aegis has no active practice), KPMG, Cognizant "
        "outside EMEA, Corebank Cloud. Locked: PwC and PaySphere (Veritrail), Infosys (ComplyStack)."
    )
    mapping.counter_strategy = (
        "Against Veritrail/PwC: win through Deloitte and KPMG with a regional-bank reference program. "
        "Against ComplyStack/Infosys: approach Infosys's implementation arm and Finacle-certified "
        "boutiques. Against Aegis: sign EY's forensic practice before Aegis activates it."
    )
    mapping.competitor_map_refreshed = date(2026, 9, 15)
    # Must-pass gates (issue 15): conditions that keep a partner out of Priority whatever it scores.
    # PwC scores 76.0 (Priority) but is locked to Veritrail: the gate holds it back.
    unlocked = Gate(id="not-locked", condition="Not locked to a competitor")
    icp_gate = Gate(id="serves-icp", condition="Serves our ICP (US regional and community banks)")
    mapping.gates = [unlocked, icp_gate]
    verdicts = {
        "Deloitte": (True, True), "Accenture": (True, True), "EY": (True, True), "KPMG": (True, True),
        "Northbridge Risk Advisory": (True, True),
        "PwC": (False, True),
    }
    notes = {("PwC", "not-locked"): "Co-sells Veritrail into tier-1 banks; revisit if that alliance lapses."}
    for partner in mapping.partners:
        if partner.name in verdicts:
            for gate, passes in zip((unlocked, icp_gate), verdicts[partner.name]):
                set_check(mapping, partner, gate, passes, notes.get((partner.name, gate.id), ""))

    for tier in session.tiers.tiers:
        tier.mdf_per_year = {
            "platinum": 150_000,
            "gold": 40_000,
            "silver": None,
            "registered": None,
        }[tier.id]

    session.decisions = decisions()
    session.objectives = objectives()
    roadmap(session)
    session.governance.exec_map = [
        ExecSponsor(
            partner="Deloitte",
            partner_executive="Rachel Kim, VP Alliances, Risk Advisory",
            our_counterpart="CPO",
            cadence="Monthly 1:1 + QBR",
        ),
        ExecSponsor(
            partner="Accenture",
            partner_executive="Marcus Feld, Managing Director, FS Compliance",
            our_counterpart="CPO + CEO",
            cadence="Quarterly + Annual Summit",
        ),
        ExecSponsor(
            partner="Northbridge Risk Advisory",
            partner_executive="Ana Duarte, Managing Partner",
            our_counterpart="VP Partnerships",
            cadence="Monthly 1:1 (Platinum candidate)",
        ),
    ]
    # The audit trail of the day: the sign-off, then each decision as it was made final.
    record_signoff(session, session.thesis.signoff, "Jordan Ellis", when=utc(2026, 11, 24, 11, 45))
    made = session.decisions
    in_order = sorted(made, key=lambda d: (d.decided_on, d.id))
    for count, decision in enumerate(in_order, start=1):
        session.decisions = in_order[:count]  # the trail records them one at a time, each on its day
        day = decision.decided_on
        sync_decisions(session, "Jordan Ellis", when=utc(day.year, day.month, day.day, 16, 0))
    session.decisions = made
    return session


def decisions() -> list[Decision]:
    return [
        Decision(
            id="D-001",
            capability="Transaction-monitoring detection engine",
            answers=DecisionAnswers(
                core_differentiation=True,
                engineering_capacity=True,
                adjacent_complementary=False,
                critical_to_market_position=True,
                build_time_months=6,
            ),
            decision=DecisionChoice.BUILD,
            rationale="It is what buyers choose us for, and the detection team has capacity in 2027. "
            "Partnering would hand our differentiation to a vendor.",
            finance_input="Within the 2027 R&D budget; no margin impact.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
        Decision(
            id="D-002",
            capability="Core-banking integrations",
            answers=DecisionAnswers(
                core_differentiation=False,
                adjacent_complementary=True,
                strong_partner_serves_icp=True,
                partner_economics_positive=True,
            ),
            decision=DecisionChoice.PARTNER,
            rationale="Connectors are adjacent, not core; Corebank Cloud serves our challenger-bank ICP "
            "and co-markets at no cash cost.",
            partner_considered="Corebank Cloud",
            finance_input="Positive: no revenue share; $30K of co-marketing credits per year.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
        Decision(
            id="D-003",
            capability="Implementation and model-validation services",
            answers=DecisionAnswers(
                core_differentiation=False,
                engineering_capacity=False,
                adjacent_complementary=True,
                strong_partner_serves_icp=True,
                partner_economics_positive=True,
            ),
            decision=DecisionChoice.PARTNER,
            rationale="Services are complementary and low-margin for us; certified partners earn the "
            "services revenue and we keep the licence.",
            partner_considered="Deloitte, Northbridge Risk Advisory",
            finance_input="Raises gross margin from 71% to 78% by moving services out.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 24),
            review_date=date(2027, 2, 24),
        ),
        Decision(
            id="D-004",
            capability="Sanctions and adverse-media screening data",
            answers=DecisionAnswers(
                core_differentiation=False,
                critical_to_market_position=True,
                build_time_months=24,
                acquisition_target_in_budget=True,
            ),
            decision=DecisionChoice.ACQUIRE,
            rationale="Buyers now expect screening in the same platform; building the data pipeline takes "
            "two years and a small screening vendor is for sale within budget.",
            finance_input="Target valued at $6–8M; accretive within 18 months at current churn.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
        Decision(
            id="D-005",
            capability="Market entry: UK & EU challenger banks",
            answers=DecisionAnswers(
                new_geography_or_vertical=True,
                partner_has_local_presence=True,
                revenue_scale_justifies_jv=False,
            ),
            decision=DecisionChoice.PARTNER,
            rationale="Enter through partners with local relationships and regulatory presence; revisit a "
            "JV only if UK ARR passes $5M.",
            partner_considered="KPMG UK, Meridian Compliance Partners",
            finance_input="No local entity needed in 2027; saves ~$2.4M of direct hiring.",
            finance_reviewer="Tom Lindqvist",
            decided_on=date(2026, 11, 25),
            review_date=date(2027, 2, 25),
        ),
    ]


def objectives() -> list[Objective]:
    lead, lag = KRKind.LEADING, KRKind.LAGGING
    return [
        Objective(
            text="Establish a world-class partner ecosystem that drives 35% of ARR",
            key_results=[
                KeyResult(text="Sign 3 Platinum partners by Sep 30, 2027", kind=lag, target="3",
                          owner="Priya Natarajan", due=date(2027, 9, 30),
                          measure=MeasureKind.PLATINUM_PARTNERS, measure_value=3),
                KeyResult(text="Achieve $12M in partner-sourced pipeline by end of 2027", kind=lead,
                          target="$12M", owner="Sarah Whitfield", due=date(2027, 12, 31),
                          measure=MeasureKind.PARTNER_PIPELINE, measure_value=12_000_000),
                KeyResult(text="Reach 60 certified partner individuals across all tiers", kind=lag,
                          target="60", owner="Director, Partner Ops", due=date(2027, 12, 31),
                          measure=MeasureKind.CERTIFIED_INDIVIDUALS, measure_value=60),
                KeyResult(text="Partner NPS score ≥ 45", kind=lag, target="45",
                          owner="Priya Natarajan", due=date(2027, 12, 31)),
            ],
        ),
        Objective(
            text="Build market credibility through alliance thought leadership",
            key_results=[
                KeyResult(text="Publish 2 co-authored reports with Platinum partners", kind=lead,
                          target="2", owner="Daniel Reyes", due=date(2027, 10, 31)),
                KeyResult(text="Appear on 6 partner-hosted stages or events", kind=lead, target="6",
                          owner="Priya Natarajan", due=date(2027, 12, 31)),
                KeyResult(text="Generate 10 joint press mentions featuring partner relationships",
                          kind=lag, target="10", owner="Daniel Reyes", due=date(2027, 12, 31)),
            ],
        ),
        Objective(
            text="Operationalize the partner program for scale",
            key_results=[
                KeyResult(text="Launch partner portal with self-serve training and deal registration",
                          kind=lead, target="Live", owner="Director, Partner Ops", due=date(2027, 3, 31)),
                KeyResult(text="Achieve 48-hour deal registration response SLA at 95%+ compliance",
                          kind=lead, target="95%", owner="Director, Partner Ops", due=date(2027, 6, 30)),
                KeyResult(text="Complete QBRs with 100% of Platinum and Gold partners", kind=lead,
                          target="100%", owner="Priya Natarajan", due=date(2027, 12, 31)),
            ],
        ),
    ]


def roadmap(session: Session) -> None:
    plan = session.roadmap
    plan.year = 2027
    plan.last_reviewed = date(2026, 10, 20)
    done = {
        "Finalize partnership thesis and tier framework",
        "Stand up partner portal (self-serve training + deal registration)",
        "Sign first Platinum partner agreement",
    }
    replacements = {
        "Launch outreach to top 5 priority partners (Big 4 + 1 GSI)":
            "Launch outreach to top 5 priority partners (EY, KPMG, Cognizant, Corebank Cloud, Infosys implementation arm)",
        "Partner-sourced pipeline > $[X] (first meaningful contribution)":
            "Partner-sourced pipeline > $6M (first meaningful contribution)",
        "Partner-sourced ARR hits [X]% of total ARR": "Partner-sourced ARR hits 20% of total ARR",
    }
    for quarter in plan.quarters:
        quarter.items = [
            RoadmapItem(text=replacements.get(item.text, item.text), done=item.text in done)
            for item in quarter.items
        ]
    plan.quarters[1].items.append(RoadmapItem(text="Promote Northbridge to Platinum at its QBR"))


def main() -> None:
    DEMO_PATH.write_text(dump_session(build_demo()), encoding="utf-8")
    print(f"Wrote {DEMO_PATH}")


if __name__ == "__main__":
    main()
