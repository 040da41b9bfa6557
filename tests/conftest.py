"""Shared fixtures (keep this small)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.gc_policy import tune_garbage_collector

tune_garbage_collector()  # as the app runs (and App tests spent a third of their CPU collecting)

import workshop  # noqa: E402
from session_store import load_session  # noqa: E402
from workshop.method.models import Session  # noqa: E402

BUNDLED_DEMO = Path(workshop.__file__).parent / "demo" / "demo.toml"


def _pilot_pause_waits_for_the_messages() -> None:
    """``pilot.pause()`` returns once every message the App's nodes already have is handled.

    Textual's own ``pause()`` handles what the screen had queued and then waits for the
    *process* to look idle (its CPU time not advancing for 20 ms).  On a loaded machine a
    process that gets no CPU looks idle too, so a screen pushed by a key, or a view mounted a
    few messages later, could still be on its way when the test went on to assert.  This
    waits for the condition itself — no message queued on the App, any screen or any widget —
    bounded (20 s), and costs nothing when the App is already quiet.  ``pilot.press`` too.
    """
    import asyncio
    import time

    from textual.pilot import Pilot

    textual_pause = Pilot.pause

    def busy(app) -> bool:  # noqa: ANN001 - a Textual App
        nodes = [app]
        for screen in app.screen_stack:
            nodes.extend(screen.walk_children(with_self=True))
        return any(node.message_queue_size or node._next_callbacks for node in nodes)

    async def drained(self: Pilot) -> None:
        deadline = time.monotonic() + 20.0
        while self.app.is_running and busy(self.app) and time.monotonic() < deadline:
            await self._wait_for_screen()
            await asyncio.sleep(0.005)

    async def pause(self: Pilot, delay: float | None = None) -> None:
        await textual_pause(self, delay)
        if delay is None:
            await drained(self)

    async def press(self: Pilot, *keys: str) -> None:
        """The same for ``pilot.press``: a test asserts on what a key did right after it
        (a dialog pushed, a row added) without a ``pause()`` between."""
        await textual_press(self, *keys)
        if keys:
            await drained(self)

    textual_press = Pilot.press
    Pilot.pause = pause  # type: ignore[method-assign]
    Pilot.press = press  # type: ignore[method-assign]


_pilot_pause_waits_for_the_messages()


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the person's own data or cache folders (the parse cache, sessions).

    Tests that want a data folder of their own use ``tmp_home``; the rest share one per run.
    """
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("PARTNER_WORKSHOP_HOME", str(base / "workshop-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))


def collect_then_freeze() -> None:
    """Collect the garbage until none is found (at most pytest's own five passes), then freeze
    what is left, so that pytest's collections at its very end walk nothing.

    pytest's ``unraisableexception`` plugin collects five times when a process ends, to report
    exceptions raised by objects freed late.  In a test worker that was 3-8 s of walking its
    heap (more under load), run *after* the worker had told xdist it was done — and xdist's
    execnet, waiting 5 s for a worker to end, then interrupts it (SIGINT): the
    ``KeyboardInterrupt`` in hypothesis's gc callback that the end of many runs printed.  Done
    here, in the session, the same collections find the same unraisable exceptions (pytest's
    hook still records them) before the worker reports, and nothing races the interrupt."""
    import gc

    for _ in range(5):
        if not gc.collect():
            break
    gc.freeze()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish() -> None:
    collect_then_freeze()


@pytest.fixture(autouse=True)
def textual_caches_emptied() -> Iterator[None]:
    """Each test's screens are freed when it ends.

    Textual 8.2.8 memoises ``StylesCache.get_inner_outer`` per *instance* in a 1,024-entry
    ``lru_cache``, so the style caches of the last thousand widgets (with every line they
    rendered) outlive their apps: in a run of App tests the heap grew to ~400,000 objects and
    the garbage collector's full passes took a third of the suite's CPU.
    """
    yield
    from textual._styles_cache import StylesCache

    StylesCache.get_inner_outer.cache_clear()


@pytest.fixture
def tmp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder: ``PARTNER_WORKSHOP_HOME`` points at it for the test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PARTNER_WORKSHOP_HOME", str(home))
    return home


@pytest.fixture
def demo_session() -> Session:
    """The bundled demo session, freshly loaded (safe to modify)."""
    return load_session(BUNDLED_DEMO)


# The longest tests start first, so that none of them is left running alone on one worker at the
# end of a parallel run (`make test` uses `-n auto --dist worksteal`: the other workers take the
# short tests meanwhile).  Measured on the 2-core machine (seconds, idle); order only, no skipping.
SLOW_FIRST = (
    "tests/test_workshop_end_to_end.py",  # ~37 s: a whole workshop by keys
    "tests/test_store_render.py::test_any_session_renders_as_tomli_w_does",  # hypothesis, ~5 s
    "tests/test_screen_mapping.py",
    "tests/test_screen_thesis.py",
    "tests/test_screen_okrs.py",
    "tests/test_screen_tiers.py",
    "tests/test_screen_team_scoring.py",
    "tests/test_screen_decisions.py",
    "tests/test_screen_governance.py",
    "tests/test_store_parse_cache.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        for n, prefix in enumerate(SLOW_FIRST):
            if item.nodeid.startswith(prefix):
                return n
        return len(SLOW_FIRST)

    items.sort(key=rank)  # stable: the rest keep their order


@pytest.fixture(autouse=True)
def _money_in_dollars_again():
    """The currency money is shown in is process-wide (workshop.method.currency, as a locale is): a test
    that opens a GBP session in an App must not leave the next test's amounts in pounds."""
    from workshop.method import currency

    yield
    currency.use(currency.DEFAULT)
