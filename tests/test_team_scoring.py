"""The team's own scores: mean, per-participant scores, spread, disagreement (workshop/method/team_scoring.py)."""

from __future__ import annotations

from fractions import Fraction
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from workshop.method.models import Participant, Partner, ParticipantRatings, Ratings, Session
from workshop.method.scoring import Band, attractiveness
from workshop.method.team_scoring import (
    DISAGREEMENT_THRESHOLD,
    apply_team_mean,
    disagreement,
    disputed_partners,
    mean_ratings,
    participant_names,
    set_participant_rating,
)

FIELDS = ("icp_overlap", "market_influence", "practice_alignment", "partnership_appetite", "revenue_potential")


def all_five(value: float) -> Ratings:
    return Ratings(**{field: value for field in FIELDS})


def partner_rated_by(**people: Ratings) -> Partner:
    return Partner(
        name="Acme",
        team_ratings=[ParticipantRatings(participant=name, ratings=r) for name, r in people.items()],
    )


def test_threshold_is_twenty_points():
    assert DISAGREEMENT_THRESHOLD == 20.0


def test_mean_per_criterion_of_ratings_set_only():
    partner = partner_rated_by(
        ann=Ratings(icp_overlap=80, market_influence=60),
        bob=Ratings(icp_overlap=90),
        cy=Ratings(icp_overlap=100, practice_alignment=10),
    )
    mean = mean_ratings(partner)
    assert mean.icp_overlap == 90.0
    assert mean.market_influence == 60.0  # bob and cy did not rate it: not counted as zero
    assert mean.practice_alignment == 10.0
    assert mean.partnership_appetite is None
    assert mean.revenue_potential is None


def test_mean_rounds_half_up_to_one_decimal():
    partner = partner_rated_by(ann=Ratings(icp_overlap=85), bob=Ratings(icp_overlap=90), cy=Ratings(icp_overlap=90))
    assert mean_ratings(partner).icp_overlap == 88.3
    partner = partner_rated_by(ann=Ratings(icp_overlap=80.1), bob=Ratings(icp_overlap=80.2))
    assert mean_ratings(partner).icp_overlap == 80.2  # 80.15 exactly, half-up (not float's 80.149999)


def test_one_participant_has_a_score_but_no_spread():
    view = disagreement(partner_rated_by(ann=all_five(80)))
    assert view.team_score == 80.0
    assert view.band is Band.PRIORITY
    assert [(s.participant, s.score) for s in view.scores] == [("ann", 80.0)]
    assert view.spread is None
    assert not view.disputed
    assert "Only ann" in view.sentence and "two complete scores" in view.sentence


def test_incomplete_participant_is_not_in_the_spread():
    view = disagreement(partner_rated_by(ann=all_five(90), bob=all_five(40), cy=Ratings(icp_overlap=0)))
    by_name = {s.participant: s for s in view.scores}
    assert by_name["cy"].score is None
    assert by_name["cy"].missing == ("Market influence", "Practice alignment", "Partnership appetite",
                                     "Revenue potential")
    assert view.spread == 50.0  # ann and bob only
    assert view.criterion_spread["icp_overlap"] == 90.0  # cy's 0 counts per criterion
    assert view.criterion_spread["market_influence"] == 50.0


def test_spread_exactly_at_threshold_is_not_disputed():
    view = disagreement(partner_rated_by(ann=all_five(95.3), bob=all_five(75.3)))
    assert view.spread == 20.0  # not 20.000000000000004
    assert not view.disputed
    assert view.sentence.startswith("The room agrees")


def test_spread_just_above_threshold_is_disputed_and_says_so():
    view = disagreement(partner_rated_by(ann=all_five(95.4), bob=all_five(75.3)))
    assert view.spread == 20.1
    assert view.disputed
    assert view.sentence.startswith("ROOM DISAGREES — discuss")
    assert "75.3 (bob)" in view.sentence and "95.4 (ann)" in view.sentence


def test_disputed_sentence_names_the_criterion_furthest_apart():
    ann = Ratings(icp_overlap=90, market_influence=90, practice_alignment=90, partnership_appetite=90,
                  revenue_potential=90)
    bob = Ratings(icp_overlap=60, market_influence=20, practice_alignment=60, partnership_appetite=60,
                  revenue_potential=60)
    view = disagreement(partner_rated_by(ann=ann, bob=bob))
    assert view.disputed
    assert "furthest apart on Market influence (70 points)" in view.sentence


def test_custom_threshold():
    partner = partner_rated_by(ann=all_five(60), bob=all_five(50))
    assert not disagreement(partner).disputed
    assert disagreement(partner, threshold=5).disputed


