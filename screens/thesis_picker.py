"""The thesis statement's prioritized models, chosen from the models the team selected."""

from __future__ import annotations

from textual import on
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from screens.host import editor
from screens.text import literal
from workshop.method.models import Thesis


class PrioritizedModelsPicker(SelectionList[str]):
    """One line per selected model (space ticks it); the ticked ones are the statement's
    ``prioritized_models``, in the models' order.  A prioritized name whose model is no
    longer selected stays listed (marked) until it is unticked, so nothing vanishes silently.
    """

    DEFAULT_CSS = """
    PrioritizedModelsPicker { height: auto; max-height: 9; margin-bottom: 1; }
    """

    def __init__(self, thesis: Thesis, *, id: str | None = None) -> None:
        self.thesis = thesis
        self._shown: tuple[tuple[str, bool], ...] = ()
        super().__init__(*self._selections(), id=id)

    def _choices(self) -> tuple[tuple[str, bool], ...]:
        """(model name, still selected in 1.2) for every line to show."""
        selected = [m.name for m in self.thesis.models if m.selected]
        stale = [name for name in self.thesis.statement.prioritized_models if name not in selected]
        return tuple((name, True) for name in selected) + tuple((name, False) for name in stale)

    def _selections(self) -> list[Selection[str]]:
        self._shown = self._choices()
        chosen = set(self.thesis.statement.prioritized_models)
        return [
            Selection(literal(name if current else f"{name} (not a selected model)"), name, name in chosen)
            for name, current in self._shown
        ]

    def sync(self) -> None:
        """Follow the models' selection (called after edits); cheap when nothing changed."""
        if self._choices() == self._shown and set(self.selected) == set(self.thesis.statement.prioritized_models):
            return
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(self._selections())
        if self.option_count:
            self.highlighted = min(highlighted or 0, self.option_count - 1)

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        chosen = set(self.selected)
        editor(self).set_prioritized_models([name for name, _ in self._shown if name in chosen])
        if not all(current for name, current in self._shown if name not in chosen):
            self.call_after_refresh(self.sync)  # an unticked stale name leaves the list
