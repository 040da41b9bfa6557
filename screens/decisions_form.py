"""The guided decision form: the matrix's questions one by one, the rules that match, the decision.

Answers are single keys (y / n / u) and move on to the next question; the build time is typed
as digits.  What the matrix says comes from ``workshop.method.decision_rules`` after every answer.
Everything is written to the session as it is entered (autosaved), so Escape just closes.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static


from screens.host import editor
from screens.fields import FieldEditor, FieldSpec, enum_choices, validation_message
from screens.text import literal
from screens.tiers_pick import PickDialog
from workshop.method.decision_rules import assess_decision
from workshop.method.models import Decision, DecisionAnswers, DecisionChoice
from workshop.method.values import parse_count

MONTHS = "build_time_months"
MONTHS_DIGITS = 4

QUESTIONS: list[tuple[str, str]] = [
    ("core_differentiation", "Is it core to our product differentiation?"),
    ("engineering_capacity", "Do we have the engineering capacity to build it?"),
    ("adjacent_complementary", "Is it adjacent to our product — complementary, but not core?"),
    ("strong_partner_serves_icp", "Does a strong partner exist who serves our ICP?"),
    ("partner_economics_positive", "Are the partner economics positive?"),
    ("critical_to_market_position", "Is it critical to our market position?"),
    (MONTHS, "How many months would building it take?"),
    ("acquisition_target_in_budget", "Does an acquisition target exist within budget?"),
    ("new_geography_or_vertical", "Is it a market entry vehicle in a new geography or vertical?"),
    ("partner_has_local_presence", "Does a partner have existing relationships and local presence there?"),
    ("revenue_scale_justifies_jv", "Does the revenue scale justify a joint venture?"),
]
"""The decision matrix's conditions as questions, in the method's order (wording only)."""

DETAIL_FIELDS = [
    FieldSpec("decision", "Decision", "choice", choices=enum_choices(DecisionChoice)),
    FieldSpec("rationale", "Rationale", "multiline", hint="2–3 sentences"),
    FieldSpec("partner_considered", "Partner considered (if PARTNER)", hint="free text, or pick a mapped partner below"),
    FieldSpec("finance_input", "Finance input", "multiline", hint="what Finance said; without it the decision is NOT FINAL"),
    FieldSpec("finance_reviewer", "Finance reviewer"),
    FieldSpec("decided_on", "Decided on", "date", hint="YYYY-MM-DD"),
    FieldSpec("review_date", "Review date", "date", hint="YYYY-MM-DD; empty: the engine's default, a quarter after the decision"),
]


def answer_words(answers: DecisionAnswers, name: str) -> str:
    value = getattr(answers, name)
    if name == MONTHS:
        return "unknown" if value is None else f"{value} months"
    return {True: "yes", False: "no", None: "unknown"}[value]


class MatrixQuestions(Widget, can_focus=True):
    """One question at a time: y / n / u answer and move on; ← and → go back and forth."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("u", "answer(None)", "Unknown"),
        Binding("left", "move(-1)", "Back"),
        Binding("right,enter", "move(1)", "Next"),
    ]

    DEFAULT_CSS = """
    MatrixQuestions { height: auto; padding: 0 1; border: round $primary 50%; }
    MatrixQuestions:focus { border: round $primary; }
    """

    index: reactive[int] = reactive(0, layout=True)

    class Answered(Message):
        def __init__(self, name: str, words: str) -> None:
            super().__init__()
            self.name = name
            self.words = words

    class Finished(Message):
        """The last question was answered or passed."""

    class Moved(Message):
        """Another question is shown."""

    def __init__(self, decision: Decision, **kwargs) -> None:
        super().__init__(**kwargs)
        self.decision = decision
        self.answers = answers = decision.answers
        self.months_text = "" if answers.build_time_months is None else str(answers.build_time_months)
        self.error = ""

    @property
    def current(self) -> str:
        return QUESTIONS[self.index][0]

    def render(self) -> Content:
        name, question = QUESTIONS[self.index]
        parts: list[Content | str | tuple[str, str]] = [
            (f"Question {self.index + 1} of {len(QUESTIONS)}: ", "bold"),
            (question, "bold"),
            "\n",
        ]
        if name == MONTHS:
            parts += ["Months: ", (self.months_text or "…", "reverse"), "   type digits, Enter: next   u: unknown"]
        else:
            parts += ["Answer: ", (answer_words(self.answers, name).upper(), "bold"), "   y: yes   n: no   u: unknown"]
        parts.append("   ←/→: back/next")
        if self.error:
            parts += ["\n", ("✗ " + self.error, "bold")]
        return Content.assemble(*parts)

    def watch_index(self) -> None:
        self.error = ""
        self.months_text = "" if self.answers.build_time_months is None else str(self.answers.build_time_months)
        self.post_message(self.Moved())

    def action_answer(self, value: bool | None) -> None:
        name = self.current
        if name == MONTHS:
            if value is not None:
                self._refuse("type the number of months as digits (or u for unknown)")
                return
            self.months_text = ""
        if self._store(name, value):
            self._advance(1)

    def action_move(self, delta: int) -> None:
        if delta > 0 and self.current == MONTHS:
            try:
                months = parse_count(self.months_text)
            except ValueError as error:
                self._refuse(str(error))
                return
            if not self._store(MONTHS, months):
                return
        self._advance(delta)

    def _advance(self, delta: int) -> None:
        target = self.index + delta
        if target >= len(QUESTIONS):
            self.post_message(self.Finished())
            return
        self.index = max(0, target)

    def _refuse(self, message: str) -> None:
        self.error = message
        self.refresh(layout=True)

    def _store(self, name: str, value: object) -> bool:
        """Write one answer (the model validates it); False, with the reason shown, if refused."""
        try:
            changed = editor(self).answer(self.decision, name, value)
        except ValidationError as error:
            self._refuse(validation_message(error))
            return False
        self.error = ""
        if changed:
            self.post_message(self.Answered(name, answer_words(self.answers, name)))
        return True

    def on_key(self, event: events.Key) -> None:
        if self.current != MONTHS:
            return
        if event.character is not None and event.character.isdigit():
            event.stop()
            if len(self.months_text) >= MONTHS_DIGITS:  # said, not silently dropped
                self._refuse(f"At most {MONTHS_DIGITS} digits: a number of months")
                return
            self.months_text += event.character
            self.error = ""
            self.refresh(layout=True)
        elif event.key == "backspace":
            event.stop()
            self.months_text = self.months_text[:-1]
            self.refresh(layout=True)

    def go_to(self, name: str) -> None:
        self.index = [n for n, _ in QUESTIONS].index(name)


