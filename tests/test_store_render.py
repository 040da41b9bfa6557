"""Saving renders arrays of tables item by item, re-using unchanged items: same text as tomli-w."""

from __future__ import annotations

import tomllib
from datetime import date

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import large_session
from session_store.codec import END_MARKER, HEADER, render_session, session_data
from session_store.toml_render import forget_rendered
from session_store.locations import bundled_demo_text
from tests.conftest import BUNDLED_DEMO
from session_store import load_session
from workshop.method.models import Competitor, Partner, Session
from tests.test_store_codec import HOSTILE, sessions, texts


def reference(data: dict) -> str:
    """What a save wrote before items were memoised: one ``tomli_w.dumps`` of the snapshot."""
    return f"{HEADER}{tomli_w.dumps(data)}\n{END_MARKER}\n"


def test_the_bundled_demo_is_rendered_byte_for_byte() -> None:
    data = session_data(load_session(BUNDLED_DEMO))
    forget_rendered()
    assert render_session(data).encode() == bundled_demo_text()
    assert render_session(data).encode() == bundled_demo_text()  # from memoised items


def test_benchmark_sessions_are_rendered_byte_for_byte() -> None:
    session = large_session(300)
    forget_rendered()
    first = render_session(session_data(session))
    assert first == reference(session_data(session))
    session.mapping.partners[17].notes = "changed\r\n🚀"
    session.mapping.partners[3].ratings.icp_overlap = None
    del session.decisions[2]
    session.objectives[1].key_results[0].due = date(2030, 1, 1)
    data = session_data(session)
    assert render_session(data) == reference(data)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), st.lists(texts, max_size=3), st.data())
def test_any_session_renders_as_tomli_w_does(session: Session, names: list[str], draw: st.DataObject) -> None:
    # Short competitors fit on one line, long ones do not: the array mixes both layouts.
    session.mapping.competitors += [Competitor(name=name or "x") for name in names]
    data = session_data(session)
    assert render_session(data) == reference(data)
    # Edit some items and render again: the memo must not leak old text.
    if session.mapping.partners:
        partner = draw.draw(st.sampled_from(session.mapping.partners))
        partner.name = draw.draw(st.sampled_from(HOSTILE[1:]))
    session.mapping.partners.append(Partner(name="new"))
    data = session_data(session)
    text = render_session(data)
    assert text == reference(data)
    assert Session.model_validate(tomllib.loads(text)) == session


def test_equal_looking_values_of_other_types_are_not_confused() -> None:
    """The memo key (repr) tells 1 from 1.0 and True, and a date from its text."""
    base = {"rows": [{"a": 1, "b": "x" * 120}]}
    for value in (1.0, True, "1", date(2026, 1, 1), "2026-01-01", [1], (1,)):
        data = {"rows": [{"a": value, "b": "x" * 120}]}
        render_session(base)
        assert render_session(data) == reference(data)
