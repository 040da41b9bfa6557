"""The room in the App (issue 14): participants rate and vote from their phones."""

from __future__ import annotations

ROOM_DEFAULT = ("127.0.0.1", 8765)
"""Where the room listens unless told otherwise: this machine only, a memorable port."""


class RoomHost:
    """Opening, showing and closing the room (a mixin of :class:`workshop.app.PartnerWorkshopApp`)."""

    async def action_room(self) -> None:
        """Show the room; open it first (on 127.0.0.1, or where it was last) if it is closed."""
        from screens.room import RoomScreen

        if self.session is None:
            return
        if self.room is None and not await self.open_room(*(self.room_at or ROOM_DEFAULT), show=False):
            return
        if not isinstance(self.screen, RoomScreen):
            self.push_screen(RoomScreen())

    async def open_room(self, host: str, port: int, *, show: bool = True, anonymous: bool = False) -> bool:
        """Start the room's server on ``host``:``port`` (0: any free port; a busy port falls back
        to a free one, and says so); True once participants can join. An open room is closed
        first (its members are out; what was accepted stays)."""
        from workshop.room.server import RoomServer  # aiohttp: only when a room is opened
        from workshop.room.state import Room

        if not self.session_is_open:
            return False
        await self.close_room(quiet=True)
        room = Room([p.name for p in self.session.participants], title=self.session.title,
                    anonymous=anonymous, weights_source=self._room_weights)
        server = RoomServer(room, host=host, port=port, on_change=self.room_changed)
        try:
            await server.start()
        except OSError as busy:
            if port == 0:
                self.notify(f"The room cannot listen on {host}: {busy.strerror or busy}",
                            title="Room", severity="error", timeout=15, markup=False)
                return False
            server = RoomServer(room, host=host, port=0, on_change=self.room_changed)
            try:
                await server.start()
            except OSError as error:
                self.notify(f"The room cannot listen on {host}: {error.strerror or error}",
                            title="Room", severity="error", timeout=15, markup=False)
                return False
            self.notify(f"Port {port} is taken ({busy.strerror or busy}): the room uses {server.port}; "
                        "the link and QR code on the room screen say so.", title="Room", timeout=8, markup=False)
        self.room, self.room_server, self.room_at = room, server, (host, server.port)
        self.room_revision += 1
        self.refresh_bindings()
        if show:
            from screens.room import RoomScreen

            if not isinstance(self.screen, RoomScreen):
                self.push_screen(RoomScreen())
        return True

    async def close_room(self, *, quiet: bool = False) -> None:
        """Stop the server (everyone is out); answers already accepted stay in the session."""
        server, self.room_server, self.room = self.room_server, None, None
        if server is None:
            return
        await server.stop()
        if not quiet:
            self.notify("The room is closed: phones can no longer answer.", title="Room", timeout=4)
        self.room_revision += 1

    def _room_weights(self) -> object:
        """The open session's scoring weights, as they are now (the room reads them when needed)."""
        return self.session.mapping.weights if self.session is not None else None

    def room_changed(self, what: str) -> None:
        """The room changed (called by its server, in this event loop)."""
        self.room_revision += 1

    @property
    def room_url(self) -> str:
        """The join link (the room code after '#': the page fills it in, no server sees it)."""
        from workshop.room.addresses import join_host

        if self.room is None or self.room_server is None:
            return ""
        host = join_host(self.room_server.host)
        return f"http://{host}:{self.room_server.port}/#{self.room.code}"

    def accept_room(self) -> str | None:
        """Write the revealed answers into the session, as the team grid would: autosaved at once
        (a crash right after loses none of them), undoable as one step. None if refused (said)."""
        from workshop.room.state import RoomError

        if self.room is None or not self.session_is_open:
            return None
        try:
            accepted = self.editor.accept_room(self.room)
        except RoomError as error:
            self.notify(error.message, title="Room", severity="warning", timeout=5, markup=False)
            return None
        self.flush_save()
        if accepted.missing:
            self.notify("Not written (deleted from the map meanwhile): " + ", ".join(accepted.missing),
                        title="Room", severity="warning", timeout=10, markup=False)
        return accepted.description
