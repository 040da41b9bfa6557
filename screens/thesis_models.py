"""Phase 1.2: the seven partnership models as a table — space selects one, e/Enter annotates it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding

from screens.fields import FieldSpec
from screens.host import editor
from screens.record_table import Column, RecordTable
from screens.text import one_line
from workshop.method.models import PartnershipModel, Thesis

SELECTED_MARK = "✓ selected"

ANNOTATION_FIELDS = [
    FieldSpec("use_case", "Use case", "multiline", hint="Where we would use this model"),
    FieldSpec("why", "Why this model", "multiline", hint="Why it is right for that use case"),
]


def model_specs(model: PartnershipModel) -> Sequence[FieldSpec]:
    """Use case and why; the fee range too for the models that have one (referral, reseller)."""
    specs = list(ANNOTATION_FIELDS)
    if model.fee_low_pct is not None or model.fee_high_pct is not None:
        basis = f" ({model.fee_basis})" if model.fee_basis else ""
        specs += [
            FieldSpec("fee_low_pct", f"Fee range: low %{basis}", "percent", hint="0-100"),
            FieldSpec("fee_high_pct", f"Fee range: high %{basis}", "percent", hint="0-100, not below low"),
        ]
    return specs


def _fee(model: PartnershipModel) -> str:
    if model.fee_low_pct is None and model.fee_high_pct is None:
        return ""
    low = "?" if model.fee_low_pct is None else f"{model.fee_low_pct:g}"
    high = "?" if model.fee_high_pct is None else f"{model.fee_high_pct:g}"
    return f"{low}–{high}% {model.fee_basis}".strip()


MODEL_COLUMNS = [
    Column("Model", lambda m: m.name, width=16),
    Column("Selected", lambda m: SELECTED_MARK if m.selected else "—", width=10),
    Column("Definition", lambda m: m.definition, width=34),
    Column("Best for", lambda m: m.best_for, width=30),
    Column("Revenue mechanism", lambda m: m.revenue_mechanism, width=34),
    Column("Fee range", _fee, width=16),
    Column("Use case", lambda m: one_line(m.use_case, 40), width=30),
]


class ModelsTable(RecordTable):
    """The models held in ``thesis.models``: they are the method's seven, so no add or delete."""

    BINDINGS = [Binding("space", "toggle_selected", "Select model")]

    def __init__(self, thesis: Thesis, *, id: str | None = None) -> None:
        super().__init__(
            records=lambda: thesis.models,
            columns=MODEL_COLUMNS,
            specs=model_specs,
            noun="model",
            title_of=lambda m: m.name,
            id=id,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "delete", "move"):
            return False
        return True

    def action_toggle_selected(self) -> None:
        model = self.selected
        if model is None:
            return
        editor(self).select_model(model, not model.selected)
        self.reload()
