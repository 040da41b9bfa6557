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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop.method.models import Session

THRESHOLDS = (50_000, 50, 50)


def tune_garbage_collector() -> None:
    """Apply :data:`THRESHOLDS`; called first by the command line (and the test suite)."""
    gc.set_threshold(*THRESHOLDS)


FREEZE_FROM_PARTNERS = 500
"""From this many partners, the objects of an opened session are frozen (see freeze_long_lived)."""


def freeze_long_lived(session: Session) -> None:
    """Keep the objects alive now (a big session, its screens) out of the garbage collector's sight.

    They live as long as the session is open, yet every full collection walked all of them: with
    10,000 partners, collections took ~1.5 s of opening Market mapping.  What an earlier freeze
    kept is released and collected first (~0.1 s at 10,000 partners, after the first paint), so
    at most one replaced session outlives its replacement.  Small sessions gain nothing and skip
    it.  An undo step replaces the session without refreezing: see :func:`release_frozen`.
    """
    if len(session.mapping.partners) < FREEZE_FROM_PARTNERS and gc.get_freeze_count() == 0:
        return
    gc.unfreeze()
    gc.collect()
    if len(session.mapping.partners) >= FREEZE_FROM_PARTNERS:
        gc.freeze()


def release_frozen() -> None:
    """Let the collector see frozen objects again (the session they belonged to was replaced),
    so whatever of it is garbage is freed by the normal collections."""
    gc.unfreeze()
