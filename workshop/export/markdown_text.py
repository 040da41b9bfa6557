"""User text made safe for GitHub-flavoured Markdown: shown exactly as typed, never structure.

Everything a person types (a partner's name, a rationale, a parking-lot note...) goes through
:func:`escape` before it reaches a Markdown document.  The result is a :class:`Markdown` string:
the one type the export's template lets through unchanged.

**Minimal escaping.**  Many people read the blueprint raw (an editor, a diff, a pull request, a
wiki), so a character gets a backslash only where it would change the rendering at that place;
``Monthly 1:1``, ``R&D``, ``$150,000``, ``~9 a year`` and ``under_served`` stay as typed.  The
text is assumed to sit between white space or punctuation (as everywhere in the built-in
template: ``| text |``, ``- text``, ``(text)``, ``text: …``); its first character is treated as
the start of a block (a list item's content can open a heading or a list).  The rules, per
character of a line:

* ``\\`` before ASCII punctuation or at the end (it would escape what follows); `````` ` `````` always
  (code spans); ``|`` always (table cells).
* ``*`` unless white space is on both sides (emphasis, a list marker at the start); ``_`` unless
  white space or letters/digits are on both sides (intraword ``_`` never emphasises);
  ``~`` where it could close a strikethrough (an opener alone, as in ``~9``, is literal: every
  possible closer is escaped, and the templates write no ``~``).
* ``[`` at the start (a task box ``[ ]``, a link definition) or before ``^`` (footnotes);
  ``]`` before ``(`` or ``[`` (inline links, references; a template never writes either right
  after a value).
* ``<`` before a letter, ``/``, ``!`` or ``?`` (HTML, autolinks); ``&`` that starts an entity
  (``&amp;``, ``&#35;``); ``@`` before a letter or digit (GitHub mentions, e-mail autolinks).
* ``$`` except before a digit where no letter, digit or ``$`` precedes it (money: GitHub's math
  needs a closing ``$`` that no digit follows, and an opening one no digit follows; every other
  ``$`` is escaped, so money never pairs into math).
* ``:`` before ``//`` (a URL scheme), after ``mailto``/``xmpp``, or opening an emoji code
  (``:smile:``); the ``.`` of ``www.`` (bare-link autolinks).
* ``#`` at the start when it makes a heading (``# x``; not ``#1``) and the first of a trailing run
  after a space (a heading's closing sequence); ``>`` at the start (block quotes).
* At the start, what would open a block: ``-``/``+`` before white space, lines of only ``-`` or
  ``=`` (setext underlines, thematic breaks), lines like ``:-``, ``-:`` or ``:-:`` (a one-column
  table's delimiter row under a line with a ``|``), the ``.``/``)`` after leading digits (ordered lists).
* Leading and trailing white space of every line is written as numeric character references
  (``&#32;``), so it is neither an indented code block nor trimmed away.
* Line breaks (``\\n``, ``\\r\\n``, ``\\r``): :func:`escape` writes ``<br>`` and a space
  (:data:`BREAK_IN_LINE`) — one line, safe in a table cell, a heading or a list item; :func:`escape_block` writes CommonMark hard breaks
  (a backslash at the end of the line), for paragraphs.
* Control characters cannot be shown: C0 controls become their Unicode "control pictures"
  (NUL -> ``␀``, ESC -> ``␛``, DEL -> ``␡``); C1 controls become ``�`` (U+FFFD).
* Empty or blank text renders as :data:`EMPTY` (an em dash), the same everywhere.

:func:`visible_text` is what a reader sees once the Markdown is rendered; tests use it.
``tests/test_export_escaping.py`` renders hostile text with markdown-it-py (GFM tables,
strikethrough, autolinks, dollar math) and checks both that it shows literally and that no
escape in the demo's blueprint could be left out.
"""

from __future__ import annotations

import functools
import re
import unicodedata

EMPTY = "—"
"""What empty (or blank) user text renders as."""

BREAK_IN_LINE = "<br> "
"""A line break inside one line of Markdown (a table cell, a heading): ``<br>`` and a space, so
a renderer that drops raw HTML (cmark-gfm's safe mode, pandoc to Word) still keeps the words
apart; one that draws the break shows no space at the start of the new line."""

