"""The room under load (issue 14), in a fresh process: prints one JSON line.

``python -m benchmarks.room``: the demo session (13 partners) with 30 participants, the room
open in a headless App on the rating queue of all 13.  A second process plays the 30 phones
(:func:`phones`): each joins from its own loopback address (127.0.0.2 …, as phones on a Wi-Fi
each have one), keeps a long poll open as the page does, and rates the 13 partners one after
another, 50-300 ms apart — 390 answers in about 2-3 s, far faster than a room types.
Meanwhile the facilitator presses ↓/↑ in the room's table every 50 ms.

- ``key_ms`` (median) / ``key_worst_ms``: a key, handed to the app's driver as a terminal
  would, until the first screen update painted with the table's cursor moved;
  ``key_idle_ms``: the same key before the phones start (what the machine gives at that moment);
- ``count_ms``: from the moment the last phone sent its last answer (the system-wide monotonic
  clock, the same in both processes) until the facilitator's screen painted the count with it;
- ``answers``: the answers the room holds at the end (390 if none was lost or refused).
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workshop.gc_policy import tune_garbage_collector

tune_garbage_collector()  # measured as the app runs

PHONES = 30
THINK = (0.05, 0.3)
"""Seconds between one phone's answers."""


async def phones(port: int, code: str, names: list[str]) -> dict[str, float]:
    """The phones' side (its own process): join, poll, rate every partner; when the last was sent."""
    from aiohttp import ClientSession, TCPConnector

    base = f"http://127.0.0.1:{port}"
    rng = random.Random(14)
    refused: list[int] = []

    async def phone(n: int, name: str) -> float:
        connector = TCPConnector(local_addr=(f"127.0.0.{n + 2}", 0))
        async with ClientSession(connector=connector) as http:
            async with http.post(f"{base}/api/join", json={"code": code, "name": name}) as r:
                token = (await r.json())["token"]
            headers = {"X-Room-Code": code, "X-Room-Token": token}
            async with http.get(f"{base}/api/state", headers=headers) as r:
                state = await r.json()
            task = state["task"]

            async def poll() -> None:
                version = state["version"]
                while True:
                    async with http.get(f"{base}/api/state?since={version}", headers=headers) as r:
                        version = (await r.json())["version"]

            poller = asyncio.ensure_future(poll())
            last = 0.0
            for item in task["items"]:
                await asyncio.sleep(rng.uniform(*THINK))
                ratings = {c["key"]: rng.randint(0, 100) for c in task["criteria"]}
                last = time.monotonic()
                body = {"task": task["number"], "partner": item["id"], "ratings": ratings}
                async with http.post(f"{base}/api/answer", headers=headers, json=body) as r:
                    if r.status != 200:
                        refused.append(r.status)
            poller.cancel()
            return last

    lasts = await asyncio.gather(*(phone(n, name) for n, name in enumerate(names)))
    return {"last_sent": max(lasts), "refused": len(refused)}


async def measure() -> dict[str, float]:
    from benchmarks.pilot import SIZE, _ms_to_paint, _send_key
    from benchmarks.generate import TODAY
    from screens.room import RoomScreen
    from session_store import SessionFile, load_session
    from workshop.app import PartnerWorkshopApp
    from workshop.method.models import Participant
    from textual.widgets import DataTable

    import workshop

    demo = load_session(Path(workshop.__file__).parent / "demo" / "demo.toml")
    demo.participants = [Participant(name=f"Participant {n + 1:02d}") for n in range(PHONES)]
    folder = Path(tempfile.mkdtemp(prefix="pw-room-"))
    path = folder / "room.toml"
    SessionFile.create(path, demo)
    app = PartnerWorkshopApp(session_path=path, today=TODAY, sessions_dir=folder)
    out: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await app.open_room("127.0.0.1", 0)
        await pilot.pause()
        room = app.room
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        from workshop.room.state import Item

        room.ask_ratings([Item(p.id, p.name) for p in app.session.mapping.partners])
        await pilot.pause()
        table = screen.query_one("#room-results", DataTable)
        table.focus()
        total = PHONES * len(room.task.items)

        # when the screen last took in the answers, and when that was first painted
        shown_total = [0]
        painted_all: list[float] = []
        refresh = screen.refresh_room

        def counted_refresh() -> None:
            refresh()
            shown_total[0] = sum(room.answered_count(i.id) for i in room.task.items)

        screen.refresh_room = counted_refresh  # type: ignore[method-assign]
        display = app._display

        def watched_display(target, renderable):  # type: ignore[no-untyped-def]
            if renderable is not None and shown_total[0] == total and not painted_all:
                painted_all.append(time.monotonic())
            return display(target, renderable)

        app._display = watched_display  # type: ignore[method-assign]

        async def press() -> float:
            row = table.cursor_row
            target = row + 1 if row + 1 < table.row_count else row - 1
            key = "down" if target > row else "up"
            return await _ms_to_paint(app, lambda: _send_key(app, key),
                                      lambda: table if table.cursor_row == target else None)

        idle = []
        for _ in range(15):  # the same key with the room quiet: what the machine gives now
            idle.append(await press())
            app._display = watched_display  # type: ignore[method-assign]
            await asyncio.sleep(0.05)
        out["key_idle_ms"] = statistics.median(idle)

        names = [p.name for p in app.session.participants]
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.room", "--phones", str(app.room_server.port), room.code,
            json.dumps(names), stdout=asyncio.subprocess.PIPE,
        )
        keys: list[float] = []
        reader = asyncio.ensure_future(process.communicate())
        while not reader.done():
            keys.append(await press())
            app._display = watched_display  # type: ignore[method-assign]  # _ms_to_paint took it off
            await asyncio.sleep(0.05)
        stdout, _ = await reader
        result = json.loads(stdout.decode().strip().splitlines()[-1])
        deadline = time.monotonic() + 10
        while not painted_all and time.monotonic() < deadline:
            await asyncio.sleep(0.001)
        del app._display
        out["key_ms"] = statistics.median(keys)
        out["key_worst_ms"] = max(keys)
        out["keys"] = len(keys)
        out["count_ms"] = (painted_all[0] - result["last_sent"]) * 1000 if painted_all else float("nan")
        out["answers"] = sum(len(given) for given in room.answers.ratings.values())
        out["refused"] = result["refused"]
        await app.close_room(quiet=True)
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["--phones"]:
        port, code, names = int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
        print(json.dumps(asyncio.run(phones(port, code, names))))
    else:
        print(json.dumps(asyncio.run(measure())))
