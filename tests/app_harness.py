"""Shared helpers for pilot and snapshot tests of the App: a session on disk, a fixed "today"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import workshop
from session_store import SessionFile, load_session
from workshop.app import PartnerWorkshopApp
from workshop.models import Session

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


async def settle(pilot) -> None:  # noqa: ANN001 - a Textual Pilot
    """Let pending autosaves and debounced refreshes finish, so a snapshot shows a calm screen."""
    app = pilot.app
    for _ in range(60):
        await pilot.pause(0.1)
        if not app._pending and app.save_state == "saved":
            break
    await pilot.pause(0.5)  # view (0.15 s) and stepper (0.4 s) refreshes


def table_rows(table) -> list[list[str]]:  # noqa: ANN001 - any DataTable
    """What a DataTable shows, row by row, as plain strings."""
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def saved(app: PartnerWorkshopApp) -> Session:
    """What is on disk now, after flushing the App's pending autosave."""
    assert app.flush_save()
    assert app.session_file is not None
    return load_session(app.session_file.path)
