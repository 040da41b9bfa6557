"""Hostile text: markup, Markdown metacharacters, control characters and ANSI escapes, RTL
text, emoji and 100 kB strings — round-tripped by the store, shown literally on screen and in
the export, and never reaching the terminal raw."""

from __future__ import annotations

from pathlib import Path

import pytest
from enum import Enum

from pydantic import BaseModel

from session_store import dump_session, parse_session
from tests.app_harness import app_on
from workshop.method.defaults import new_session
from workshop.method.models import Participant, Partner, Session

HOSTILE = [
    "a [/] b",
    "[@click=app.quit]x[/]",
    "[$accent]x",
    "[B]x",
    "[ bold]x \\",
    "# heading | pipe | *star* _under_ `tick` <b>html</b> [link](http://x) ![i](y) ---",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "tab\there\x00nul\x7fdel\x9bcsi",
    "line one\nline two\r\nthree",
    "مرحبا بالعالم \u202eevil\u202c",
    "👩‍👩‍👧‍👦 🚀 e\u0301 ＦＵＬＬ",
]
BIG = ("x" * 99 + "\n") * 1000  # 100 kB


def fill(session: Session, value: str) -> None:
    """Put ``value`` in every text field (and list of texts) the session accepts it in."""
    from pydantic import ValidationError

    def visit(model: BaseModel) -> None:
        for name in type(model).model_fields:
            current = getattr(model, name)
            if isinstance(current, str) and not isinstance(current, Enum):
                candidate: object = value
            elif isinstance(current, list) and current and all(type(i) is str for i in current):
                candidate = [value] * len(current)
            else:
                candidate = None
            if candidate is not None:
                try:
                    setattr(model, name, candidate)  # validated: refused values are left alone
                except ValidationError:
                    pass
            elif isinstance(current, BaseModel):
                visit(current)
            elif isinstance(current, list):
                for item in current:
                    if isinstance(item, BaseModel):
                        visit(item)

    visit(session)


def hostile_session(value: str, *, everywhere: bool = True) -> Session:
    session = new_session(value)
    session.participants.append(Participant(name=value, role=value))
    session.mapping.partners.append(Partner(id="p1", name=value, notes=value, practice=value))
    session.intake.description = value
    if everywhere:
        fill(session, value)
        # Tier names are unique on the ladder (issue 17): the same hostile text, numbered
        from pydantic import ValidationError

        for number, tier in enumerate(session.tiers.tiers, 1):
            try:
                tier.name = f"{value} {number}"
            except ValidationError:
                pass
    return session


@pytest.mark.parametrize("value", HOSTILE + [BIG], ids=[f"h{i}" for i in range(len(HOSTILE))] + ["100kB"])
def test_store_round_trips_hostile_text(value: str) -> None:
    # 100 kB in every field makes a multi-megabyte file: that run is in tests/soak
    session = hostile_session(value, everywhere=value is not BIG)
    assert session.title == value and session.mapping.partners[0].notes == value
    text = dump_session(session)
    again = parse_session(text, "mem")
    assert again == session
    assert dump_session(again) == text


def _strings(data: object):
    """Every string (keys too) of a loaded YAML document."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, item in data.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


@pytest.mark.parametrize("value", HOSTILE)
def test_export_shows_hostile_text_literally(value: str) -> None:
    """The blueprint read back with a Markdown parser: outside code blocks the hostile text is
    only text (no heading, table, link, HTML, emphasis or code of its own, the same as a plain
    text in the same places); inside the one place that holds it raw, appendix G's YAML block,
    it neither opens nor closes a fence and loads back exactly."""
    import yaml

    from tests.test_export_support import _PARSER, all_text, headings, inline_markup, parse, tables
    from workshop.export.markdown_text import visible_text

    export = pytest.importorskip("workshop.export.markdown")
    markdown = export.export_markdown(hostile_session(value))
    controls = [c for c in markdown if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert not controls, f"raw control characters in the export: {controls[:5]!r}"
    tokens, baseline = parse(markdown), parse(export.export_markdown(hostile_session("t0")))

    def code(found: list) -> list[tuple[str, str]]:
        return [(t.type, t.info) for t in found if t.type in ("fence", "code_block", "html_block")]

    # Rendered: the same headings, tables, code blocks and inline constructs as a plain text
    # (the engine may find more to say about some texts — "[B]x" looks like a placeholder —
    # so the count of rows and list items may differ, not the kinds of blocks).
    assert code(tokens) == code(baseline)
    assert [level for level, _ in headings(tokens)] == [level for level, _ in headings(baseline)]
    assert [t.columns for t in tables(tokens)] == [t.columns for t in tables(baseline)]
    assert {t.type for t in tokens} <= {t.type for t in baseline}
    assert inline_markup(tokens) == inline_markup(baseline)
    assert visible_text(value) in "\n".join(all_text(tokens))
    html = _PARSER.render(markdown)
    assert "<b>html</b>" not in html and 'href="http://x"' not in html and '<img src="y"' not in html
    # The machine-readable block holds the text raw, as data: it loads back exactly.
    (thesis,) = [t for t in tokens if t.type == "fence" and t.info == "yaml"]
    assert value in set(_strings(yaml.safe_load(thesis.content)))


@pytest.mark.parametrize(
    "value",
    ["a [/] b", "[@click=app.quit]x[/]", "[$accent]x", "[B]x", "\x1b[31mred\x1b]0;title\x07", "مرحبا 🚀"],
)
async def test_hostile_text_is_shown_literally_on_screen(tmp_path: Path, value: str) -> None:
    session = hostile_session(value)
    session.position.phase = session.position.phase.INTAKE
    app = app_on(session, tmp_path)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        assert app.is_running  # a MarkupError would have stopped the app
        shot = app.export_screenshot()
        assert "\x1b" not in shot and "\x07" not in shot, "a raw control character reached the output"
        if "\x1b" in value:
            assert "␛" in shot  # shown as a visible symbol instead
        else:
            visible_part = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            assert visible_part.split()[0].replace(" ", "&#160;") in shot.replace(" ", "&#160;")
        assert app.title == value or "␛" in app.title
        await pilot.click("#participants")  # a click on the row must not run an embedded action
        await pilot.pause()
        assert app.is_running
