"""The blueprint in each format the export offers: one entry point for the CLI and the F3 dialog.

:func:`render_blueprint` returns the file's bytes; writing them is the store's job
(:func:`session_store.write_blueprint`).  Markdown is the blueprint itself; HTML and Word are
made from it (the plain variant: no diagrams, which neither can draw), PowerPoint from the
same data as a board deck, YAML and JSON are the ``partnership_thesis`` block alone.  The
libraries of the binary formats are imported only when those formats are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workshop.export import markdown as export
from workshop.method.currency import in_session_currency
from workshop.export.markdown import ExportError
from workshop.method.models import Session


@dataclass(frozen=True, slots=True)
class Format:
    key: str
    label: str
    suffix: str
    templated: bool
    """Whether a custom Jinja template (``--template``) shapes it."""


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format("markdown", "Markdown", ".md", True),
        Format("html", "HTML (one page, prints to PDF)", ".html", True),
        Format("docx", "Word", ".docx", True),
        Format("pptx", "PowerPoint (board deck)", ".pptx", False),
        Format("yaml", "YAML (the partnership_thesis block)", ".yaml", False),
        Format("json", "JSON (the partnership_thesis block)", ".json", False),
    )
}


@in_session_currency
def render_blueprint(
    session: Session,
    fmt: str = "markdown",
    *,
    template: Path | None = None,
    today: date | None = None,
    audience: str = "team",
) -> bytes:
    """The blueprint of ``session`` in format ``fmt`` (a key of :data:`FORMATS`), as bytes.

    ``today`` defaults to the day the session was last updated, as for the Markdown.
    Raises :class:`~workshop.export.markdown.ExportError` (one line) when it cannot be made.
    """
    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise ExportError(f"no such format: {fmt!r} (choose {', '.join(FORMATS)})")
    if template is not None and not chosen.templated:
        raise ExportError(f"--template shapes the Markdown only, not {chosen.label}")
    day = today if today is not None else session.updated.date()
    if fmt == "markdown":
        return export.export_markdown(session, template=template, today=today, audience=audience).encode("utf-8")
    title = f"{session.intake.company_name.strip() or 'Partnership'}: Partnership Blueprint"
    if fmt in ("html", "docx"):  # from the Markdown without diagrams: neither can draw them
        markdown = export.export_markdown(
            session, template=template or export.PLAIN_TEMPLATE, today=today, audience=audience
        )
        if fmt == "html":
            from workshop.export.html_page import markdown_to_html

            return markdown_to_html(markdown, title).encode("utf-8")
        from workshop.export.word import markdown_to_docx

        return markdown_to_docx(markdown, title)
    if fmt == "pptx":
        from workshop.export.context import blueprint_context
        from workshop.export.deck import blueprint_deck

        return blueprint_deck(blueprint_context(session, day))
    from workshop.export.thesis_block import partnership_thesis, to_json, to_yaml

    data = partnership_thesis(session, day)
    return (to_yaml(data) if fmt == "yaml" else to_json(data)).encode("utf-8")
