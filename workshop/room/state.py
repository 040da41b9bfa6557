"""The room's round: who is in it, what they are asked, what they sent, and what may be sent.

A :class:`Room` is opened on a session's participants.  People join with the room code and a
name; a name from the session's participants is in at once, any other name waits until the
facilitator admits it.  Each member gets a token: every later request carries the code and the
token.  The facilitator asks one :class:`Task` at a time — rate partners (the five criteria,
0-100), dot-vote over a list, or add ideas — and sees how many have answered, never what,
until the reveal.  Sending again replaces one's own earlier answer.

Everything a participant sends is checked here (:meth:`Room.submit`): a bad payload raises
:class:`RoomError` with the HTTP status to answer and a sentence saying why, and changes
nothing.  Pure Python: no Textual, no aiohttp, no files.
"""

from __future__ import annotations

import math
import secrets
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from workshop.method.models import RATING_FIELDS

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Room-code letters: no 0/O, 1/I, easy to read off a projector and type on a phone."""

CODE_LENGTH = 6
MAX_NAME = 60
MAX_IDEA = 500
MAX_IDEAS = 5
"""Ideas one person may have in at once (sending again replaces them)."""
MAX_MEMBERS = 200
MAX_DOTS = 20
MAX_ITEMS = 100
"""At most this many partners in a rating queue, or items on a dot-vote list."""


class RoomError(Exception):
    """A request the room refuses: ``status`` is the HTTP status to answer, the text says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class TaskKind(str, Enum):
    RATE = "rate"
    VOTE = "vote"
    IDEAS = "ideas"


@dataclass(frozen=True, slots=True)
class Item:
    """A partner to rate or an entry to vote on: its id (what is sent back) and its text."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Task:
    kind: TaskKind
    number: int
    """Counts up with every task: an answer names the task it answers (a stale one is refused)."""
    title: str
    items: tuple[Item, ...] = ()
    """Partners to rate (in queue order) or the entries of a dot vote."""
    dots: int = 0
    """Dots each person has in a vote."""
    source: str = ""
    """What a vote's list is ("parking-lot items", "candidate partners", "roadmap items")."""

    def item(self, item_id: object) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise RoomError(422, "unknown partner: not in this round" if self.kind is TaskKind.RATE
                        else "unknown item: not on this vote's list")


@dataclass(slots=True)
class Member:
    token: str
    name: str
    admitted: bool
    number: int
    """Order of first joining (1, 2, …): the anonymous label "Person N"."""


RatingAnswer = dict[str, float]
"""One person's five ratings of one partner, by rating field."""


@dataclass(slots=True)
class Answers:
    """What each person sent for the current task, by name (the latest replaces the earlier)."""

    ratings: dict[str, dict[str, RatingAnswer]] = field(default_factory=dict)
    """name → partner id → the five ratings."""
    dots: dict[str, dict[str, int]] = field(default_factory=dict)
    """name → item id → dots (only items given at least one)."""
    ideas: dict[str, list[str]] = field(default_factory=dict)
    """name → the ideas sent."""

    def of(self, name: str) -> object:
        return self.ratings.get(name) or self.dots.get(name) or self.ideas.get(name)

    def names(self) -> set[str]:
        return set(self.ratings) | set(self.dots) | set(self.ideas)


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normal_code(text: object) -> str:
    """A typed code as the room compares it: upper case, no spaces or dashes."""
    if not isinstance(text, str):
        return ""
    return "".join(ch for ch in text.upper() if ch not in " -")


