"""The first save of a process renders the whole file with tomli-w (≈ 0.1 s at 1,000 partners):
it must never run on the UI thread, or keys typed meanwhile would wait for it.  (The keypress
figure during that first save is a benchmark: ``python -m benchmarks.pilot``.)"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from benchmarks.generate import large_session
from session_store import load_session
from session_store.toml_render import TableRenderer, forget_rendered
from tests.app_harness import app_on, settle


@pytest.fixture
def render_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of every TOML render from here on (every save renders with it)."""
    threads: list[str] = []
    dumps = TableRenderer.dumps

    def recording(self, data):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread().name)
        return dumps(self, data)

    monkeypatch.setattr(TableRenderer, "dumps", recording)
    return threads


async def test_the_first_save_of_the_process_and_the_autosaves_render_off_the_ui_thread(
    tmp_path: Path, render_threads: list[str]
):
    app = app_on(large_session(300), tmp_path)
    forget_rendered()  # as in a new process: nothing rendered before (app_on wrote the file)
    render_threads.clear()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)  # the first render (the undo history's first step) has been queued
        app.editor.set_field(app.session.intake, "company_name", "Typed at once", label="Company name")
        await settle(pilot)  # the autosave is written
        await pilot.press("ctrl+s")  # a save asked for, too
        await settle(pilot)
        assert app.flush_save()
    assert render_threads, "nothing was rendered: the test saw no save"
    main = threading.main_thread().name
    assert main not in render_threads, render_threads
    assert load_session(app.session_file.path).intake.company_name == "Typed at once"
