"""The demo's market map (phase 2): Ledgerlight's partners with their ratings, and the signed
partners' quarterly results, designed so the tier rules produce a hold, a warning, a promotion,
a Silver hold and an exit (see :mod:`workshop.demo.build`)."""

from __future__ import annotations

from datetime import date

from workshop.method.models import (
    LandscapeTier,
    LockStatus,
    ParticipantRatings,
    Partner,
    PartnerStage,
    PartnerType,
    QuarterResult,
    Ratings,
)

QUARTERS = ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
QUARTER_ENDS = {
    "2025-Q2": date(2025, 6, 30),
    "2025-Q3": date(2025, 9, 30),
    "2025-Q4": date(2025, 12, 31),
    "2026-Q1": date(2026, 3, 31),
    "2026-Q2": date(2026, 6, 30),
    "2026-Q3": date(2026, 9, 30),
}


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
