"""The room's HTTP protocol, through aiohttp's own test client (issue 14).

Every request needs the room code, then the member's token; bad payloads get a clear 4xx and
change nothing; nothing but the page and the four API routes is reachable.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp.test_utils import TestClient, TestServer

from workshop.room.server import MAX_BODY, RoomServer
from workshop.room.state import Item, Room

PARTNERS = [Item("p1", "Northbridge"), Item("p2", "<script>alert(1)</script>"), Item("p3", "[bold]X[/] 🚀 שלום")]
FIVE = {"icp_overlap": 80, "market_influence": 70, "practice_alignment": 60,
        "partnership_appetite": 50, "revenue_potential": 40}


@pytest.fixture
async def room_client():
    room = Room(["Maya Okafor", "Sam Lee", "Ana Ruiz"], title="Demo", code="ABC234")
    changes: list[str] = []
    server = RoomServer(room, on_change=changes.append)
    client = TestClient(TestServer(server.web_app()))
    await client.start_server()
    try:
        yield room, server, client, changes
    finally:
        await client.close()


async def join(client: TestClient, name: str = "Maya Okafor", code: str = "ABC234") -> dict[str, str]:
    response = await client.post("/api/join", json={"code": code, "name": name})
    assert response.status == 200, await response.text()
    token = (await response.json())["token"]
    return {"X-Room-Code": code, "X-Room-Token": token}


async def test_the_page_is_self_contained(room_client) -> None:
    _room, _server, client, _ = room_client
    response = await client.get("/")
    assert response.status == 200
    text = await response.text()
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    assert "http://" not in text and "https://" not in text  # no CDN, font or external script
    assert "<script src" not in text and "<link" not in text
    assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/static/app.js", "/../pyproject.toml", "/api", "/api/sessions",
                                  "/favicon.ico", "/api/state/../../etc/passwd"])
async def test_nothing_else_is_reachable(room_client, path: str) -> None:
    _room, _server, client, _ = room_client
    response = await client.get(path)
    assert response.status == 404
    assert "error" in await response.json()


async def test_names_and_join_need_the_code(room_client) -> None:
    room, _server, client, _ = room_client
    wrong = await client.post("/api/names", json={"code": "ZZZZZZ"})
    assert wrong.status == 403 and (await wrong.json())["error"] == "wrong room code"
    names = await client.post("/api/names", json={"code": "abc 234"})  # as typed on a phone
    assert (await names.json())["names"] == ["Maya Okafor", "Sam Lee", "Ana Ruiz"]
    bad = await client.post("/api/join", json={"code": "ZZZZZZ", "name": "Maya Okafor"})
    assert bad.status == 403
    assert room.members == {}


async def test_state_needs_code_then_token(room_client) -> None:
    _room, _server, client, _ = room_client
    headers = await join(client)
    assert (await client.get("/api/state")).status == 403
    assert (await client.get("/api/state", headers={"X-Room-Code": "ABC234"})).status == 401
    assert (await client.get("/api/state", headers={**headers, "X-Room-Code": "XXXXXX"})).status == 403
    assert (await client.get("/api/state", headers={"X-Room-Code": "ABC234", "X-Room-Token": "forged"})).status == 401
    ok = await client.get("/api/state", headers=headers)
    state = await ok.json()
    assert state["you"] == "Maya Okafor" and state["admitted"] and state["task"] is None


async def test_a_rating_round(room_client) -> None:
    room, _server, client, changes = room_client
    maya, sam = await join(client), await join(client, "sam lee")
    room.ask_ratings(PARTNERS)
    state = await (await client.get("/api/state", headers=maya)).json()
    assert [i["text"] for i in state["task"]["items"]] == [p.text for p in PARTNERS]  # literal
    number = state["task"]["number"]
    answer = await client.post("/api/answer", headers=maya, json={"task": number, "partner": "p2", "ratings": FIVE})
    assert answer.status == 200, await answer.text()
    assert (await answer.json())["state"]["sent"] == {"p2": {k: float(v) for k, v in FIVE.items()}}
    again = {**FIVE, "icp_overlap": 10}
    await client.post("/api/answer", headers=maya, json={"task": number, "partner": "p2", "ratings": again})
    await client.post("/api/answer", headers=sam, json={"task": number, "partner": "p2", "ratings": FIVE})
    assert room.answers.ratings["Maya Okafor"]["p2"]["icp_overlap"] == 10.0  # replaced, not added
    assert room.answered_count() == 2 and room.answered_count("p2") == 2
    assert changes.count("answer") == 3
    # others' values never reach a phone before the reveal
    state = await (await client.get("/api/state", headers=sam)).json()
    assert state["results"] is None and "Maya" not in json.dumps(state)
    room.reveal()
    state = await (await client.get("/api/state", headers=sam)).json()
    p2 = state["results"]["partners"][1]
    assert p2["name"] == "<script>alert(1)</script>"
    assert [p["who"] for p in p2["people"]] == ["Maya Okafor", "Sam Lee"]
    assert p2["wide"]["icp_overlap"] is True and p2["disputed"] is True
    late = await client.post("/api/answer", headers=sam, json={"task": number, "partner": "p1", "ratings": FIVE})
    assert late.status == 409


BAD_ANSWERS = [
    (b"{not json", 400, "malformed JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b'{"task": 1, "partner": "p1", "ratings": {"icp_overlap": NaN}}', 400, "malformed"),
    (json.dumps({"task": "1", "partner": "p1", "ratings": FIVE}).encode(), 422, "whole number"),
    (json.dumps({"task": 1, "partner": "nope", "ratings": FIVE}).encode(), 422, "unknown partner"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": {**FIVE, "icp_overlap": 101}}).encode(), 422, "between 0 and 100"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": {**FIVE, "icp_overlap": -1}}).encode(), 422, "between 0 and 100"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": {**FIVE, "icp_overlap": "80"}}).encode(), 422, "must be a number"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": {**FIVE, "icp_overlap": True}}).encode(), 422, "must be a number"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": {"icp_overlap": 5}}).encode(), 422, "missing rating"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": {**FIVE, "extra": 5}}).encode(), 422, "unknown criterion"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": [1, 2]}).encode(), 422, "object"),
    (json.dumps({"task": 1, "partner": "p1", "ratings": FIVE, "admin": True}).encode(), 422, "unknown field"),
    (json.dumps({"task": 7, "partner": "p1", "ratings": FIVE}).encode(), 409, "moved on"),
    (json.dumps({"task": 1, "dots": {"p1": 1}}).encode(), 422, "unexpected field"),
    (b"\xff\xfe", 400, "malformed JSON"),
    (b'{"task": 1, "partner": "p1", "ratings": {"icp_overlap": 1' + b"0" * 400 + b', "market_influence": 1, '
     b'"practice_alignment": 1, "partnership_appetite": 1, "revenue_potential": 1}}', 422, "between 0 and 100"),
    (b'{"task": 1, "partner": "p1", "ratings": {"icp_overlap": 1e999, "market_influence": 1, '
     b'"practice_alignment": 1, "partnership_appetite": 1, "revenue_potential": 1}}', 422, "finite"),
    (b"[" * 5000, 413, "too large"),
]


@pytest.mark.parametrize(("body", "status", "words"), BAD_ANSWERS)
async def test_bad_answers_are_refused_and_change_nothing(room_client, body: bytes, status: int, words: str) -> None:
    room, _server, client, changes = room_client
    headers = await join(client)
    room.ask_ratings(PARTNERS)
    before = (room.version, dict(room.answers.ratings))
    response = await client.post("/api/answer", headers={**headers, "Content-Type": "application/json"}, data=body)
    assert response.status == status
    assert words in (await response.json())["error"]
    assert (room.version, dict(room.answers.ratings)) == before
    assert "answer" not in changes


async def test_not_json_and_oversized_bodies(room_client) -> None:
    room, _server, client, _ = room_client
    headers = await join(client)
    room.ask_ideas()
    form = await client.post("/api/answer", headers={**headers, "Content-Type": "text/plain"}, data=b"{}")
    assert form.status == 415
    big = json.dumps({"task": 1, "ideas": ["x" * (MAX_BODY + 10)]})
    response = await client.post("/api/answer", headers=headers, data=big.encode(),
                                 skip_auto_headers=["Content-Type"])
    assert response.status in (413, 415)
    response = await client.post("/api/answer", headers={**headers, "Content-Type": "application/json"},
                                 data=big.encode())
    assert response.status == 413
    assert room.answers.ideas == {}


async def test_dot_votes_and_ideas(room_client) -> None:
    room, _server, client, _ = room_client
    maya = await join(client)
    room.ask_votes([Item("a", "Pricing"), Item("b", "<b>EMEA</b>")], dots=3, source="parking-lot items")
    number = room.task.number
    over = await client.post("/api/answer", headers=maya, json={"task": number, "dots": {"a": 2, "b": 2}})
    assert over.status == 422 and "each person has 3" in (await over.json())["error"]
    for bad in ({"a": -1}, {"a": 1.5}, {"zzz": 1}, [1]):
        assert (await client.post("/api/answer", headers=maya, json={"task": number, "dots": bad})).status == 422
    ok = await client.post("/api/answer", headers=maya, json={"task": number, "dots": {"a": 1, "b": 2}})
    assert ok.status == 200 and room.answers.dots == {"Maya Okafor": {"a": 1, "b": 2}}
    room.ask_ideas()
    number = room.task.number
    for bad in ([], ["   "], [1], ["x"] * 6, ["a\x00b"], "just text"):
        assert (await client.post("/api/answer", headers=maya, json={"task": number, "ideas": bad})).status == 422
    idea = "[bold]Ask[/] the CFO | # now 🚀"
    ok = await client.post("/api/answer", headers=maya, json={"task": number, "ideas": [idea]})
    assert ok.status == 200 and room.answers.ideas == {"Maya Okafor": [idea]}


async def test_a_stranger_waits_until_admitted(room_client) -> None:
    room, _server, client, changes = room_client
    guest = await join(client, "Guest <i>")
    room.ask_ideas()
    state = await (await client.get("/api/state", headers=guest)).json()
    assert state["admitted"] is False and state["task"] is None
    refused = await client.post("/api/answer", headers=guest, json={"task": room.task.number, "ideas": ["x"]})
    assert refused.status == 403
    assert "waiting" in changes
    room.admit(room.waiting[0].token)
    state = await (await client.get("/api/state", headers=guest)).json()
    assert state["admitted"] is True and state["task"]["kind"] == "ideas"


async def test_changing_the_code_kicks_everyone(room_client) -> None:
    room, _server, client, _ = room_client
    maya = await join(client)
    new = room.change_code()
    assert (await client.get("/api/state", headers=maya)).status == 403
    assert (await client.get("/api/state", headers={**maya, "X-Room-Code": new})).status == 401
    again = await join(client, code=new)
    assert (await client.get("/api/state", headers=again)).status == 200


async def test_a_flood_from_one_phone_is_rate_limited(room_client) -> None:
    room, server, client, _ = room_client
    server.phones.clock = server.addresses.clock = lambda: 0.0  # time stands still: no refill, however slow the machine
    maya = await join(client)
    room.ask_ratings(PARTNERS)
    body = {"task": room.task.number, "partner": "p1", "ratings": FIVE}
    statuses = await asyncio.gather(*(client.post("/api/answer", headers=maya, json=body) for _ in range(1000)))
    codes = [r.status for r in statuses]
    assert codes.count(429) == 1000 - 40  # the burst (40) is let through, the rest refused
    assert set(codes) <= {200, 429}
    limited = next(r for r in statuses if r.status == 429)
    assert "too many requests" in (await limited.json())["error"]
    for r in statuses:
        r.release()
    from aiohttp import ClientSession, TCPConnector

    # another phone (its own address, as on a Wi-Fi) is unaffected, and so is the room
    async with ClientSession(connector=TCPConnector(local_addr=("127.0.0.2", 0))) as other:
        async with other.post(client.make_url("/api/join"), json={"code": "ABC234", "name": "Sam Lee"}) as r:
            sam = {"X-Room-Code": "ABC234", "X-Room-Token": (await r.json())["token"]}
        async with other.post(client.make_url("/api/answer"), headers=sam, json=body) as r:
            assert r.status == 200
    assert set(room.answers.ratings) == {"Maya Okafor", "Sam Lee"}


async def test_guessing_codes_is_rate_limited(room_client) -> None:
    _room, server, client, _ = room_client
    server.joins.clock = lambda: 0.0  # no refill, however slow the machine
    codes = [(await client.post("/api/names", json={"code": f"Q{n:05d}"})).status for n in range(80)]
    assert codes.count(403) == 60 and codes.count(429) == 20  # a burst of 60 tries, then refused


async def test_a_waiting_poll_wakes_on_a_new_task(room_client) -> None:
    room, _server, client, _ = room_client
    maya = await join(client)
    first = await (await client.get("/api/state", headers=maya)).json()
    waiting = asyncio.ensure_future(client.get(f"/api/state?since={first['version']}", headers=maya))
    await asyncio.sleep(0)
    # a new task wakes it (answers do not: they bump only the private version)
    room.ask_ideas()
    response = await asyncio.wait_for(waiting, 5)
    state = await response.json()
    assert state["task"]["kind"] == "ideas" and state["version"] > first["version"]


async def test_a_real_server_starts_and_stops() -> None:
    from aiohttp import ClientSession

    room = Room(["A"], code="ABC234")
    server = RoomServer(room, host="127.0.0.1", port=0)
    port = await server.start()
    try:
        async with ClientSession() as http:
            async with http.post(f"http://127.0.0.1:{port}/api/names", json={"code": "ABC234"}) as r:
                assert r.status == 200
    finally:
        await server.stop()
    assert not server.running
    with pytest.raises(OSError):
        async with ClientSession() as http:
            await http.get(f"http://127.0.0.1:{port}/")