def test_nobody_rated():
    view = disagreement(Partner(name="Acme", ratings=all_five(70)))
    assert not view.rated
    assert view.sentence == "No participant has rated this partner yet."
    assert view.team_score == 70.0  # the partner's own ratings stand


def test_apply_team_mean_sets_the_partner_score():
    partner = partner_rated_by(ann=all_five(90), bob=all_five(50))
    partner.ratings = all_five(10)
    assert apply_team_mean(partner)
    assert partner.ratings == all_five(70)


def test_apply_team_mean_keeps_criteria_nobody_rated():
    partner = partner_rated_by(ann=Ratings(icp_overlap=40))
    partner.ratings = all_five(80)
    assert apply_team_mean(partner)
    assert partner.ratings.icp_overlap == 40
    assert partner.ratings.market_influence == 80
    assert disagreement(partner).kept == ("Market influence", "Practice alignment", "Partnership appetite",
                                         "Revenue potential")


def test_apply_team_mean_without_ratings_changes_nothing():
    partner = Partner(name="Acme", ratings=all_five(80))
    assert not apply_team_mean(partner)
    assert partner.ratings == all_five(80)


def test_set_participant_rating_adds_updates_and_clears():
    partner = Partner(name="Acme")
    set_participant_rating(partner, "ann", "icp_overlap", 70)
    set_participant_rating(partner, "ann", "market_influence", 60)
    set_participant_rating(partner, "bob", "icp_overlap", 30)
    assert [e.participant for e in partner.team_ratings] == ["ann", "bob"]
    assert partner.team_ratings[0].ratings.market_influence == 60
    set_participant_rating(partner, "ann", "icp_overlap", 75)
    assert partner.team_ratings[0].ratings.icp_overlap == 75
    set_participant_rating(partner, "bob", "icp_overlap", None)
    assert [e.participant for e in partner.team_ratings] == ["ann"]  # nothing left for bob
    set_participant_rating(partner, "cy", "icp_overlap", None)
    assert [e.participant for e in partner.team_ratings] == ["ann"]


@pytest.mark.parametrize("value", [-1, 100.5, float("nan"), float("inf")])
def test_set_participant_rating_refuses_bad_values_and_changes_nothing(value):
    partner = partner_rated_by(ann=Ratings(icp_overlap=70))
    with pytest.raises(ValidationError):
        set_participant_rating(partner, "ann", "icp_overlap", value)
    with pytest.raises(ValidationError):
        set_participant_rating(partner, "new", "icp_overlap", value)
    assert partner.team_ratings == [ParticipantRatings(participant="ann", ratings=Ratings(icp_overlap=70))]


def test_set_participant_rating_refuses_unknown_criterion():
    with pytest.raises(ValueError, match="unknown rating"):
        set_participant_rating(Partner(name="Acme"), "ann", "charm", 50)


def test_participant_names_lists_session_people_then_other_raters():
    session = Session(participants=[Participant(name="ann"), Participant(name=" "), Participant(name="ann"),
                                    Participant(name="bob")])
    partner = partner_rated_by(zed=all_five(1), ann=all_five(2))
    assert participant_names(session, partner) == ["ann", "bob", "zed"]


def test_disputed_partners_in_map_order():
    session = Session()
    calm = partner_rated_by(ann=all_five(70), bob=all_five(60))
    hot = partner_rated_by(ann=all_five(95), bob=all_five(20))
    hot2 = partner_rated_by(ann=all_five(10), bob=all_five(90))
    hot.name, hot2.name = "Hot", "Hot 2"
    session.mapping.partners.extend([hot2, calm, Partner(name="Nobody"), hot])
    assert [v.partner.name for v in disputed_partners(session)] == ["Hot 2", "Hot"]


def test_hostile_names_are_kept_as_text():
    view = disagreement(partner_rated_by(**{"[b]x[/]": all_five(99)}, **{"a [/] b": all_five(1)}))
    assert "([b]x[/])" in view.sentence and "(a [/] b)" in view.sentence


def test_export_appendix_lists_each_participants_ratings():
    from workshop.export.markdown import export_markdown

    session = Session(title="t")
    hot = partner_rated_by(**{"Ann | *x*": all_five(95)}, bob=all_five(20))
    hot.name = "Hot # Co"
    session.mapping.partners.append(hot)
    markdown = export_markdown(session)
    section = markdown[markdown.index("### D. Individual ratings"):markdown.index("### E. Agenda: time spent")]
    # Issue 16's minimal escaping: a "#" inside a heading's text is no closing sequence, so it
    # stays bare; the "|" and "*" of a table cell still need their backslash.
    from tests.test_export_support import headings, parse, tables

    assert "#### Hot # Co: team score 57.5 — the room disagrees" in section
    assert (4, "Hot # Co: team score 57.5 — the room disagrees") in headings(parse(section))
    (table,) = tables(parse(section))
    assert table.rows[0][0] == "Ann | *x*" and len(table.rows[0]) == table.columns == 7
    assert "| Ann \\| \\*x\\* | 95 | 95 | 95 | 95 | 95 | 95.0 |" in section
    assert "| Team mean | 57.5 | 57.5 | 57.5 | 57.5 | 57.5 | 57.5 |" in section
    assert "ROOM DISAGREES — discuss" in section


