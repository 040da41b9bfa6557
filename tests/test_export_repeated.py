"""The fast paths of the export give the same text, and keep user text escaped.

The built-in template prints its per-partner parts from ``repeated`` (written in Python by
``workshop.export.RepeatedParts``); ``blueprint_plain.md.j2`` is the same template with those
parts as Jinja loops over the documented variables.  Both must give the same bytes, for
ordinary and for hostile text.  The sandbox remembers its attribute verdicts per type: an
unsafe attribute must stay refused however often it is asked for.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import TODAY, large_session
from tests.test_export import _fill, full_session
from tests.test_export_markdown_text import HOSTILE
from tests.test_export_support import all_text, parse
from workshop.export import TEMPLATES, ExportError, _fill as fill_markdown, export_markdown, number
from workshop.markdown_text import Markdown, visible_text
from workshop.models import Session

PLAIN = TEMPLATES / "blueprint_plain.md.j2"


def _both(session: Session) -> tuple[str, str]:
    return (
        export_markdown(session, today=TODAY),
        export_markdown(session, template=PLAIN, today=TODAY),
    )


def _export_with(folder: Path, source: str, session: Session | None = None) -> str:
    """``session`` (default: the full test session) exported with a template of ``source``."""
    template = folder / "custom.md.j2"
    template.write_text(source, encoding="utf-8")
    return export_markdown(session or full_session(), template=template)


def _big() -> Session:
    """Every repeated part present: landscape, scores, gaps, locks, tier actions with
    contradictions, individual ratings."""
    session = large_session(120, seed=3)
    assert any(p.team_ratings for p in session.mapping.partners)
    return session


def test_the_built_in_template_and_its_plain_form_give_the_same_bytes(demo_session: Session) -> None:
    for session in (demo_session, full_session(), _big()):
        fast, plain = _both(session)
        assert fast == plain
    markdown = _both(_big())[0]
    assert "Contradictions to resolve:" in markdown and "### D. Individual ratings" in markdown
    assert "| Team mean |" in markdown


def test_hostile_text_in_the_repeated_parts_is_escaped_the_same_way() -> None:
    for offset in range(0, len(HOSTILE), 11):
        strings = [s for s in HOSTILE[offset:] + HOSTILE[:offset] if s.strip()]
        session = _big()
        _fill(session, itertools.cycle(strings))
        fast, plain = _both(session)
        assert fast == plain
        shown = "\n".join(all_text(parse(fast)))
        for partner in session.mapping.partners[:20]:
            assert visible_text(partner.name) in shown, partner.name


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(HOSTILE).filter(str.strip), min_size=1, max_size=6))
def test_any_mix_of_hostile_names_gives_the_same_bytes(strings: list[str]) -> None:
    session = large_session(30, seed=5)
    _fill(session, itertools.cycle(strings))
    fast, plain = _both(session)
    assert fast == plain


def test_repeated_lines_escape_every_value() -> None:
    line = fill_markdown("| {} | {} |", "a | b", Markdown("*kept*"))
    assert line == "| a \\| b | *kept* |"
    assert fill_markdown("- {}", "# heading\n- item") == "- \\# heading<br>\\- item"


def test_the_number_filter_escapes_text_it_is_given(tmp_path: Path) -> None:
    # Before: number() returned any non-int value as Markdown, unescaped.
    assert number("*x* | # y") == "\\*x\\* \\| \\# y"
    assert number(1234) == "1,234" and number(1.5) == "1.5" and number(None) == "—"
    session = full_session()
    session.title = "[click](javascript:x) | *bold*"
    assert _export_with(tmp_path, "{{ session.title|number }}\n", session) == (
        "\\[click\\](javascript\\:x) \\| \\*bold\\*\n"
    )


@pytest.mark.parametrize(
    "source",
    [
        "{{ session.__class__ }}{{ session.__class__ }}",
        "{{ session._private }}",
        "{{ session['__class__'] }}",
        "{% for p in session.mapping.partners %}{{ p.__dict__ }}{% endfor %}",
        "{{ session.title.__class__.__mro__ }}",
        "{{ '{0.__class__}'.format(session) }}",
    ],
)
def test_unsafe_attributes_stay_refused_every_time(tmp_path: Path, source: str) -> None:
    for _ in range(2):  # the second time the verdict comes from the remembered one
        with pytest.raises(ExportError, match="custom.md.j2"):
            _export_with(tmp_path, f"{{{{ session.title }}}}\n{source}\n")


def test_safe_attributes_and_items_still_work(tmp_path: Path) -> None:
    markdown = _export_with(
        tmp_path,
        "{% for p in session.mapping.partners %}{{ p.name }} {{ p.ratings['icp_overlap'] }}"
        " {{ p['name'] }}; {% endfor %}{{ '{}!'.format(company) }}\n",
    )
    assert markdown == (
        "Deloitte 90 Deloitte; Boutique Co 40 Boutique Co; Unscored LLC — Unscored LLC; Acme Ledger!\n"
    )


def test_an_export_leaves_no_reference_cycles_behind() -> None:
    # The context holds `repeated`; if `repeated` held the context, every export's context
    # (for 10,000 partners, hundreds of thousands of objects) would wait for the cyclic GC.
    import gc

    session = full_session()
    export_markdown(session)  # first export: templates compiled, caches filled
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        export_markdown(session)
        gc.collect()
        left = [type(thing).__name__ for thing in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert left == []
