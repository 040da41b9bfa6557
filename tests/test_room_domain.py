"""The room's domain: joining, tasks, the reveal's tallies (the team grid's rules) and accepting
answers into the session as the team grid would (issue 14)."""

from __future__ import annotations

import pytest

from workshop.export.markdown import export_markdown
from workshop.method.models import Participant, Partner, Session
from workshop.room.accept import accept
from workshop.room.limits import RateLimiter
from workshop.room.results import participant_state, rating_results, vote_results
from workshop.room.state import Item, Room, RoomError, normal_code
from workshop.method.team_scoring import disagreement

FIVE = {"icp_overlap": 80, "market_influence": 70, "practice_alignment": 60,
        "partnership_appetite": 50, "revenue_potential": 40}


def session_with(*names: str) -> Session:
    session = Session(title="T")
    session.participants = [Participant(name=n) for n in ("Maya", "Sam", "Ana")]
    session.mapping.partners = [Partner(id=f"p{i}", name=n) for i, n in enumerate(names, 1)]
    return session


def rated_room(session: Session, *, anonymous: bool = False) -> Room:
    room = Room([p.name for p in session.participants], anonymous=anonymous, code="ABC234")
    members = [room.join("ABC234", n) for n in ("Maya", "Sam", "Ana")]
    room.ask_ratings([Item(p.id, p.name) for p in session.mapping.partners])
    for member, icp in zip(members, (90, 60, 85)):
        room.submit(member, {"task": room.task.number, "partner": "p1", "ratings": {**FIVE, "icp_overlap": icp}})
    return room


def test_codes_are_read_as_typed() -> None:
    assert normal_code(" abc-234 ") == "ABC234"
    assert normal_code(None) == ""
    room = Room(["A"], code="ABC234")
    room.check_code("abc 234")
    with pytest.raises(RoomError) as refused:
        room.check_code("ABC235")
    assert refused.value.status == 403


def test_joining_again_replaces_the_token_and_keeps_the_answers() -> None:
    session = session_with("Northbridge")
    room = rated_room(session)
    old = next(t for t, m in room.members.items() if m.name == "Maya")
    again = room.join("ABC234", "maya")
    assert again.name == "Maya" and again.admitted and old not in room.members
    assert room.answers.ratings["Maya"]["p1"]["icp_overlap"] == 90


def test_names_are_checked() -> None:
    room = Room(["A"], code="ABC234")
    for bad in ("", "   ", 5, None, "x" * 61, "a\x1bb", "\ud800"):
        with pytest.raises(RoomError):
            room.join("ABC234", bad)
    assert room.members == {}


def test_the_reveal_uses_the_team_grids_computation() -> None:
    session = session_with("Northbridge", "Fincrest")
    room = rated_room(session)
    result = rating_results(room)[0]
    partner = session.mapping.partners[0].model_copy(deep=True)
    from workshop.method.team_scoring import set_participant_rating
    for name, icp in (("Maya", 90), ("Sam", 60), ("Ana", 85)):
        for field, value in {**FIVE, "icp_overlap": icp}.items():
            set_participant_rating(partner, name, field, value)
    assert result.view == disagreement(partner)
    assert result.wide["icp_overlap"] and not result.wide["market_influence"]  # 30 apart vs 0
    assert result.view.disputed
    assert rating_results(room)[1].view.rated is False


def test_anonymous_rooms_show_people_by_number() -> None:
    session = session_with("Northbridge")
    room = rated_room(session, anonymous=True)
    assert [s.participant for s in rating_results(room)[0].view.scores] == ["Person 1", "Person 2", "Person 3"]
    room.reveal()
    accept(room, session)
    assert [e.participant for e in session.mapping.partners[0].team_ratings] == ["Person 1", "Person 2", "Person 3"]


