"""Shared helpers for pilot and snapshot tests of the App: a session on disk, a fixed "today"."""

from __future__ import annotations

import asyncio
import time
from datetime import date
from pathlib import Path

import workshop
from session_store import SessionFile, load_session
from workshop.app import PartnerWorkshopApp
from workshop.method.models import Session

def _steady_cursors() -> None:
    """Text cursors do not blink in tests: a snapshot must not depend on when it is taken."""
    from textual.widgets import Input, TextArea

    Input._toggle_cursor = lambda self: None  # type: ignore[method-assign]
    TextArea._toggle_cursor_blink_visible = lambda self: None  # type: ignore[method-assign]


_steady_cursors()

TODAY = date(2026, 11, 25)
"""The "today" of every App test (the demo session is dated around it)."""

BUNDLED_DEMO = Path(workshop.__file__).parent / "demo" / "demo.toml"

SMALL = (80, 24)
LARGE = (160, 48)


async def tick() -> None:
    """One poll's wait in the bounded waits below: the App runs its own timers and frames meanwhile.

    A plain sleep, not ``pilot.pause(0.02)``: that one also asks every widget to handle a
    callback and forces a frame of the screen, which at 50 polls a second was much of the CPU of
    a test waiting for a 0.15-0.4 s timer (a third of the suite's CPU went that way).  A wait
    for a condition returns as soon as it holds, as before; ``calm`` ends with a ``pilot.pause()``."""
    await asyncio.sleep(0.02)


def app_on(session: Session, folder: Path, name: str = "session.toml") -> PartnerWorkshopApp:
    """An App opened on ``session``, written to ``folder/name``, with time frozen for snapshots."""
    path = folder / name
    SessionFile.create(path, session)
    app = PartnerWorkshopApp(session_path=path, today=TODAY, sessions_dir=folder)
    app.clock = lambda: 0.0  # "saved" never turns into "saved 3 s ago" mid-test
    app.timer_running = False  # the timebox clock stands still: stable snapshots
    return app


def demo_app(folder: Path) -> PartnerWorkshopApp:
    """An App opened on a copy of the bundled demo session."""
    return app_on(load_session(BUNDLED_DEMO), folder, "demo.toml")


async def paste(pilot, text: str) -> None:  # noqa: ANN001 - a Textual Pilot
    """Put ``text`` in the focused field as a terminal paste does (the App hands it to the focus)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def type_ahead(app, *keys: str) -> None:  # noqa: ANN001 - any Textual App
    """Queue ``keys`` all at once, as a fast typist's keys arrive: unlike ``Pilot.press``, which
    waits for the App to be idle after each key, nothing is handled before the last is queued."""
    from textual import events

    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


def _debounce_pending(app) -> str | None:  # noqa: ANN001 - any Textual App
    """The name of a one-shot timer (a debounced refresh, an autosave) that is still to fire, if any."""
    nodes = [app]
    for screen in app.screen_stack:
        nodes.extend(screen.walk_children(with_self=True))
    for node in nodes:
        for timer in list(node._timers):
            task = timer._task
            if timer._repeat == 0 and task is not None and not task.done():
                return f"{timer.name} on {node!r}"
    return None


async def calm(pilot, timeout: float = 20.0) -> None:  # noqa: ANN001 - a Textual Pilot
    """Wait until every one-shot timer (debounced refreshes, the autosave) has fired and run.

    Used instead of a fixed ``pause(0.3)``: it returns as soon as the App is calm (about 0.15 s
    after an edit for a view's refresh, 0.4 s for the stepper), and waits longer under load
    instead of letting the test look too early.  (An autosave's write runs on a thread after its
    timer: read the file with ``saved(app)``, which waits for it.)
    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while (pending := _debounce_pending(app)) is not None:
        assert time.monotonic() < deadline, f"still pending after {timeout} s: {pending}"
        await tick()
    await pilot.pause()


async def until(pilot, condition, what: str = "the condition", timeout: float = 20.0) -> None:  # noqa: ANN001
    """Let the App work until ``condition()`` holds (a generous timeout: the machine may be loaded)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened within {timeout} s: {what}"
        await tick()


async def phase_shown(pilot, key: str, timeout: float = 20.0):  # noqa: ANN001, ANN201 - a Pilot; a PhaseView
    """Wait until the workshop screen shows phase ``key``'s view, mounted and filled.

    ``show_phase`` of a phase not yet opened only *asks* for its view: the view is mounted,
    made current and filled a few messages later (later still on a loaded machine)."""
    from screens.phase_view import PhaseView

    app = pilot.app

    def shown() -> bool:
        found = app.screen.query(f"#view-{key}")
        view = found.first(PhaseView) if found else None
        return view is not None and view._ready and view.display and view.parent.current == view.id

    await until(pilot, shown, f"the {key} view on screen", timeout)
    return app.screen.query_one(f"#view-{key}")


async def settle(pilot) -> None:  # noqa: ANN001 - a Textual Pilot
    """Let pending autosaves and debounced refreshes finish, so a snapshot shows a calm screen."""
    app = pilot.app
    deadline = time.monotonic() + 20.0  # as before, a session that never saves is not an error here
    while (app._pending or app.save_state != "saved") and time.monotonic() < deadline:
        await tick()
    await calm(pilot)  # the view (0.15 s) and stepper (0.4 s) refreshes the save set off


def table_rows(table) -> list[list[str]]:  # noqa: ANN001 - any DataTable
    """What a DataTable shows, row by row, as plain strings."""
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def saved(app: PartnerWorkshopApp) -> Session:
    """What is on disk now, after flushing the App's pending autosave."""
    assert app.flush_save()
    assert app.session_file is not None
    return load_session(app.session_file.path)
