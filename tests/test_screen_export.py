"""Pilot tests of the export preview: F3 opens it, s saves, overwriting needs a yes."""

from __future__ import annotations

from pathlib import Path

import workshop.export.markdown
from screens.blueprint_preview import BlueprintPreview, split_sections
from screens.export_file import default_export_path, slug
from screens.export_preview import ExportPreviewScreen
from screens.export_save import ExportSaveDialog
from tests.app_harness import TODAY, app_on, until
from workshop.method.models import Partner, Session


def export_session(company: str = "Acme Corp") -> Session:
    session = Session(title="Export test")
    session.intake.company_name = company
    return session


async def open_preview(pilot) -> ExportPreviewScreen:
    await pilot.press("f3")
    await pilot.pause()  # the preview is built on mount
    screen = pilot.app.screen
    assert isinstance(screen, ExportPreviewScreen)
    return screen


async def rendered(pilot, screen: ExportPreviewScreen) -> BlueprintPreview:
    """The preview once every section is rendered (it renders in the background)."""
    preview = screen.query_one(BlueprintPreview)
    await until(pilot, lambda: preview.rendered, "the preview finished rendering")
    return preview


def test_default_name_is_slugged():
    assert slug("Acme Corp, Inc. [bold]") == "acme-corp-inc-bold"
    assert slug("Ünïcode 🤝 GmbH") == "unicode-gmbh"
    path = default_export_path(export_session("a [/] b"), Path("/tmp/f"), TODAY)
    assert path == Path("/tmp/f/a-b-partnership-blueprint-2026-11-25.md")
    empty = Session(title="🤝")
    assert default_export_path(empty, Path("/x"), TODAY).name == "partnership-blueprint-2026-11-25.md"


async def test_preview_shows_blueprint_and_saves(tmp_path):
    app = app_on(export_session(), tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_preview(pilot)
        preview = await rendered(pilot, screen)
        assert "Acme Corp" in screen.markdown
        assert "Acme Corp: Partnership Blueprint" in preview.text
        assert not screen.query_one("#export-contents").has_class("-hidden")
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportSaveDialog)
        expected = tmp_path / "acme-corp-partnership-blueprint-2026-11-25.md"
        assert dialog.query_one("#export-path").value == str(expected)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert expected.read_text(encoding="utf-8") == screen.markdown
        assert any(str(expected) in str(n.message) for n in app._notifications)

        # a second save finds the file: "no" keeps it, "yes" replaces it
        expected.write_text("edited by hand\n")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportSaveDialog)
        assert "left as it is" in str(app.screen.query_one("#export-error").render())
        assert expected.read_text() == "edited by hand\n"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert expected.read_text(encoding="utf-8") == screen.markdown

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportPreviewScreen)


async def test_the_blueprint_is_never_saved_over_the_session_itself(tmp_path):
    app = app_on(export_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_preview(pilot)
        before = (tmp_path / "session.toml").read_bytes()
        for name in ("session.toml", "session.toml.bak"):
            await pilot.press("s")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportSaveDialog)
            dialog.query_one("#export-path").value = name
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog  # still asking: nothing written, no "Replace?" question
            assert "is the session itself (or its backup)" in str(dialog.query_one("#export-error").render())
            await pilot.press("escape")
            await pilot.pause()
        assert (tmp_path / "session.toml").read_bytes() == before


