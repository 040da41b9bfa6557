"""Build the bundled demo session: ``python -m workshop.demo.build`` rewrites ``demo.toml``.

Ledgerlight is a fictional compliance-automation / financial-crime platform (~$18M ARR,
aiming at $45M) planning partner-led growth into financial services. "Today" in the demo is
2026-11-25. The signed partners' quarterly results are designed so the tier rules produce a
mix: one hold (Deloitte), one warning (Accenture missed Platinum in 2026-Q3 only), one
promotion (Northbridge met Platinum criteria in 2026-Q2 and Q3), one Silver hold, and one
Registered partner due for exit (last pipeline activity 2026-04-20, over 6 months ago).
All names of people and all figures are invented; firm names are the method's examples.
The phases' larger data sets live beside this module: the partners and their results
(:mod:`workshop.demo.partners`), the decisions (:mod:`workshop.demo.decisions`), the OKRs and
the roadmap (:mod:`workshop.demo.okrs`).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from session_store import dump_session
from workshop.method.audit import record_signoff, sync_decisions
from workshop.method.defaults import new_session
from workshop.demo.decisions import decisions
from workshop.demo.okrs import objectives, roadmap
from workshop.demo.partners import partners
from workshop.method.gates import set_check
from workshop.method.models import (
    Gate,
    Change,
    Competitor,
    ExecSponsor,
    ParkingNote,
    Participant,
    Phase,
    Position,
    Session,
    SignOff,
)

DEMO_PATH = Path(__file__).with_name("demo.toml")
TODAY = date(2026, 11, 25)

def utc(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


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


def main() -> None:
    DEMO_PATH.write_text(dump_session(build_demo()), encoding="utf-8")
    print(f"Wrote {DEMO_PATH}")


if __name__ == "__main__":
    main()
