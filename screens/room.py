"""The room on the facilitator's screen: how to join, what the room is answering, the reveal.

Left: the QR code of the join link (black on white, whatever the theme), the link and the room
code in large letters, and who can reach it.  Right: the question now open, how many have
answered (never what, until the reveal), who is asking to join, and after the reveal each
person's ratings, the spread, the outliers and the team mean (the team grid's own figures).
The room's rules are in :mod:`workshop.room`; this screen only shows them and passes the keys on.
The results tables are :class:`~screens.room_results.RoomResults` (a mixin of the screen).
Text from the session and from participants is shown literally (:func:`screens.text.literal`).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from screens.footer import SteadyFooter
from screens.host import host, open_session
from screens.header import AppHeader
from screens.room_results import RoomResults, Said
from screens.text import literal
from workshop.method.models import Partner
from workshop.room.addresses import LOOPBACK, machine_addresses, reachable_from
from workshop.room.qr import qr_lines
from workshop.room.state import Item, Room, RoomError, TaskKind


HELP = ("r: rate this partner  q: rate a queue  v: dot vote  i: ideas  space: reveal/hide  "
        "a: accept  w: admit  n: anonymous  c: new code  h: address  x: close room  Esc: back")


class RoomScreen(RoomResults, Screen[None]):
    """The open room (F12); Esc goes back to the workshop, the room stays open."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("r", "rate_current", "Rate partner"),
        Binding("q", "rate_queue", "Queue"),
        Binding("v", "vote", "Dot vote"),
        Binding("i", "ideas", "Ideas"),
        Binding("space", "reveal", "Reveal"),
        Binding("a", "accept", "Accept"),
        Binding("w", "admit", "Admit", show=False),
        Binding("n", "anonymous", "Anonymous", show=False),
        Binding("c", "new_code", "New code", show=False),
        Binding("h", "address", "Address", show=False),
        Binding("x", "close_room", "Close room"),
    ]

    DEFAULT_CSS = """
    RoomScreen #room-body { height: 1fr; }
    RoomScreen #room-join { width: auto; min-width: 30; max-width: 60%; height: auto; padding: 0 1; }
    RoomScreen #room-qr { width: auto; color: #000000; background: #ffffff; }
    RoomScreen #room-code { text-style: bold; color: $warning; margin-top: 1; }
    RoomScreen #room-link { text-style: bold; }
    RoomScreen #room-reach { color: $text-muted; width: 33; }
    RoomScreen #room-side { width: 1fr; padding: 0 1; }
    RoomScreen #room-task { text-style: bold; color: $primary; }
    RoomScreen #room-count { text-style: bold; background: $boost; padding: 0 1; height: 2; }
    RoomScreen #room-waiting { background: $warning 25%; display: none; }
    RoomScreen #room-waiting.-shown { display: block; }
    RoomScreen #room-results { height: auto; max-height: 16; }
    RoomScreen #room-people { height: auto; max-height: 12; margin-top: 1; display: none; }
    RoomScreen.-revealed #room-people { display: block; }
    RoomScreen #room-verdict { height: auto; }
    RoomScreen #room-verdict.-disputed { background: $error 30%; text-style: bold; }
    RoomScreen #room-help { color: $text-muted; }
    RoomScreen.-closed #room-qr { display: none; }
    RoomScreen.-revealed #room-qr, RoomScreen.-revealed #room-reach { display: none; }
    RoomScreen.-revealed #room-join { min-width: 0; }
    RoomScreen.-asking #room-help { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown_task: object = None
        self._queued = False
        self._qr_for = ""
        self._counts: dict[object, int] = {}

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="room-body"):
            with Vertical(id="room-join"):
                yield Said(id="room-qr")
                yield Said(id="room-code")
                yield Said(id="room-link")
                yield Said(id="room-reach")
            with VerticalScroll(id="room-side"):
                yield Said(id="room-task")
                yield Said(id="room-count")
                yield Said(id="room-waiting")
                yield DataTable(id="room-results", cursor_type="row", zebra_stripes=True)
                yield DataTable(id="room-people", cursor_type="none")
                yield Said(id="room-verdict")
                yield Static(HELP, id="room-help", markup=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "room_revision", self._changed, init=False)
        self.refresh_room()
        self.query_one("#room-results", DataTable).focus()

    # ------------------------------------------------------------------ state

    @property
    def room(self) -> Room | None:
        return host(self).room

    def _changed(self) -> None:
        """Answers can come in bursts: one refresh for all that arrived before the next frame.
        (Redrawing at most every 0.1 s instead was tried: no gain measured, the count later.)"""
        if not self._queued:
            self._queued = True
            self.call_next(self._refresh_queued)

    def _refresh_queued(self) -> None:
        self._queued = False
        if self.is_attached:
            self.refresh_room()

    def refresh_room(self) -> None:
        room = self.room
        self.set_class(room is None, "-closed")
        if room is None:
            self.set_class(False, "-revealed", "-asking")
            self.query_one("#room-code", Said).say("The room is closed.")
            self.query_one("#room-link", Said).say("F12 opens it again (a new code).")
            self.query_one("#room-reach", Said).say("")
            for name in ("#room-task", "#room-count", "#room-verdict", "#room-waiting"):
                self.query_one(name, Said).say("")
            self.query_one("#room-waiting", Said).set_class(False, "-shown")
            self.query_one("#room-results", DataTable).clear(columns=True)
            self.query_one("#room-people", DataTable).clear(columns=True)
            return
        url = host(self).room_url
        if url != self._qr_for:
            self._qr_for = url
            lines = qr_lines(url)
            self.query_one("#room-qr", Said).say("\n".join(lines))
            self.query_one("#room-reach", Said).styles.width = max(30, len(lines[0]))
        self.query_one("#room-code", Said).say(f"Room code  {room.code[:3]} {room.code[3:]}")
        self.query_one("#room-link", Said).say(url.split("#", 1)[0])
        server = host(self).room_server
        anonymous = "  Anonymous room: names are not shown on reveal." if room.anonymous else ""
        where = reachable_from(server.host)
        if server.host == LOOPBACK:
            where += " h: the Wi-Fi address, for phones."
        self.query_one("#room-reach", Said).say(where + anonymous)
        waiting = room.waiting
        box = self.query_one("#room-waiting", Said)
        box.set_class(bool(waiting), "-shown")
        box.say(literal("Asking to join (w to admit): " + ", ".join(m.name for m in waiting)) if waiting else "")
        self._show_task()

    def _show_task(self) -> None:
        room = self.room
        task = room.task
        self.set_class(room.revealed, "-revealed")  # the results get the width; the code stays
        self.set_class(task is not None, "-asking")
        title = self.query_one("#room-task", Said)
        count = self.query_one("#room-count", Said)
        in_room = len(room.admitted)
        if task is None:
            title.say(literal(f"No question open · {in_room} in the room"))
            count.say("r: rate the partner selected on Mapping · q: a queue · v: dot vote · i: ideas")
            self._fill_table(None)
            self.query_one("#room-verdict", Said).say("")
            return
        state = "REVEALED" + (" · accepted into the session" if room.accepted else " · a: accept") if room.revealed \
            else "answers hidden · space: reveal"
        title.say(literal(f"{task.title}  ({state})"))
        answered = room.answered()
        if not answered and not in_room:
            count.say("Nobody has joined yet: the code and the QR code are on the left.", layout=False)
        else:
            head = f"{len(answered)} of {max(room.expected(), in_room)} answered"
            count.say(literal(head + ("" if room.anonymous else self._names(answered, len(head)))), layout=False)
        self._fill_table(task)

    def _names(self, names: list[str], used: int) -> str:
        """": A, B, C" — as many as fit the count's two lines, then "and N more"."""
        if not names:
            return ""
        width = self.query_one("#room-count").content_size.width or 60
        room_for = 2 * width - used - 16
        shown: list[str] = []
        for name in names:
            if sum(len(n) + 2 for n in shown) + len(name) > room_for:
                break
            shown.append(name)
        rest = len(names) - len(shown)
        return ": " + ", ".join(shown) + (f" and {rest} more" if rest else "")

    @on(DataTable.RowHighlighted, "#room-results")
    def _highlighted(self) -> None:
        room = self.room
        if room is not None and room.revealed and room.task is not None and room.task.kind is TaskKind.RATE:
            self._show_people()

    # ------------------------------------------------------------------ asking

    def _ask(self, start) -> None:  # type: ignore[no-untyped-def]
        """Ask a new question; if the open one has answers not accepted, ask first (they go)."""
        from screens.dialogs import ConfirmDialog

        room = self.room
        if room is None:
            self.notify("The room is closed: F12 opens it.", timeout=3)
            return

        def go(yes: bool | None = True) -> None:
            if not yes or self.room is None:
                return
            try:
                start()
            except RoomError as error:
                self.notify(error.message, title="Room", severity="warning", timeout=5, markup=False)

        answered = len(room.answered())
        if room.task is not None and answered and not room.accepted:
            self.app.push_screen(ConfirmDialog(
                f"{answered} {'person has' if answered == 1 else 'people have'} answered “{room.task.title}”, "
                "and the answers are not accepted. Ask the new question and drop them?",
                title="Drop the answers?", yes="Drop them, ask", no="Keep them"), go)
            return
        go()

    def _partners(self) -> list[Partner]:
        return list(open_session(self).mapping.partners)

    def _selected_partner(self) -> Partner | None:
        """The partner selected on the Mapping screen (else the first on the map)."""
        from screens.mapping import MappingView
        from screens.workshop import WorkshopScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, WorkshopScreen):
                for view in screen.query(MappingView):
                    partner = view.table.selected
                    if partner is not None:
                        return partner
        partners = self._partners()
        return partners[0] if partners else None

    def action_rate_current(self) -> None:
        partner = self._selected_partner()
        if partner is None:
            self.notify("No partner on the map yet: add partners under Mapping (3).", timeout=5)
            return
        self._ask(lambda: self.room.ask_ratings([Item(partner.id, partner.name)]))

    def action_rate_queue(self) -> None:
        from screens.dialogs import ChoiceDialog

        partners = self._partners()
        unrated = [p for p in partners if not p.team_ratings]
        tier_a = [p for p in partners if p.landscape_tier.value == "A"]
        choices = [(f"All {len(partners)} partners, in the map's order", partners)]
        if unrated and len(unrated) != len(partners):
            choices.append((f"The {len(unrated)} partners without team scores yet", unrated))
        if tier_a and len(tier_a) != len(partners):
            choices.append((f"The {len(tier_a)} tier-A partners", tier_a))

        def chosen(picked: object) -> None:
            if isinstance(picked, list):
                self._ask(lambda: self.room.ask_ratings([Item(p.id, p.name) for p in picked]))

        self.app.push_screen(ChoiceDialog("Rate a queue of partners", choices), chosen)

    def action_vote(self) -> None:
        from screens.dialogs import ChoiceDialog

        session = open_session(self)
        notes = [Item(f"n{i}", n.text) for i, n in enumerate(session.parking_lot) if not n.resolved]
        candidates = [Item(p.id, p.name) for p in session.mapping.partners if p.stage.value in ("prospect", "recruiting")]
        roadmap = [Item(f"r{q}-{i}", f"{quarter.name}: {item.text}")
                   for q, quarter in enumerate(session.roadmap.quarters)
                   for i, item in enumerate(quarter.items) if not item.done]
        lists = [(f"Parking-lot items ({len(notes)} open)", ("parking-lot items", notes)),
                 (f"Candidate partners ({len(candidates)} prospects and recruiting)", ("candidate partners", candidates)),
                 (f"Roadmap items ({len(roadmap)} not done)", ("roadmap items", roadmap))]

        def dots_for(source: str, items: list[Item]):  # type: ignore[no-untyped-def]
            def chosen(dots: object) -> None:
                if isinstance(dots, int):
                    self._ask(lambda: self.room.ask_votes(items, dots, source))
            return chosen

        def listed(picked: object) -> None:
            if isinstance(picked, tuple):
                source, items = picked
                choices = [(f"{n} dots each", n) for n in (3, 5, 1, 10)]
                self.app.push_screen(ChoiceDialog(f"Dot vote over {source}", choices), dots_for(source, items))

        self.app.push_screen(ChoiceDialog("Dot vote: over which list?", lists), listed)

    def action_ideas(self) -> None:
        self._ask(lambda: self.room.ask_ideas())

    def action_reveal(self) -> None:
        room = self.room
        if room is None or room.task is None:
            self.notify("No question open: r, q, v or i asks one.", timeout=3)
            return
        if room.revealed:
            if room.accepted:
                self.notify("Already accepted into the session.", timeout=3)
            else:
                room.reopen()
        else:
            room.reveal()

    def action_accept(self) -> None:
        done = host(self).accept_room()
        if done is not None:
            self.notify(f"Accepted: {done}. Saved; ctrl+z on the workshop undoes it.", title="Room", timeout=5,
                        markup=False)

    def action_admit(self) -> None:
        from screens.dialogs import ChoiceDialog

        room = self.room
        if room is None or not room.waiting:
            self.notify("Nobody is asking to join.", timeout=3)
            return
        choices = [(f"Admit {m.name}", ("admit", m.token)) for m in room.waiting]
        choices += [(f"Turn away {m.name}", ("away", m.token)) for m in room.waiting]

        def chosen(picked: object) -> None:
            if isinstance(picked, tuple) and self.room is not None:
                what, token = picked
                (self.room.admit if what == "admit" else self.room.turn_away)(token)

        self.app.push_screen(ChoiceDialog("Asking to join (not among the participants)", choices), chosen)

    def action_anonymous(self) -> None:
        room = self.room
        if room is None:
            return
        if room.task is not None and room.answered() and room.revealed:
            self.notify("Answers are revealed already: anonymity is chosen before the reveal.", timeout=5)
            return
        room.anonymous = not room.anonymous
        self.notify("Anonymous: names are hidden on reveal and in what is accepted." if room.anonymous
                    else "Names are shown on reveal.", timeout=4)
        host(self).room_changed("anonymous")

    def action_new_code(self) -> None:
        from screens.dialogs import ConfirmDialog

        if self.room is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.room is not None:
                self.room.change_code()
                self.notify("New code: everyone is out and joins again with it.", title="Room", timeout=5)

        self.app.push_screen(ConfirmDialog("Change the room code? Everyone in the room is sent out and joins "
                                           "again with the new code (their answers are kept).",
                                           title="New room code", yes="New code", no="Cancel"), confirmed)

    def action_address(self) -> None:
        from screens.dialogs import ChoiceDialog

        addresses = machine_addresses()
        choices = [(f"{a}  — only this machine" if a == LOOPBACK else f"{a}  — anyone on this network with the code", a)
                   for a in addresses]
        choices.append(("0.0.0.0  — every network this machine is on", "0.0.0.0"))

        def chosen(address: object) -> None:
            if isinstance(address, str):
                port = host(self).room_at[1] if host(self).room_at else 0
                self.run_worker(self._move(address, port), group="room")

        self.app.push_screen(ChoiceDialog(
            "Where phones join", choices,
            message="Pick the address of the room's Wi-Fi. Anyone on that network who has the room code can "
                    "join; changing it starts a new room (a new code)."), chosen)

    async def _move(self, address: str, port: int) -> None:
        await host(self).open_room(address, port, show=False)
        self.refresh_room()

    async def action_close_room(self) -> None:
        await host(self).close_room()
        self.refresh_room()

    def action_back(self) -> None:
        self.app.pop_screen()