def clean_text(value: object, what: str, limit: int) -> str:
    """Text a participant sent: a string, not blank, at most ``limit`` characters, savable.

    Kept exactly as typed (leading and trailing blanks aside); control characters other than
    line breaks and tabs are refused (they have no place in a name or an idea and would garble
    a terminal)."""
    if not isinstance(value, str):
        raise RoomError(422, f"{what} must be text")
    text = value.strip()
    if not text:
        raise RoomError(422, f"{what} is empty")
    if len(text) > limit:
        raise RoomError(422, f"{what} is too long ({len(text)} characters, at most {limit})")
    for ch in text:
        if ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        if category == "Cs":
            raise RoomError(422, f"{what} contains an unpaired surrogate, which cannot be saved")
        if category == "Cc":
            raise RoomError(422, f"{what} contains a control character")
    return text


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RoomError(422, f"{what} must be a number")
    try:
        number = float(value)
    except OverflowError:  # an integer of hundreds of digits
        raise RoomError(422, f"{what} must be between 0 and 100") from None
    if not math.isfinite(number):
        raise RoomError(422, f"{what} must be a finite number")
    if not 0 <= number <= 100:
        raise RoomError(422, f"{what} must be between 0 and 100 (got {number:g})")
    return number


def _fields(payload: object, allowed: set[str], required: set[str]) -> Mapping[str, object]:
    if not isinstance(payload, dict):
        raise RoomError(400, "the answer must be a JSON object")
    unknown = sorted(set(payload) - allowed)
    if unknown:
        raise RoomError(422, f"unknown field: {unknown[0][:40]!r}")
    missing = sorted(required - set(payload))
    if missing:
        raise RoomError(422, f"missing field: {missing[0]!r}")
    return payload


