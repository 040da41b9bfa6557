"""The partnership blueprint as GitHub-flavoured Markdown.

:func:`export_markdown` fills a Jinja2 template (``workshop/export/templates/blueprint.md.j2``, or an
organisation's own with ``template=``) with the session and what the engine computes from it.
The export computes nothing of the method itself: scores, bands, tier actions, rule matches,
health and economics all come from the engine modules.

Safety by construction: the template environment's ``finalize`` escapes every value a
template prints (:func:`workshop.export.markdown_text.escape`) unless it is a
:class:`~workshop.export.markdown_text.Markdown` string, which only this module's filters make.
A template cannot forget to escape user text; at worst it escapes twice.

Deterministic: nothing depends on the clock.  ``today`` (the date the tier actions, health
checks and the title block use) defaults to the day the session was last updated; the title
block says which date was judged (``today_is_last_update`` tells the template which case).
"""

from __future__ import annotations

import re
import traceback
import types
from collections.abc import Iterable
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from workshop.method.currency import in_session_currency
from workshop.method.currency import current as current_currency
from workshop.export.context import blueprint_context
from workshop.export.markdown_text import EMPTY, Markdown, escape, escape_block
from workshop.method.models import Session
from workshop.method.scoring import format_score

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES / "blueprint.md.j2"
PLAIN_TEMPLATE = TEMPLATES / "blueprint_plain.md.j2"
BUILT_IN_PREFIX = "partner-workshop"
"""How a template in another folder names the built-in ones: ``partner-workshop/blueprint.md.j2``."""


class ExportError(Exception):
    """The export could not be made; the message is one line, fit for a terminal."""


# --------------------------------------------------------------------------- values -> Markdown


def _text_of(value: Any) -> str:
    """A value a template printed, as the words a reader should see (still unescaped)."""
    if type(value) is float:  # ratings: the most common number (no check below can match one)
        return f"{value:g}" if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else str(value.value)
    if isinstance(value, datetime):
        moment = value.astimezone(timezone.utc) if value.tzinfo else value
        return moment.strftime("%Y-%m-%d %H:%M UTC" if value.tzinfo else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}" if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def to_markdown(value: Any) -> Markdown:
    """Anything a template prints: Markdown passes, ``None`` is "—", the rest is escaped."""
    if type(value) is str:  # user text, the most common value
        return escape(value)
    if isinstance(value, Markdown):
        return value
    if value is None:
        return Markdown(EMPTY)
    if isinstance(value, (bool, int, float, date)):  # digits, dots, dashes: nothing to escape
        return Markdown(_text_of(value))
    return escape(_text_of(value))


def money(value: int | float | None) -> Markdown:
    """Whole units of the session's currency: ``$1,234,567``, ``£1,234,567``; a negative amount ``-$5``.  (A ``$`` before a digit never
    closes GitHub's math, and every ``$`` that could is escaped: see :mod:`workshop.export.markdown_text`.)"""
    if value is None:
        return Markdown(EMPTY)
    amount = round(value)
    symbol = current_currency().symbol
    return Markdown(f"-{symbol}{-amount:,}" if amount < 0 else f"{symbol}{amount:,}")


def score(value: float | None) -> Markdown:
    """An attractiveness score to one decimal, as the engine rounds it; "—" when unscored."""
    return Markdown(EMPTY if value is None else format_score(value))


def percent(value: float | None) -> Markdown:
    """``25%``, ``12.5%``; "—" when not set."""
    return Markdown(EMPTY if value is None else _text_of(float(value)) + "%")


def number(value: float | int | None, decimals: int | None = None) -> Markdown:
    """A plain number; ``decimals`` fixes the places (``number(1.2, 2)`` is ``1.20``).

    Anything else (text) is printed as any value is: escaped.
    """
    if value is None:
        return Markdown(EMPTY)
    if not isinstance(value, (int, float, Decimal)):
        return to_markdown(value)
    if decimals is not None:
        return Markdown(f"{value:,.{decimals}f}")
    if isinstance(value, int):
        return Markdown(f"{value:,}")
    return Markdown(_text_of(value))


