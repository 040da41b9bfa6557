"""The whole round, in the App (issue 14): open the room (F12), three participants answer over
HTTP, reveal, accept; the team scores, the file on disk and the export match the team grid's."""

from __future__ import annotations

from aiohttp import ClientSession
from textual.widgets import DataTable, Static

from screens.room import RoomScreen
from session_store import load_session
from tests.app_harness import LARGE, app_on, table_rows, until
from workshop.export.markdown import export_markdown
from workshop.method.models import Participant, Partner, Session
from workshop.method.team_scoring import apply_team_mean, disagreement, set_participant_rating

HOSTILE = "[bold]Eve[/] [@click=app.quit]x"
FIVE = {"icp_overlap": 80, "market_influence": 70, "practice_alignment": 60,
        "partnership_appetite": 50, "revenue_potential": 40}


def room_session() -> Session:
    session = Session(title="Room test")
    session.participants = [Participant(name="Maya"), Participant(name="Sam"), Participant(name=HOSTILE)]
    session.mapping.partners = [Partner(id="p1", name="<script>alert(1)</script> 🚀"), Partner(id="p2", name="Fincrest")]
    return session


def appendix(markdown: str) -> str:
    """The export's individual-ratings appendix."""
    start = markdown.index("### D. Individual ratings")
    end = markdown.find("\n### ", start + 1)
    return markdown[start:end if end != -1 else None]


def shown(app, selector: str) -> str:
    """The text of a Static on the current screen ("" while the screen is not composed yet)."""
    found = app.screen.query(selector)
    return str(found.first(Static).render()) if found else ""


async def join(http: ClientSession, base: str, code: str, name: str) -> dict[str, str]:
    async with http.post(f"{base}/api/join", json={"code": code, "name": name}) as response:
        assert response.status == 200
        return {"X-Room-Code": code, "X-Room-Token": (await response.json())["token"]}


async def test_a_whole_round(tmp_path) -> None:
    app = app_on(room_session(), tmp_path)
    app.room_at = ("127.0.0.1", 0)  # any free port
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
        room, server = app.room, app.room_server
        assert room is not None and server.running and server.host == "127.0.0.1"
        assert room.weights is app.session.mapping.weights  # the reveal scores as the team grid does
        # The screen is current before it is mounted and filled: wait for the code.
        await until(pilot, lambda: room.code in shown(app, "#room-code").replace(" ", ""), "the code shown")
        assert "Only this machine" in shown(app, "#room-reach")
        assert "█" in shown(app, "#room-qr") or "▀" in shown(app, "#room-qr")
        await pilot.press("q")  # a queue: all partners
        await pilot.press("enter")
        await until(pilot, lambda: room.task is not None, "the rating task")
        assert [i.text for i in room.task.items] == ["<script>alert(1)</script> 🚀", "Fincrest"]

        base = f"http://127.0.0.1:{server.port}"
        async with ClientSession() as http:
            phones = [await join(http, base, room.code, name) for name in ("Maya", "sam", HOSTILE)]
            for phone, icp in zip(phones, (90, 60, 85)):
                body = {"task": room.task.number, "partner": "p1", "ratings": {**FIVE, "icp_overlap": icp}}
                async with http.post(f"{base}/api/answer", headers=phone, json=body) as response:
                    assert response.status == 200
            await until(pilot, lambda: "3 of 3 answered" in shown(app, "#room-count"), "the count")
            count = shown(app, "#room-count")
            assert "90" not in count and "60" not in count  # never values before the reveal
            assert HOSTILE in count  # participant text literal in the TUI

            await pilot.press("space")
            await until(pilot, lambda: room.revealed and "REVEALED" in shown(app, "#room-task"), "the reveal")
            rows = table_rows(app.screen.query_one("#room-people", DataTable))
            assert [r[0] for r in rows] == ["Maya", "Sam", HOSTILE, "Team mean", "Spread"]
            assert rows[3][1] == "78.3" and rows[4][1] == "30"  # ICP: mean and spread (> 20: red)
            assert "ROOM DISAGREES" in shown(app, "#room-verdict")

            await pilot.press("a")
            await until(pilot, lambda: room.accepted, "the accept")
            async with http.get(f"{base}/api/state", headers=phones[0]) as response:
                assert (await response.json())["accepted"] is True

        partner = app.session.mapping.partners[0]
        assert [e.participant for e in partner.team_ratings] == ["Maya", "Sam", HOSTILE]
        view = disagreement(partner)
        assert partner.ratings == view.ratings and view.mean.icp_overlap == 78.3
        on_disk = load_session(app.session_file.path)  # written at once: a SIGKILL now loses nothing
        assert on_disk.mapping.partners[0].team_ratings == partner.team_ratings
        assert on_disk.mapping.partners[0].ratings == partner.ratings
        # the export is the one the team grid gives for the same ratings typed in
        typed = room_session()
        for name, icp in (("Maya", 90), ("Sam", 60), (HOSTILE, 85)):
            for field, value in {**FIVE, "icp_overlap": icp}.items():
                set_participant_rating(typed.mapping.partners[0], name, field, value)
        apply_team_mean(typed.mapping.partners[0])
        assert appendix(export_markdown(on_disk)) == appendix(export_markdown(typed))
        assert "Eve" in appendix(export_markdown(on_disk))
        assert "Team scores for <script>alert(1)</script> 🚀 (from the room)" in [c.what for c in on_disk.history]

        await pilot.press("escape")  # back to the workshop: undo takes the accept back
        await pilot.press("ctrl+z")
        await until(pilot, lambda: not app.session.mapping.partners[0].team_ratings, "the undo")

        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen again")
        await pilot.press("x")
        await until(pilot, lambda: app.room is None and not server.running, "the room closed")
        async with ClientSession() as http:
            try:
                await http.get(f"{base}/")
            except OSError:
                pass
            else:
                raise AssertionError("the server still answers after the room was closed")


