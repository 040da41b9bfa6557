"""Escaping user text for GFM: shown exactly as typed, never changing the document's structure."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.test_export_support import (
    block_signature,
    headings,
    inline_text,
    inline_markup,
    parse,
    tables,
)
from workshop.export.markdown_text import EMPTY, Markdown, _escape_changing, escape, escape_block, visible_text

HOSTILE = [
    "| a | b |",
    "# heading",
    "## two",
    "<script>alert(1)</script>",
    "<!-- comment",
    "line one\nline two",
    "a\r\nb\rc",
    "[$accent]x[/]",
    "[@click=app.quit]x[/]",
    "`code` ``x``",
    "```\nfence\n```",
    "~~~\nfence",
    "*bold* **b** _i_ __u__",
    "1. one",
    "2) two",
    "123456789. big",
    "- item",
    "+ item",
    "* item",
    "> quote",
    "    indented code",
    "\tTabbed",
    "---",
    "===",
    "title\n===",
    "title\n---",
    "<br>",
    "&amp; &copy; &#35; &",
    "http://example.com",
    "<https://example.com>",
    "www.example.com",
    "\\",
    "end\\",
    "\\|",
    "$x^2$ costs $5",
    "~~struck~~",
    "[^1]",
    "[link](http://x) ![img](y.png)",
    "[ref]: http://x",
    "[x] task",
    ":smile: :+1:",
    "Note: fine",
    "\x00nul \x1b[31mred\x07 \x7f \x85",
    "  leading",
    "trailing  ",
    "\u3000ideographic\u00a0",
    "x\n",
    "x\n\n",
    "\n\nx",
    "a\n\nb",
    "{{ 7*7 }} {% raw %}",
    "| --- | --- |\n| a | b |",
    "- [ ] open\n- [x] done",
    "term\n: definition",
    "Price: $1,000 | 20% off",
    "|\r:-",  # found by hypothesis: a one-column delimiter row under a line with a "|"
    "a | b\n-:",
    "a|\n:-:",
    "@mention #42",
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
    st.text(st.sampled_from(list("|#*_`<>&[]()!\\-+=.:~$ \n\r\t1aZ")), min_size=1, max_size=25),
).filter(lambda s: s.strip())


def _document(text: str) -> str:
    """One user string in every context the blueprint puts user text in."""
    cell, para = escape(text), escape_block(text)
    return (
        f"## {cell}\n\n"
        f"| Name | Value |\n| --- | ---: |\n| {cell} | 1 |\n\n"
        f"- Label: {para}\n- {cell}\n\n"
        f"{para}\n\n"
        f"Text {cell} after.\n"
    )


BASELINE = parse(_document("x"))


@settings(max_examples=300, deadline=None)
@given(hostile_text)
@example("x")
@example("|\r:-")
@example("a|\n-:")
def test_hostile_text_never_changes_the_structure(text: str) -> None:
    tokens = parse(_document(text))
    assert block_signature(tokens) == block_signature(BASELINE)
    assert inline_markup(tokens) == inline_markup(BASELINE)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_hostile_text_shows_exactly_as_typed(text: str) -> None:
    tokens = parse(_document(text))
    shown = visible_text(text)
    assert headings(tokens) == [(2, shown)]
    table = tables(tokens)[0]
    assert table.header == ["Name", "Value"]
    assert table.rows == [[shown, "1"]]
    texts = [inline_text(t) for t in tokens if t.type == "inline"]
    assert texts[5:] == ["Label: " + shown, shown, shown, f"Text {shown} after."]


@pytest.mark.parametrize("text", ["", " ", "\n", " \t\r\n "])
def test_blank_text_renders_as_a_dash(text: str) -> None:
    assert escape(text) == EMPTY
    assert escape_block(text) == EMPTY


def test_results_are_markdown_and_ordinary_text_stays_readable() -> None:
    result = escape("Deloitte, Digital & Risk: 30% of ACV")
    assert isinstance(result, Markdown)
    assert result == "Deloitte, Digital & Risk: 30% of ACV"  # nothing here changes the rendering
    assert escape("Co-Sell (shared quota)") == "Co-Sell (shared quota)"


def test_line_breaks_in_one_line_and_block_contexts() -> None:
    assert escape("a\nb") == "a<br> b"  # the space keeps the words apart where <br> is dropped
    assert escape_block("a\nb") == "a\\\nb"
    assert escape_block("a\n# b") == "a\\\n\\# b"


def test_line_start_markers_are_neutralised() -> None:
    assert escape("- x") == "\\- x"
    assert escape("12. x") == "12\\. x"
    assert escape("3) x") == "3\\) x"
    assert escape("a - b 1. c") == "a - b 1. c"
    assert escape("1.2") == "1.2"
    assert escape("  x") == "&#32;&#32;x"


def test_autolinks_and_github_extras_are_neutralised() -> None:
    assert escape("https://x.io") == "https\\://x.io"
    assert escape("WWW.x.io") == "WWW\\.x.io"
    assert escape(":tada:") == "\\:tada:"
    assert escape("@priya") == "\\@priya" and escape("a@b.co") == "a\\@b.co"
    assert escape("$5 and 5$") == "$5 and 5\\$"  # money stays; a $ that could close math does not


def test_control_characters_become_visible_pictures() -> None:
    assert visible_text("a\x00b\x1bc\x7f\x9b") == "a\u2400b\u241bc\u2421\ufffd"
    assert escape("\x1b[2J") == "\u241b[2J"  # "[" opens nothing there
    assert visible_text("a\r\nb\rc") == "a\nb\nc"


# --------------------------------------------------------------------------- fast path = the rules
# Most lines need nothing: a quick test returns them as they are.  It must never skip a line the
# rules would change.

_TRICKY = st.lists(
    st.sampled_from(
        list("wW.:-+=0123456789)( \t\u3000\u00a0\x85\x1c\x0b\x00\x1b\x7f\x9f#*_[]<>&|$@~`\\a\n\r")
        + ["www.", "WwW.", "1.", "12)", ": ", "é", "😀", "&amp;", "://", ":ok:", "$5"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TRICKY, hostile_text))
def test_the_quick_test_never_skips_a_line_the_rules_change(text: str) -> None:
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if not text.strip():
        assert escape(text) == EMPTY
        return
    assert escape(text) == "<br> ".join(_escape_changing(line) for line in lines)
