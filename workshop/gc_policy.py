"""How often Python's cyclic garbage collector runs in this process.

CPython's default (a young collection every 700 net allocations of container objects, an older
one every 10 of those) suits small scripts. A Textual screen allocates that many objects in
every frame it draws, and each collection of the older generations walks every live object
(Textual's caches, the session's models): measured here, the collector took a third of the
CPU of a run of App tests, and 40 ms of the app's start-up. Collecting every 50,000
allocations, and the older generations 50 times less often each, costs a few MB of garbage
kept a little longer and saves that time (`make bench`, docs/performance.md).
"""

from __future__ import annotations

import gc

THRESHOLDS = (50_000, 50, 50)


def tune_garbage_collector() -> None:
    """Apply :data:`THRESHOLDS`; called first by the command line (and the test suite)."""
    gc.set_threshold(*THRESHOLDS)
