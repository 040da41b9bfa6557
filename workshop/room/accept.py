"""Accepting the room's answers: they go into the session as if typed into the team grid.

Ratings become each person's ``team_ratings`` of the partner (the same
:func:`~workshop.method.team_scoring.set_participant_rating` the team grid stores with, then
:func:`~workshop.method.team_scoring.apply_team_mean`), so the team mean is the partner's rating and the
export's individual-ratings appendix lists them.  A person's new ratings replace the ones they
had.  Ideas become parking-lot notes, exactly as typed; a dot vote becomes one note with the
tally.  The caller records the edit (autosave, undo) with the description returned.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.method.models import RATING_FIELDS, ParkingNote, Phase, Session
from workshop.room.results import answers_as_partner, idea_results, vote_results, vote_summary
from workshop.room.state import Room, RoomError, TaskKind
from workshop.method.team_scoring import apply_team_mean, set_participant_rating


@dataclass(frozen=True, slots=True)
class Accepted:
    description: str
    """The change as the history and undo name it."""
    missing: tuple[str, ...] = ()
    """Partners of the round no longer in the session (deleted meanwhile): nothing written."""


def accept(room: Room, session: Session, phase: Phase | None = None) -> Accepted:
    """Write the revealed answers into ``session``; :class:`RoomError` (409) if not revealed yet."""
    task = room.task
    if task is None or not room.revealed:
        raise RoomError(409, "reveal the answers before accepting them")
    if room.accepted:
        raise RoomError(409, "these answers are already in the session")
    if task.kind is TaskKind.RATE:
        result = _accept_ratings(room, session)
    elif task.kind is TaskKind.VOTE:
        note = vote_summary(vote_results(room), task.source)
        session.parking_lot.append(ParkingNote(text=note, phase=phase))
        result = Accepted("Room: dot vote result parked")
    else:
        ideas = idea_results(room)
        for _who, text in ideas:
            session.parking_lot.append(ParkingNote(text=text, phase=phase))
        result = Accepted(f"Room: {len(ideas)} idea{'s' if len(ideas) != 1 else ''} parked")
    room.mark_accepted()
    return result


def _accept_ratings(room: Room, session: Session) -> Accepted:
    assert room.task is not None
    partners = {p.id: p for p in session.mapping.partners}
    written: list[str] = []
    missing: list[str] = []
    for item in room.task.items:
        partner = partners.get(item.id)
        answers = answers_as_partner(room, item, labelled=room.anonymous).team_ratings
        if not answers:
            continue
        if partner is None:
            missing.append(item.text)
            continue
        for entry in answers:
            for field in RATING_FIELDS:
                set_participant_rating(partner, entry.participant, field, getattr(entry.ratings, field))
        apply_team_mean(partner)
        written.append(partner.name)
    if not written:
        what = "Room: no ratings to accept"
    elif len(written) == 1:
        what = f"Team scores for {written[0]} (from the room)"
    else:
        what = f"Team scores for {len(written)} partners (from the room)"
    return Accepted(what, tuple(missing))