def test_accept_writes_the_team_grid_and_the_export() -> None:
    session = session_with("Northbridge", "Gone")
    room = rated_room(session)
    with pytest.raises(RoomError):
        accept(room, session)  # not revealed yet
    room.reveal()
    session.mapping.partners[0].team_ratings = []
    done = accept(room, session)
    partner = session.mapping.partners[0]
    assert done.description == "Team scores for Northbridge (from the room)"
    assert [e.participant for e in partner.team_ratings] == ["Maya", "Sam", "Ana"]
    assert partner.ratings.icp_overlap == disagreement(partner).mean.icp_overlap == 78.3
    markdown = export_markdown(session)
    assert "Individual ratings" in markdown and "| Maya |" in markdown
    with pytest.raises(RoomError):
        accept(room, session)  # once


def test_accept_skips_a_partner_deleted_meanwhile() -> None:
    session = session_with("Northbridge")
    room = rated_room(session)
    room.reveal()
    session.mapping.partners.clear()
    assert accept(room, session).missing == ("Northbridge",)


def test_votes_are_tallied_and_ideas_parked_literally() -> None:
    session = session_with()
    room = Room(["Maya", "Sam"], code="ABC234")
    maya, sam = room.join("ABC234", "Maya"), room.join("ABC234", "Sam")
    room.ask_votes([Item("a", "A"), Item("b", "[b]B[/]")], 3, "parking-lot items")
    room.submit(maya, {"task": room.task.number, "dots": {"a": 1, "b": 2}})
    room.submit(sam, {"task": room.task.number, "dots": {"b": 3}})
    room.submit(sam, {"task": room.task.number, "dots": {"b": 1}})  # replaces
    assert [(r.item.id, r.dots, r.voters) for r in vote_results(room)] == [("b", 3, 2), ("a", 1, 1)]
    room.reveal()
    accept(room, session)
    assert session.parking_lot[-1].text == "Dot vote (parking-lot items): 3 dots — [b]B[/]; 1 dot — A"
    room.ask_ideas()
    room.submit(maya, {"task": room.task.number, "ideas": ["<script>x</script>", " 🚀 | # x "]})
    state = participant_state(room, "Sam", True)
    assert state["sent"] is None and state["results"] is None  # nothing of Maya's before the reveal
    room.reveal()
    assert accept(room, session).description == "Room: 2 ideas parked"
    assert [n.text for n in session.parking_lot[-2:]] == ["<script>x</script>", "🚀 | # x"]


def test_a_stale_or_revealed_task_is_refused() -> None:
    room = Room(["Maya"], code="ABC234")
    maya = room.join("ABC234", "Maya")
    with pytest.raises(RoomError) as none_open:
        room.submit(maya, {"task": 1, "ideas": ["x"]})
    assert none_open.value.status == 409
    room.ask_ideas()
    room.reveal()
    with pytest.raises(RoomError) as closed:
        room.submit(maya, {"task": room.task.number, "ideas": ["x"]})
    assert "revealed" in closed.value.message


def test_rate_limiter_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=2, burst=3, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")
    now[0] = 0.5
    assert limiter.allow("a") and not limiter.allow("a")


def test_the_room_domain_imports_neither_textual_nor_aiohttp() -> None:
    import subprocess
    import sys

    code = ("import sys, workshop.room.state, workshop.room.results, workshop.room.accept, "
            "workshop.room.limits, workshop.room.addresses, workshop.room.page, workshop.room.qr; "
            "print(sorted(m for m in ('textual', 'aiohttp', 'screens', 'session_store') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_reveal_scores_with_the_sessions_weights() -> None:
    from workshop.method.models import ScoringWeights
    from workshop.room.results import task_json

    session = session_with("Northbridge")
    session.mapping.weights = ScoringWeights(icp_overlap=60, market_influence=10, practice_alignment=10,
                                             partnership_appetite=10, revenue_potential=10)
    room = rated_room(session)
    room.weights = session.mapping.weights
    view = rating_results(room)[0].view
    room.reveal()
    accept(room, session)
    assert view.team_score == disagreement(session.mapping.partners[0], weights=session.mapping.weights).team_score
    assert view.team_score != disagreement(session.mapping.partners[0]).team_score
    assert [c["weight"] for c in task_json(room)["criteria"]] == ["60", "10", "10", "10", "10"]
