"""The blueprint as a Word document (python-docx), for a team to edit in Word or Google Docs.

Made from the Markdown (the plain variant: Word draws no Mermaid) by walking markdown-it-py's
tokens: headings become Word headings, paragraphs and lists keep their bold and italics,
tables become Word tables with a header row, the thesis block stays a monospaced block.
Every text goes into a run as text (python-docx escapes it for the XML), so a name such as
``<w:t>`` or ``[bold]x[/]`` is shown as typed.  Both libraries are imported only here, when a
Word export is asked for.
"""

from __future__ import annotations

import io
import re
from typing import Any

_LIST_STYLES = {"bullet_list_open": "List Bullet", "ordered_list_open": "List Number"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold (the Markdown has already shown controls as
    symbols; this is the last guard) as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _inline(paragraph: Any, token: Any) -> None:
    """The inline children of ``token`` as runs of ``paragraph``."""
    bold = italic = strike = code = False
    after_break = False
    for child in token.children or []:
        kind = child.type
        content = child.content[1:] if after_break and kind == "text" and child.content.startswith(" ") else child.content
        after_break = kind == "html_inline" and child.content.lower().startswith("<br")
        if kind in ("text", "text_special"):
            run = paragraph.add_run(xml_text(content))
            run.bold, run.italic = bold or None, italic or None
            if strike:
                run.font.strike = True
            if code:
                run.font.name = "Consolas"
        elif kind == "code_inline":
            run = paragraph.add_run(xml_text(child.content))
            run.font.name = "Consolas"
        elif kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "s_open":
            strike = True
        elif kind == "s_close":
            strike = False
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak" or (kind == "html_inline" and child.content.lower().startswith("<br")):
            paragraph.add_run().add_break()
        elif kind == "html_inline":
            paragraph.add_run(xml_text(child.content))


def _table(document: Any, tokens: list[Any], start: int) -> int:
    """The table opening at ``tokens[start]``; returns the index after it."""
    rows: list[list[Any]] = []
    aligns: list[str | None] = []
    index = start + 1
    row: list[Any] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(tokens[index + 1])
            if len(rows) == 0:
                style = token.attrGet("style") or ""
                aligns.append("right" if "right" in style else "center" if "center" in style else None)
        elif token.type == "tr_close":
            rows.append(row)
        index += 1
    columns = max((len(r) for r in rows), default=0)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for r, cells in enumerate(rows):
        for c, inline in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            _inline(paragraph, inline)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True
            align = aligns[c] if c < len(aligns) else None
            if align == "right":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif align == "center":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph()
    return index + 1


def markdown_to_docx(markdown: str, title: str) -> bytes:
    """``markdown`` (the blueprint) as the bytes of a .docx file titled ``title``."""
    import docx
    from docx.shared import Pt
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(markdown)
    document = docx.Document()
    document.core_properties.title = xml_text(title)
    document.core_properties.author = "Partner Workshop"
    document.styles["Normal"].font.size = Pt(10.5)
    lists: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            heading = document.add_heading("", level=0 if level == 1 else min(level - 1, 9))
            _inline(heading, tokens[index + 1])
            index += 3
            continue
        if kind in _LIST_STYLES:
            lists.append(_LIST_STYLES[kind])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "paragraph_open":
            inline = tokens[index + 1]
            if lists:
                depth = min(len(lists), 3)
                style = lists[-1] + ("" if depth == 1 else f" {depth}")
                paragraph = document.add_paragraph(style=style)
            else:
                paragraph = document.add_paragraph()
            _inline(paragraph, inline)
            index += 3
            continue
        elif kind == "table_open":
            index = _table(document, tokens, index)
            continue
        elif kind in ("fence", "code_block"):
            paragraph = document.add_paragraph()
            lines = token.content.rstrip("\n").split("\n")
            for number, line in enumerate(lines):
                run = paragraph.add_run(xml_text(line))
                run.font.name = "Consolas"
                run.font.size = Pt(8.5)
                if number < len(lines) - 1:
                    run.add_break()
        elif kind == "html_block":
            document.add_paragraph(xml_text(token.content.strip()))
        elif kind == "hr":
            document.add_paragraph("—" * 20)
        index += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
