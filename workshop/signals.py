"""Leaving for certain: on SIGTERM or SIGHUP, or when the terminal is gone, the work is
written, then the app exits — with a watchdog, as Textual can hang restoring a vanished
terminal (see docs/reliability.md)."""

from __future__ import annotations

import asyncio
import os
import signal
import threading

EXIT_WATCHDOG_SECONDS = 5.0
"""Ending on a signal or a lost terminal: the process ends this long after, if Textual hangs."""


def terminal_gone(fd: int) -> bool:
    """True once the terminal on ``fd`` has hung up (its window was closed under the app).

    Textual does not notice: its input thread then reads end-of-file in a loop, so the app
    would run on unseen at full CPU, holding the session file's lock.
    """
    try:
        os.tcgetpgrp(fd)
    except OSError:
        return True
    return False


class LeavesOnSignals:
    """Signals and the lost terminal (a mixin of :class:`workshop.app.PartnerWorkshopApp`)."""

    def _save_and_leave_on_signals(self) -> None:
        """On SIGTERM (``kill``, a shutdown) or SIGHUP (the terminal window closed): write the
        last changes, restore the terminal and exit — instead of dying with them unsaved."""
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            try:
                loop.add_signal_handler(signum, self.leave_on_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):  # no signals here (Windows)
                return

    def leave_on_signal(self, signum: int) -> None:
        self.end_for_certain(128 + signum)  # the shell's convention for "ended by signal N"

    def end_for_certain(self, code: int) -> None:
        """Write the work, then exit with ``code`` — for certain.

        With the terminal gone, Textual (8.2.8) can hang for ever while restoring it (its output
        thread dies on the hang-up, and the SIGCONT that comes with it starts another): the
        process would live on unseen, holding its claim on the session. A watchdog ends the
        process if the orderly exit has not finished in :data:`EXIT_WATCHDOG_SECONDS`.
        """
        if not self.flush_save():  # cannot write it (a conflict, a full disk…): keep it in a copy
            self.save_copy(staying=False)
        if not self.is_headless:
            watchdog = threading.Timer(EXIT_WATCHDOG_SECONDS, os._exit, args=(code,))
            watchdog.daemon = True
            watchdog.start()
        self.exit(return_code=code)
