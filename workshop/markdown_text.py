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

import functools
import re

EMPTY = "—"
"""What empty (or blank) user text renders as."""

_LINE_START = frozenset("-+=")
_ORDERED_MARKER = re.compile(r"^\d{1,9}(?=[.)](?:\s|$))")
_LINE_BREAK = re.compile(r"\r\n?|\n")

# Controls (C0 but tab, DEL, C1) -> control pictures (C0, DEL) or U+FFFD (C1), in one C pass.
_CONTROL_PICTURES = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code != 0x09},
    0x7F: "\u2421",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},
}
_CONTROL = r"\x00-\x08\x0a-\x1f\x7f-\x9f"
# Inside a line's body (between its leading and trailing white space), what gets a backslash:
# the always-escaped punctuation and ":" followed by a non-space (one pattern), the "." of
# "www." (any case; a second pattern, run only when the line has "w." or "W.").  One pattern
# with all three alternatives took ~10 µs on a 150-character line, three times as long.
_BODY_SPECIAL = re.compile(r"[\\`*_~\[\]<>&|$#@]|:(?=\S)")
_WWW_DOT_AFTER = re.compile(r"(?i:(?<=www))\.")
_CONTROL_CHAR = re.compile(f"[{_CONTROL}]")


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()


# A superset of everything _escape_line changes: when none of these finds anything, the line is
# returned as it is (the common case: most user text has nothing to escape).  They also find
# every line break (they are in _CONTROL) and any leading white space, so :func:`escape` returns
# non-empty text they find nothing in as it is: one line, not blank, unchanged.  (Simple checks:
# one pattern with these alternatives tried every branch at every character, ~5x slower.)
_SPECIAL_CHAR = re.compile(rf"[{_CONTROL}\\`*_~\[\]<>&|$#@:]")
_WWW_DOT = re.compile(r"(?i:www)\.")


def _may_change(line: str) -> bool:
    if not line:
        return False
    first = line[0]  # isdecimal / isspace are exactly the patterns' \d and \s
    return bool(
        first in _LINE_START
        or first.isdecimal()
        or first.isspace()
        or line[-1].isspace()
        or _SPECIAL_CHAR.search(line)
        or (("w." in line or "W." in line) and _WWW_DOT.search(line))
    )


class Markdown(str):
    """A string that is already Markdown: written into a document as it is.

    Only the export's own code makes these (escaped user text, formatted figures, fixed
    wording); a plain ``str`` is always escaped on its way into the document.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Markdown({str.__repr__(self)})"


def visible_text(text: str) -> str:
    """The text a reader sees after rendering: line breaks as ``\\n``, controls as pictures."""
    return "\n".join(line.translate(_CONTROL_PICTURES) for line in _LINE_BREAK.split(text))


def _references(text: str) -> str:
    return "".join(f"&#{ord(char)};" for char in text)


def _escape_line(line: str) -> str:
    """One line (no line breaks in it) as inline Markdown that shows exactly this text."""
    if not _may_change(line):
        return line
    if _CONTROL_CHAR.search(line):
        line = line.translate(_CONTROL_PICTURES)
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    if start >= end:  # only white space (or nothing)
        return _references(line)
    body = line[start:end]
    marker = _ORDERED_MARKER.match(body)  # digits (never escaped), then "." or ")"
    escaped = _BODY_SPECIAL.sub(_backslashed, body)
    if "w." in body or "W." in body:  # a backslash added above never splits "www" from "."
        escaped = _WWW_DOT_AFTER.sub(r"\\.", escaped)
    if marker:
        at = marker.end()
        escaped = f"{escaped[:at]}\\{escaped[at:]}"
    elif body[0] in _LINE_START:
        escaped = "\\" + escaped
    return _references(line[:start]) + escaped + _references(line[end:])


def _is_blank(text: str) -> bool:
    return not text.strip()


@functools.lru_cache(maxsize=65536)
def escape(text: str) -> Markdown:
    """User text as one line of inline Markdown; line breaks become ``<br>``.

    Safe anywhere inline: table cells, headings, list items, paragraphs.  Remembered for the
    last 65,536 texts: a blueprint repeats the same names, types and tiers many times.
    """
    if text and not _may_change(text):  # one line, nothing to escape (the common case)
        return Markdown(text)
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
