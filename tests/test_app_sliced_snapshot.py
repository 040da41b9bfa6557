"""A big session's autosave snapshot is taken a slice of partners at a time, so keys typed as it
starts are handled between slices. The slices must add up to exactly the whole snapshot, an edit
made between slices must never be lost or half-saved, and quitting mid-snapshot saves everything."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import workshop.app_saving
from benchmarks.generate import large_session
from session_store import load_session, session_data, session_data_in_slices
from session_store.codec import render_session
from tests.app_harness import app_on, until
from workshop.method.defaults import new_session
from workshop.method.models import Partner


@pytest.mark.parametrize("partners, per_slice", [(0, 3), (1, 3), (3, 3), (4, 3), (10, 3), (250, 7)])
def test_the_slices_add_up_to_the_whole_snapshot(partners: int, per_slice: int) -> None:
    session = large_session(max(partners, 1))
    del session.mapping.partners[partners:]
    steps = list(session_data_in_slices(session, per_slice))
    whole = session_data(session)
    assert steps[-1] == whole
    assert steps[:-1] == [None] * (max(partners - 1, 0) // per_slice)
    assert list(steps[-1]["mapping"]) == list(whole["mapping"])  # same key order: same TOML
    assert render_session(steps[-1]) == render_session(whole)


def sliced_app(tmp_path: Path, monkeypatch, partners: int = 12):  # noqa: ANN001, ANN201
    """An app on a session of ``partners`` whose autosaves are taken two partners at a time."""
    monkeypatch.setattr(
        workshop.app_saving, "session_data_in_slices", functools.partial(session_data_in_slices, partners_per_slice=2)
    )
    session = new_session("Sliced")
    session.mapping.partners = [Partner(name=f"Partner {n}") for n in range(partners)]
    return app_on(session, tmp_path)


def rename_last_and_start_saving(app, name: str) -> None:  # noqa: ANN001
    """Edit the last partner and start the autosave: its first slice is taken, the rest pends."""
    app.editor.set_field(app.session.mapping.partners[-1], "name", name, label="Name")
    app.save_now()
    assert app._slicing is not None  # the snapshot is under way, the UI thread is free


async def test_an_autosave_of_a_big_session_lets_other_work_run_between_slices(tmp_path: Path, monkeypatch):
    app = sliced_app(tmp_path, monkeypatch)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        rename_last_and_start_saving(app, "Last one renamed")
        await until(pilot, lambda: app._slicing is None and app.save_state == "saved", "the sliced save")
        app._saver.wait()  # the snapshot is queued: its write may still be under way on the saver thread
    assert load_session(app.session_file.path).mapping.partners[11].name == "Last one renamed"


async def test_an_edit_between_slices_drops_the_stale_snapshot_and_is_saved_itself(tmp_path: Path, monkeypatch):
    app = sliced_app(tmp_path, monkeypatch)
    written: list[str] = []
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        write_text = app.session_file.write_text
        app.session_file.write_text = lambda text, **kw: (written.append(text), write_text(text, **kw))[1]
        partners = app.session.mapping.partners
        app.editor.set_field(partners[0], "name", "First edit", label="Name")
        app.save_now()  # slice 1 (partners 0-1) is taken now ...
        app.editor.set_field(partners[0], "name", "Second edit", label="Name")  # ... two edits
        app.editor.set_field(partners[11], "name", "Second edit too", label="Name")
        await until(pilot, lambda: not app._pending and app._slicing is None and app.save_state == "saved", "the save")
    # No file ever held half of the second change (partner 0 old, partner 11 new, or the reverse).
    for text in written:
        assert ('"Second edit"' in text) == ('"Second edit too"' in text)
    on_disk = load_session(app.session_file.path).mapping.partners
    assert (on_disk[0].name, on_disk[11].name) == ("Second edit", "Second edit too")


async def test_quitting_while_a_snapshot_is_half_taken_saves_everything(tmp_path: Path, monkeypatch):
    app = sliced_app(tmp_path, monkeypatch)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        rename_last_and_start_saving(app, "Renamed just before quitting")
        await pilot.press("ctrl+q")
    assert app._slicing is None and not app._pending
    assert load_session(app.session_file.path).mapping.partners[11].name == "Renamed just before quitting"
