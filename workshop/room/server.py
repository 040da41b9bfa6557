"""The room's HTTP server: aiohttp, in the App's own event loop (no thread, no process).

Routes, and nothing else (any other path is 404; no file is ever served):

* ``GET /`` — the participant's page: one HTML document with its CSS and script inline, no
  session data in it (:mod:`workshop.room.page`).
* ``POST /api/names`` ``{"code"}`` — the session's participants, to pick a name from.
* ``POST /api/join`` ``{"code", "name"}`` — a token for this person.
* ``GET /api/state?since=N`` — what the page shows; with ``since`` the current version it
  waits (long poll, up to :data:`LONG_POLL` s) until something changes.
* ``POST /api/answer`` — the answer to the current task (see :meth:`Room.submit`).

Every ``/api`` request carries the room code (in the body to join, else the ``X-Room-Code``
header) and, once joined, the member's token (``X-Room-Token``).  Bodies over
:data:`MAX_BODY` bytes, anything but JSON, and callers over their rate limit are refused
with a 4xx and a JSON ``{"error": …}`` saying why; a refused request changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable

from aiohttp import web

from workshop.room.limits import RateLimiter
from workshop.room.page import PAGE_HEADERS, page_html
from workshop.room.results import participant_state
from workshop.room.state import Room, RoomError

MAX_BODY = 4096
"""Bytes: an answer is a few hundred; five ideas of 500 characters fit."""

LONG_POLL = 20.0
"""Seconds a state request waits for a change (phones' browsers and proxies keep this open)."""

PHONE_RATE, PHONE_BURST = 10.0, 40
"""Requests a second per joined phone (its token), and the burst allowed above that."""

ADDRESS_RATE, ADDRESS_BURST = 200.0, 400
"""Requests a second per network address (a room's phones each have one; tests share one)."""

JOIN_RATE, JOIN_BURST = 5.0, 60
"""Code checks a second per address (names, join): guessing a room code stays hopeless."""

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}

Listener = Callable[[str], None]


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=SECURITY_HEADERS)


class RoomServer:
    """Serves ``room`` on ``host``:``port`` (0: any free port) until :meth:`stop`."""

    def __init__(self, room: Room, *, host: str = "127.0.0.1", port: int = 0,
                 on_change: Listener | None = None) -> None:
        self.room = room
        self.host = host
        self.port = port
        self.listener = on_change
        self.phones = RateLimiter(PHONE_RATE, PHONE_BURST)
        self.addresses = RateLimiter(ADDRESS_RATE, ADDRESS_BURST)
        self.joins = RateLimiter(JOIN_RATE, JOIN_BURST)
        self._runner: web.AppRunner | None = None
        self._wake = asyncio.Event()
        self._public = room.public_version
        self.stopping = False
        room.on_change = self._room_changed

    # ------------------------------------------------------------------ life

    def web_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/", self._page, allow_head=True)
        app.router.add_post("/api/names", self._names)
        app.router.add_post("/api/join", self._join)
        app.router.add_get("/api/state", self._state, allow_head=False)
        app.router.add_post("/api/answer", self._answer)
        return app

    async def start(self) -> int:
        """Listen; returns the port (OSError if the address cannot be used)."""
        runner = web.AppRunner(self.web_app(), access_log=None, handle_signals=False,
                               shutdown_timeout=0.5)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=True)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        return self.port

    async def stop(self) -> None:
        """Stop listening, end the waiting polls, close every connection."""
        self.stopping = True
        self._wake.set()
        runner, self._runner = self._runner, None
        if runner is not None:
            with contextlib.suppress(Exception):
                await runner.cleanup()

    @property
    def running(self) -> bool:
        return self._runner is not None

    def _room_changed(self, what: str) -> None:
        if self.room.public_version != self._public:
            self._public = self.room.public_version
            self._wake.set()
            self._wake = asyncio.Event()
        if self.listener is not None:
            self.listener(what)

    # ------------------------------------------------------------------ guard

    @web.middleware
    async def _guard(self, request: web.Request,
                     handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        address = request.remote or "?"
        if not self.addresses.allow(address):
            return _error(429, "too many requests: slow down")
        token = request.headers.get("X-Room-Token")
        if token is not None and not self.phones.allow(token[:64]):
            return _error(429, "too many requests from this phone: slow down")
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _error(413, f"request too large (at most {MAX_BODY} bytes)")
        try:
            response = await handler(request)
        except RoomError as error:
            return _error(error.status, error.message)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"request too large (at most {MAX_BODY} bytes)")
        except web.HTTPException as error:
            if error.status == 404:
                return _error(404, "not found: the room has no such page")
            if error.status == 405:
                return _error(405, "method not allowed")
            return _error(error.status, error.reason or "refused")
        except (asyncio.CancelledError, ConnectionError):
            raise
        except Exception:  # a bug must not end the app or say more than this
            return _error(500, "the room could not handle that request")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _json(self, request: web.Request) -> object:
        if request.content_type != "application/json":
            raise RoomError(415, "send JSON (Content-Type: application/json)")
        body = await request.read()
        if len(body) > MAX_BODY:
            raise RoomError(413, f"request too large (at most {MAX_BODY} bytes)")
        try:
            return json.loads(body.decode("utf-8"), parse_constant=_no_constant)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise RoomError(400, "malformed JSON") from None

    def _code_check_allowed(self, request: web.Request) -> None:
        if not self.joins.allow(request.remote or "?"):
            raise RoomError(429, "too many tries: wait a moment")

    def _member(self, request: web.Request):  # type: ignore[no-untyped-def]
        return self.room.member(request.headers.get("X-Room-Code"), request.headers.get("X-Room-Token"))

    # ------------------------------------------------------------------ routes

    async def _page(self, request: web.Request) -> web.Response:
        return web.Response(text=page_html(), content_type="text/html", charset="utf-8", headers=PAGE_HEADERS)

    async def _names(self, request: web.Request) -> web.Response:
        self._code_check_allowed(request)
        body = await self._json(request)
        if not isinstance(body, dict) or set(body) - {"code"}:
            raise RoomError(422, "send {\"code\": …}")
        names = self.room.names_offered(body.get("code"))
        return web.json_response({"room": self.room.title, "names": names})

    async def _join(self, request: web.Request) -> web.Response:
        self._code_check_allowed(request)
        body = await self._json(request)
        if not isinstance(body, dict) or set(body) - {"code", "name"}:
            raise RoomError(422, "send {\"code\": …, \"name\": …}")
        member = self.room.join(body.get("code"), body.get("name"))
        return web.json_response({"token": member.token, "name": member.name, "admitted": member.admitted})

    async def _state(self, request: web.Request) -> web.Response:
        member = self._member(request)
        since = request.query.get("since")
        if since is not None and since == str(self.room.public_version) and not self.stopping:
            wake = self._wake
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(wake.wait(), LONG_POLL)
            member = self._member(request)  # kicked meanwhile (the code changed): say so now
        return web.json_response(participant_state(self.room, member.name, member.admitted))

    async def _answer(self, request: web.Request) -> web.Response:
        member = self._member(request)
        body = await self._json(request)
        kept = self.room.submit(member, body)
        return web.json_response({"kept": kept, "state": participant_state(self.room, member.name, member.admitted)})


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")
