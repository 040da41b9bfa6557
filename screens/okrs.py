"""Phase 5: partnership OKRs (objectives and key results) and the Q1–Q4 roadmap."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from screens.host import host
from screens.fields import FieldEditor, FieldSpec
from screens.okrs_flags import OkrFlags, okr_flags
from screens.okrs_roadmap import RoadmapItemsTable, RoadmapQuarters
from screens.phase_view import PhaseView
from screens.record_table import Column, RecordTable
from screens.text import literal, one_line
from screens.verdicts import status_content
from workshop.method.findings import RuleResult, Target
from workshop.method.health import health_report
from workshop.method.kr_checks import measure_short
from workshop.method.models import KeyResult, KRKind, MeasureKind, Objective, Phase

OBJECTIVE_FIELDS = [FieldSpec("text", "Objective", "multiline", hint="e.g. Establish a partner ecosystem that drives 30% of ARR")]

KR_FIELDS = [
    FieldSpec("text", "Key result", "multiline", hint="e.g. Sign 2 Platinum partners by 2027-06-30"),
    FieldSpec(
        "kind",
        "Leading or lagging",
        "choice",
        hint="Leading: activity that predicts results (meetings, proposals). "
        "Lagging: the result itself (revenue, certified partners).",
        choices=(("LEADING indicator", KRKind.LEADING), ("LAGGING indicator", KRKind.LAGGING)),
    ),
    FieldSpec("target", "Target", hint="the number or state that means done"),
    FieldSpec("owner", "Owner"),
    FieldSpec("due", "Due date", "date", hint="YYYY-MM-DD"),
    FieldSpec(
        "measure",
        "Measure: what the number counts",
        "choice",
        hint="Checked against the economics: partners per tier, partner-sourced pipeline and ARR, "
        "the partner share of ARR.",
        choices=tuple((kind.label, kind) for kind in MeasureKind),
    ),
    FieldSpec("measure_value", "Measure: the number", "decimal", hint="e.g. 3 (partners), 12000000 (money), 30 (%)"),
    FieldSpec("measure_unit", "Measure: unit", hint="only for 'Another number' (e.g. webinars); the other kinds have their own"),
]

CHECKS_WIDTH = 22
"""Checks are cut to this in the tables; the sentences are listed in full under them."""

KIND_WORDS = {KRKind.LEADING: "LEADING", KRKind.LAGGING: "LAGGING", None: "not marked"}

ROADMAP_FIELDS = [
    FieldSpec("year", "Roadmap year", "count", hint="e.g. 2027"),
    FieldSpec("last_reviewed", "Last reviewed", "date", hint="YYYY-MM-DD; t stamps today"),
]


def _rule_line(rule: RuleResult | None) -> Content:
    """``✓ PASS  Title: message``, the verdict in its colour, the rest literal."""
    if rule is None:
        return Content("")
    return Content.assemble(status_content(rule.status), "  ", literal(f"{rule.title}: {rule.message}"))


class KeyResultTable(RecordTable):
    """The selected objective's key results; adding needs an objective first."""

    def __init__(self, view: OkrsView) -> None:
        self.view = view
        super().__init__(
            records=lambda: self.view.key_results(),
            columns=[
                Column("#", lambda kr: view.kr_label(kr)),
                Column("Kind", lambda kr: KIND_WORDS[kr.kind]),
                Column("Checks", lambda kr: view.kr_checks(kr), width=CHECKS_WIDTH),
                Column("Key result", lambda kr: one_line(kr.text, 40)),
                Column("Measure", lambda kr: one_line(measure_short(kr), 22)),
                Column("Target", lambda kr: one_line(kr.target, 24)),
                Column("Owner", lambda kr: one_line(kr.owner, 18)),
                Column("Due", lambda kr: kr.due.isoformat() if kr.due else ""),
            ],
            specs=KR_FIELDS,
            noun="key result",
            title_of=lambda kr: one_line(kr.text, 60),
            new_record=lambda: KeyResult(text="New key result"),
            can_move=True,
            id="key-results",
        )

    def action_add(self) -> None:
        if self.view.selected_objective() is None:
            self.app.notify("Add an objective first (in the objectives table, key a).", timeout=4)
            return
        super().action_add()


