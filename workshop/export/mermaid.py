"""Mermaid diagrams of the blueprint (GitHub, GitLab, Obsidian and Notion draw them), safe for any text.

No well-kept Python checker of Mermaid's syntax exists (Mermaid is JavaScript; the Python
packages that "validate" it are young wrappers that shell out to Node), so the quoting rules are
written out here, in one place, and ``tests/test_export_mermaid.py`` checks every diagram line
against them for hostile names.

**The rule.**  Mermaid decodes entity codes in every diagram type: before parsing, its
``encodeEntities`` turns each ``#<number>;`` into a placeholder, and after drawing it puts the
character back (``#58;`` shows as ``:``).  So user text is written with every character outside
a small safe set (letters and digits of any script, the space, ``. , - ' ( ) / ! ? + = >``,
and ``%`` or ``$`` when not doubled) as ``#<code point>;``.  Then no user text can carry the syntax of any diagram: no ``:`` (timeline
events, point labels), no ``"`` (strings), no ``;`` or ``#`` (statement ends, comments, entity
codes of its own), no ``%%`` (comments, directives), no ``$$`` (formulas), no `````` ` `````` (Markdown strings, and the
code fence around the diagram), no ``[ ] { } < > |`` (shapes, HTML).  Line breaks and control
characters become spaces; long names are cut to :data:`NAME_LIMIT` characters with "..." (the
tables beside each diagram have them whole).  Labels are also quoted where the diagram has
strings (quadrant points, chart categories, flowchart nodes).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

NAME_LIMIT = 40
"""Longest label drawn; longer ones end with "..."."""

_SAFE_PUNCTUATION = frozenset(" .,-'()/!?+=>")
_SAFE_ALONE = frozenset("%$")
"""Safe unless doubled: ``%%`` starts a comment, ``$$`` a formula."""


def _safe(line: str, index: int) -> bool:
    char = line[index]
    if char in _SAFE_PUNCTUATION:
        return True
    if char in _SAFE_ALONE:
        return char not in (line[index - 1 : index], line[index + 1 : index + 2])
    return char.isalnum() and unicodedata.category(char)[0] in "LN"


def shorten(value: str, limit: int | None = NAME_LIMIT) -> str:
    """``value`` on one line (line breaks, controls and runs of white space as one space), at
    most ``limit`` characters: a longer one is cut and ends with "..."."""
    words = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in value).split()
    line = " ".join(words)
    if limit is not None and len(line) > limit:
        line = line[: limit - 3].rstrip() + "..."
    return line


def text(value: str, limit: int | None = NAME_LIMIT) -> str:
    """User text as Mermaid text: :func:`shorten`, then every character outside the safe set
    written as an entity code ``#<code point>;``."""
    line = shorten(value, limit)
    return "".join(c if _safe(line, i) else f"#{ord(c)};" for i, c in enumerate(line)) or "#8212;"


def string(value: str, limit: int | None = NAME_LIMIT) -> str:
    """User text as a quoted Mermaid string (``"..."``): :func:`text` never holds a ``"``."""
    return f'"{text(value, limit)}"'


def _coordinate(rating: float) -> str:
    return f"{min(max(rating, 0.0), 100.0) / 100:.3f}"


@dataclass(frozen=True, slots=True)
class QuadrantPoint:
    name: str
    x: float
    """0–100 (a rating)."""
    y: float
    band: str
    """The band's key (``priority``, ``secondary``, ``opportunistic``): its colour."""


BAND_COLOURS = {"priority": "#2e7d32", "secondary": "#f9a825", "opportunistic": "#9e9e9e"}
"""Point colours: green, amber, grey (the legend under each chart names them)."""


def quadrant_chart(
    title: str, x_label: str, y_label: str, points: Iterable[QuadrantPoint], quadrants: tuple[str, str, str, str]
) -> str:
    """A quadrant chart of partners on two ratings (0–100, the lines in the middle at 50);
    each point coloured by the partner's band.  ``quadrants``: top right, top left, bottom
    left, bottom right (Mermaid's quadrant-1 to -4)."""
    lines = [
        "quadrantChart",
        f"    title {text(title, None)}",
        f"    x-axis Low {text(x_label, None)} --> High {text(x_label, None)}",
        f"    y-axis Low {text(y_label, None)} --> High {text(y_label, None)}",
    ]
    lines += [f"    quadrant-{n} {text(label, None)}" for n, label in enumerate(quadrants, start=1)]
    for point in points:
        colour = BAND_COLOURS.get(point.band, BAND_COLOURS["opportunistic"])
        lines.append(
            f"    {string(point.name)}: [{_coordinate(point.x)}, {_coordinate(point.y)}] color: {colour}, radius: 6"
        )
    return "\n".join(lines)


def score_chart(title: str, names: list[str], scores: list[str], lines_at: list[float]) -> str:
    """A bar chart of scores (0–100, as the tables show them: ``"79.3"``) with a flat line at
    each of ``lines_at`` (the band lines)."""
    categories = ", ".join(string(name, 24) for name in names)
    chart = [
        "xychart-beta",
        f"    title {string(title, None)}",
        f"    x-axis [{categories}]",
        '    y-axis "Score" 0 --> 100',
        f"    bar [{', '.join(f'{float(s):g}' for s in scores)}]",
    ]
    chart += [f"    line [{', '.join(f'{at:g}' for _ in names)}]" for at in lines_at]
    return "\n".join(chart)


def timeline(title: str, periods: Iterable[tuple[str, list[str]]]) -> str:
    """A timeline: each period (a quarter and its theme) with its events (roadmap items)."""
    lines = ["timeline", f"    title {text(title, None)}"]
    for period, events in periods:
        entries = " : ".join(text(event, 60) for event in events) if events else text("nothing planned yet")
        lines.append(f"    {text(period, 60)} : {entries}")
    return "\n".join(lines)


def pyramid(levels: Iterable[str]) -> str:
    """A pyramid of labels, narrowest at the top: trapezoid nodes stacked with invisible links."""
    labels = list(levels)
    lines = ["flowchart TB"]
    for index, label in enumerate(labels):
        lines.append(f'    T{index}[/{string(label, 80)}\\]')
    lines += [f"    T{index} ~~~ T{index + 1}" for index in range(len(labels) - 1)]
    return "\n".join(lines)