_ORDERED_MARKER = re.compile(r"^\d{1,9}(?=[.)](?:\s|$))")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_BLOCK_LINE = re.compile(r"(?:-[ \t]*)+|=+|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,}|:?-+:?")
"""A whole line that is a setext underline, a thematic break, or a one-column table's delimiter
row (``:-``, ``-:``, ``:-:``: under a line with a ``|`` in it, escaped or not, markdown-it makes
both a table)."""
_HEADING_START = re.compile(r"#{1,6}(?:[ \t]|$)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_EMOJI = re.compile(r":(?:[a-z0-9_+\-]*[a-z_][a-z0-9_+\-]*|[+\-]1|100|1234):")
"""A GitHub emoji code: a name with a letter in it, or one of the four without (``:100:``);
so ``1:15:00`` is a time, not an emoji."""
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

# Controls (C0 but tab, DEL, C1) -> control pictures (C0, DEL) or U+FFFD (C1), in one C pass.
_CONTROL_PICTURES = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code != 0x09},
    0x7F: "\u2421",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},
}
_CONTROL = r"\x00-\x08\x0a-\x1f\x7f-\x9f"
_CONTROL_CHAR = re.compile(f"[{_CONTROL}]")
# The characters a rule may escape anywhere in a line; the rest of a rule's work is at the start.
_CANDIDATE = re.compile(r"[\\`*_~\[\]<&|$#@:]")
_WWW_DOT_AFTER = re.compile(r"(?i:(?<=www))\.")
# A superset of everything _escape_line changes: when none of these finds anything, the line is
# returned as it is (the common case).  They also find every line break (in _CONTROL) and any
# leading white space, so :func:`escape` returns non-empty text they find nothing in as it is.
_SPECIAL_CHAR = re.compile(rf"[{_CONTROL}\\`*_~\[\]<&|$#@:]")
_LINE_START = frozenset("-+=>")
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


def _punctuation_before(char: str) -> bool:
    """Punctuation for a flanking test, read narrowly (a symbol counts as a letter: then a
    delimiter after it is taken as right-flanking, the side that escapes)."""
    return char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] == "P"


def _space_or_punctuation_after(char: str | None) -> bool:
    """White space or punctuation (symbols too, read widely); None: outside the text, where
    the template puts white space or punctuation."""
    return char is None or char.isspace() or char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


def _could_close(before: str | None, after: str | None) -> bool:
    """Whether a ``~`` between ``before`` and ``after`` is right-flanking, so could close a
    strikethrough.  ``before`` None (outside the text): white space or punctuation, taken as
    punctuation, the case in which it can close."""
    if before is not None and before.isspace():
        return False
    if before is None or _punctuation_before(before):
        return _space_or_punctuation_after(after)
    return True


def _needs_backslash(body: str, index: int) -> bool:
    """Whether the candidate character at ``index`` of ``body`` (one line, no outer white
    space) would change the rendering unescaped: the rules in the module's docstring."""
    char = body[index]
    last = len(body) - 1
    before = body[index - 1] if index else None
    after = body[index + 1] if index < last else None
    if char in "`|":
        return True
    if char == "\\":
        return after is None or after in _ASCII_PUNCTUATION
    if char == "*":
        return not (before is not None and after is not None and before.isspace() and after.isspace())
    if char == "_":
        if before is None or after is None:
            return True
        return not ((before.isspace() and after.isspace()) or (before.isalnum() and after.isalnum()))
    if char == "~":
        return _could_close(before, after)
    if char == "[":
        return index == 0 or after == "^"
    if char == "]":
        return after is not None and after in "(["
    if char == "<":
        return after is not None and (after.isascii() and after.isalpha() or after in "/!?")
    if char == "&":
        return _ENTITY.match(body, index) is not None
    if char == "@":
        return after is not None and after.isalnum()
    if char == "$":
        money = after is not None and after.isdecimal() and not (before is not None and (before.isalnum() or before == "$"))
        return not money
    if char == ":":
        if body.startswith("//", index + 1):
            return True
        if body[:index].lower().endswith(("mailto", "xmpp")):
            return True
        return _EMOJI.match(body, index) is not None
    if char == "#":
        if index == 0:
            return _HEADING_START.match(body) is not None or not body.strip("#")
        run = index
        while run and body[run - 1] == "#":
            run -= 1
        return run == index and body[index:].strip("#") == "" and body[index - 1].isspace()
    return False


def _escape_line(line: str) -> str:
    """One line (no line breaks in it) as inline Markdown that shows exactly this text."""
    return _escape_changing(line) if _may_change(line) else line


def _escape_changing(line: str) -> str:
    """:func:`_escape_line` without the quick test that most lines need nothing."""
    if _CONTROL_CHAR.search(line):
        line = line.translate(_CONTROL_PICTURES)
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    if start >= end:  # only white space (or nothing)
        return _references(line)
    body = line[start:end]

    def backslashed(match: re.Match[str]) -> str:
        at = match.start()
        return "\\" + match.group() if _needs_backslash(body, at) else match.group()

    escaped = _CANDIDATE.sub(backslashed, body)
    if "w." in body or "W." in body:  # a backslash added above never splits "www" from "."
        escaped = _WWW_DOT_AFTER.sub(r"\\.", escaped)
    marker = _ORDERED_MARKER.match(body)  # digits (never escaped), then "." or ")"
    if marker:
        at = marker.end()
        escaped = f"{escaped[:at]}\\{escaped[at:]}"
    elif body[0] == ">" or (body[0] in "+-" and (len(body) == 1 or body[1] in " \t")):
        escaped = "\\" + escaped
    elif body[0] in "-=:" and _BLOCK_LINE.fullmatch(body):
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
    return Markdown(BREAK_IN_LINE.join(_escape_line(line) for line in _LINE_BREAK.split(text)))


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