def block(value: Any) -> Markdown:
    """Multi-line user text for a paragraph or list item: line breaks become hard breaks."""
    if isinstance(value, Markdown):
        return value
    if value is None:
        return Markdown(EMPTY)
    return escape_block(_text_of(value))


def join(values: Iterable[Any], separator: str = ", ") -> Markdown:
    """Each item escaped, joined with ``separator`` (template text, so Markdown); "—" if none."""
    items = [to_markdown(item) for item in values]
    return Markdown(separator.join(items)) if items else Markdown(EMPTY)


def cell_lines(values: Iterable[Any]) -> Markdown:
    """A list inside one table cell: items escaped, joined with "; ".

    Not ``<br>``: renderers that drop raw HTML (cmark-gfm's safe default, pandoc to Word) ran
    the items together ("(PAM)Top MDF allocation…").
    """
    return join(values, "; ")


@jinja2.pass_context
def _money_filter(context: Any, value: int | float | None) -> Markdown:
    """``money`` as a filter: taking the context keeps Jinja from folding ``{{ 1|money }}`` into
    the compiled (cached) template in the currency of the first export."""
    return money(value)


_FILTERS = {
    "money": _money_filter,
    "score": score,
    "percent": percent,
    "number": number,
    "block": block,
    "join": join,
    "cell_lines": cell_lines,
    "md": to_markdown,
    "e": to_markdown,
    "escape": to_markdown,
}


# --------------------------------------------------------------------------- environment


_METHOD_TYPES = (types.MethodType, types.BuiltinMethodType)


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (a template cannot change the session it shows: no
    ``partners.clear()``), with its verdict on each attribute remembered per (type, name).

    :meth:`SandboxedEnvironment.is_safe_attribute` depends only on the object's type and the
    attribute's name (a leading underscore, or an internal attribute of a function, method,
    type, code, frame, traceback or generator object), so the verdict for one object holds for
    every object of its type.  The sandbox asks it on every ``a.b`` (and every ``a["b"]`` that
    falls back to an attribute) a template evaluates — tens of thousands of times in a large
    blueprint.  Bound methods (``str.format`` among them, which the sandbox wraps) and failed
    lookups take Jinja's own path, unchanged.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def _checked(self, obj: Any, attribute: str, value: Any) -> Any:
        key = (type(obj), attribute)
        safe = self._verdicts.get(key)
        if safe is None:
            safe = self._verdicts[key] = self.is_safe_attribute(obj, attribute, value)
        return value if safe else self.unsafe_undefined(obj, attribute)

    def getattr(self, obj: Any, attribute: str) -> Any:
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)
        if isinstance(value, _METHOD_TYPES):
            return super().getattr(obj, attribute)
        return self._checked(obj, attribute, value)

    def getitem(self, obj: Any, argument: Any) -> Any:
        try:
            return obj[argument]
        except (TypeError, LookupError):
            if not isinstance(argument, str):
                return self.undefined(obj=obj, name=argument)
        try:
            value = getattr(obj, argument)
        except AttributeError:
            return self.undefined(obj=obj, name=argument)
        if isinstance(value, _METHOD_TYPES):
            return super().getitem(obj, argument)
        return self._checked(obj, argument, value)


def _environment(loader: jinja2.BaseLoader) -> SandboxedEnvironment:
    env = _Sandbox(
        loader=loader,
        autoescape=False,
        finalize=to_markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(_FILTERS)
    return env


@lru_cache(maxsize=1)
def _default_environment() -> SandboxedEnvironment:
    """The built-in template's environment: made once; Jinja caches the compiled template."""
    return _environment(jinja2.FileSystemLoader(str(TEMPLATES)))


@lru_cache(maxsize=8)
def _custom_environment(folder: str) -> SandboxedEnvironment:
    """An organisation's templates folder, made once per folder.

    Its templates can extend the built-in one as ``{% extends "partner-workshop/blueprint.md.j2" %}``
    and override only the blocks they change.

    Jinja caches each compiled template and, with ``auto_reload``, compiles it again when its
    file's modification time changes (and likewise for what it includes or extends), so an
    edited template is picked up on the next export while an unchanged one is compiled once.
    """
    env = _environment(
        jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(folder),
                jinja2.PrefixLoader({BUILT_IN_PREFIX: jinja2.FileSystemLoader(str(TEMPLATES))}),
            ]
        )
    )
    env.auto_reload = True
    return env


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _template_line(error: BaseException, filename: str) -> int | None:
    """The template line a runtime error happened on (Jinja maps its frames to the file)."""
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == filename:
            line = lineno
    return line


