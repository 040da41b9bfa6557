"""Snapshots of the export screen and its save dialog on the demo session, at 80x24 and 160x48."""

from __future__ import annotations

from screens.blueprint_preview import BlueprintPreview
from tests.app_harness import LARGE, SMALL, demo_app, until


async def preview_rendered(pilot) -> None:  # noqa: ANN001 - a Textual Pilot
    """Open the preview and wait until every section is rendered (it renders in the background)."""
    await pilot.press("f3")

    def rendered() -> bool:
        previews = pilot.app.screen.query(BlueprintPreview)
        return bool(previews) and previews.first().rendered

    await until(pilot, rendered, "the preview finished rendering")
    await pilot.pause()


def test_export_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=preview_rendered)


def test_export_large(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, run_before=preview_rendered)


async def save_dialog_open(pilot) -> None:  # noqa: ANN001 - a Textual Pilot
    """The preview, then its save dialog (format list, board choice), the Word format chosen."""
    from screens.export_save import ExportSaveDialog

    await preview_rendered(pilot)
    await pilot.press("s")
    await until(pilot, lambda: isinstance(pilot.app.screen, ExportSaveDialog), "the save dialog")
    dialog = pilot.app.screen
    dialog.query_one("#export-format").value = "docx"
    field = dialog.query_one("#export-path")
    await until(pilot, lambda: field.value.endswith(".docx"), "the .docx name")
    field.value = "ledgerlight-partnership-blueprint.docx"  # relative: the picture has no tmp path
    await pilot.pause()


def test_export_save_dialog_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=save_dialog_open)
