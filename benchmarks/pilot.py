"""Interactive timings in a headless App (pilot), in a fresh process: prints one JSON line.

``python -m benchmarks.pilot N``: a session of N partners opened on the intake phase, then
- ``open_mapping_ms``: switching to Market mapping until its partner table holds all N rows
  and the screen has been painted;
- ``scroll_end_ms``: in the partner table, ctrl+end (last row) until painted there;
- ``key_ms`` / ``key_autosave_ms``: a digit typed into the rating input (r on a partner)
  until the screen shows it — alone, and with an autosave started on the same tick
  (median and worst of several presses). The key event is handed to the app's driver as a
  terminal would, and the time runs until the first screen update painted after the input
  holds the digit. ``Pilot.press`` is not used for this: after each key it waits until the
  whole *process* is idle (Textual's ``wait_for_idle`` compares CPU and wall time), so with
  the saver thread busy it measures the autosave, not the keypress;
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

from textual import events

from benchmarks.generate import TODAY, large_session
from session_store import SessionFile, render_session, session_data
import workshop.app as app_module
from workshop.app import PartnerWorkshopApp
from workshop.models import Phase

SIZE = (140, 45)


async def _until(pilot, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not met")
        await pilot.pause()


async def _key_to_paint_ms(app, key: str, field) -> float:  # type: ignore[no-untyped-def]
    """Send ``key`` as the terminal driver would; ms until a screen update is painted that
    comes after ``field`` shows the key (what the person at the keyboard sees)."""
    painted: list[float] = []
    display = app._display

    def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and field.value.endswith(key):
            painted.append(time.perf_counter())
        return display(screen, renderable)

    app._display = timed_display
    try:
        event = events.Key(key, key)
        event.set_sender(app)
        start = time.perf_counter()
        app._driver.send_message(event)
        deadline = start + 30
        while not painted:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"key {key!r} never reached the screen")
            await asyncio.sleep(0.0005)
        return (painted[0] - start) * 1000
    finally:
        del app._display  # the instance attribute goes; the method is back


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

        start = time.perf_counter()
        workshop.show_phase("mapping", focus=False)
        await _until(pilot, lambda: bool(app.screen.query(PartnerTable)) and app.screen.query_one(PartnerTable).row_count == partners)
        await pilot.pause()
        out["open_mapping_ms"] = (time.perf_counter() - start) * 1000

        table = app.screen.query_one(PartnerTable)
        table.focus()
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("ctrl+end")
        await _until(pilot, lambda: table.cursor_row == partners - 1 or table.scroll_y >= table.max_scroll_y > 0)
        await pilot.pause()
        out["scroll_end_ms"] = (time.perf_counter() - start) * 1000

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
                bucket.append(await _key_to_paint_ms(app, str(attempt % 10), rating))
                await app.workers.wait_for_complete()
                app._saver.submit(lambda: None).result()  # the autosave is over before the next press
        out["key_ms"] = statistics.median(alone)
        out["key_autosave_ms"] = statistics.median(during)
        out["key_autosave_worst_ms"] = max(during)
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
