"""Interactive timings in a headless App (pilot), in a fresh process: prints one JSON line.

``python -m benchmarks.pilot N``: a session of N partners opened on the intake phase, then
- ``open_mapping_ms``: switching to Market mapping until its partner table holds all N rows
  and the screen has been painted;
- ``scroll_end_ms``: in the partner table, ctrl+end (last row) until painted there;
- ``key_ms`` / ``key_autosave_ms``: a digit typed into the rating input (r on a partner)
  until the screen shows it — alone, and with an autosave started on the same tick
  (median and worst of several presses);
- ``dump_ms``: how long the autosave holds the UI thread: ``PartnerWorkshopApp._queue_save``
  (the ``session_data`` snapshot and handing it to the saver thread), timed inside the app
  during the autosave presses (median);
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

from benchmarks.generate import TODAY, large_session
from session_store import SessionFile, render_session, session_data
from workshop.app import PartnerWorkshopApp
from workshop.models import Phase

SIZE = (140, 45)


async def _until(pilot, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not met")
        await pilot.pause()


async def measure(partners: int) -> dict[str, float | None]:
    folder = Path(tempfile.mkdtemp(prefix="pw-pilot-"))
    session = large_session(partners)
    session.position.phase = Phase.INTAKE
    path = folder / "bench.toml"
    SessionFile.create(path, session)
    app = PartnerWorkshopApp(session_path=path, today=TODAY, sessions_dir=folder)
    out: dict[str, float | None] = {}
    held: list[float] = []
    queue_save = app._queue_save

    def timed_queue_save():  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return queue_save()
        finally:
            held.append((time.perf_counter() - start) * 1000)

    app._queue_save = timed_queue_save  # type: ignore[method-assign]
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
        for attempt in range(6):
            for bucket, autosave in ((alone, False), (during, True)):
                rating.value = ""
                await pilot.pause()
                if autosave:
                    app._pending = True  # an edit is waiting: the autosave timer fires now
                    app.call_later(app.save_now)
                start = time.perf_counter()
                await pilot.press(str(attempt % 10))
                await _until(pilot, lambda: rating.value.endswith(str(attempt % 10)))
                bucket.append((time.perf_counter() - start) * 1000)
                await app.workers.wait_for_complete()
        out["key_ms"] = statistics.median(alone)
        out["key_autosave_ms"] = statistics.median(during)
        out["key_autosave_worst_ms"] = max(during)
        await pilot.press("escape")
    start = time.perf_counter()
    data = session_data(app.session)  # type: ignore[arg-type]
    out["dump_ms"] = statistics.median(held) if held else (time.perf_counter() - start) * 1000
    times = []
    for _ in range(3):
        start = time.perf_counter()
        render_session(data)
        times.append((time.perf_counter() - start) * 1000)
    out["render_ms"] = statistics.median(times)
    return out


if __name__ == "__main__":
    print(json.dumps(asyncio.run(measure(int(sys.argv[1])))))
