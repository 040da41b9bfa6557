"""The market-mapping view's derived displays: the selected partner's score explained (with its
gates and the team's disagreement), the competitor ecosystem analysis, and the weight
sensitivity (worked out off the UI thread).  A mixin of :class:`screens.mapping.MappingView`."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from rich import box
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from screens.mapping_rows import row_signature
from screens.text import literal
from workshop.method.competitors import ecosystem
from workshop.method.gates import gated
from workshop.method.models import Partner
from workshop.method.score_explain import explain
from workshop.method.scoring import (
    attractiveness,
    band_for,
    exact_text,
    format_score,
    missing_ratings,
    ranked_partners,
)
from workshop.method.sensitivity import Sensitivity, sensitivity
from workshop.method.team_scoring import disagreement
from workshop.method.terminal_text import visible

LIST_LIMIT = 10
"""Lines shown per ecosystem list before "… and N more" (display only)."""


def cell_text(text: str, style: str = "") -> Text:
    """User text (a partner's name) in a rich table cell: a Text, never parsed as markup."""
    return Text(visible(text), style=style)


def _limited(lines: Iterable[str], empty: str) -> list[str]:
    lines = list(lines)
    if not lines:
        return [f"  {empty}"]
    shown = [f"  • {line}" for line in lines[:LIST_LIMIT]]
    if len(lines) > LIST_LIMIT:
        shown.append(f"  … and {len(lines) - LIST_LIMIT} more")
    return shown


class MappingPanels:
    """The derived displays of the mapping view (a mixin: the widget methods, ``session``,
    ``table`` and ``weights`` are the view's)."""

    def _show_detail(self) -> None:
        partner = self.table.selected
        detail = self.query_one("#partner-detail", Static)
        if partner is None:
            detail.update(literal("No partner selected." if self.session.mapping.partners else "No partners yet: press a to add one."))
            return
        lines = [self._score_sentence(partner)]
        explanation = explain(partner, self.weights)
        if explanation is not None:
            width = max(len(c.label) for c in explanation.contributions)
            lines += [f"  {c.label:<{width}}  {c.text}" for c in explanation.contributions]
            lines.append(f"  {'Score':<{width}}  {exact_text(explanation.score)}")
            lines.append("Band lines: " + explanation.distance_sentence)
            lines.append(explanation.up_sentence + "  " + explanation.down_sentence)
        if self.session.mapping.gates:
            row = ranked_partners([partner], self.weights)[0]
            (gate_row,) = gated([row], self.session.mapping)
            lines.append(f"Gates: {gate_row.gates.text}  (c: judge)")
            lines.append(("⊘ " if gate_row.held else "") + gate_row.sentence)
        if partner.team_ratings:
            lines.append("Team: " + disagreement(partner, weights=self.session.mapping.weights).sentence)
        detail.update(literal("\n".join(lines)))

    def _score_sentence(self, partner: Partner) -> str:
        score = attractiveness(partner.ratings, self.session.mapping.weights)
        band = band_for(score)
        if band is None:
            return f"{partner.name}: unscored — still to rate: {', '.join(missing_ratings(partner.ratings)).lower()}."
        shown, exact = format_score(score), exact_text(score)
        exactly = "" if Fraction(shown) == score else f" (exactly {exact})"
        return f"{partner.name}: score {shown}{exactly} — {band.label}. {band.advice}"

    _ecosystem_input: tuple[object, ...] | None = None

    def _show_ecosystem(self) -> None:
        """The engine's ecosystem analysis, recomputed only when what it is made from changed.

        Its input is the partners as the table shows them (name, type, tier, ratings, stage,
        lock) and the competitors: cheap to compare, while the analysis scores every partner.
        Editing notes, practice, dates or other phases leaves it as it is.
        """
        self._ecosystem_scheduled = False
        if not self.is_attached:
            return
        self._show_sensitivity()
        mapping = self.session.mapping
        made_from = (
            tuple(map(row_signature, mapping.partners)),
            tuple((c.name, tuple(c.key_partners), c.model, c.perceived_strength) for c in mapping.competitors),
        )
        if made_from == self._ecosystem_input:
            return
        self._ecosystem_input = made_from
        analysis = ecosystem(mapping)
        lines = ["Available or under-served — recruit first if Priority or Secondary, best score first:"]
        lines += _limited(analysis.gap_lines, "none: no available or under-served prospect")
        lines.append("Locked to a competitor — counter-narrative, approach adjacent partners:")
        lines += _limited((lp.sentence for lp in analysis.locked), "none")
        lines.append("Shared by several competitors:")
        lines += _limited(
            (f"{c.name}: {', '.join(c.competitors)}" for c in analysis.contested), "none"
        )
        check = [
            f"{p.name} is listed by {', '.join(comps)} but marked {p.lock_status.label.lower()}"
            for p, comps in analysis.listed_but_available
        ] + [f"{competitor} lists {name}, which is not in our map" for competitor, name in analysis.unmapped]
        if check:
            lines.append("To check:")
            lines += _limited(check, "")
        self.query_one("#ecosystem", Static).update(literal("\n".join(lines)))

    _sensitivity_input: tuple[object, ...] | None = None

    def _show_sensitivity(self) -> None:
        """The engine's weight sensitivity, recomputed only when the ratings or weights changed."""
        mapping = self.session.mapping
        made_from = (mapping.weights.percents(), tuple((p.id, p.name, *row_signature(p)[3:8]) for p in mapping.partners))
        if made_from == self._sensitivity_input:
            return
        self._sensitivity_input = made_from
        # Scored off the UI thread (a big map takes a good part of a second).  It reads the live
        # partners: an edit made meanwhile changes the input, so that result is never shown (the
        # input it was made from is compared again) and the edit's own computation follows.
        partners = list(mapping.partners)
        weights = mapping.weights

        def compute() -> None:
            result = sensitivity(partners, weights)
            self.app.call_from_thread(self._sensitivity_ready, made_from, result)

        self.run_worker(compute, thread=True, exclusive=True, group="sensitivity", exit_on_error=True)

    def _sensitivity_ready(self, made_from: tuple[object, ...], result: Sensitivity) -> None:
        if made_from != self._sensitivity_input or not self.is_attached:
            return
        verdict = self.query_one("#sensitivity-verdict", Static)
        verdict.update(literal(result.sentence))
        verdict.set_class(not result.robust, "-moves")
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        table.add_column("Weight change", no_wrap=True)
        table.add_column("Weights", no_wrap=True)
        table.add_column("Band changes", ratio=1)
        table.add_column("Rank flips in the top ten", ratio=1)
        for row in result.results:
            style = "bold" if row.moves else "dim"
            table.add_row(*(cell_text(t, style) for t in (row.scenario.name, row.scenario.weights_text,
                                                          row.band_text, row.flip_text)))
        for reason in result.skipped:
            table.add_row(cell_text(reason, "dim"), cell_text("", "dim"), cell_text("skipped", "dim"), cell_text("", "dim"))
        self.query_one("#sensitivity", Static).update(table if result.results or result.skipped else literal(""))
