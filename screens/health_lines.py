"""The health report and the partner economics as lines of text for the Health view.

Only wording and layout: every status, message, count and figure comes from
:func:`workshop.method.health.health_report` and :func:`workshop.method.economics.partner_economics`.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from screens.text import visible
from screens.verdicts import status_content, toned
from workshop.method.economics import Economics, Figure
from workshop.method.findings import RuleResult
from workshop.method.health import PhaseCompleteness


def _where(phase_title: str, where: str) -> str:
    return phase_title if not where else f"{phase_title} › {where}"


def rule_option(result: RuleResult, index: int, prefix: str) -> Option:
    """``✓ PASS  Title`` (in the theme's success / warning / error colour) / the message / ``fix in: Phase › where`` — Enter jumps there."""
    prompt = Content.assemble(
        status_content(result.status, width=6),
        "  ",
        (visible(result.title), "bold"),
        "\n        ",
        visible(result.message),
        "\n        ",
        ("fix in: " + visible(_where(result.phase.title, result.where)), "dim"),
    )
    return Option(prompt, id=f"{prefix}-{index}")


def completeness_option(done: PhaseCompleteness) -> Option:
    state = "✓ complete" if done.done else "missing: " + ", ".join(done.missing)
    prompt = Content.assemble(
        toned(f"{done.label:>6}", "success" if done.done else "warning"),
        "  ",
        (done.phase.title, "bold"),
        "  ",
        visible(state),
    )
    return Option(prompt, id=f"phase-{done.phase.value}")


def figure_lines(figure: Figure) -> list[str]:
    lines = [f"{figure.label}: {figure.text}"]
    inputs = ", ".join(f"{name} {value}" for name, value in figure.inputs.items())
    lines.append(f"    = {figure.formula}" + (f"  (with {inputs})" if inputs else ""))
    return lines


def economics_text(economics: Economics) -> str:
    """Every figure with its formula and inputs, then what is missing and the notes."""
    lines: list[str] = []
    for figure in (economics.partner_arr_target, economics.pipeline_total, economics.deals_total):
        lines += figure_lines(figure)
    for year in economics.years:
        lines.append("")
        lines.append(f"{year.label}")
        for figure in (year.partner_arr, year.new_partner_arr, year.pipeline, year.deals):
            lines += figure_lines(figure)
    lines += ["", "Partners needed per tier (per year)"]
    for figure in economics.partners_by_tier:
        lines += figure_lines(figure)
    lines += ["", "Channel cost (one year of the plan)"]
    for figure in economics.channel_costs:
        lines += figure_lines(figure)
    lines.append("")
    for figure in (economics.cost_per_partner_dollar, economics.net_per_partner_dollar, economics.direct_cac):
        lines += figure_lines(figure)
    lines += ["", economics.comparison]
    if economics.needs:
        lines += ["", "Needs: " + "; ".join(economics.needs)]
    for note in economics.notes:
        lines.append(f"Note: {note}")
    return "\n".join(lines)
