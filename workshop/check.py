"""``partner-workshop check``: print the health report as a table or JSON; return the exit code.

User text is printed literally: every cell is a rich ``Text`` object, never a markup string,
and control characters are shown as symbols (an ESC sequence in a partner name would otherwise
reach the terminal raw). The JSON keeps the text exact (JSON escapes control characters).
The status is written in words (PASS / WARN / FAIL), colour only repeats it.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from workshop.method.currency import in_session_currency
from workshop.method.findings import RuleResult, Status
from workshop.method.health import HealthReport, health_report
from workshop.method.models import Session
from workshop.method.terminal_text import visible

_STYLE = {Status.PASS: "bold green", Status.WARN: "bold yellow", Status.FAIL: "bold red"}


def _status(status: Status) -> Text:
    return Text(status.label, style=_STYLE[status])


def _results_table(title: str, results: list[RuleResult], first_column: str) -> Table:
    table = Table(title=Text(title), title_justify="left", expand=True, show_lines=False)
    table.add_column("Status", no_wrap=True)
    table.add_column(first_column, ratio=2)
    table.add_column("Message", ratio=5)
    table.add_column("Where", ratio=3)
    for result in results:
        table.add_row(
            _status(result.status),
            Text(visible(result.title)),
            Text(visible(result.message)),
            Text(visible(f"{result.phase.title} › {result.where}")),
        )
    return table


def print_report(report: HealthReport, console: Console) -> None:
    console.print(Text(f"Health report as of {report.today.isoformat()} (the date the rules were judged on)"))
    console.print(_results_table("Quality rules", report.rules, "Rule"))
    if report.findings:
        console.print(_results_table("Other findings", report.findings, "Check"))
    else:
        console.print(Text("No other findings."))
    table = Table(title=Text("Completeness"), title_justify="left", expand=True)
    table.add_column("Phase", no_wrap=True)
    table.add_column("Filled", no_wrap=True, justify="right")
    table.add_column("Still empty")
    for phase, c in report.completeness.items():
        table.add_row(Text(phase.title), Text(c.label), Text(visible(", ".join(c.missing)) or "—"))
    console.print(table)
    failed = sum(r.status is Status.FAIL for r in report.rules)
    summary = (
        f"{failed} quality rule(s) FAIL, {report.warnings} warning(s)."
        if failed
        else f"No quality rule fails; {report.warnings} warning(s)."
    )
    console.print(Text(summary, style="bold red" if failed else "bold"))


@in_session_currency
def run_check(session: Session, *, as_json: bool, today: date, file: IO[str] | None = None) -> int:
    """Print the health report of ``session`` as of ``today``; 1 when a quality rule fails."""
    report = health_report(session, today)
    out = file if file is not None else sys.stdout
    try:
        if as_json:
            json.dump(report.as_dict(), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            print_report(report, Console(file=out, highlight=False, emoji=False, markup=False))
        out.flush()
    except BrokenPipeError:  # the reader went away (`check … | head`): the verdict still stands
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    return report.exit_code
