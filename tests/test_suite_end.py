"""The suite's own last step in each process (tests/conftest.py::collect_then_freeze): the garbage
collected inside the session, the rest frozen, so that pytest's collections after it walk nothing."""

from __future__ import annotations

import gc
import weakref

from tests.conftest import collect_then_freeze


class Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_the_end_of_a_session_collects_the_garbage_and_freezes_what_is_left():
    garbage = Node()
    freed = weakref.ref(garbage)
    del garbage
    frozen_before = gc.get_freeze_count()
    try:
        collect_then_freeze()
        assert freed() is None
        assert gc.get_freeze_count() > frozen_before  # what is left is frozen
    finally:
        gc.unfreeze()