async def test_quitting_stops_the_server(tmp_path) -> None:
    app = app_on(room_session(), tmp_path)
    app.room_at = ("127.0.0.1", 0)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Room" in commands  # the command palette opens it too
        app.call_later(commands["Room"].callback)  # as the palette runs a chosen command
        await until(pilot, lambda: app.room_server is not None and app.room_server.running, "the room")
        server = app.room_server
    assert not server.running


async def test_a_busy_port_falls_back_to_a_free_one_and_going_home_closes_the_room(tmp_path) -> None:
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    busy = taken.getsockname()[1]
    app = app_on(room_session(), tmp_path)
    app.room_at = ("127.0.0.1", busy)
    # Every notice raised, kept: app._notifications drops one once its timeout is over, and a
    # loaded machine may take longer than that to show the room screen.
    raised: list[str] = []
    notify = app.notify
    app.notify = lambda message, *args, **kwargs: (raised.append(str(message)), notify(message, *args, **kwargs))[1]
    try:
        async with app.run_test(size=LARGE, notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("f12")
            await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
            server = app.room_server
            assert server.running and server.port != busy
            # The screen is current before it is mounted and filled: wait for the link.
            await until(pilot, lambda: f":{server.port}/" in shown(app, "#room-link"), "the link shown")
            assert any(f"Port {busy} is taken" in message and f"uses {server.port}" in message for message in raised)
            await pilot.press("escape", "f8")  # home: the session is left, and its room closes
            await until(pilot, lambda: app.room is None and not server.running, "the room closed")
    finally:
        taken.close()


async def test_h_moves_the_room_to_the_address_picked(tmp_path) -> None:
    from screens.dialogs import ChoiceDialog
    from workshop.room.addresses import LOOPBACK

    app = app_on(room_session(), tmp_path)
    app.room_at = (LOOPBACK, 0)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
        old_room, old_server = app.room, app.room_server
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the address dialog")
        index = [value for _, value in app.screen.choices].index(LOOPBACK)
        await pilot.press(*["down"] * index, "enter")
        await until(pilot, lambda: app.room is not None and app.room is not old_room, "a new room")
        assert app.is_running and isinstance(app.screen, RoomScreen)
        assert not old_server.running and app.room_server.running and app.room_server.host == LOOPBACK
        await until(pilot, lambda: f":{app.room_server.port}/" in shown(app, "#room-link"), "the new link shown")


async def test_weights_changed_while_the_room_is_open_are_the_reveals(tmp_path) -> None:
    from workshop.method.models import ScoringWeights

    app = app_on(room_session(), tmp_path)
    app.room_at = ("127.0.0.1", 0)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await until(pilot, lambda: app.room is not None, "the room")
        app.editor.set_weights(ScoringWeights(icp_overlap=60, market_influence=10, practice_alignment=10,
                                              partnership_appetite=10, revenue_potential=10))
        assert app.room.weights is app.session.mapping.weights


async def test_a_new_question_asks_before_dropping_answers_not_accepted(tmp_path) -> None:
    from screens.dialogs import ConfirmDialog
    from workshop.room.state import Item

    app = app_on(room_session(), tmp_path)
    app.room_at = ("127.0.0.1", 0)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
        room = app.room
        room.ask_ratings([Item("p1", "x")])
        member = room.join(room.code, "Maya")
        room.submit(member, {"task": room.task.number, "partner": "p1", "ratings": FIVE})
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("n")  # keep them
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "back in the room")
        assert room.task.kind.value == "rate" and room.answered() == ["Maya"]
        await pilot.press("i", "y")
        await until(pilot, lambda: room.task.kind.value == "ideas", "the ideas asked")


async def test_admit_anonymous_and_a_new_code_from_the_keys(tmp_path) -> None:
    from screens.dialogs import ChoiceDialog, ConfirmDialog
    from workshop.room.state import Item

    app = app_on(room_session(), tmp_path)
    app.room_at = ("127.0.0.1", 0)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
        room = app.room
        guest = room.join(room.code, HOSTILE + " guest")
        await until(pilot, lambda: "Asking to join" in shown(app, "#room-waiting"), "the guest asking")
        assert HOSTILE + " guest" in shown(app, "#room-waiting")  # literal
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the admit dialog")
        await pilot.press("enter")  # the first choice: admit
        await until(pilot, lambda: guest.admitted, "the guest admitted")

        await pilot.press("n")  # anonymous
        await until(pilot, lambda: room.anonymous, "anonymous")
        room.ask_ratings([Item("p1", "x")])
        room.submit(guest, {"task": room.task.number, "partner": "p1", "ratings": FIVE})
        await until(pilot, lambda: "1 of 1 answered" in shown(app, "#room-count"), "the count")
        assert "guest" not in shown(app, "#room-count")  # no names in an anonymous room
        await pilot.press("space")
        await until(pilot, lambda: room.revealed, "the reveal")
        rows = table_rows(app.screen.query_one("#room-people", DataTable))
        assert rows[0][0] == "Person 1"

        old = room.code
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await until(pilot, lambda: room.code != old and not room.members, "a new code, everyone out")
        await until(pilot, lambda: room.code[:3] in shown(app, "#room-code"), "the new code shown")