class Room:
    """One open room: its code, its members, the current task and the answers to it."""

    def __init__(
        self,
        participants: Iterable[str],
        *,
        title: str = "",
        anonymous: bool = False,
        code: str | None = None,
        on_change: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        weights: object = None,
        weights_source: Callable[[], object] | None = None,
    ) -> None:
        self.title = title
        self._weights = weights
        self.weights_source = weights_source
        """Where the session's weights are read from, each time they are needed (they can be
        changed while the room is open); else :attr:`weights` is a fixed value."""
        self.anonymous = anonymous
        self.code = code or new_code()
        self.participants = list(dict.fromkeys(n for n in participants if n.strip()))
        self.members: dict[str, Member] = {}
        """token → member."""
        self._numbers: dict[str, int] = {}
        """name → the anonymous number it first joined with (kept across rejoins)."""
        self.task: Task | None = None
        self.answers = Answers()
        self.revealed = False
        self.accepted = False
        self.version = 0
        """Bumped on every change the facilitator's screen shows (an answer counts)."""
        self.public_version = 0
        """Bumped on every change every participant's page shows (a new task, the reveal, the
        code changed, someone admitted): waiting polls wake on it, not on each answer."""
        self.answered_at: float | None = None
        """When the last answer came in (for the facilitator's count and the benchmark)."""
        self.on_change = on_change
        self.clock = clock
        self._tasks = 0

    @property
    def weights(self) -> object:
        """The session's scoring weights (:class:`~workshop.method.models.ScoringWeights`; None: the
        method's): the reveal scores with them, the phone shows them beside each criterion."""
        return self.weights_source() if self.weights_source is not None else self._weights

    @weights.setter
    def weights(self, value: object) -> None:
        self._weights = value

    # ------------------------------------------------------------------ changes

    PRIVATE_CHANGES = frozenset({"answer", "joined", "waiting"})
    """Changes that show on the facilitator's screen and on the sender's page only."""

    def _changed(self, what: str) -> None:
        self.version += 1
        if what not in self.PRIVATE_CHANGES:
            self.public_version += 1
        if self.on_change is not None:
            self.on_change(what)

    # ------------------------------------------------------------------ joining

    def check_code(self, code: object) -> None:
        if not secrets.compare_digest(normal_code(code).encode(), self.code.encode()):
            raise RoomError(403, "wrong room code")

    def names_offered(self, code: object) -> list[str]:
        """The session's participants, to pick from (after the code is checked)."""
        self.check_code(code)
        return list(self.participants)

    def join(self, code: object, name: object) -> Member:
        """Join (or join again, from a new phone) as ``name``.

        A session participant is in at once; another name waits for the facilitator to admit it.
        Joining again under a name replaces that name's earlier token (a phone that lost its
        storage, or a second phone): the person keeps the answers sent under that name.
        """
        self.check_code(code)
        text = clean_text(name, "the name", MAX_NAME)
        listed = {n.casefold(): n for n in self.participants}
        canonical = listed.get(text.casefold(), text)
        earlier = [t for t, m in self.members.items() if m.name.casefold() == canonical.casefold()]
        admitted = canonical in self.participants or any(self.members[t].admitted for t in earlier)
        if not earlier and len(self.members) >= MAX_MEMBERS:
            raise RoomError(429, "the room is full")
        for token in earlier:
            del self.members[token]
        number = self._numbers.setdefault(canonical, len(self._numbers) + 1)
        member = Member(token=secrets.token_urlsafe(24), name=canonical, admitted=admitted, number=number)
        self.members[member.token] = member
        self._changed("joined" if admitted else "waiting")
        return member

    def member(self, code: object, token: object) -> Member:
        """The member a request comes from: the code first, then the token."""
        self.check_code(code)
        found = self.members.get(token) if isinstance(token, str) else None
        if found is None:
            raise RoomError(401, "not in the room (the code may have changed): join again")
        return found

    @property
    def waiting(self) -> list[Member]:
        """Names asking to join that are not among the session's participants, oldest first."""
        return [m for m in self.members.values() if not m.admitted]

    def admit(self, token: str) -> None:
        member = self.members.get(token)
        if member is not None and not member.admitted:
            member.admitted = True
            self._changed("admitted")

    def turn_away(self, token: str) -> None:
        if self.members.pop(token, None) is not None:
            self._changed("turned away")

    def change_code(self) -> str:
        """A new code; everyone is out and joins again with it (their answers stay, by name)."""
        old = self.code
        while self.code == old:
            self.code = new_code()
        self.members.clear()
        self._changed("code")
        return self.code

    def label(self, name: str) -> str:
        """How a person is shown on reveal: their name, or "Person N" in an anonymous room."""
        if not self.anonymous:
            return name
        return f"Person {self._numbers.get(name, 0)}"

    # ------------------------------------------------------------------ tasks

    def _start(self, kind: TaskKind, title: str, items: Iterable[Item] = (), *, dots: int = 0,
               source: str = "") -> Task:
        items = tuple(items)
        if kind is not TaskKind.IDEAS and not items:
            raise RoomError(409, "nothing to ask about: the list is empty")
        if len(items) > MAX_ITEMS:
            raise RoomError(409, f"at most {MAX_ITEMS} entries in one round ({len(items)} given)")
        self._tasks += 1
        self.task = Task(kind=kind, number=self._tasks, title=title, items=items, dots=dots, source=source)
        self.answers = Answers()
        self.revealed = False
        self.accepted = False
        self.answered_at = None
        self._changed("task")
        return self.task

    def ask_ratings(self, partners: Iterable[Item]) -> Task:
        """Rate the partners given (one, or a queue), the five criteria each."""
        partners = tuple(partners)
        title = f"Rate {partners[0].text}" if len(partners) == 1 else f"Rate {len(partners)} partners"
        return self._start(TaskKind.RATE, title, partners)

    def ask_votes(self, items: Iterable[Item], dots: int, source: str) -> Task:
        if not 1 <= dots <= MAX_DOTS:
            raise RoomError(409, f"dots per person must be 1-{MAX_DOTS}")
        return self._start(TaskKind.VOTE, f"Dot vote: {source}", items, dots=dots, source=source)

    def ask_ideas(self) -> Task:
        return self._start(TaskKind.IDEAS, "Add ideas to the parking lot")

    def end_task(self) -> None:
        self.task = None
        self.answers = Answers()
        self.revealed = False
        self._changed("task")

    def reveal(self) -> None:
        if self.task is not None and not self.revealed:
            self.revealed = True
            self._changed("reveal")

    def reopen(self) -> None:
        """Hide the answers again and let people go on answering (a reveal too early)."""
        if self.revealed and not self.accepted:
            self.revealed = False
            self._changed("reopen")

    def mark_accepted(self) -> None:
        self.accepted = True
        self._changed("accepted")

    # ------------------------------------------------------------------ answering

    def submit(self, member: Member, payload: object) -> object:
        """Check and keep ``member``'s answer to the current task; returns what is kept."""
        if not member.admitted:
            raise RoomError(403, "the facilitator has not let you in yet")
        task = self.task
        if task is None:
            raise RoomError(409, "there is no question open right now")
        body = _fields(payload, {"task", "partner", "ratings", "dots", "ideas"}, {"task"})
        number = body["task"]
        if isinstance(number, bool) or not isinstance(number, int):
            raise RoomError(422, "task must be a whole number")
        if number != task.number:
            raise RoomError(409, "that question is closed: the facilitator has moved on")
        if self.revealed:
            raise RoomError(409, "answers are closed: the facilitator has revealed them")
        if task.kind is TaskKind.RATE:
            kept: object = self._rate(member, task, body)
        elif task.kind is TaskKind.VOTE:
            kept = self._vote(member, task, body)
        else:
            kept = self._ideas(member, body)
        self.answered_at = self.clock()
        self._changed("answer")
        return kept

    @staticmethod
    def _only(body: Mapping[str, object], *names: str) -> None:
        extra = sorted(k for k in body if k not in ("task", *names))
        if extra:
            raise RoomError(422, f"unexpected field for this question: {extra[0]!r}")
        missing = [n for n in names if n not in body]
        if missing:
            raise RoomError(422, f"missing field: {missing[0]!r}")

    def _rate(self, member: Member, task: Task, body: Mapping[str, object]) -> RatingAnswer:
        self._only(body, "partner", "ratings")
        partner = task.item(body["partner"])
        ratings = body["ratings"]
        if not isinstance(ratings, dict):
            raise RoomError(422, "ratings must be an object of the five criteria")
        unknown = sorted(k for k in ratings if k not in RATING_FIELDS)
        if unknown:
            raise RoomError(422, f"unknown criterion: {str(unknown[0])[:40]!r}")
        answer: RatingAnswer = {}
        for key, (label, _weight) in RATING_FIELDS.items():
            if key not in ratings:
                raise RoomError(422, f"missing rating: {label}")
            answer[key] = _number(ratings[key], label)
        self.answers.ratings.setdefault(member.name, {})[partner.id] = answer
        return answer

    def _vote(self, member: Member, task: Task, body: Mapping[str, object]) -> dict[str, int]:
        self._only(body, "dots")
        dots = body["dots"]
        if not isinstance(dots, dict):
            raise RoomError(422, "dots must be an object: item id → number of dots")
        given: dict[str, int] = {}
        for item_id, count in dots.items():
            item = task.item(item_id)
            if isinstance(count, bool) or not isinstance(count, int):
                raise RoomError(422, "dots must be whole numbers")
            if count < 0:
                raise RoomError(422, "dots cannot be negative")
            if count:
                given[item.id] = count
        total = sum(given.values())
        if total > task.dots:
            raise RoomError(422, f"{total} dots placed, but each person has {task.dots}")
        self.answers.dots[member.name] = given
        return given

    def _ideas(self, member: Member, body: Mapping[str, object]) -> list[str]:
        self._only(body, "ideas")
        ideas = body["ideas"]
        if not isinstance(ideas, list):
            raise RoomError(422, "ideas must be a list of texts")
        if not 1 <= len(ideas) <= MAX_IDEAS:
            raise RoomError(422, f"send 1 to {MAX_IDEAS} ideas at a time")
        kept = [clean_text(idea, "an idea", MAX_IDEA) for idea in ideas]
        self.answers.ideas[member.name] = kept
        return kept

    # ------------------------------------------------------------------ counting

    @property
    def admitted(self) -> list[Member]:
        return [m for m in self.members.values() if m.admitted]

    def answered(self) -> list[str]:
        """Names that have answered the current task (a rating queue: at least one partner)."""
        return sorted(self.answers.names(), key=lambda n: self._numbers.get(n, 0))

    def answered_count(self, item_id: str | None = None) -> int:
        """How many have answered; for a rating queue, ``item_id`` counts one partner's raters."""
        if item_id is None:
            return len(self.answers.names())
        return sum(1 for given in self.answers.ratings.values() if item_id in given)

    def expected(self) -> int:
        """How many could answer: the members in the room (at least those who answered)."""
        names = {m.name for m in self.admitted} | self.answers.names()
        return len(names)