def test_export_without_individual_ratings_says_so():
    from workshop.export.markdown import export_markdown

    markdown = export_markdown(Session(title="t"))
    assert "_No individual ratings recorded" in markdown


def test_far_apart_on_one_criterion_is_a_disagreement_even_when_the_totals_agree():
    # ICP 90 vs 40 (50 apart), compensated elsewhere so the two scores land 1.5 points apart.
    ann = Ratings(icp_overlap=90, market_influence=50, practice_alignment=50, partnership_appetite=50, revenue_potential=50)
    ben = Ratings(icp_overlap=40, market_influence=110 - 50, practice_alignment=100, partnership_appetite=50, revenue_potential=50)
    view = disagreement(partner_rated_by(ann=ann, ben=ben))
    assert view.spread is not None and view.spread <= DISAGREEMENT_THRESHOLD
    assert view.disputed
    assert view.sentence.startswith("ROOM DISAGREES — discuss")
    assert "ICP client overlap (50 points)" in view.sentence


def test_a_partial_rating_far_from_the_others_is_a_disagreement():
    view = disagreement(partner_rated_by(ann=all_five(90), ben=all_five(88), cy=Ratings(icp_overlap=40)))
    assert view.disputed and "ICP client overlap (50 points)" in view.sentence


# --------------------------------------------------------------- the exact arithmetic, checked

_ratings_or_none = st.one_of(
    # few values, so participants often agree exactly or sit exactly on a threshold
    st.sampled_from([None, 0.0, 20.0, 40.0, 55.5, 60.0, 75.3, 95.3, 100.0]),
    st.integers(0, 1000).map(lambda tenths: tenths / 10),
    st.floats(0, 100, allow_nan=False, allow_infinity=False),
)
_participant_ratings = st.builds(Ratings, **{field: _ratings_or_none for field in FIELDS})


def _decimal_reference(partner: Partner, threshold: float) -> tuple[tuple[float | None, ...], float | None, bool]:
    """Mean, score spread and verdict computed wholly in decimals, as the method states them."""
    def exact(value: float | Fraction) -> Decimal:
        if isinstance(value, Fraction):  # an exact score
            return Decimal(value.numerator) / Decimal(value.denominator)
        return Decimal(repr(value))

    def tenth(value: Decimal) -> float:
        return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

    def spread(values: list[float]) -> float | None:
        exacts = [exact(v) for v in values]
        return tenth(max(exacts) - min(exacts)) if exacts else None

    def given(field: str) -> list[float]:
        return [v for e in partner.team_ratings if (v := getattr(e.ratings, field)) is not None]

    mean = tuple(
        tenth(sum(map(exact, given(f)), Decimal(0)) / len(given(f))) if given(f) else None for f in FIELDS
    )
    scores = [s for e in partner.team_ratings if any(getattr(e.ratings, f) is not None for f in FIELDS)
              if (s := attractiveness(e.ratings)) is not None]
    score_spread = spread(scores) if len(scores) >= 2 else None
    widest = max((spread(given(f)) for f in FIELDS if given(f)), key=exact, default=None)
    disputed = any(s is not None and exact(s) > exact(threshold) for s in (score_spread, widest))
    return mean, score_spread, disputed


@settings(max_examples=300, deadline=None)
@given(
    people=st.lists(_participant_ratings, min_size=0, max_size=5),
    threshold=st.sampled_from([DISAGREEMENT_THRESHOLD, 0.0, 5.5, 0.1, 99.9]),
)
def test_disagreement_agrees_with_decimal_arithmetic(people: list[Ratings], threshold: float) -> None:
    """Comparisons on floats and decimals only for sums and differences give the method's numbers."""
    partner = partner_rated_by(**{f"P{i}": r for i, r in enumerate(people)})
    view = disagreement(partner, threshold)
    mean, spread, disputed = _decimal_reference(partner, threshold)
    assert tuple(getattr(view.mean, f) for f in FIELDS) == mean
    assert view.spread == spread
    assert view.disputed is disputed