def _load(template: Path | None) -> tuple[jinja2.Template, str]:
    if template is None:
        env = _default_environment()
        return env.get_template(DEFAULT_TEMPLATE.name), str(DEFAULT_TEMPLATE)
    path = Path(template)
    if not path.is_file():
        raise ExportError(f"{path}: template not found")
    env = _custom_environment(str(path.parent.resolve()))
    try:
        return env.get_template(path.name), str(path.resolve())
    except UnicodeDecodeError:
        raise ExportError(f"{path}: the template is not UTF-8 text") from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or path}:{error.lineno}"
        raise ExportError(f"{where}: {_one_line(error.message or 'syntax error')}") from None
    except (jinja2.TemplateError, OSError) as error:
        raise ExportError(f"{path}: {_one_line(str(error))}") from None


_BLANK_RUNS = re.compile(r"\n{3,}")
_ESCAPED_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\\\|")
"""A backslash-escaped ``|`` (not a backslash-escaped backslash before a ``|``)."""
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


def _pipes_only_in_tables(text: str) -> str:
    """``\\|`` becomes ``|`` outside table rows, where it changes nothing.

    User text is escaped wherever it goes (:func:`workshop.export.markdown_text.escape` does not know
    whether it is in a table cell), so every ``|`` comes out escaped.  A ``|`` only needs it in a
    table row — a line that starts with ``|``: only the template's rows do, as user text never
    starts a line with an unescaped ``|`` — or where it could make a table: on a line that is,
    or is next to, a line that could be a table's delimiter row (``--- | ---``).
    """
    if "\\|" not in text:
        return text
    lines = text.split("\n")
    bare = [_ESCAPED_PIPE.sub(r"\1|", line) if "\\|" in line else line for line in lines]
    risky = {i for i, line in enumerate(bare) if "-" in line and _DELIMITER_ROW.match(line)}
    for index, line in enumerate(lines):
        if line is bare[index] or line.startswith("|"):
            continue
        if risky & {index - 1, index, index + 1}:
            continue
        lines[index] = bare[index]
    return "\n".join(lines)


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, exactly one final newline.

    Safe for user text: escaped text never contains a blank line or trailing white space.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    return _pipes_only_in_tables(_BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n")


AUDIENCES = ("team", "board")
"""Who the blueprint is for: ``team`` (everything) or ``board`` (without the team's working
notes: the places to fix findings, the session id and its record)."""


@in_session_currency
def export_markdown(
    session: Session,
    *,
    template: Path | None = None,
    today: date | None = None,
    audience: str = "team",
) -> str:
    """The blueprint of ``session`` as Markdown text.

    ``today`` defaults to the date the session was last updated (``session.updated``), so the
    same session always exports byte for byte the same text.  ``audience="board"`` leaves out
    the team's working notes (see :data:`AUDIENCES`).  Raises :class:`ExportError`
    (one line: file, line, problem) when the template cannot be read, parsed or rendered.
    """
    day = today if today is not None else session.updated.date()
    compiled, filename = _load(template)
    context = blueprint_context(session, day)
    context["today_is_last_update"] = today is None
    if audience not in AUDIENCES:
        raise ExportError(f"no such audience: {audience!r} (choose {' or '.join(AUDIENCES)})")
    context["audience"] = audience
    try:
        text = compiled.render(context)
    except jinja2.TemplateError as error:
        line = getattr(error, "lineno", None) or _template_line(error, filename)
        where = f"{filename}:{line}" if line else filename
        raise ExportError(f"{where}: {_one_line(error.message or type(error).__name__)}") from None
    except Exception as error:  # a custom template calling something wrongly
        if template is None:
            raise
        line = _template_line(error, filename)
        where = f"{filename}:{line}" if line else filename
        raise ExportError(f"{where}: {type(error).__name__}: {_one_line(str(error))}") from None
    return _tidy(text)
