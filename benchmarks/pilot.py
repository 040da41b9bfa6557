"""Interactive timings in a headless App (pilot), in a fresh process: prints one JSON line.

``python -m benchmarks.pilot N``: a session of N partners opened on the intake phase, then
- ``open_mapping_ms``: switching to Market mapping until the first screen update painted with
  its partner table holding all N rows; ``open_mapping_idle_ms``: until the app is idle again
  (the competitor-ecosystem panel, filled in after that first paint, done);
- ``scroll_end_ms``: in the partner table, ctrl+end until painted on the last row;
- ``key_ms`` / ``key_autosave_ms``: a digit typed into the rating input (r on a partner)
  until the screen shows it — alone, and with an autosave started on the same tick
  (median and worst of several presses);
- ``key_first_save_ms`` / ``key_first_save_worst_ms``: the same digit, typed as the *first*
  save of a process starts — nothing rendered before, so tomli-w renders the whole file
  (≈ 0.1 s at 1,000 partners) — on the saver thread, never on the UI thread;
  Every figure above is the time to the first screen update painted with the result (the key
  event is handed to the app's driver as a terminal would). ``Pilot.press``/``pause`` are not
  used to time: they wait until the whole *process* is idle (Textual's ``wait_for_idle``
  compares CPU and wall time), so they time background work too — with the saver thread
  busy, the autosave rather than the keypress;
- ``dump_ms``: the longest the autosave's snapshot holds the UI thread in one go (a session of
  more than 1,000 partners is snapshotted a slice at a time, and keys are handled between
  slices), the longest step seen during the autosave presses;
- ``render_ms``: the TOML rendering of that snapshot (``render_session``, median of three: a
  render after a render, as after an edit), which runs on the saver thread — it holds the GIL,
  so it still slows the UI thread down, but does not block it.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workshop.gc_policy import tune_garbage_collector

tune_garbage_collector()  # measured as the app runs (the command line applies it first)

from textual import events
from textual._compositor import ChopsUpdate, LayoutUpdate

from benchmarks.generate import TODAY, large_session
from session_store import SessionFile, render_session, session_data
from session_store.toml_render import forget_rendered
import workshop.app_saving as app_module  # where the autosave takes its snapshots
from workshop.app import PartnerWorkshopApp
from workshop.method.models import Phase

SIZE = (140, 45)


async def _until(pilot, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not met")
        await pilot.pause()


def _covers(update, region) -> bool:  # type: ignore[no-untyped-def]
    """Whether a compositor update repaints any of ``region`` (a whole-layout or a chops update)."""
    if isinstance(update, LayoutUpdate):
        return update.region.overlaps(region)
    if isinstance(update, ChopsUpdate):
        return any(
            region.y <= y < region.bottom and x1 < region.right and x2 > region.x for y, x1, x2 in update.spans
        )
    return False


async def _ms_to_paint(app, act, shown) -> float:  # type: ignore[no-untyped-def]
    """Call ``act()``; ms until the first screen update that repaints the widget ``shown()``
    returns (``None`` while it does not show the result yet): what the person at the keyboard
    sees. Waits by polling, not with the pilot (see above)."""
    painted: list[float] = []
    display = app._display

    def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and not painted:
            widget = shown()
            if widget is not None and _covers(renderable, widget.region):
                painted.append(time.perf_counter())
        return display(screen, renderable)

    app._display = timed_display
    try:
        start = time.perf_counter()
        act()
        deadline = start + 60
        while not painted:
            if time.perf_counter() > deadline:
                raise TimeoutError("never painted")
            await asyncio.sleep(0.0005)
        return (painted[0] - start) * 1000
    finally:
        del app._display  # the instance attribute goes; the method is back


def _send_key(app, key: str) -> None:  # type: ignore[no-untyped-def]
    """The key as the terminal driver hands it to the app."""
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def measure(partners: int) -> dict[str, float | None]:
    folder = Path(tempfile.mkdtemp(prefix="pw-pilot-"))
    session = large_session(partners)
    session.position.phase = Phase.INTAKE
    path = folder / "bench.toml"
    SessionFile.create(path, session)
    app = PartnerWorkshopApp(session_path=path, today=TODAY, sessions_dir=folder)
    out: dict[str, float | None] = {}
    held: list[float] = []
    slices = app_module.session_data_in_slices

    def timed_slices(session):  # type: ignore[no-untyped-def]
        steps = slices(session)
        while True:
            start = time.perf_counter()
            step = next(steps)
            held.append((time.perf_counter() - start) * 1000)
            yield step
            if step is not None:
                return

    app_module.session_data_in_slices = timed_slices  # type: ignore[assignment]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        workshop = app.screen
        from screens.mapping_table import PartnerTable

        def table_full() -> PartnerTable | None:
            tables = app.screen.query(PartnerTable)
            return tables.first() if tables and tables.first().row_count == partners else None

        start = time.perf_counter()
        out["open_mapping_ms"] = await _ms_to_paint(app, lambda: workshop.show_phase("mapping", focus=False), table_full)
        await _until(pilot, lambda: table_full() is not None)
        await pilot.pause()  # returns once the whole process is idle: the ecosystem panel is filled
        out["open_mapping_idle_ms"] = (time.perf_counter() - start) * 1000

        table = app.screen.query_one(PartnerTable)
        table.focus()
        await pilot.pause()
        out["scroll_end_ms"] = await _ms_to_paint(
            app, lambda: _send_key(app, "ctrl+end"), lambda: table if table.cursor_row == partners - 1 else None
        )
        await pilot.pause()

        table.move_cursor(row=0)
        await pilot.press("r")
        await pilot.pause()
        from screens.mapping_rating import RatingInput

        rating = app.screen.query_one(RatingInput)
        alone, during = [], []
        held.clear()  # only the autosaves started below
        for attempt in range(10):
            for bucket, autosave in ((alone, False), (during, True)):
                rating.value = ""
                await pilot.pause()
                if autosave:
                    app._pending = True  # an edit is waiting: the autosave timer fires now
                    app.call_later(app.save_now)
                digit = str(attempt % 10)
                bucket.append(await _ms_to_paint(app, lambda: _send_key(app, digit), lambda: rating if rating.value.endswith(digit) else None))
                await app.workers.wait_for_complete()
                app._saver.wait()  # the autosave is over before the next press
        out["key_ms"] = statistics.median(alone)
        out["key_autosave_ms"] = statistics.median(during)
        out["key_autosave_worst_ms"] = max(during)
        first_save = []
        for attempt in range(10):
            rating.value = ""
            await pilot.pause()
            await app.workers.wait_for_complete()
            app._saver.wait()
            forget_rendered()  # as in a new process: this save renders every item of the file
            app._pending = True
            app.call_later(app.save_now)
            digit = str(attempt % 10)
            first_save.append(await _ms_to_paint(app, lambda: _send_key(app, digit), lambda: rating if rating.value.endswith(digit) else None))
            await app.workers.wait_for_complete()
            app._saver.wait()
        out["key_first_save_ms"] = statistics.median(first_save)
        out["key_first_save_worst_ms"] = max(first_save)
        await pilot.press("escape")
    start = time.perf_counter()
    data = session_data(app.session)  # type: ignore[arg-type]
    out["dump_ms"] = max(held) if held else (time.perf_counter() - start) * 1000
    times = []
    for _ in range(3):
        start = time.perf_counter()
        render_session(data)
        times.append((time.perf_counter() - start) * 1000)
    out["render_ms"] = statistics.median(times)
    return out


if __name__ == "__main__":
    print(json.dumps(asyncio.run(measure(int(sys.argv[1])))))
