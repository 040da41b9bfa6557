"""Snapshots of the room screen (issue 14): on the projector (presenter mode, 80×24) while the
room answers, and the reveal (120×36). The code and the port shown are fixed for the picture
(the server listens on a free port)."""

from __future__ import annotations

from screens.room import RoomScreen
from tests.app_harness import demo_app, settle, until
from workshop.room.state import Item


async def open_room(pilot) -> None:  # noqa: ANN001
    app = pilot.app
    app.room_at = ("127.0.0.1", 0)
    await pilot.pause()
    await pilot.press("f12")
    await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
    app.room.code = "ABC234"
    app.room_server.port = 8765  # what the link and QR code show
    room = app.room
    room.ask_ratings([Item(p.id, p.name) for p in app.session.mapping.partners[:4]])
    names = [p.name for p in app.session.participants]
    for name, icp in zip(names[:3], (90, 62, 85)):
        member = room.join("ABC234", name)
        for item in room.task.items[:2]:
            room.submit(member, {"task": room.task.number, "partner": item.id, "ratings": {
                "icp_overlap": icp, "market_influence": 70, "practice_alignment": 64,
                "partnership_appetite": 55, "revenue_potential": 40}})
    room.join("ABC234", "[bold]Guest[/] <i>")  # asks to join, shown literally
    await settle(pilot)


def test_room_on_the_projector(snap_compare, tmp_path) -> None:
    async def run_before(pilot) -> None:  # noqa: ANN001
        await open_room(pilot)
        await pilot.press("f5")
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=(80, 24), run_before=run_before)


def test_room_reveal(snap_compare, tmp_path) -> None:
    async def run_before(pilot) -> None:  # noqa: ANN001
        await open_room(pilot)
        await pilot.press("space")
        await until(pilot, lambda: pilot.app.room.revealed, "the reveal")
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=(120, 36), run_before=run_before)
