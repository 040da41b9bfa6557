"""A SIGKILL right after accepting the room's answers loses none of them (issue 14), and the
app's start-up does not load the room's server (aiohttp, segno) until a room is opened."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

from session_store import SessionFile, load_session
from workshop.method.models import Participant, Partner, Session

FIVE = {"icp_overlap": 80, "market_influence": 70, "practice_alignment": 60,
        "partnership_appetite": 50, "revenue_potential": 40}


def child(path: str) -> None:
    """In a process of its own: a round in a headless App, accepted, then killed at once."""
    import os

    from aiohttp import ClientSession

    from workshop.app import PartnerWorkshopApp
    from workshop.room.state import Item

    async def run() -> None:
        app = PartnerWorkshopApp(session_path=Path(path))
        async with app.run_test() as pilot:
            await pilot.pause()
            assert await app.open_room("127.0.0.1", 0)
            room = app.room
            room.ask_ratings([Item("p1", "Northbridge")])
            base = f"http://127.0.0.1:{app.room_server.port}"
            async with ClientSession() as http:
                for name, icp in (("Maya", 90), ("Sam", 60)):
                    async with http.post(f"{base}/api/join", json={"code": room.code, "name": name}) as r:
                        token = (await r.json())["token"]
                    body = {"task": room.task.number, "partner": "p1", "ratings": {**FIVE, "icp_overlap": icp}}
                    headers = {"X-Room-Code": room.code, "X-Room-Token": token}
                    async with http.post(f"{base}/api/answer", headers=headers, json=body) as r:
                        assert r.status == 200
            room.reveal()
            assert app.accept_room() is not None
            os.kill(os.getpid(), signal.SIGKILL)  # no autosave timer, no exit handler runs

    asyncio.run(run())


def test_a_sigkill_right_after_accept_loses_nothing(tmp_path: Path) -> None:
    session = Session(title="Kill test")
    session.participants = [Participant(name="Maya"), Participant(name="Sam")]
    session.mapping.partners = [Partner(id="p1", name="Northbridge")]
    path = tmp_path / "kill.toml"
    SessionFile.create(path, session)
    code = f"from tests.test_room_kill import child; child({str(path)!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    partner = load_session(path).mapping.partners[0]
    assert [(e.participant, e.ratings.icp_overlap) for e in partner.team_ratings] == [("Maya", 90.0), ("Sam", 60.0)]
    assert partner.ratings.icp_overlap == 75.0


def test_start_up_does_not_load_the_room_server() -> None:
    code = ("import sys, workshop.app, screens.workshop, screens.mapping; "
            "print(sorted(m for m in ('aiohttp', 'segno', 'workshop.room.server') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "[]"
