"""The blueprint as a board deck (python-pptx): one idea a slide, tables that never run off.

Title, thesis, rationale, landscape and top partners, scoring, tiers and movements, decisions,
OKRs, roadmap, governance, economics, health.  Made from the same data as the Markdown (the
template's context), never from its text.  A table is split over as many slides as it needs
("Scoring (2/3)"), by an estimate of each row's height from its longest cell at the slide's
font size, so no table runs off the bottom; long cells are cut at :data:`CELL_LIMIT` characters
with "…" (the Markdown and Word exports have them whole).  Text goes into runs as text
(python-pptx escapes it for the XML).  python-pptx is imported only here.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from typing import Any

from workshop.export.word import xml_text
from workshop.export.markdown_text import EMPTY
from workshop.method.scoring import format_score
from workshop.method.values import format_money

SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
TABLE_TOP_IN = 1.35
TABLE_BOTTOM_IN = 7.0
FONT_PT = 12
LINE_IN = FONT_PT * 1.25 / 72 + 0.02
"""The height of one line of table text, with the cell's margins shared out."""
ROW_PADDING_IN = 0.12
CELL_LIMIT = 220
BULLET_LIMIT = 9
"""Bullets on one slide; more go on the next."""


def _cut(text: str, limit: int = CELL_LIMIT) -> str:
    text = xml_text(" ".join(str(text).split()))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _or_dash(text: object) -> str:
    value = "" if text is None else str(text)
    return _cut(value) if value.strip() else EMPTY


def _money(value: int | float | None) -> str:
    return EMPTY if value is None else format_money(round(value))


def _row_lines(row: Sequence[str], widths: Sequence[float]) -> int:
    """How many lines the row's tallest cell takes at :data:`FONT_PT` in its column."""
    lines = 1
    for text, width in zip(row, widths):
        per_line = max(int((width - 0.15) * 72 / (FONT_PT * 0.52)), 4)
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
    return lines


def split_rows(rows: Sequence[Sequence[str]], widths: Sequence[float], header: Sequence[str]) -> list[list[Sequence[str]]]:
    """``rows`` in groups that each fit under the header in the table area of one slide."""
    room = TABLE_BOTTOM_IN - TABLE_TOP_IN - (_row_lines(header, widths) * LINE_IN + ROW_PADDING_IN)
    groups: list[list[Sequence[str]]] = [[]]
    used = 0.0
    for row in rows:
        height = _row_lines(row, widths) * LINE_IN + ROW_PADDING_IN
        if groups[-1] and used + height > room:
            groups.append([])
            used = 0.0
        groups[-1].append(row)
        used += height
    return groups