async def test_unwritable_folder_is_explained(tmp_path):
    app = app_on(export_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_preview(pilot)
        await pilot.press("s")
        await pilot.pause()
        field = app.screen.query_one("#export-path")
        field.value = str(tmp_path / "no-such-folder" / "x.md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportSaveDialog)
        message = str(app.screen.query_one("#export-error").render())
        assert message.startswith("Could not write") and "no-such-folder" in message
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExportPreviewScreen)


async def test_template_error_shown_not_crashing(tmp_path, monkeypatch):
    def broken(session, **kwargs):
        raise workshop.export.markdown.ExportError("blueprint.md.j2:12: unexpected '}' [bold]x[/]")

    monkeypatch.setattr(workshop.export.markdown, "export_markdown", broken)
    app = app_on(export_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_preview(pilot)
        problem = str(screen.query_one("#export-problem").render())
        assert "blueprint.md.j2:12" in problem and "[bold]x[/]" in problem
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is screen  # nothing to save
        assert list(tmp_path.glob("*.md")) == []


async def test_hostile_company_previewed_literally(tmp_path):
    app = app_on(export_session("[@click=app.quit]x[/] a [/] b"), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot)
        assert screen.markdown is not None
        await rendered(pilot, screen)  # every section drawn: markup in it would have been parsed by now
        assert app.is_running and app.screen is screen
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#export-path").value.endswith("click-app-quit-x-a-b-partnership-blueprint-2026-11-25.md")


def test_sections_cut_at_headings_outside_code_fences():
    markdown = "intro\n# Title\ntext\n```\n# not a heading\n```\n## Decision D-001: A \\#1\nmore"
    sections = split_sections(markdown)
    assert [(s.level, s.title) for s in sections] == [(0, ""), (1, "Title"), (2, "Decision D-001: A #1")]
    assert "\n".join(s.markdown for s in sections) == markdown


async def test_contents_jump_to_a_section_and_toggle(tmp_path):
    app = app_on(export_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_preview(pilot)
        preview = await rendered(pilot, screen)
        contents = screen.query_one("#export-contents")
        index = next(i for i, s in enumerate(preview.sections) if s.title.startswith("Phase 3"))
        contents.focus()
        contents.highlighted = contents.get_option_index(str(index))
        await pilot.press("enter")
        await pilot.pause()
        line = preview.section_lines[index]
        assert line and preview.scroll_y == line
        assert "Phase 3" in preview._lines[line + 1].text or "Phase 3" in preview._lines[line].text
        assert preview.has_focus
        await pilot.press("t")
        assert contents.has_class("-hidden")
        await pilot.press("t")
        assert not contents.has_class("-hidden") and contents.has_focus


async def test_narrow_screen_hides_contents_until_asked(tmp_path):
    app = app_on(export_session(), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot)
        await rendered(pilot, screen)
        assert screen.query_one("#export-contents").has_class("-hidden")
        await pilot.press("t")
        assert not screen.query_one("#export-contents").has_class("-hidden")


async def test_hostile_text_and_escapes_are_shown_literally_in_the_preview(tmp_path):
    hostile = "[@click=app.quit]x[/] a [/] b \x1b[31mred"
    session = export_session(hostile)
    session.mapping.partners = [Partner(name="[bold]X[/] | # x 🤝", notes="line one\nline two <br> three")]
    app = app_on(session, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_preview(pilot)
        preview = await rendered(pilot, screen)
        text = preview.text
        assert "[@click=app.quit]x[/] a [/] b" in text
        assert "[bold]X[/] | # x 🤝" in text
        assert "\x1b" not in text and "\u241b[31mred" in text
        assert "line one ↵ line two <br> three" in text  # the export's line break, the typed text
        await pilot.click(BlueprintPreview, offset=(5, 1))
        assert app.is_running


async def test_a_big_blueprint_is_readable_before_it_is_all_rendered(tmp_path):
    session = export_session()
    session.mapping.partners = [Partner(name=f"Partner {n}") for n in range(600)]
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_preview(pilot)
        preview = screen.query_one(BlueprintPreview)
        await until(pilot, lambda: preview.section_lines[0] is not None, "the first section rendered")
        assert "Acme Corp: Partnership Blueprint" in preview.text
        await pilot.press("escape")  # keys work while the rest renders; closing stops it
        await pilot.pause()
        assert not isinstance(app.screen, ExportPreviewScreen)
        assert app.is_running


async def test_the_dialog_saves_every_format_and_a_board_version(tmp_path):
    import io

    import docx

    session = export_session("Acme | [bold]Corp[/]")
    session.mapping.partners = [Partner(name="*Northbridge* <b>")]
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_preview(pilot)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportSaveDialog)
        select = dialog.query_one("#export-format")
        select.value = "docx"
        board = dialog.query_one("#export-board")
        board.value = True
        field = dialog.query_one("#export-path")
        await until(pilot, lambda: field.value.endswith(".docx"), "the file name ending in .docx")
        assert dialog.audience == "board"
        dialog.query_one("#export-path").focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportSaveDialog), "the save dialog closed")
        written = Path(field.value)
        document = docx.Document(io.BytesIO(written.read_bytes()))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "Acme | [bold]Corp[/]: Partnership Blueprint" in text
        assert "For the team" not in text and session.id not in text  # the board version
        tables = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "*Northbridge* <b>" in tables

