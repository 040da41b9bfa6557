"""The workshop shell: the phase stepper, the current phase's view, header and footer."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from screens.footer import SteadyFooter
from screens.host import host, open_session
from screens.header import AppHeader
from screens.literal_inputs import KeysInOrder
from screens.phase_view import GoTo, PhaseView
from workshop.method.findings import Target
from workshop.method.models import Phase

STEPS: list[tuple[str, str, str]] = [
    # (key, stepper label, "module:ClassName" of the view)
    ("intake", "Intake", "screens.intake:IntakeView"),
    ("thesis", "Thesis", "screens.thesis:ThesisView"),
    ("mapping", "Mapping", "screens.mapping:MappingView"),
    ("tiers", "Tiers", "screens.tiers:TiersView"),
    ("decisions", "Decisions", "screens.decisions:DecisionsView"),
    ("okrs", "OKRs & Roadmap", "screens.okrs:OkrsView"),
    ("governance", "Governance", "screens.governance:GovernanceView"),
    ("health", "Health", "screens.health:HealthView"),
]
STEP_KEYS = [key for key, _, _ in STEPS]

STEPPER_REFRESH_DELAY = 0.4
"""At most this long (plus the time to compute it) between an edit and the stepper showing it.

The stepper's completion and health need the whole health report (≈ 40 ms at 1,000 partners),
so it is recomputed at most once per this delay while someone types — never once per key, and
never postponed for as long as the typing goes on."""


NARROW_WIDTH = 100
"""Below this many columns the stepper shrinks to the phase numbers, their ticks and counts
(at 80 columns the full one took 30 % of the width): the phase gets the room."""


def narrow_status(clock_state: str, save_state: str) -> str:
    """The time left, the day and the save state in three lines of at most 9 cells (the
    narrow sidebar): ``‖ 25:00`` / ``day 1:00`` / ``saved 5s``."""
    clock, _, day = clock_state.partition(" · ")
    words = clock.split()  # "phase 25:00 paused" / "phase 3:00 over" / "phase 10:00 left"
    time, state = (words[1], words[2]) if len(words) == 3 else (clock, "")
    mark = {"paused": "‖", "over": "+", "left": "▸"}.get(state, "")  # narrow in every terminal font
    day_words = day.split()  # "day 1:00" / "day 0:30 over"
    day_line = day
    if len(day_words) >= 2:  # "day 1:00", "day+0:30" (over); "d 7:00:00" when hours make it long
        sign = "+" if day.endswith("over") else " "
        day_line = f"day{sign}{day_words[1]}"
        if len(day_line) > 9:
            day_line = f"d{sign}{day_words[1]}"
    saved = save_state
    if saved.startswith("NOT SAVED"):
        saved = "NOT SAVED"
    elif saved.startswith("saved ") and saved.endswith(" ago"):
        number, unit = saved.split()[1:3]
        saved = f"saved {number}{'s' if unit == 's' else 'm'}"
    return f"{mark} {time}".strip() + f"\n{day_line}\n{saved}"


def view_class(key: str) -> type[PhaseView]:
    module_name, _, class_name = dict((k, target) for k, _, target in STEPS)[key].partition(":")
    return getattr(importlib.import_module(module_name), class_name)


class PhaseStepper(KeysInOrder, OptionList):
    """The phases in order with their completion; Enter or a click opens one.

    Keys in order (:class:`KeysInOrder`): the list has the focus when a session opens, and a
    title typed right behind Tab went to the list (which ignores letters) before the Tab had
    moved the focus to the title field."""

    DEFAULT_CSS = """
    PhaseStepper { width: 24; height: 1fr; border: none; padding: 0; }
    """


class WorkshopScreen(Screen[None]):
    """One open session: stepper on the left, the current phase on the right."""

    BINDINGS = [
        Binding("alt+right", "step(1)", "Next", priority=True),
        Binding("alt+left", "step(-1)", "Prev", priority=True, show=False),
        Binding("right_square_bracket", "step(1)", "Next", show=False),
        Binding("left_square_bracket", "step(-1)", "Prev", show=False),
        *[Binding(str(n), f"go({n - 1})", STEPS[n - 1][1], show=False) for n in range(1, 9)],
        Binding("f3", "export_preview", "Export"),
        Binding("escape", "focus_stepper", "Phases", show=False),
        # Not ctrl+h: terminals send it as Backspace, so it never arrives as a key of its own.
        Binding("f8", "go_home", "Home", show=False),
    ]

    DEFAULT_CSS = """
    WorkshopScreen #hold-banner { display: none; background: $warning 30%; color: $text; padding: 0 1; }
    WorkshopScreen #hold-banner.-shown { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._stepper_timer: Timer | None = None
        self._stepper_prompts: dict[str, Content] = {}
        self._current = ""
        self._narrow = False
        self._status = Static("", id="session-status", markup=False)
        """Time left and save state; kept at hand: the app's clock updates it every second,
        and an update may still arrive while this screen is being replaced."""

    # ------------------------------------------------------------------ compose

    def compose(self) -> ComposeResult:
        yield AppHeader()
        self._narrow = self.app.size.width < NARROW_WIDTH
        with Horizontal(id="workshop-body"):
            with Vertical(id="sidebar", classes="-narrow" if self._narrow else ""):
                yield PhaseStepper(*self._stepper_options(), id="stepper")
                yield self._status
            with Vertical(id="phase-column"):
                yield Static(
                    "Thesis not signed off: recruitment decisions are on hold until it is "
                    "(sign it in Thesis, key 2).",
                    id="hold-banner",
                    markup=False,
                )
                # The phase the team was on is composed with the screen (not mounted after it):
                # one mount for the first paint, and the view is ready when the screen is.
                first = open_session(self).position.phase.value
                yield ContentSwitcher(view_class(first)(id=f"view-{first}"), id="phase-body", initial=f"view-{first}")
        yield SteadyFooter(compact=self._narrow)  # narrow: less space between keys, so fewer are dropped

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self._stepper_is_stale, init=False)
        self.watch(self.app, "clock_state", self._show_status)
        self.watch(self.app, "save_state", self._show_status)
        position = open_session(self).position
        self.show_phase(position.phase.value, row=position.row)
        self._refresh_banner()

    # ------------------------------------------------------------------ stepper

    def _stepper_options(self) -> list[Option]:
        from workshop.method.health import health_report

        report = health_report(open_session(self), host(self).today)
        options = []
        self._stepper_prompts = {}
        for number, (key, label, _) in enumerate(STEPS, start=1):
            if key == "health":
                state = f"{report.fails} fail" if report.fails else (
                    f"{report.warnings} warn" if report.warnings else "all pass"
                )
                mark = "✗" if report.fails else ("!" if report.warnings else "✓")
            else:
                done = report.completeness[Phase(key)]
                state = f"{done.filled}/{done.total}"
                mark = "✓" if done.filled == done.total else ("·" if done.filled else " ")
            if self._narrow:  # numbers and ticks: the phase gets the width
                prompt = Content.assemble((f"{number} ", "dim"), mark, "\n", (f" {state}", "dim"))
            else:
                prompt = Content.assemble(
                    (f"{number} ", "dim"), f"{mark} {label}", "\n", (f"    {state}", "dim")
                )
            self._stepper_prompts[key] = prompt
            options.append(Option(prompt, id=key))
        return options

    def _show_status(self, _value: str = "") -> None:
        """Time left and save state under the stepper: always visible, whatever the title's length."""
        clock_state, save_state = host(self).clock_state, host(self).save_state
        if self._narrow:
            text = narrow_status(clock_state, save_state)
        else:
            clock, _, day = clock_state.partition(" · ")
            text = f"{clock}\n{day}\n{save_state}"
        # A fixed box (24×3, narrow 11×3): its text changes every second, its size never does (no relayout).
        self._status.update(text, layout=False)

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW_WIDTH
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self.query_one("#sidebar").set_class(narrow, "-narrow")
        stepper = self.query_one(PhaseStepper)
        for option in self._stepper_options():
            stepper.replace_option_prompt(option.id, option.prompt)
        self._show_status()
        self.query_one(SteadyFooter).compact = narrow

    def _stepper_is_stale(self, _revision: int) -> None:
        """After an edit: refresh the stepper soon, once for however many edits come meanwhile."""
        if self._stepper_timer is None:
            self._stepper_timer = self.set_timer(STEPPER_REFRESH_DELAY, self._refresh_stepper)

    def _refresh_stepper(self) -> None:
        self._stepper_timer = None
        stepper = self.query_one(PhaseStepper)
        previous = self._stepper_prompts
        for option in self._stepper_options():
            if previous.get(option.id or "") != option.prompt:
                stepper.replace_option_prompt(option.id, option.prompt)
        self._refresh_banner()

    def _refresh_banner(self) -> None:
        """The hold banner shows on the later phases while the thesis is unsigned.  (The class
        goes on the banner, not the screen: a class change on the screen restyles every
        widget in it, ~0.4 s with a 10,000-partner table open.)"""
        unsigned = open_session(self).thesis.signoff is None
        banner = self.query_one("#hold-banner")
        banner.set_class(unsigned and self._current not in ("intake", "thesis"), "-shown")

    @on(OptionList.OptionSelected, "#stepper")
    def _stepper_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.show_phase(event.option.id or "intake", focus=True)

    # ------------------------------------------------------------------ switching

    @property
    def current_view(self) -> PhaseView | None:
        switcher = self.query_one(ContentSwitcher)
        child = switcher.visible_content
        return child if isinstance(child, PhaseView) else None

    def show_phase(self, key: str, *, row: int | None = None, focus: bool = False) -> PhaseView:
        """Show a phase's view (mounting it the first time) and remember the position."""
        switcher = self.query_one(ContentSwitcher)
        view = self._remember_and_find(key, switcher)
        if view is None:
            view = view_class(key)(id=f"view-{key}")
            switcher.add_content(view, set_current=True)
        else:
            switcher.current = view.id
            view.refresh_if_stale()
        self._current = key
        stepper = self.query_one(PhaseStepper)
        stepper.highlighted = STEP_KEYS.index(key)
        if key != "health":
            host(self).editor.move_to(Phase(key), row or 0)
        if row is not None:
            self.call_after_refresh(view.focus_row, row)
        if focus:
            self.call_after_refresh(view.focus_first)
        self._refresh_banner()
        return view

    def _remember_and_find(self, key: str, switcher: ContentSwitcher) -> PhaseView | None:
        previous = self.current_view
        if previous is not None and previous.phase is not None:
            host(self).editor.move_to(previous.phase, previous.current_row())
        found = switcher.query(f"#view-{key}")
        return found.first(PhaseView) if found else None

    @on(GoTo)
    def _go_to(self, message: GoTo) -> None:
        message.stop()
        self.go_to(message.target)

    def go_to(self, target: Target) -> None:
        """Open the target's phase and show the place in it (a health finding's)."""
        somewhere = bool(target.field or target.records or target.index)
        view = self.show_phase(target.phase.value, focus=not somewhere)  # else the place gets it
        if somewhere:
            self.call_after_refresh(view.focus_target, target)

    # ------------------------------------------------------------------ actions

    def action_step(self, delta: int) -> None:
        index = STEP_KEYS.index(self._current or "intake")
        self.show_phase(STEP_KEYS[(index + delta) % len(STEP_KEYS)], focus=True)

    def action_go(self, index: int) -> None:
        self.show_phase(STEP_KEYS[index], focus=True)

    def action_focus_stepper(self) -> None:
        self.query_one(PhaseStepper).focus()

    def action_export_preview(self) -> None:
        from screens.export_preview import ExportPreviewScreen

        self.app.push_screen(ExportPreviewScreen())

    def action_go_home(self) -> None:
        host(self).leave_session(host(self).show_home, "go home")

    def screen_commands(self) -> Iterable[SystemCommand]:
        for number, (key, label, _) in enumerate(STEPS, start=1):
            yield SystemCommand(
                f"Go to {label}", f"Phase {number}", lambda key=key: self.show_phase(key, focus=True)
            )
        yield SystemCommand("Export preview", "Preview the blueprint and save it as Markdown", self.action_export_preview)
        yield SystemCommand("Home", "Back to the list of sessions", self.action_go_home)
        view = self.current_view
        if view is not None:
            yield from view.screen_commands()