class Deck:
    def __init__(self, title: str) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(SLIDE_WIDTH_IN), Inches(SLIDE_HEIGHT_IN)
        self.prs.core_properties.title = xml_text(title)
        self.prs.core_properties.author = "Partner Workshop"

    def _slide(self, title: str) -> Any:
        from pptx.util import Inches, Pt

        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])  # title only
        shape = slide.shapes.title
        shape.left, shape.top = Inches(0.5), Inches(0.3)
        shape.width, shape.height = Inches(SLIDE_WIDTH_IN - 1), Inches(0.9)
        shape.text_frame.text = xml_text(title)
        for paragraph in shape.text_frame.paragraphs:
            paragraph.font.size = Pt(28)
            paragraph.font.bold = True
        return slide

    def title_slide(self, title: str, subtitle: str) -> None:
        from pptx.util import Inches, Pt

        slide = self.prs.slides.add_slide(self.prs.slide_layouts[0])
        # The default layouts are drawn for a 10-inch slide: placed again on the wide one.
        heading, body = slide.shapes.title, slide.placeholders[1]
        heading.left, heading.top = Inches(0.8), Inches(2.0)
        heading.width, heading.height = Inches(SLIDE_WIDTH_IN - 1.6), Inches(1.6)
        body.left, body.top = Inches(0.8), Inches(3.8)
        body.width, body.height = Inches(SLIDE_WIDTH_IN - 1.6), Inches(1.8)
        heading.text = xml_text(title)
        body.text = xml_text(subtitle)
        for paragraph in body.text_frame.paragraphs:
            paragraph.font.size = Pt(18)

    def text(self, title: str, paragraphs: Iterable[str], size: int = 20) -> None:
        from pptx.util import Inches, Pt

        slide = self._slide(title)
        box = slide.shapes.add_textbox(Inches(0.6), Inches(1.4), Inches(SLIDE_WIDTH_IN - 1.2), Inches(5.6))
        frame = box.text_frame
        frame.word_wrap = True
        for number, text in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.text = _cut(text, 700)
            paragraph.font.size = Pt(size)
            paragraph.space_after = Pt(10)

    def bullets(self, title: str, items: Sequence[str], empty: str) -> None:
        items = list(items) or [empty]
        pages = [items[i : i + BULLET_LIMIT] for i in range(0, len(items), BULLET_LIMIT)]
        for page, chunk in enumerate(pages, start=1):
            name = title if len(pages) == 1 else f"{title} ({page}/{len(pages)})"
            self.text(name, [f"• {_cut(item, 300)}" for item in chunk], size=16)

    def table(self, title: str, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], empty: str) -> None:
        from pptx.util import Inches, Pt

        if not rows:
            self.text(title, [empty])
            return
        total = sum(widths)
        widths = [w * (SLIDE_WIDTH_IN - 1.0) / total for w in widths]
        rows = [[_or_dash(cell) for cell in row] for row in rows]
        header = [_cut(h, 80) for h in header]
        groups = split_rows(rows, widths, header)
        for page, group in enumerate(groups, start=1):
            slide = self._slide(title if len(groups) == 1 else f"{title} ({page}/{len(groups)})")
            height = sum(_row_lines(r, widths) * LINE_IN + ROW_PADDING_IN for r in [header, *group])
            shape = slide.shapes.add_table(
                len(group) + 1, len(header), Inches(0.5), Inches(TABLE_TOP_IN), Inches(sum(widths)), Inches(height)
            )
            table = shape.table
            for c, width in enumerate(widths):
                table.columns[c].width = Inches(width)
            for r, row in enumerate([header, *group]):
                table.rows[r].height = Inches(_row_lines(row, widths) * LINE_IN + ROW_PADDING_IN)
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    for paragraph in cell.text_frame.paragraphs:
                        paragraph.font.size = Pt(FONT_PT)
                        paragraph.font.bold = r == 0

    def save(self) -> bytes:
        out = io.BytesIO()
        self.prs.save(out)
        return out.getvalue()


