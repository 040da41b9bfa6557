"""Minimal, sufficient escaping (issue 16): every user text shows literally in its place, and no
backslash in the blueprint could be left out.

Rendered with markdown-it-py as GitHub reads Markdown (GFM tables, strikethrough, bare-link
autolinks, $…$ math: ``tests/test_export_support.py``).  Two GitHub features no Python
renderer has — emoji codes (``:smile:``) and @mentions — are checked by their own rules
(``workshop.export.markdown_text``), not by rendering.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_export import _fill, _printed, full_session
from tests.test_export_markdown_text import HOSTILE
from tests.test_export_support import _PARSER, all_text, headings, inline_markup, parse, tables
from workshop.export.markdown import export_markdown
from workshop.export.markdown_text import visible_text
from workshop.method.models import Session
from workshop.method.scoring import ranked_partners

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_GITHUB_ONLY = re.compile(r"\\:(?=[a-z0-9_+\-]+:)|\\@(?=[0-9A-Za-z])|(?i:(?<=www))\\\.")
"""Escapes for what only GitHub renders: an emoji code, a mention or e-mail address, a bare
``www.`` link (linkify-it links it only together with bare domains, which GitHub does not)."""


def needless_escapes(markdown: str) -> list[str]:
    """Every line with an escape that could be left out: removing it — and every other escape
    of the same character on that line, since ``\\*x\\*`` needs only one of its two — leaves
    the rendered HTML the same.  Lines inside fenced code (the diagrams) are not Markdown text."""
    rendered = _PARSER.render(markdown)
    fenced = {
        line for token in parse(markdown) if token.type == "fence" and token.map for line in range(*token.map)
    }
    lines = markdown.split("\n")
    found = []
    for number, line in enumerate(lines):
        if number in fenced:
            continue
        for char in dict.fromkeys(m.group(1) for m in _ESCAPE.finditer(line)):
            kept = [m for m in _ESCAPE.finditer(line) if m.group(1) == char and not _GITHUB_ONLY.match(line, m.start())]
            if not kept:
                continue
            without = line
            for match in reversed(kept):
                without = without[: match.start()] + without[match.start() + 1 :]
            if _PARSER.render("\n".join([*lines[:number], without, *lines[number + 1 :]])) == rendered:
                found.append(f"{char}: {line}")
    return found


def test_the_demo_blueprint_has_no_escape_that_changes_nothing(demo_session: Session) -> None:
    markdown = export_markdown(demo_session)
    assert needless_escapes(markdown) == []
    for noise in ("\\$", "\\:", "\\&", "\\~", "\\_"):  # the issue counted 84, 24, 14, 1 of them
        assert noise not in markdown, noise
    assert "under-served" in markdown and "under_served" not in markdown


BUSINESS_TEXT = [
    "Monthly 1:1 at 30:00", "R&D, M&A and AT&T", "$150,000 a year; $1B–$50B assets", "closes ~9 banks",
    "C# and F#", "#1 compliance practice", "a < b > c", "50% off", "Q1/Q2 (H1)", "snake_case and under_served",
    "5 * 3 = 15", "Note: fine", "e.g. 2026-11-25", "+44 20 7946 0000",
    "Co-Sell — shared quota!", "\"quoted\" and 'single'", "x^2", "{braces}", "100 % sure",
]


def _in_every_context(text: str) -> str:
    from workshop.export.markdown_text import escape, escape_block

    cell, para = escape(text), escape_block(text)
    return (
        f"## A {cell}\n\n| Name | Value |\n| --- | ---: |\n| {cell} | {cell} |\n\n"
        f"- Label: {para}\n- A {cell} (and {cell})\n\nText {para}\n"
    )


def test_business_text_in_every_context_has_no_escape_that_changes_nothing() -> None:
    # (Hostile text can carry an escape only one context needs: the escaping does not know
    # whether a text starts a line, nor what the next value in the same paragraph holds — the
    # "$" of "($[X]/yr)" stays escaped, as "$150,000/yr); ... ($[X]" in one cell would be math.)
    for text in BUSINESS_TEXT:
        assert needless_escapes(_in_every_context(text)) == [], text


def test_the_check_finds_a_needless_escape() -> None:
    assert needless_escapes("Monthly 1\\:1 and R\\&D\n") == [":: Monthly 1\\:1 and R\\&D", "&: Monthly 1\\:1 and R\\&D"]
    assert needless_escapes("| a \\| b |\n| --- |\n| \\*x\\* |\n") == []
    assert needless_escapes("```\na \\: b\n```\n") == []  # code: not Markdown text


def _shape(tokens: list) -> tuple[list[int], list[int]]:
    return [level for level, _ in headings(tokens)], [t.columns for t in tables(tokens)]


def _same_pattern(strings: list[str]) -> list[str]:
    """Plain stand-ins for ``strings``: equal where they are equal (after white space and case,
    as the engine compares names), so the session means the same and only the text differs."""
    names: dict[str, str] = {}
    return [names.setdefault(" ".join(s.split()).casefold(), f"t{len(names)}") for s in strings]


hostile = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=24),
    st.text(st.sampled_from(list("|#*_`<>&[]()!\\-+=.:~$@ \n1aZw")), min_size=1, max_size=16),
).filter(lambda s: s.strip())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile, min_size=1, max_size=10))
def test_every_text_of_a_hostile_session_shows_literally_in_its_place(strings: list[str]) -> None:
    session = full_session()
    _fill(session, itertools.cycle(strings))
    markdown = export_markdown(session)
    tokens = parse(markdown)
    plain = full_session()
    _fill(plain, itertools.cycle(_same_pattern(strings)))
    baseline = parse(export_markdown(plain))
    # The same headings and tables, no block of its own (the engine may find more or fewer
    # things to say about some texts: the count of rows and list items may differ), and no
    # emphasis, link, math, HTML or code of its own: each text stays where the template put it.
    assert _shape(tokens) == _shape(baseline)
    assert {t.type for t in tokens} <= {t.type for t in baseline}
    assert inline_markup(tokens) == inline_markup(baseline)
    shown = "\n".join(all_text(tokens))
    for text in set(_printed(session)):
        assert visible_text(text) in shown, text
    scoring = tables(tokens)[3]
    assert [row[1] for row in scoring.rows] == [
        visible_text(row.partner.name) for row in ranked_partners(session.mapping.partners)
    ]


# --------------------------------------------------------------------------- GitHub's own renderer

from collections import Counter  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

import cmarkgfm  # noqa: E402
from cmarkgfm.cmark import Options  # noqa: E402

_INLINE_TAGS = ("a", "em", "strong", "del", "code", "img", "input", "span", "b", "i", "script", "div")


class _Rendered(HTMLParser):
    """Tags and text of cmark-gfm's HTML (a ``<br>`` as a line break, its space dropped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.parts: list[str] = []
        self._after_break = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags[tag] += 1
        self._after_break = tag == "br"
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._after_break = False
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "tr", "pre"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._after_break and data.startswith(" "):
            data = data[1:]
        self._after_break = False
        self.parts.append(data)


