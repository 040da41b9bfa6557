"""Pilot tests of the export preview: F3 opens it, s saves, overwriting needs a yes."""

from __future__ import annotations

from pathlib import Path

import workshop.export
from screens.export_file import default_export_path, slug, write_export_file
from screens.export_preview import ExportPreviewScreen
from screens.export_save import ExportSaveDialog
from tests.app_harness import TODAY, app_on
from workshop.models import Session


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


def test_default_name_is_slugged():
    assert slug("Acme Corp, Inc. [bold]") == "acme-corp-inc-bold"
    assert slug("Ünïcode 🤝 GmbH") == "unicode-gmbh"
    path = default_export_path(export_session("a [/] b"), Path("/tmp/f"), TODAY)
    assert path == Path("/tmp/f/a-b-partnership-blueprint-2026-11-25.md")
    empty = Session(title="🤝")
    assert default_export_path(empty, Path("/x"), TODAY).name == "partnership-blueprint-2026-11-25.md"


def test_write_refuses_to_overwrite(tmp_path):
    target = tmp_path / "b.md"
    write_export_file("one\n", target)
    try:
        write_export_file("two\n", target)
    except FileExistsError:
        pass
    else:
        raise AssertionError("overwrote without force")
    assert target.read_text() == "one\n"
    write_export_file("two\n", target, force=True)
    assert target.read_text() == "two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]  # no temporary left


async def test_preview_shows_blueprint_and_saves(tmp_path):
    app = app_on(export_session(), tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_preview(pilot)
        from textual.widgets import MarkdownViewer

        viewer = screen.query_one(MarkdownViewer)
        assert "Acme Corp" in screen.markdown
        assert viewer.show_table_of_contents
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
        raise workshop.export.ExportError("blueprint.md.j2:12: unexpected '}' [bold]x[/]")

    monkeypatch.setattr(workshop.export, "export_markdown", broken)
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
        await pilot.pause(0.3)
        assert app.is_running and app.screen is screen
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#export-path").value.endswith("click-app-quit-x-a-b-partnership-blueprint-2026-11-25.md")
