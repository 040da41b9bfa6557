"""What a screen may ask of the App that hosts it, typed.

Screens sit below the App (``workshop.app`` imports them, never the other way round), so they
know it only by this protocol: the open session (to read), the :class:`SessionEditor` (the one
way to change it), "today", the header's states and the few session-level requests (open,
create, leave, remember where the team is).  :func:`host` gives it for any widget or screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from session_store import SessionFile, SessionSummary
    from workshop.method.editor import SessionEditor
    from workshop.method.models import Session
    from workshop.room.server import RoomServer
    from workshop.room.state import Room


class WorkshopHost(Protocol):
    """The App as the screens see it (``workshop.app.PartnerWorkshopApp`` provides all of it)."""

    session: Session | None
    session_file: SessionFile | None
    sessions_dir: Path | None
    save_state: str
    clock_state: str

    @property
    def editor(self) -> SessionEditor: ...

    @property
    def today(self) -> date: ...

    def open_session(self, path: Path) -> bool: ...

    def create_session(self, session: Session) -> bool: ...

    def list_sessions(self) -> list[SessionSummary]: ...

    def open_demo(self) -> bool: ...

    def leave_session(self, then: Callable[[], object], leaving: str) -> None: ...

    def show_home(self) -> None: ...

    def write_blueprint(self, data: bytes, path: Path, *, force: bool = False) -> Path: ...

    def export_blueprint(
        self, path: Path, *, fmt: str = "markdown", audience: str = "team", force: bool = False
    ) -> Path: ...

    # the room (issue 14)
    room: Room | None
    room_server: RoomServer | None
    room_at: tuple[str, int] | None

    @property
    def room_url(self) -> str: ...

    def accept_room(self) -> str | None: ...

    def room_changed(self, what: str) -> None: ...

    async def open_room(self, host: str, port: int, *, show: bool = True, anonymous: bool = False) -> bool: ...

    async def close_room(self, *, quiet: bool = False) -> None: ...


def host(node: DOMNode) -> WorkshopHost:
    """The App hosting ``node``, as a :class:`WorkshopHost`."""
    return cast("WorkshopHost", node.app)


def open_session(node: DOMNode) -> Session:
    """The session open in the App hosting ``node`` (there is one whenever a phase is shown)."""
    session = host(node).session
    assert session is not None, "no session is open"
    return session


def editor(node: DOMNode) -> SessionEditor:
    """The editor of the session open in the App hosting ``node``."""
    return host(node).editor
