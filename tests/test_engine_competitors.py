from __future__ import annotations

from workshop.method.models import Competitor, LockStatus, Mapping, Partner, PartnerStage, Ratings

HIGH = Ratings(icp_overlap=90, market_influence=90, practice_alignment=90, partnership_appetite=90, revenue_potential=90)
LOW = Ratings(icp_overlap=30, market_influence=30, practice_alignment=30, partnership_appetite=30, revenue_potential=30)

from workshop.method.competitors import ecosystem  # noqa: E402


def mapping() -> Mapping:
    return Mapping(
        partners=[
            Partner(name="Deloitte", lock_status=LockStatus.LOCKED, locked_to="RivalCo"),
            Partner(name="PwC", lock_status=LockStatus.AVAILABLE, ratings=LOW),
            Partner(name="EY", lock_status=LockStatus.UNDER_SERVED, ratings=LOW),
            Partner(name="KPMG", lock_status=LockStatus.AVAILABLE, ratings=HIGH),
            Partner(name="Signed Ltd", stage=PartnerStage.SIGNED),
            Partner(name="Accenture", lock_status=LockStatus.LOCKED),
        ],
        competitors=[
            Competitor(name="RivalCo", key_partners=["deloitte", "  Accenture ", "Infosys"]),
            Competitor(name="OtherCo", key_partners=["ACCENTURE", "PwC", "EY"]),
        ],
    )


def test_locked_partners_with_their_competitors() -> None:
    result = ecosystem(mapping())
    assert [(lp.partner.name, lp.competitors) for lp in result.locked] == [
        ("Deloitte", ("RivalCo",)),
        ("Accenture", ("RivalCo", "OtherCo")),
    ]
    assert "counter-narrative" in result.locked[0].sentence
    assert "adjacent partners" in result.counter_strategy_lines[0]


MID = Ratings(icp_overlap=60, market_influence=60, practice_alignment=60, partnership_appetite=60, revenue_potential=60)


def test_recruit_first_under_served_then_by_score_skipping_signed() -> None:
    m = mapping()
    m.partners[2].ratings = MID  # EY: under-served, Secondary
    result = ecosystem(m)
    assert [s.partner.name for s in result.recruit_first] == ["EY", "KPMG"]
    assert result.gap_lines[0] == "EY (under-served, score 60.0, secondary target): recruit first."
    assert result.gap_lines[1] == "KPMG (available, score 90.0, priority recruitment target): recruit first."


def test_an_opportunistic_partner_is_never_recruit_first() -> None:
    """Issue 15: the demo's Meridian at 41.8 read "recruit first"; the method says an
    Opportunistic partner (< 50) is not invested in unless it comes inbound."""
    result = ecosystem(mapping())
    assert [s.partner.name for s in result.recruit_first] == ["KPMG"]
    assert [s.partner.name for s in result.inbound_only] == ["EY", "PwC"]
    assert result.gap_lines[1:] == (
        "EY (under-served, score 30.0): opportunistic only — not unless inbound.",
        "PwC (available, score 30.0): opportunistic only — not unless inbound.",
    )
    unrated = mapping()
    unrated.partners[3].ratings = Ratings(icp_overlap=90)
    result = ecosystem(unrated)
    assert [s.partner.name for s in result.unscored] == ["KPMG"] and result.recruit_first == ()
    assert result.gap_lines[-1] == "KPMG (available, not fully rated): score it before recruiting."


def test_partners_with_several_competitors() -> None:
    result = ecosystem(mapping())
    assert [(c.name, c.competitors) for c in result.contested] == [("Accenture", ("RivalCo", "OtherCo"))]
    assert result.contested[0].partner is not None
    assert any("2 competitors" in line for line in result.counter_strategy_lines)


def test_unmapped_and_inconsistent() -> None:
    result = ecosystem(mapping())
    assert result.unmapped == (("RivalCo", "Infosys"),)
    # EY is listed too, but under-served by a competitor is consistent with being listed
    assert [(p.name, c) for p, c in result.listed_but_available] == [("PwC", ("OtherCo",))]


def test_empty_mapping() -> None:
    result = ecosystem(Mapping())
    assert result.locked == () and result.recruit_first == () and result.gap_lines == ()
