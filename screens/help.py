"""The help screen: the keys, and how a workshop runs (F1 or ? from anywhere)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP_TEXT = """\
PARTNER WORKSHOP — KEYS

Everywhere
  F1             this help
  ctrl+p         command palette: every phase, every action
  ctrl+s         save now (autosave is on); says why if it fails
  ctrl+q         quit (asks first if changes could not be saved)
  ctrl+z/ctrl+y  undo / redo (100 steps)
  F2 / F4        park a note / the parking lot
  F3             blueprint export preview, save as Markdown
  F5             presenter mode (no chrome)
  F6             pause / resume the timebox clock
  F7             charts
  F8             home: the list of sessions
  F9             high-contrast projector theme
  F10            the audit trail (tier moves, overrides, sign-offs)
  F12            the room: participants answer from their phones
  alt+→ / alt+←  next / previous phase
  Esc            back to the phase list (stepper)
  The agenda (planned minutes per phase) and "who is editing" are
  in the command palette.

In the phase list and tables (when not typing in a field)
  1 … 8          jump to a phase
  ] / [          next / previous phase
  a              add a row
  e, Enter       edit the selected row
  d, Delete      delete (asks first)
  ↑ ↓            move between rows

In the room (F12)
  r / q          rate the partner selected on Mapping / a queue
  v / i          dot vote (parking lot, candidates, roadmap) / ideas
  space          reveal the answers (again: hide, answering goes on)
  a              accept: team scores or parking lot (undoable)
  w / n / c / h  admit a name / anonymous / new code / address
  x / Esc        close the room (server stops) / back (stays open)

In forms
  Tab / Enter    next field
  shift+Tab      previous field
  Every keystroke is saved. A value not accepted yet shows in red,
  with the reason under the field; the session keeps the last
  accepted value until you correct it.

THE METHOD, PHASE BY PHASE
  1 Intake        company profile: ARR now and target, ICPs, markets
  2 Thesis        six gaps, seven models, thesis statement, sign-off
  3 Mapping       landscape A/B/C, scores and why, w: weights,
                  c: gates, weight sensitivity, competitors
  4 Tiers         the team's own tier ladder, movements, results
  5 Decisions     build vs partner vs acquire, decision log, Finance
  6 OKRs/Roadmap  leading and lagging key results, Q1–Q4 roadmap
  7 Governance    RACI matrix and the executive relationship map
  8 Health        quality rules, completeness, partner economics

Press Esc or F1 to close.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog dialog-wide", id="help"):
            yield Static(HELP_TEXT, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
