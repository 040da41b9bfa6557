"""The documents teams pass around (issue 16): HTML, Word and PowerPoint, each opened again with
the library that reads it (HTML: parsed) and checked; the same guarantees as the Markdown."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import docx
import pptx
import pytest
from pptx.util import Emu

from session_store import SessionFile
from tests.conftest import BUNDLED_DEMO
from tests.test_export import _fill, _printed, full_session
from tests.test_export_markdown_text import HOSTILE
from workshop import cli
from workshop.export.formats import FORMATS, render_blueprint
from workshop.method.defaults import new_session
from workshop.export.markdown import ExportError
from workshop.export.deck import SLIDE_HEIGHT_IN
from workshop.export.markdown_text import visible_text
from workshop.method.models import Session
from workshop.method.scoring import ranked_partners


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in: list[str] = []
        self._after_break = False  # the export writes "<br> ": that space is not the reader's

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "br":
            self.text.append("\n")
            self._after_break = True
            return
        else:
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._after_break = False
        if self._in and self._in[-1] == tag:
            self._in.pop()
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "tr", "pre"):
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if self._after_break and data.startswith(" "):
            data = data[1:]
        self._after_break = False
        if "title" in self._in:
            self.title += data
        elif "style" not in self._in:
            self.text.append(data)


def page(data: bytes) -> _Page:
    parser = _Page()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return parser


def _hostile(offset: int = 0) -> Session:
    session = full_session()
    strings = [s for s in HOSTILE[offset:] + HOSTILE[:offset] if s.strip()]
    _fill(session, itertools.cycle(strings))
    return session


# --------------------------------------------------------------------------- HTML


def test_the_html_page_is_self_contained_and_has_the_blueprint(demo_session: Session) -> None:
    data = render_blueprint(demo_session, "html")
    parsed = page(data)
    assert parsed.title == "Ledgerlight: Partnership Blueprint"
    tags = [tag for tag, _ in parsed.tags]
    assert "style" in tags and "script" not in tags and "img" not in tags and "iframe" not in tags
    assert not [a for t, a in parsed.tags if t == "link" or a.get("src") or (a.get("href") or "").startswith(("http", "//"))]
    text = "".join(parsed.text)
    for heading in ("Executive summary", "Phase 1 — Partnership Thesis", "2.2 Partner attractiveness scoring",
                    "G. Machine-readable thesis", "Monthly 1:1 + QBR"):
        assert heading in text
    assert "```mermaid" not in data.decode() and "@media print" in data.decode()
    assert tags.count("table") >= 10


def test_hostile_text_is_literal_in_the_html() -> None:
    for offset in (0, 17, 33):
        session = _hostile(offset)
        parsed = page(render_blueprint(session, "html"))
        assert "script" not in [tag for tag, _ in parsed.tags]
        assert all(tag not in ("img", "iframe", "a") for tag, _ in parsed.tags)
        text = "".join(parsed.text)
        for value in set(_printed(session)):
            assert visible_text(value) in text, value


# --------------------------------------------------------------------------- Word


def _docx_text(data: bytes) -> tuple[docx.document.Document, str]:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return document, "\n".join(parts)


def test_the_word_document_has_headings_tables_and_the_thesis(demo_session: Session) -> None:
    document, text = _docx_text(render_blueprint(demo_session, "docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Ledgerlight: Partnership Blueprint"
    assert "Executive summary" in headings and "1.3 Thesis statement" in headings
    assert document.core_properties.title == "Ledgerlight: Partnership Blueprint"
    scoring = next(t for t in document.tables if t.rows[0].cells[0].text == "Rank")
    names = [row.cells[1].text for row in scoring.rows[1:]]
    assert names == [r.partner.name for r in ranked_partners(demo_session.mapping.partners, weights=demo_session.mapping.weights)]
    assert "PARTNERSHIP THESIS — Ledgerlight" in text and "partnership_thesis:" in text
    bullets = [p for p in document.paragraphs if p.style.name.startswith("List Bullet")]
    assert len(bullets) > 20


def test_hostile_text_is_literal_in_word() -> None:
    for offset in (0, 17, 33):
        session = _hostile(offset)
        _document, text = _docx_text(render_blueprint(session, "docx"))
        for value in set(_printed(session)):
            assert visible_text(value) in text, value


# --------------------------------------------------------------------------- PowerPoint

DECK = ["Thesis", "Why partners", "Landscape and top partners", "Scoring", "Tiers", "Tier movements",
        "Build, partner or acquire", "OKRs", "Roadmap", "Governance", "Economics", "Health"]


def _deck(data: bytes) -> pptx.presentation.Presentation:
    return pptx.Presentation(io.BytesIO(data))


def _titles(deck: pptx.presentation.Presentation) -> list[str]:
    return [slide.shapes.title.text for slide in deck.slides if slide.shapes.title is not None]


def test_the_deck_has_the_board_slides_in_order(demo_session: Session) -> None:
    deck = _deck(render_blueprint(demo_session, "pptx"))
    titles = _titles(deck)
    assert titles[0] == "Ledgerlight: Partnership Blueprint"
    found = [next(i for i, t in enumerate(titles) if t.startswith(name)) for name in DECK]
    assert found == sorted(found)
    scoring = [s for s in deck.slides if s.shapes.title.text.startswith("Scoring")]
    names = [
        shape.table.cell(r, 1).text
        for slide in scoring for shape in slide.shapes if shape.has_table
        for r in range(1, len(shape.table.rows))
    ]
    assert names == [r.partner.name for r in ranked_partners(demo_session.mapping.partners, weights=demo_session.mapping.weights)]


def test_no_table_runs_off_a_slide() -> None:
    from benchmarks.generate import TODAY, large_session

    session = large_session(120, seed=4)
    deck = _deck(render_blueprint(session, "pptx", today=TODAY))
    bottom = Emu(int(SLIDE_HEIGHT_IN * 914400))
    tables = 0
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                tables += 1
                assert shape.top + sum(row.height for row in shape.table.rows) <= bottom, slide.shapes.title.text
    scoring = [t for t in _titles(deck) if t.startswith("Scoring (")]
    assert len(scoring) >= 5 and scoring[-1].endswith(f"/{len(scoring)})")
    assert tables > 20


def test_hostile_names_are_literal_in_the_deck() -> None:
    for offset in (0, 17, 33):
        session = _hostile(offset)
        deck = _deck(render_blueprint(session, "pptx"))
        text = "\n".join(
            shape.table.cell(r, c).text if shape.has_table else ""
            for slide in deck.slides for shape in slide.shapes if shape.has_table
            for r in range(len(shape.table.rows)) for c in range(len(shape.table.columns))
        )
        for partner in session.mapping.partners:
            shown = " ".join(visible_text(partner.name).split())
            assert shown[:200] in text, partner.name


# --------------------------------------------------------------------------- the same guarantees


@pytest.mark.parametrize("fmt", ["html", "docx", "pptx"])
def test_every_format_refuses_to_overwrite_and_never_writes_over_the_session(fmt: str, tmp_path: Path, capsys) -> None:
    session = tmp_path / "s.toml"
    SessionFile.create(session, new_session("Offsite")).save(new_session("Offsite"))
    before = session.read_bytes()
    for target in (session, tmp_path / "s.toml.bak"):
        assert cli.main(["export", str(session), "--format", fmt, "-o", str(target), "--force"]) == 1
        assert "is the session being exported" in capsys.readouterr().err
    assert session.read_bytes() == before
    out = tmp_path / f"b.{fmt}"
    out.write_bytes(b"keep me")
    assert cli.main(["export", str(session), "--format", fmt, "-o", str(out)]) == 1
    assert "use --force" in capsys.readouterr().err and out.read_bytes() == b"keep me"
    assert cli.main(["export", str(session), "--format", fmt, "-o", str(out), "--force"]) == 0
    assert out.read_bytes() != b"keep me"


def test_formats_and_their_suffixes() -> None:
    assert {f: FORMATS[f].suffix for f in FORMATS} == {
        "markdown": ".md", "html": ".html", "docx": ".docx", "pptx": ".pptx", "yaml": ".yaml", "json": ".json",
    }
    assert tuple(FORMATS) == cli.EXPORT_FORMATS
    with pytest.raises(ExportError, match="no such format"):
        render_blueprint(full_session(), "pdf")
    with pytest.raises(ExportError, match="shapes the Markdown only"):
        render_blueprint(full_session(), "pptx", template=Path("x.j2"))


def test_the_markdown_export_imports_none_of_the_document_libraries(tmp_path: Path) -> None:
    code = (
        "import sys; from workshop import cli; "
        f"cli.main(['export', {str(BUNDLED_DEMO)!r}, '-o', {str(tmp_path / 'b.md')!r}]); "
        "print(sorted(m for m in ('docx', 'pptx', 'lxml', 'yaml', 'workshop.export.deck', 'workshop.export.word') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "[]", result.stderr


def test_a_binary_format_goes_to_a_pipe_but_not_to_a_terminal(monkeypatch, capsysbinary) -> None:
    assert cli.main(["export", str(BUNDLED_DEMO), "--format", "docx", "-o", "-"]) == 0
    data = capsysbinary.readouterr().out
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "Ledgerlight: Partnership Blueprint"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["export", str(BUNDLED_DEMO), "--format", "pptx"]) == 1
    assert b"binary file: name it with -o FILE" in capsysbinary.readouterr().err


def test_every_shape_of_the_demo_deck_is_inside_its_slide(demo_session: Session) -> None:
    # The default layouts are drawn for a 10-inch slide; the deck is 16:9.
    deck = _deck(render_blueprint(demo_session, "pptx"))
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= deck.slide_width, (slide.shapes.title.text, shape.name)
            assert shape.top + shape.height <= deck.slide_height, (slide.shapes.title.text, shape.name)