def github_render(markdown: str) -> _Rendered:
    """The Markdown as GitHub renders it: cmark-gfm with its extensions (tables, strikethrough
    with one or two tildes, autolinks, task lists); raw HTML let through, to be counted."""
    rendered = _Rendered()
    rendered.feed(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE))
    rendered.close()
    return rendered


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile, min_size=1, max_size=10))
def test_github_renders_every_hostile_text_literally(strings: list[str]) -> None:
    session = full_session()
    _fill(session, itertools.cycle(strings))
    plain = full_session()
    _fill(plain, itertools.cycle(_same_pattern(strings)))
    rendered, baseline = github_render(export_markdown(session)), github_render(export_markdown(plain))
    assert set(rendered.tags) <= set(baseline.tags)
    assert {t: rendered.tags[t] for t in _INLINE_TAGS} == {t: baseline.tags[t] for t in _INLINE_TAGS}
    assert rendered.tags["table"] == baseline.tags["table"]
    shown = "".join(rendered.parts)
    for text in set(_printed(session)):
        assert visible_text(text) in shown, text


def test_github_renders_the_demo_as_written(demo_session: Session) -> None:
    markdown = export_markdown(demo_session)
    rendered = github_render(markdown)
    assert rendered.tags["a"] == 0 and rendered.tags["del"] == 0 and rendered.tags["em"] == markdown.count("\n_") + markdown.count(" _(")
    assert rendered.tags["h2"] == markdown.count("\n## ") and rendered.tags["table"] >= 15
    shown = "".join(rendered.parts)
    for partner in demo_session.mapping.partners:
        assert partner.name in shown
    assert "Monthly 1:1 + QBR" in shown and "~9 regional banks" in shown