def blueprint_deck(context: dict[str, Any]) -> bytes:
    """The board deck of a blueprint, from the template's context (``blueprint_context``)."""
    session = context["session"]
    company = context["company"] or "Company not named yet"
    deck = Deck(f"{company}: Partnership Blueprint")
    status = context["status"] + (f" — {'; '.join(context['status_reasons'])}" if context["status_reasons"] else "")
    deck.title_slide(
        f"{company}: Partnership Blueprint",
        f"{session.title}\nJudged as of {context['today'].isoformat()} · {status}",
    )
    summary, economics = context["summary"], context["economics"]
    deck.text(
        "Thesis",
        [
            summary.thesis,
            f"{economics.partner_arr_target.label}: {economics.partner_arr_target.text} · "
            f"{economics.pipeline_total.label}: {economics.pipeline_total.text}",
            f"North-star metric: {context['statement'].north_star_metric.strip() or EMPTY}",
        ],
    )
    deck.table(
        "Why partners: the strategic rationale",
        ["Gap", "Answer"],
        [[item.label, item.answer] for item in context["rationale"]],
        [2.2, 8],
        "Not written yet.",
    )
    deck.table(
        "Landscape and top partners",
        ["Partner", "Type", "Landscape tier", "Score", "Band", "Program tier"],
        [
            [t.row.partner.name, _words(t.row.partner.type), _words(t.row.partner.landscape_tier),
             format_score(t.row.score), t.row.band_label, t.tier + (f" (rules: {t.rules_tier})" if t.rules_tier else "")]
            for t in summary.top_partners
        ],
        [2.6, 1.6, 2.6, 0.9, 2.2, 2.2],
        "No partner scored yet.",
    )
    columns = context["rating_columns"]
    deck.table(
        "Scoring",
        ["Rank", "Partner", *[f"{c.label} ({c.weight_pct}%)" for c in columns], "Score", "Band"],
        [
            [str(row.rank or EMPTY), row.partner.name,
             *[_number(getattr(row.partner.ratings, c.field)) for c in columns],
             format_score(row.score) if row.score is not None else EMPTY, row.band_label]
            for row in context["scored"]
        ],
        [0.7, 2.6, *[1.2] * len(columns), 0.9, 2.2],
        "No partners mapped yet.",
    )
    deck.table(
        "Tiers",
        ["Tier", "Annual pipeline", "Certified", "MDF / year", "Benefits"],
        [
            [_words(t.name), _range(t.pipeline_min, t.pipeline_max), str(t.certified_individuals),
             _money(t.mdf_per_year), "; ".join(context["benefits"][t.name])]
            for t in context["tiers"]
        ],
        [1.4, 2.2, 1.1, 1.4, 6],
        "No tiers defined yet.",
    )
    deck.table(
        "Tier movements",
        ["Partner", "Recorded", "By the rules", "Action", "Reason"],
        [
            [m.partner.name, _words(m.recorded_tier), _words(m.rules_tier),
             _words(m.action) + (f" to {_words(m.action_tier)}" if m.action_tier else ""), m.reason]
            for m in context["movements"]
        ],
        [2.4, 1.3, 1.4, 1.6, 5.5],
        "No signed partner holds a program tier yet.",
    )
    deck.table(
        "Build, partner or acquire",
        ["Decision", "Capability", "Choice", "Status", "Rationale"],
        [
            [a.decision.id, a.decision.capability, _words(a.decision.decision) or "not decided", a.status, a.decision.rationale]
            for a in context["decisions"]
        ],
        [1.1, 2.8, 1.3, 1.8, 5],
        "No decision logged yet.",
    )
    deck.table(
        "OKRs",
        ["Key result", "Kind", "Target", "Owner", "Due"],
        [
            [f"O{o}: {kr.text}", _words(kr.kind) or EMPTY, kr.target, kr.owner, kr.due.isoformat() if kr.due else EMPTY]
            for o, objective in enumerate(context["objectives"], start=1)
            for kr in objective.key_results
        ],
        [6, 1.2, 1.6, 2, 1.3],
        "No objectives set yet.",
    )
    roadmap = context["roadmap"]
    deck.table(
        f"Roadmap{f' {roadmap.year}' if roadmap.year else ''}",
        ["Quarter", "Theme", "Item", "Done"],
        [[q.name, q.theme, item.text, "yes" if item.done else "no"] for q in roadmap.quarters for item in q.items],
        [1, 2.2, 7, 0.8],
        "Nothing planned yet.",
    )
    raci = context["raci"]
    deck.table(
        "Governance: RACI",
        ["Decision", *raci.roles],
        [[row.decision, *[cell.value or "·" for cell in row.cells]] for row in raci.rows],
        [3.4, *[1.2] * len(raci.roles)],
        "No RACI matrix yet.",
    )
    deck.table(
        "Governance: executive sponsors",
        ["Partner", "Partner executive", "Our counterpart", "Cadence"],
        [[s.partner, s.partner_executive, s.our_counterpart, s.cadence] for s in context["exec_map"]],
        [2.6, 3.2, 2.4, 3],
        "No executive sponsors mapped yet.",
    )
    deck.table(
        "Economics",
        ["Figure", "Value", "How it is computed"],
        [[f.label, f.text, f.formula] for f in context["economics_figures"]],
        [3.4, 2, 6],
        "No figures yet.",
    )
    health = context["health"]
    deck.table(
        f"Health: {health.fails} failing, {health.warnings} warnings",
        ["Check", "Status", "Finding"],
        [[r.title, _words(r.status), r.message] for r in (*health.rules, *health.findings)],
        [3, 1, 8],
        "Nothing to report.",
    )
    deck.bullets(
        "Still open",
        [f"Failing: {r.title}" for r in summary.failing]
        + [f"Parking lot: {note.text}" for note in summary.open_notes],
        "Nothing open.",
    )
    return deck.save()


def _words(value: object) -> str:
    if value is None:
        return ""
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else str(getattr(value, "value", value))


def _number(value: float | int | None) -> str:
    if value is None:
        return EMPTY
    return f"{value:g}"


def _range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{_money(low)}–{_money(high)}"
    if low is not None:
        return f"{_money(low)}+"
    if high is not None:
        return f"up to {_money(high)}"
    return EMPTY
