"""The exported Markdown, rendered for reading: a line-based scroll view filled in the background.

Textual's ``MarkdownViewer`` mounts a widget per block and per table cell: the demo's blueprint
took seconds to open and a 1,000-partner one minutes.  This view renders the Markdown with
Rich, one section (a heading and what follows it) at a time, on a worker thread, and shows
the lines as they arrive (Textual's line API: only the visible lines are drawn).  The first
section is on screen at once and keys work while the rest renders.  ``sections`` gives every
heading with the line it starts on, for a table of contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from textual import work
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from screens.text import visible

LINE_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)<br> ?")
"""How the export writes a line break inside one line (a table cell, a list item): ``<br>``
not escaped (user text's ``<`` before a letter always is, ``\\<br>``)."""
SHOWN_LINE_BREAK = " ↵ "
"""What the preview shows for it: Rich's Markdown drops inline HTML, which ran lines together."""

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class Section:
    """A part of the document: its heading (level 0 and no title for text before the first)."""

    level: int
    title: str
    markdown: str


def split_sections(markdown: str) -> list[Section]:
    """The document cut before every heading line (headings inside code fences do not count)."""
    sections: list[Section] = []
    level, title, lines = 0, "", []
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            if lines:
                sections.append(Section(level, title, "\n".join(lines)))
            level, title, lines = len(heading.group(1)), _ESCAPED.sub(r"\1", heading.group(2)), []
        lines.append(line)
    if lines:
        sections.append(Section(level, title, "\n".join(lines)))
    return sections


def render_section(section: Section, width: int) -> list[Strip]:
    """The lines of one section, ``width`` cells wide with a margin of one cell each side
    (control characters shown as symbols), and a blank line after it."""
    margin = Segment(" ")
    width = max(width - 2, 10)
    console = Console(width=width, color_system="truecolor", force_terminal=True, legacy_windows=False)
    options = console.options.update_width(width)
    document = Markdown(LINE_BREAK.sub(rf"\1{SHOWN_LINE_BREAK}", visible(section.markdown)), hyperlinks=False)
    lines = console.render_lines(document, options, pad=False, new_lines=False)
    return [Strip([margin, *Segment.simplify(line)]) for line in lines] + [Strip.blank(0)]


class BlueprintPreview(ScrollView, can_focus=True):
    """Markdown shown read-only, rendered in the background at the view's width."""

    DEFAULT_CSS = """
    BlueprintPreview { height: 1fr; scrollbar-gutter: stable; }
    """

    class Rendered(Message):
        """Every section has been rendered (at the current width)."""

    class SectionReady(Message):
        """Lines of one section, from the render thread (posting does not wait for the UI)."""

        def __init__(self, width: int, index: int, strips: list[Strip]) -> None:
            super().__init__()
            self.width, self.index, self.strips = width, index, strips

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sections = split_sections(markdown)
        self.section_lines: list[int | None] = [None] * len(self.sections)
        self.rendered = False
        self._lines: list[Strip] = []
        self._width = 0

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width > 0 and width != self._width:
            self._width = width
            self._lines = []
            self.section_lines = [None] * len(self.sections)
            self.rendered = False
            self.virtual_size = Size(width, 0)
            self._render_all(width)

    @work(thread=True, exclusive=True, group="render")
    def _render_all(self, width: int) -> None:
        worker = get_current_worker()
        for index, section in enumerate(self.sections):
            if worker.is_cancelled:
                return
            self.post_message(self.SectionReady(width, index, render_section(section, width)))

    def on_blueprint_preview_section_ready(self, message: SectionReady) -> None:
        message.stop()
        if message.width != self._width:
            return  # rendered for a width the view no longer has
        self.section_lines[message.index] = len(self._lines)
        self._lines.extend(message.strips)
        self.virtual_size = Size(message.width, len(self._lines))
        self.refresh()
        if message.index == len(self.sections) - 1:
            self.rendered = True
            self.post_message(self.Rendered())

    @property
    def text(self) -> str:
        """What has been rendered so far, as plain text (for tests and checks)."""
        return "\n".join(strip.text for strip in self._lines)

    def scroll_to_section(self, index: int) -> bool:
        """Show section ``index`` at the top; False if it is not rendered yet."""
        line = self.section_lines[index]
        if line is None:
            return False
        self.scroll_to(y=line, animate=False)
        return True

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
