"""The offsite's agenda: a timebox per phase, time spent, time left.

The App ticks the current phase's clock once a second while the timer runs; these functions
hold the arithmetic so that the screens and the export only display it.
"""

from __future__ import annotations

from workshop.method.defaults import DEFAULT_TIMEBOX_MINUTES
from workshop.method.models import Phase, Session, Timebox


def timebox(session: Session, phase: Phase) -> Timebox:
    """The phase's timebox, added with the default duration if the session has none yet."""
    for box in session.agenda:
        if box.phase == phase:
            return box
    box = Timebox(phase=phase, planned_minutes=DEFAULT_TIMEBOX_MINUTES[phase])
    session.agenda.append(box)
    session.agenda.sort(key=lambda b: list(Phase).index(b.phase))
    return box


def seconds_left(box: Timebox) -> int:
    """Planned minus spent, in seconds; negative once the timebox is over."""
    return box.planned_minutes * 60 - box.spent_seconds


def day_seconds_left(session: Session) -> int:
    """What is left of the whole agenda (overruns of one phase eat into the day)."""
    return sum(seconds_left(box) for box in session.agenda)


def tick(session: Session, phase: Phase, seconds: int = 1) -> bool:
    """Count ``seconds`` spent on ``phase``; True when this tick ran its timebox out."""
    box = timebox(session, phase)
    was_within = seconds_left(box) > 0
    box.spent_seconds += seconds
    return was_within and seconds_left(box) <= 0


def clock(seconds: int) -> str:
    """``754`` -> ``"12:34"``, ``3725`` -> ``"1:02:05"``, ``-190`` -> ``"-3:10"``."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def spent_summary(session: Session) -> list[tuple[str, str, str]]:
    """(phase, planned, spent) for each timebox, for the export's appendix."""
    return [
        (box.phase.title, clock(box.planned_minutes * 60), clock(box.spent_seconds))
        for box in session.agenda
    ]
