"""App lifetime: a big session's objects are frozen out of the garbage collector's walks; an undo step, which
replaces the session, releases them so what is garbage can still be freed; an App that has ended is freed
whole, its saver thread with it."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from pathlib import Path

import pytest

from screens.workshop import WorkshopScreen
from session_store import load_session
from tests.app_harness import app_on, demo_app, until
from workshop.app import FREEZE_FROM_PARTNERS
from workshop.method.defaults import new_session
from workshop.method.models import Partner, Session


@pytest.fixture(autouse=True)
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def session_of(partners: int) -> Session:
    session = new_session("Memory")
    session.mapping.partners = [Partner(name=f"Partner {n}") for n in range(partners)]
    return session


async def test_a_big_session_is_frozen_and_released_when_an_undo_replaces_it(tmp_path: Path):
    app = app_on(session_of(FREEZE_FROM_PARTNERS), tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await until(pilot, lambda: gc.get_freeze_count() > 0, "the session frozen after the first paint")
        app.editor.set_field(app.session.intake, "company_name", "Acme", label="Company name")
        assert app.flush_save()
        app.editor.set_field(app.session.intake, "product_category", "RegTech", label="Product category")
        assert app.flush_save()
        for undone in ("Product category", "Company name"):
            before = app.screen
            await pilot.press("ctrl+z")
            # The undo puts a new workshop screen up on the restored session: the next undo waits for it.
            await until(
                pilot,
                lambda: app.screen is not before and isinstance(app.screen, WorkshopScreen) and app.screen.is_mounted,
                f"the workshop screen back after undoing the {undone}",
            )
        assert app.session.intake.company_name == "" and app.session.intake.product_category == ""
        assert gc.get_freeze_count() == 0  # released: the replaced session can be collected


async def test_a_small_session_is_not_frozen(tmp_path: Path):
    app = app_on(session_of(3), tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        after_first_paint: list[int] = []
        app.call_after_refresh(after_first_paint.append, 1)  # runs after the app's own freeze step
        await until(pilot, lambda: after_first_paint, "the first paint")
        assert gc.get_freeze_count() == 0


async def test_a_closed_terminal_window_ends_the_app_with_the_work_saved(tmp_path: Path, monkeypatch):
    import workshop.app

    app = app_on(session_of(3), tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        app._terminal_fd = 0  # as if running in a real terminal
        monkeypatch.setattr(workshop.app, "terminal_gone", lambda fd: True)
        app.editor.set_field(app.session.intake, "company_name", "Typed just before the window closed", label="Company name")
        app._tick()
        await pilot.pause()
    assert app.return_code == 1
    from session_store import load_session

    assert load_session(app.session_file.path).intake.company_name == "Typed just before the window closed"


def test_terminal_gone_is_false_for_a_live_terminal_and_true_for_no_terminal(tmp_path: Path):
    from workshop.app import terminal_gone

    with open(tmp_path / "not-a-terminal", "w") as file:
        assert terminal_gone(file.fileno())  # ENOTTY: no terminal to talk to


async def test_an_app_that_has_ended_leaves_no_thread_and_is_freed(tmp_path: Path):
    """The saver's thread used to outlive its App, waiting for work that never came, and kept the
    App alive through it (with its session and undo history): one more per session opened."""
    others = set(threading.enumerate())
    app = demo_app(tmp_path)

    async def edit_and_quit() -> None:  # its own task: Textual's "active app" stays in that context
        async with app.run_test(size=(110, 36)) as pilot:
            app.editor.set_field(app.session.intake, "company_name", "Acme", label="Company name")
            await pilot.press("ctrl+q")

    await asyncio.create_task(edit_and_quit())
    assert load_session(tmp_path / "demo.toml").intake.company_name == "Acme"  # written before the end
    ended = weakref.ref(app)
    del app
    gc.collect()
    assert ended() is None
    assert set(threading.enumerate()) <= others
