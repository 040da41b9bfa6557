"""Undo/redo snapshots and the agenda's clock arithmetic."""

from workshop.method.agenda import clock, day_seconds_left, seconds_left, spent_summary, tick, timebox
from workshop.method.defaults import new_session
from workshop.method.models import Phase
from workshop.method.undo import UndoHistory


def test_undo_and_redo_walk_the_snapshots_with_their_descriptions():
    history = UndoHistory()
    history.reset("v0")
    history.record("v1", "Company name changed")
    history.record("v2", "Added partner")
    assert history.undo() == ("v1", "Added partner")
    assert history.undo() == ("v0", "Company name changed")
    assert history.undo() is None
    assert history.redo() == ("v1", "Company name changed")
    history.record("v3", "Title changed")  # a new edit forgets what could be redone
    assert not history.can_redo
    assert history.undo() == ("v1", "Title changed")


def test_typing_on_in_the_same_field_after_a_pause_is_one_step():
    history = UndoHistory()
    history.reset("")
    history.record("Reg", "Product category changed")
    history.record("RegTech", "Product category changed")
    assert history.undo() == ("", "Product category changed")
    history.redo()
    history.record("RegTech!", "Product category changed")  # after an undo/redo: a new step
    assert history.undo() == ("RegTech", "Product category changed")


def test_an_unchanged_snapshot_is_not_a_step_and_the_limit_holds():
    history = UndoHistory(limit=50)
    history.reset("start")
    history.record("start", "nothing really")
    assert not history.can_undo
    for n in range(80):
        history.record(f"v{n}", f"edit {n}")
    steps = 0
    while history.undo() is not None:
        steps += 1
    assert steps == 50


def test_ticking_counts_time_and_reports_once_when_the_timebox_runs_out():
    session = new_session()
    box = timebox(session, Phase.THESIS)
    box.planned_minutes = 1
    assert [tick(session, Phase.THESIS, 30), tick(session, Phase.THESIS, 30), tick(session, Phase.THESIS, 30)] == [
        False,
        True,
        False,
    ]
    assert seconds_left(box) == -30
    assert clock(seconds_left(box)) == "-0:30"
    assert clock(3725) == "1:02:05"
    assert day_seconds_left(session) == sum(b.planned_minutes * 60 for b in session.agenda) - 90


def test_a_session_without_an_agenda_gets_the_default_timebox():
    session = new_session()
    session.agenda.clear()
    assert timebox(session, Phase.MAPPING).planned_minutes == 90
    assert [row[0] for row in spent_summary(session)] == ["Market mapping"]