class OkrsView(PhaseView):
    key = "okrs"
    title = "OKRs & roadmap"
    phase = Phase.OKRS

    BINDINGS = [Binding("t", "stamp_review", "Reviewed today")]

    DEFAULT_CSS = """
    OkrsView .okr-flags { color: $text-warning; margin-bottom: 1; }
    OkrsView .okr-program { margin-bottom: 1; }
    OkrsView #roadmap-fields { height: auto; layout: horizontal; }
    OkrsView #roadmap-fields FieldEditor { width: 1fr; max-width: 40; margin-right: 2; }
    """

    _flags: OkrFlags = OkrFlags()

    def compose(self) -> ComposeResult:
        self._flags = okr_flags(self.session.objectives)
        yield Static("Objectives", classes="section-title", markup=False)
        yield Static(
            "a: add   e/Enter: edit   d: delete   ctrl+↑↓: move.  Every objective needs LEADING "
            "and LAGGING key results.",
            classes="section-help",
            markup=False,
        )
        yield Static("", id="okr-program", classes="okr-program")
        yield RecordTable(
            records=lambda: self.session.objectives,
            columns=[
                Column("#", lambda o: f"O{self._index_of(o) + 1}"),
                Column("KRs", lambda o: str(len(o.key_results)), "right"),
                Column("Checks", lambda o: self._objective_checks(o), width=CHECKS_WIDTH),
                Column("Objective", lambda o: one_line(o.text, 90)),
            ],
            specs=OBJECTIVE_FIELDS,
            noun="objective",
            title_of=lambda o: one_line(o.text, 60),
            new_record=lambda: Objective(text="New objective"),
            can_move=True,
            id="objectives",
        )
        yield Static("Key results", id="kr-title", classes="section-title", markup=False)
        yield KeyResultTable(self)
        yield Static("", id="objective-flags", classes="okr-flags")
        yield Static("Roadmap", classes="section-title", markup=False)
        yield Static(
            "Per quarter: a add   e edit   d delete   space done   < > (shift+←→) move to the "
            "previous/next quarter   t: roadmap reviewed today",
            classes="section-help",
            markup=False,
        )
        yield Static("", id="roadmap-review", classes="okr-program")
        with Horizontal(id="roadmap-fields"):
            for spec in ROADMAP_FIELDS:
                yield FieldEditor(self.session.roadmap, spec)
        yield RoadmapQuarters(self.session)

    # ------------------------------------------------------------------ lookups

    @property
    def objectives_table(self) -> RecordTable:
        return self.query_one("#objectives", RecordTable)

    @property
    def kr_table(self) -> KeyResultTable:
        return self.query_one("#key-results", KeyResultTable)

    def _index_of(self, objective: Objective) -> int:
        return next(i for i, o in enumerate(self.session.objectives) if o is objective)

    def selected_objective(self) -> Objective | None:
        if not self.is_mounted:
            return None
        return self.objectives_table.selected

    def key_results(self) -> list[KeyResult]:
        objective = self.selected_objective()
        return objective.key_results if objective is not None else []

    def kr_label(self, kr: KeyResult) -> str:
        objective = self.selected_objective()
        if objective is None:
            return ""
        o = self._index_of(objective)
        k = next(i for i, item in enumerate(objective.key_results) if item is kr)
        return f"KR{o + 1}.{k + 1}"

    def kr_checks(self, kr: KeyResult) -> str:
        objective = self.selected_objective()
        if objective is None:
            return ""
        o = self._index_of(objective)
        k = next(i for i, item in enumerate(objective.key_results) if item is kr)
        label = f"KR{o + 1}.{k + 1} "
        messages = self._flags.key_result.get((o, k), [])
        return "; ".join(m.removeprefix(label) for m in messages) or "ok"

    def _objective_checks(self, objective: Objective) -> str:
        index = self._index_of(objective)
        own = self._flags.objective.get(index, [])
        krs = sum(1 for (o, _k) in self._flags.key_result if o == index)
        words = [m.removeprefix(f"Objective O{index + 1} ") for m in own]
        if krs:
            words.append(f"{krs} key result(s) flagged")
        return "; ".join(words) or "ok"

    # ------------------------------------------------------------------ refresh

    def refresh_view(self) -> None:
        report = health_report(self.session, host(self).today)
        economics = [f for f in report.findings if f.key == "okr.economics"]
        self._flags = okr_flags(self.session.objectives, economics)
        rules = {rule.key: rule for rule in report.rules}
        self.query_one("#okr-program", Static).update(_rule_line(rules.get("rule.okr_indicators")))
        self.query_one("#roadmap-review", Static).update(_rule_line(rules.get("rule.roadmap_review")))
        self.objectives_table.reload()
        self._refresh_key_results()
        self.query_one(RoadmapQuarters).reload()

    def _refresh_key_results(self) -> None:
        objective = self.selected_objective()
        title = self.query_one("#kr-title", Static)
        flags = self.query_one("#objective-flags", Static)
        if objective is None:
            title.update(literal("Key results (add an objective first)"))
            flags.update("")
        else:
            index = self._index_of(objective)
            title.update(literal(f"Key results of O{index + 1}: {one_line(objective.text, 60)}"))
            messages = self._flags.for_objective(index)
            flags.update(literal("\n".join(f"! {m}" for m in messages)))
        self.kr_table.reload()

    @on(DataTable.RowHighlighted, "#objectives")
    def _objective_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._refresh_key_results()

    @on(RoadmapItemsTable.MoveItem)
    def _move_item(self, event: RoadmapItemsTable.MoveItem) -> None:
        event.stop()
        target = event.quarter + event.delta
        quarters = self.session.roadmap.quarters
        if not 0 <= target < 4:
            self.app.notify(f"Q{event.quarter + 1} is the {'first' if target < 0 else 'last'} quarter.", timeout=3)
            return
        if not self.editor.move_roadmap_item(event.quarter, event.index, target):
            return
        panel = self.query_one(RoadmapQuarters)
        panel.reload()
        table = panel.table(target)
        table.move_cursor(row=len(quarters[target].items) - 1)
        table.focus()

    # ------------------------------------------------------------------ actions

    def action_stamp_review(self) -> None:
        today = self.host.today
        self.editor.mark_roadmap_reviewed(today)
        field = self.query_one("#field-last_reviewed", FieldEditor)
        field.query_one("#input", Input).value = today.isoformat()
        self.app.notify(f"Roadmap marked reviewed on {today.isoformat()}.", timeout=3)

    def action_add_key_result(self) -> None:
        self.kr_table.focus()
        self.kr_table.action_add()

    def action_add_item(self, quarter: int) -> None:
        table = self.query_one(RoadmapQuarters).table(quarter)
        table.focus()
        table.action_add()

    # ------------------------------------------------------------------ resume and jumps

    def current_row(self) -> int:
        return self.objectives_table.cursor_row if self.is_mounted else 0

    def focus_row(self, row: int) -> None:
        table = self.objectives_table
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def show_target(self, target: Target) -> None:
        """A roadmap field, an objective or key result (by position), or the key results."""
        if target.field.startswith("items-q"):  # a roadmap quarter's items
            table = self.query_one(f"#{target.field}", RoadmapItemsTable)
            table.focus()
            self.scroll_to_widget(table)
            return
        if self.show_field(target.field):
            return
        objective = target.index[0] if target.index else None
        kr = target.index[1] if len(target.index) > 1 else (0 if target.field == "key_results" else None)
        table = self.objectives_table
        if objective is not None and objective < table.row_count:
            table.move_cursor(row=objective)
            self._refresh_key_results()
        if kr is not None and kr < self.kr_table.row_count:
            self.kr_table.move_cursor(row=kr)
            self.kr_table.focus()
            self.scroll_to_widget(self.kr_table)
        else:
            table.focus()
            self.scroll_to_widget(table)

    def screen_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Add objective", "OKRs: a new objective", self._add_objective)
        yield SystemCommand("Add key result", "OKRs: a key result for the selected objective", self.action_add_key_result)
        for quarter in range(4):
            yield SystemCommand(
                f"Add roadmap item to Q{quarter + 1}",
                "Roadmap: a new item in that quarter",
                lambda q=quarter: self.action_add_item(q),
            )
        yield SystemCommand("Stamp roadmap review", "Roadmap: reviewed today", self.action_stamp_review)

    def _add_objective(self) -> None:
        self.objectives_table.focus()
        self.objectives_table.action_add()
