"""The blueprint's Mermaid diagrams stay valid whatever the names (issue 16).

No well-kept Python checker of Mermaid exists, so each diagram's lines are held to the grammar
``workshop.export.mermaid`` writes (the one place its quoting rules live): every user text is made of
letters, digits, a few safe marks and ``#<code>;`` entity codes, which Mermaid decodes after
drawing.  Decoding gives the text back.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_export import _fill, full_session
from tests.test_export_markdown_text import HOSTILE
from workshop.export import mermaid
from workshop.export.markdown import PLAIN_TEMPLATE, export_markdown
from workshop.method.models import Session

TEXT = r"(?:[^\W_]|[ .,\-'()/!?+=>%$]|#\d+;)*"
"""A user text as written into a diagram."""
COORDINATE = r"(?:0\.\d{3}|1\.000)"
GRAMMAR = {
    "quadrantChart": [
        rf"    title {TEXT}",
        rf"    [xy]-axis Low {TEXT} --> High {TEXT}",
        rf"    quadrant-[1-4] {TEXT}",
        rf'    "{TEXT}": \[{COORDINATE}, {COORDINATE}\] color: #[0-9a-f]{{6}}, radius: 6',
    ],
    "xychart-beta": [
        rf'    title "{TEXT}"',
        rf'    x-axis \["{TEXT}"(?:, "{TEXT}")*\]',
        r'    y-axis "Score" 0 --> 100',
        r"    (?:bar|line) \[\d+(?:\.\d+)?(?:, \d+(?:\.\d+)?)*\]",
    ],
    "timeline": [rf"    title {TEXT}", rf"    {TEXT} : {TEXT}(?: : {TEXT})*"],
    "flowchart TB": [rf'    T\d+\[/"{TEXT}"\\\]', r"    T\d+ ~~~ T\d+"],
}
_DIAGRAM = re.compile(r"^```mermaid\n(.*?)\n```$", re.MULTILINE | re.DOTALL)


def decode(text: str) -> str:
    """What Mermaid shows for a text: its entity codes decoded."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)


def diagrams(markdown: str) -> list[str]:
    return _DIAGRAM.findall(markdown)


def assert_valid(diagram: str) -> None:
    kind, *lines = diagram.split("\n")
    assert kind in GRAMMAR, kind
    for line in lines:
        assert any(re.fullmatch(rule, line) for rule in GRAMMAR[kind]), (kind, line)
        assert "%%" not in line and "$$" not in line and "`" not in line, line


def _hostile_session(strings: list[str]) -> Session:
    session = full_session()
    _fill(session, itertools.cycle(strings))
    return session


def test_the_demo_draws_four_valid_diagrams(demo_session: Session) -> None:
    found = diagrams(export_markdown(demo_session))
    assert [d.split("\n")[0] for d in found] == ["quadrantChart", "xychart-beta", "flowchart TB", "timeline"]
    for diagram in found:
        assert_valid(diagram)
    quadrant, scores, pyramid, timeline = found
    assert '"Deloitte": [0.900, 0.950] color: #2e7d32, radius: 6' in quadrant
    assert "    line [75, 75" in scores and "    line [50, 50" in scores
    assert 'T0[/"Platinum (2 signed, 6 needed)"\\]' in pyramid
    assert timeline.count("\n    Q") == 4


def test_hostile_names_keep_every_diagram_valid_and_come_back_decoded() -> None:
    for offset in range(0, len(HOSTILE), 9):
        strings = [s for s in HOSTILE[offset:] + HOSTILE[:offset] if s.strip()]
        session = _hostile_session(strings)
        found = diagrams(export_markdown(session))
        assert len(found) == 4
        for diagram in found:
            assert_valid(diagram)
        shown = decode("\n".join(found))
        for partner in session.mapping.partners:
            if partner.ratings.icp_overlap is not None:
                assert f'"{mermaid.shorten(partner.name)}"' in shown, partner.name


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=60))
def test_any_text_is_written_in_the_safe_alphabet_and_decodes_back(value: str) -> None:
    written = mermaid.text(value)
    assert re.fullmatch(TEXT, written)
    shortened = mermaid.shorten(value)
    assert decode(written) == (shortened or "—")
    assert assert_valid(mermaid.pyramid([value, value + "x"])) is None
    assert assert_valid(mermaid.timeline(value, [(value, [value, value])])) is None
    assert assert_valid(mermaid.score_chart(value, [value], ["74.95"], [75, 50])) is None
    point = mermaid.QuadrantPoint(value, 120.0, -3.0, "priority")
    assert assert_valid(mermaid.quadrant_chart("t", "x", "y", [point], ("a", "b", "c", "d"))) is None


def test_doubled_percent_and_dollar_are_coded_single_ones_kept() -> None:
    assert mermaid.text("20% of $5M") == "20% of $5M"
    assert mermaid.text("%%{init}%%") == "#37;#37;#123;init#125;#37;#37;"
    assert mermaid.text("$$x$$") == "#36;#36;x#36;#36;"
    assert mermaid.text('a "b": c; #d `e`') == "a #34;b#34;#58; c#59; #35;d #96;e#96;"
    assert mermaid.text("line\nbreak\x1b\t ") == "line break"
    assert mermaid.text("x" * 50) == "x" * 37 + "..."


def test_the_plain_variant_draws_no_diagram(demo_session: Session) -> None:
    plain = export_markdown(demo_session, template=PLAIN_TEMPLATE)
    assert "```mermaid" not in plain
    built_in = export_markdown(demo_session)
    assert len(diagrams(built_in)) == 4
    # the same document otherwise: every line of the plain one is in the built-in one, in order
    lines = iter(built_in.splitlines())
    assert all(any(line == other for other in lines) for line in plain.splitlines())
