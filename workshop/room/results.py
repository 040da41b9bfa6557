"""What the room's answers add up to, shown on reveal — to the facilitator and on every phone.

Ratings are summed up by the team grid's own rules (:func:`workshop.method.team_scoring.disagreement`):
each person's score, the per-criterion team mean, the spread, and whether the room disagrees
(more than :data:`~workshop.method.team_scoring.DISAGREEMENT_THRESHOLD` points apart).  Nothing is
computed twice: the answers become a partner's ``team_ratings`` and the team grid's view is
taken of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.method.models import RATING_FIELDS, Partner, ParticipantRatings, Ratings
from workshop.room.state import Item, Room, TaskKind
from workshop.method.scoring import format_score, percent_text, weighting
from workshop.method.team_scoring import DISAGREEMENT_THRESHOLD, TeamView, disagreement
from workshop.method.values import format_number


SHORT_LABELS = {
    "icp_overlap": "ICP",
    "market_influence": "Influence",
    "practice_alignment": "Practice",
    "partnership_appetite": "Appetite",
    "revenue_potential": "Revenue",
}
"""The criteria in a word, for a phone's narrow table and the facilitator's columns."""


@dataclass(frozen=True, slots=True)
class RatingResult:
    item: Item
    view: TeamView
    """The team grid's view of these answers (each participant is shown by :meth:`Room.label`)."""

    @property
    def wide(self) -> dict[str, bool]:
        """Per criterion: whether the ratings are more than the threshold apart (the grid's rule)."""
        return {f: (s is not None and s > DISAGREEMENT_THRESHOLD) for f, s in self.view.criterion_spread.items()}


@dataclass(frozen=True, slots=True)
class VoteResult:
    item: Item
    dots: int
    voters: int


def answers_as_partner(room: Room, item: Item, *, labelled: bool = True) -> Partner:
    """The answers about partner ``item`` as a partner's ``team_ratings`` (in joining order).

    ``labelled``: people as the reveal shows them (anonymous rooms: "Person N"); else by name.
    """
    entries = [
        ParticipantRatings(participant=room.label(name) if labelled else name,
                           ratings=Ratings(**given[item.id]))
        for name in room.answered()
        if item.id in (given := room.answers.ratings.get(name, {}))
    ]
    return Partner(id=item.id, name=item.text, team_ratings=entries)


def rating_results(room: Room) -> list[RatingResult]:
    task = room.task
    if task is None or task.kind is not TaskKind.RATE:
        return []
    return [RatingResult(item, disagreement(answers_as_partner(room, item), weights=room.weights))
            for item in task.items]


def vote_results(room: Room) -> list[VoteResult]:
    """Items by dots, most first (equal totals keep the list's order)."""
    task = room.task
    if task is None or task.kind is not TaskKind.VOTE:
        return []
    results = [
        VoteResult(item, sum(d.get(item.id, 0) for d in room.answers.dots.values()),
                   sum(1 for d in room.answers.dots.values() if d.get(item.id)))
        for item in task.items
    ]
    return sorted(results, key=lambda r: -r.dots)


def idea_results(room: Room) -> list[tuple[str, str]]:
    """(who, idea) in joining order; who is "Person N" in an anonymous room."""
    task = room.task
    if task is None or task.kind is not TaskKind.IDEAS:
        return []
    return [(room.label(name), idea) for name in room.answered() for idea in room.answers.ideas.get(name, [])]


def vote_summary(results: list[VoteResult], source: str) -> str:
    """The vote as one parking-lot note: "Dot vote (parking-lot items): 7 dots — X; 4 dots — Y"."""
    ranked = "; ".join(f"{r.dots} dot{'s' if r.dots != 1 else ''} — {r.item.text}" for r in results if r.dots)
    return f"Dot vote ({source}): {ranked or 'no dots placed'}"


# --------------------------------------------------------------------------- as plain data (JSON)


def _rating_json(result: RatingResult) -> dict[str, object]:
    view = result.view
    return {
        "partner": result.item.id,
        "name": result.item.text,
        "people": [
            {"who": s.participant, "ratings": {f: getattr(s.ratings, f) for f in RATING_FIELDS},
             "score": s.score_text}
            for s in view.scores
        ],
        "mean": {f: format_number(getattr(view.mean, f)) for f in RATING_FIELDS},
        "spread": {f: ("" if s is None else f"{s:g}") for f, s in view.criterion_spread.items()},
        "wide": result.wide,
        "team_score": format_score(view.team_score) if view.rated else "",
        "score_spread": "" if view.spread is None else f"{view.spread:.1f}",
        "disputed": view.disputed,
        "sentence": view.sentence,
    }


def results_json(room: Room) -> dict[str, object]:
    """The reveal, as the participant's page shows it."""
    task = room.task
    if task is None:
        return {}
    if task.kind is TaskKind.RATE:
        return {"kind": "rate", "criteria": dict(SHORT_LABELS),
                "partners": [_rating_json(r) for r in rating_results(room)]}
    if task.kind is TaskKind.VOTE:
        return {"kind": "vote", "items": [{"id": r.item.id, "text": r.item.text, "dots": r.dots,
                                           "voters": r.voters} for r in vote_results(room)]}
    return {"kind": "ideas", "ideas": [{"who": who, "text": text} for who, text in idea_results(room)]}


def task_json(room: Room) -> dict[str, object] | None:
    task = room.task
    if task is None:
        return None
    data: dict[str, object] = {"number": task.number, "kind": task.kind.value, "title": task.title,
                               "items": [{"id": i.id, "text": i.text} for i in task.items]}
    if task.kind is TaskKind.RATE:
        weights = weighting(room.weights)  # type: ignore[arg-type]
        data["criteria"] = [{"key": f, "label": label, "short": SHORT_LABELS[f], "weight": percent_text(weights.of(f))}
                            for f, (label, _w) in RATING_FIELDS.items()]
    if task.kind is TaskKind.VOTE:
        data["dots"] = task.dots
        data["source"] = task.source
    return data


def participant_state(room: Room, member_name: str, admitted: bool) -> dict[str, object]:
    """All a participant's page shows: the task, what this person sent, and the reveal."""
    task = room.task
    sent: object = None
    if task is not None:
        if task.kind is TaskKind.RATE:
            sent = room.answers.ratings.get(member_name, {})
        elif task.kind is TaskKind.VOTE:
            sent = room.answers.dots.get(member_name)
        else:
            sent = room.answers.ideas.get(member_name)
    return {
        "version": room.public_version,
        "room": room.title,
        "you": member_name,
        "admitted": admitted,
        "anonymous": room.anonymous,
        "task": task_json(room) if admitted else None,
        "sent": sent if admitted else None,
        "revealed": room.revealed and admitted,
        "accepted": room.accepted,
        "results": results_json(room) if room.revealed and admitted else None,
    }