class _ClickButton(Button, can_focus=False):
    """A button for the mouse that leaves the keyboard focus where it is."""


class DecisionForm(ModalScreen[None]):
    """Add or edit one decision: capability, the matrix's questions, then the decision itself."""

    BINDINGS = [Binding("escape", "close", "Done")]

    DEFAULT_CSS = """
    DecisionForm #matches { margin: 1 0; padding: 0 1; border-left: thick $accent; height: auto; }
    DecisionForm #answers { color: $text-muted; margin-bottom: 1; height: auto; }
    DecisionForm #status { margin: 0 0 1 0; padding: 0 1; border-left: thick $warning; height: auto; }
    DecisionForm .answer-keys { height: 1; }
    DecisionForm .answer-keys Button { height: 1; min-width: 0; border: none; margin-right: 1; }
    DecisionForm #pick-partner { margin-bottom: 1; }
    DecisionForm .dialog-fields { max-height: 100%; }
    DecisionForm > .dialog { height: 95%; max-height: 95%; }
    """

    def __init__(self, decision: Decision, partner_names: list[str], *, title: str = "") -> None:
        super().__init__()
        self.decision = decision
        self.partner_names = partner_names
        self.form_title = title or f"Decision {decision.id}"

    def compose(self) -> ComposeResult:
        decision = self.decision
        with Vertical(classes="dialog dialog-wide"):
            yield Label(literal(self.form_title), classes="dialog-title")
            with VerticalScroll(classes="dialog-fields", id="form-body"):
                yield FieldEditor(decision, FieldSpec("capability", "Capability or market (the gap this decision is about)"))
                yield Static("The decision matrix", classes="section-title", markup=False)
                yield MatrixQuestions(decision, id="questions")
                with Horizontal(classes="answer-keys"):
                    yield _ClickButton("Yes (y)", id="key-yes")
                    yield _ClickButton("No (n)", id="key-no")
                    yield _ClickButton("Unknown (u)", id="key-unknown")
                    yield _ClickButton("◀ Back", id="key-back")
                    yield _ClickButton("Next ▶", id="key-next")
                yield Static(id="matches", markup=False)
                yield Static(id="answers", markup=False)
                yield Static("The decision", classes="section-title", markup=False)
                for spec in DETAIL_FIELDS:
                    yield FieldEditor(decision, spec)
                    if spec.name == "partner_considered":
                        yield Button("Pick a mapped partner…", id="pick-partner")
                yield Static(id="status", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Every answer is saved as you go.  Tab: next field  Esc: done", classes="dialog-hint")
                yield Button("Done", variant="primary", id="done")

    def on_mount(self) -> None:
        if self.decision.capability.strip():
            self.query_one(MatrixQuestions).focus()
        else:
            self.query_one("#field-capability #input").focus()
        self.show_assessment()

    # ------------------------------------------------------------------ live assessment

    def show_assessment(self) -> None:
        assessment = assess_decision(self.decision)
        matches: list[Content | str | tuple[str, str]] = [("What the matrix says: ", "bold"), assessment.message]
        for match in assessment.matches:
            matches += ["\n✓ ", (match.outcome.value, "bold"), f" — {match.wording}"]
            if match.jv_note:
                matches += ["\n   ", match.jv_note]
        if assessment.disagreement:
            matches += ["\n", ("! ", "bold"), assessment.disagreement]
        self.query_one("#matches", Static).update(Content.assemble(*matches))

        answers = self.decision.answers
        current = self.query_one(MatrixQuestions).index
        lines: list[Content | str | tuple[str, str]] = []
        for number, (name, question) in enumerate(QUESTIONS):
            marker = "▶" if number == current else " "
            line = f"{marker} {number + 1:>2}. {question}  {answer_words(answers, name)}"
            lines += [(line, "bold") if number == current else line, "\n"]
        self.query_one("#answers", Static).update(Content.assemble(*lines[:-1]))

        status = "FINAL" if assessment.is_final else assessment.status.upper()
        review = (
            f"{assessment.review_date.isoformat()}" + (" (default: a quarter after the decision)" if assessment.review_date_is_default else "")
            if assessment.review_date
            else "not set (set the decision date to get the default)"
        )
        self.query_one("#status", Static).update(
            Content.assemble(("Status: ", "bold"), (status, "bold"), "\n", ("Review date: ", "bold"), review)
        )

    @on(MatrixQuestions.Answered)
    def _answered(self, event: MatrixQuestions.Answered) -> None:
        self.show_assessment()

    @on(FieldEditor.Changed)
    def _field_changed(self, event: FieldEditor.Changed) -> None:
        self.call_after_refresh(self.show_assessment)

    @on(MatrixQuestions.Moved)
    def _moved(self) -> None:
        self.show_assessment()

    @on(MatrixQuestions.Finished)
    def _finished(self) -> None:
        self.query_one("#field-decision #input").focus()

    # ------------------------------------------------------------------ buttons

    @on(Button.Pressed, ".answer-keys Button")
    def _answer_key(self, event: Button.Pressed) -> None:
        event.stop()
        questions = self.query_one(MatrixQuestions)
        action = {
            "key-yes": lambda: questions.action_answer(True),
            "key-no": lambda: questions.action_answer(False),
            "key-unknown": lambda: questions.action_answer(None),
            "key-back": lambda: questions.action_move(-1),
            "key-next": lambda: questions.action_move(1),
        }[event.button.id or ""]
        action()
        questions.focus()
        self.call_after_refresh(self.show_assessment)

    @on(Button.Pressed, "#pick-partner")
    def _pick_partner(self, event: Button.Pressed) -> None:
        event.stop()
        if not self.partner_names:
            self.notify("No partners mapped yet: type the name instead.")
            return

        def picked(name: str | None) -> None:
            if name is not None:
                self.query_one("#field-partner_considered #input", Input).value = name

        self.app.push_screen(PickDialog("Partner considered", [(n, n) for n in self.partner_names]), picked)

    @on(Button.Pressed, "#done")
    def _done(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
