from __future__ import annotations

from workshop.models import Competitor, LockStatus, Mapping, Partner, PartnerStage, Ratings

HIGH = Ratings(icp_overlap=90, market_influence=90, practice_alignment=90, partnership_appetite=90, revenue_potential=90)
LOW = Ratings(icp_overlap=30, market_influence=30, practice_alignment=30, partnership_appetite=30, revenue_potential=30)

from workshop.competitors import ecosystem  # noqa: E402


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


def test_recruit_first_under_served_then_by_score_skipping_signed() -> None:
    result = ecosystem(mapping())
    assert [s.partner.name for s in result.recruit_first] == ["EY", "KPMG", "PwC"]
    assert result.gap_lines[0].startswith("EY (under-served, score 30.0)")
    assert all("recruit first" in line for line in result.gap_lines)


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
