"""User text made safe for GitHub-flavoured Markdown: shown exactly as typed, never structure.

Everything a person types (a partner's name, a rationale, a parking-lot note...) goes through
:func:`escape` before it reaches a Markdown document.  The result is a :class:`Markdown` string:
the one type the export's template lets through unchanged.  The rules:

* ASCII punctuation that GFM (or GitHub: math, emoji, mentions) interprets anywhere in a line
  is backslash-escaped: ``\\ ` * _ ~ [ ] < > & | $ # @``; ``:`` unless a space or the end
  follows (URL schemes, ``:emoji:`` codes); the ``.`` of ``www.`` (bare-link autolinks).
* At the start of every line, what would open a block is neutralised: ``-``, ``+``, ``=``
  (lists, thematic breaks, setext underlines) and the ``.``/``)`` after leading digits
  (ordered lists); ``#``, ``>``, ``*``, ``_``, backticks, ``~``, ``<`` and ``|`` are always escaped.
* Leading and trailing white space of every line is written as numeric character references
  (``&#32;``), so it is neither an indented code block nor trimmed away.
* Line breaks (``\\n``, ``\\r\\n``, ``\\r``): :func:`escape` writes ``<br>`` — one line, safe in a
  table cell, a heading or a list item; :func:`escape_block` writes CommonMark hard breaks
  (a backslash at the end of the line), for paragraphs.
* Control characters cannot be shown: C0 controls become their Unicode "control pictures"
  (NUL -> ``␀``, ESC -> ``␛``, DEL -> ``␡``); C1 controls become ``�`` (U+FFFD).
* Empty or blank text renders as :data:`EMPTY` (an em dash), the same everywhere.

:func:`visible_text` is what a reader sees once the Markdown is rendered; tests use it.
"""

from __future__ import annotations

import re

EMPTY = "—"
"""What empty (or blank) user text renders as."""

_ALWAYS = frozenset("\\`*_~[]<>&|$#@")
_LINE_START = frozenset("-+=")
_ORDERED_MARKER = re.compile(r"^\d{1,9}(?=[.)](?:\s|$))")
_WWW = re.compile(r"www(?=\.)", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n?|\n")


class Markdown(str):
    """A string that is already Markdown: written into a document as it is.

    Only the export's own code makes these (escaped user text, formatted figures, fixed
    wording); a plain ``str`` is always escaped on its way into the document.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Markdown({str.__repr__(self)})"


def _control_picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def _is_control(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 and char != "\t") or 0x7F <= code <= 0x9F


def visible_text(text: str) -> str:
    """The text a reader sees after rendering: line breaks as ``\\n``, controls as pictures."""
    lines = _LINE_BREAK.split(text)
    return "\n".join(
        "".join(_control_picture(c) if _is_control(c) and c != "\n" else c for c in line)
        for line in lines
    )


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def _escape_line(line: str) -> str:
    """One line (no line breaks in it) as inline Markdown that shows exactly this text."""
    line = "".join(_control_picture(c) if _is_control(c) else c for c in line)
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    if start >= end:  # only white space (or nothing)
        return "".join(_reference(c) for c in line)
    body = line[start:end]
    www_dots = {m.end() for m in _WWW.finditer(body)}
    marker = _ORDERED_MARKER.match(body)
    marker_at = marker.end() if marker else -1
    out: list[str] = [_reference(c) for c in line[:start]]
    last = len(body) - 1
    for index, char in enumerate(body):
        if (
            char in _ALWAYS
            or (index == 0 and char in _LINE_START)
            or index == marker_at
            or (char == "." and index in www_dots)
            or (char == ":" and index < last and not body[index + 1].isspace())
        ):
            out.append("\\" + char)
        else:
            out.append(char)
    out.extend(_reference(c) for c in line[end:])
    return "".join(out)


def _is_blank(text: str) -> bool:
    return not text.strip()


def escape(text: str) -> Markdown:
    """User text as one line of inline Markdown; line breaks become ``<br>``.

    Safe anywhere inline: table cells, headings, list items, paragraphs.
    """
    if _is_blank(text):
        return Markdown(EMPTY)
    return Markdown("<br>".join(_escape_line(line) for line in _LINE_BREAK.split(text)))


def escape_block(text: str) -> Markdown:
    """User text as a paragraph's content; line breaks become hard breaks (``\\`` + newline).

    Every line is neutralised on its own, so a continuation line can never start a block.
    Use it where the text fills a paragraph or a list item of its own, never in a table cell
    or a heading (there, :func:`escape`).
    """
    if _is_blank(text):
        return Markdown(EMPTY)
    lines = _LINE_BREAK.split(text)
    # A hard break needs text after it: trailing empty lines are written as <br>.
    trailing = len(lines) - len(_drop_trailing_empty(lines))
    body = lines[: len(lines) - trailing]
    return Markdown("\\\n".join(_escape_line(line) for line in body) + "<br>" * trailing)


def _drop_trailing_empty(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    return lines[:end]
