"""100 kB of text in every text field of a session: round-tripped exactly by the store."""

from __future__ import annotations

import pytest

from session_store import dump_session, parse_session
from tests.test_reliability_text import BIG, hostile_session

pytestmark = pytest.mark.soak


def test_100_kb_in_every_text_field_round_trips() -> None:
    session = hostile_session(BIG)
    text = dump_session(session)
    assert len(text) > 5_000_000
    assert parse_session(text, "mem") == session
