"""Reading exported Markdown back with a real parser (markdown-it-py, CommonMark + GFM tables).

Shared by the export tests: the document's block structure, its headings, its tables and the
text a reader sees.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

# CommonMark with GitHub's additions: tables, strikethrough, bare-link autolinks (www., http://,
# e-mail addresses; GFM links no bare domain), and $…$ math as GitHub reads it (no space inside
# the dollars, no digit right after the closing one).
_PARSER = (
    MarkdownIt("commonmark", {"linkify": True})
    .enable(["table", "strikethrough", "linkify"])
    .use(dollarmath_plugin, allow_space=False, allow_digits=False, allow_labels=False)
)
_PARSER.linkify.set({"fuzzy_link": False, "fuzzy_email": True})


def parse(markdown: str) -> list[Token]:
    return _PARSER.parse(markdown)


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: text, with line breaks (incl. ``<br>``) as ``\\n``."""
    parts: list[str] = []
    after_break = False  # the export writes "<br> ": the space is not the reader's text
    for child in token.children or []:
        content = child.content
        if after_break and child.type == "text" and content.startswith(" "):
            content = content[1:]
        after_break = child.type == "html_inline" and content == "<br>"
        if child.type in ("text", "code_inline", "text_special"):
            parts.append(content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "html_inline" and child.content == "<br>":
            parts.append("\n")
    return "".join(parts)


def block_signature(tokens: list[Token]) -> list[tuple[str, str]]:
    """The block structure: every block token's type and tag, in order (inline content left out)."""
    return [(t.type, t.tag) for t in tokens if t.type != "inline"]


def inline_markup(tokens: list[Token]) -> Counter[str]:
    """How many of each inline construct (emphasis, links, HTML...) the document has.

    Text and line breaks are left out: they are what user text legitimately adds.
    """
    counts: Counter[str] = Counter()
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "softbreak", "hardbreak"):
                continue
            if child.type == "html_inline" and child.content == "<br>":
                continue
            counts[child.type] += 1
    return counts


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order."""
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((int(token.tag[1]), inline_text(tokens[index + 1])))
    return found


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]

    @property
    def columns(self) -> int:
        return len(self.header)


def tables(tokens: list[Token]) -> list[Table]:
    """Every table: header cells and body rows as the text a reader sees."""
    found: list[Table] = []
    header: list[str] | None = None
    rows: list[list[str]] = []
    row: list[str] = []
    in_head = False
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            header, rows = None, []
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(inline_text(tokens[index + 1]))
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(row)
        elif token.type == "table_close":
            found.append(Table(header or [], rows))
    return found


def all_text(tokens: list[Token]) -> list[str]:
    """The text of every inline token (paragraphs, headings, cells), in order."""
    return [inline_text(t) for t in tokens if t.type == "inline"]
