"""One blueprint template: its variant and organisations' templates extend it; the sandbox holds.

``blueprint.md.j2`` is the one template, a block per section; ``blueprint_plain.md.j2`` extends
it and overrides only its few blocks; nothing of the markup is written in Python.  The sandbox
remembers its attribute verdicts per type: an unsafe attribute must stay refused however
often it is asked for.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from benchmarks.generate import TODAY, large_session
from tests.test_export import _fill, full_session
from tests.test_export_markdown_text import HOSTILE
from tests.test_export_support import all_text, parse
import workshop.export.markdown
from workshop.export.markdown import PLAIN_TEMPLATE as PLAIN, TEMPLATES, ExportError, export_markdown, number
from workshop.export.markdown_text import visible_text
from workshop.method.models import Session

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
    """Every per-partner part present: landscape, scores, gaps, locks, tier actions with
    contradictions, individual ratings."""
    session = large_session(120, seed=3)
    assert any(p.team_ratings for p in session.mapping.partners)
    return session


def test_the_plain_variant_only_overrides_blocks_of_the_one_template() -> None:
    source = PLAIN.read_text(encoding="utf-8")
    body = [line for line in source.split("-#}", 1)[1].splitlines() if line.strip()]
    assert body[0] == '{% extends "blueprint.md.j2" %}'
    # Outside its block tags, the plain variant writes no Markdown of its own.
    assert all(line.startswith("{%") for line in body), body
    exported = [name for name in dir(workshop.export.markdown) if "Repeated" in name or name == "_fill"]
    assert exported == []  # no markup restated in Python


def test_the_plain_variant_keeps_every_section(demo_session: Session) -> None:
    for session in (demo_session, full_session(), _big()):
        built_in, plain = _both(session)
        headings = [line for line in built_in.splitlines() if line.startswith("## ")]
        assert [line for line in plain.splitlines() if line.startswith("## ")] == headings
    markdown = _both(_big())[0]
    assert "Contradictions to resolve:" in markdown and "### D. Individual ratings" in markdown
    assert "| Team mean |" in markdown


def test_hostile_text_in_the_per_partner_parts_is_shown_literally() -> None:
    for offset in range(0, len(HOSTILE), 11):
        strings = [s for s in HOSTILE[offset:] + HOSTILE[:offset] if s.strip()]
        session = _big()
        _fill(session, itertools.cycle(strings))
        for markdown in _both(session):
            shown = "\n".join(all_text(parse(markdown)))
            for partner in session.mapping.partners[:20]:
                assert visible_text(partner.name) in shown, partner.name


def test_an_organisation_template_extends_the_built_in_one(tmp_path: Path) -> None:
    source = (
        '{% extends "partner-workshop/blueprint.md.j2" %}\n'
        "{% block appendix %}\n## Appendix\n\nOur own closing words for {{ company }}.\n{% endblock appendix %}\n"
    )
    markdown = _export_with(tmp_path, source)
    built_in = export_markdown(full_session())
    assert markdown.startswith(built_in[: built_in.index("## Appendix")])
    assert markdown.endswith("## Appendix\n\nOur own closing words for Acme Ledger.\n")


def test_the_number_filter_escapes_text_it_is_given(tmp_path: Path) -> None:
    # Before: number() returned any non-int value as Markdown, unescaped.
    assert number("*x* | # y") == "\\*x\\* \\| # y"  # "#" only opens a heading at the start
    assert number(1234) == "1,234" and number(1.5) == "1.5" and number(None) == "—"
    session = full_session()
    session.title = "[click](javascript:x) | *bold*"
    assert _export_with(tmp_path, "{{ session.title|number }}\n", session) == (
        "\\[click\\](javascript:x) | \\*bold\\*\n"  # "](" escaped: no link, so ":" is plain; "|" only in tables
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
    # A reference cycle through the context would leave every export's context (for 10,000
    # partners, hundreds of thousands of objects) to the cyclic garbage collector.
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
