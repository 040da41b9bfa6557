"""The machine-readable ``partnership_thesis`` block, as YAML or JSON (issue 15 §4).

The strategic-partnerships skill, the method's parent, reads a ``partnership_thesis`` block:
why the company partners, the models, the markets reached through partners, the revenue goal,
the tiers, the build / partner / acquire decisions and the OKRs.  :func:`partnership_thesis`
gathers it from the session and the engine (``docs/export.md`` documents every field);
:func:`to_yaml` writes it as YAML with every string double-quoted and escaped, so any text —
``: # - [ ] { } | > ' "``, line breaks, controls, emoji — reads back exactly; :func:`to_json` as JSON.

No third-party YAML library is needed to write it (the block has one fixed shape); the tests
read it back with PyYAML.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

from workshop.method.decision_rules import assess_decision
from workshop.method.economics import Economics, partner_economics
from workshop.method.models import RATIONALE_FIELDS, PartnerStage, Session
from workshop.method.placeholders import tier_benefits

FORMAT_VERSION = 1
"""The block's own version: raised when a field changes meaning or is removed."""


def _number(value: float | int | None) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _text(value: str) -> str | None:
    """A text as written, or None when blank (so "not given" reads the same everywhere)."""
    return value if value.strip() else None


def _words(value: object) -> str | None:
    if value is None:
        return None
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else str(getattr(value, "value", value))


def partnership_thesis(
    session: Session, today: date, economics: Economics | None = None
) -> dict[str, Any]:
    """The ``partnership_thesis`` block of ``session`` as of ``today`` (plain data: str, int,
    float, bool, None, lists and dicts); ``economics`` if already computed."""
    thesis, statement, intake = session.thesis, session.thesis.statement, session.intake
    economics = economics if economics is not None else partner_economics(session)
    prioritized = [name.strip() for name in statement.prioritized_models if name.strip()]
    partners = session.mapping.partners

    def signed_in(tier_id: str) -> list[str]:
        return [p.name for p in partners if p.stage is PartnerStage.SIGNED and p.program_tier == tier_id]

    needed = {figure.key: figure.value for figure in economics.partners_by_tier}
    return {
        "partnership_thesis": {
            "format_version": FORMAT_VERSION,
            "company": _text(intake.company_name),
            "as_of": today.isoformat(),
            "signed_off": (
                {
                    "by": thesis.signoff.name,
                    "role": _text(thesis.signoff.role),
                    "signed_on": thesis.signoff.signed_at.date().isoformat(),
                }
                if thesis.signoff is not None
                else None
            ),
            "why_partners": [
                {"gap": label, "question": question, "answer": _text(getattr(thesis.rationale, field))}
                for field, (label, question) in RATIONALE_FIELDS.items()
            ],
            "partnership_model": [
                {
                    "key": model.key,
                    "name": model.name,
                    "prioritized": model.name.strip() in prioritized,
                    "revenue_mechanism": _text(model.revenue_mechanism),
                    "use_case": _text(model.use_case),
                    "why": _text(model.why),
                }
                for model in thesis.models
                if model.selected
            ],
            "target_markets_via_partners": {
                "partner_types": _text(statement.partner_types),
                "icp": _text(statement.icp),
                "markets": _text(statement.markets),
                "growth_markets": [m for m in intake.growth_markets if m.strip()],
                "access_partners": _text(statement.access_partners),
                "product_partners": _text(statement.product_partners),
                "adjacent_use_cases": _text(statement.adjacent_use_cases),
            },
            "partner_revenue_goal": {
                "sourced": {
                    "share_of_arr_pct": _number(statement.partner_share_pct),
                    "horizon_years": statement.years,
                    "target_year": intake.target_year,
                    "target_arr": _number(intake.target_arr),
                    "partner_sourced_arr": _number(economics.partner_arr_target.value),
                    "pipeline_needed": _number(economics.pipeline_total.value),
                    "win_rate_pct": _number(session.economics.win_rate_pct),
                    "north_star_metric": _text(statement.north_star_metric),
                },
                "influenced": None,
            },
            "partner_tiers": [
                {
                    "id": tier.id,
                    "name": tier.name,
                    "pipeline_min": tier.pipeline_min,
                    "pipeline_max": tier.pipeline_max,
                    "certified_individuals": tier.certified_individuals,
                    "dedicated_practice": tier.dedicated_practice,
                    "mdf_per_year": tier.mdf_per_year,
                    "benefits": tier_benefits(tier.benefits, tier.mdf_per_year),
                    "commitments": list(tier.commitments),
                    "reviews_per_year": tier.reviews_per_year,
                    "joint_gtm_per_year": tier.joint_gtm_per_year,
                    "deal_registration_days": tier.deal_registration_days,
                    "pipeline_share_pct": _number(tier.pipeline_share_pct),
                    "exit_months": tier.exit_months,
                    "partners_signed": signed_in(tier.id),
                    "partners_needed": _number(needed.get(f"partners_{tier.id}")),
                }
                for tier in session.tiers.tiers
            ],
            "build_vs_partner_decisions": [
                {
                    "id": a.decision.id,
                    "capability": a.decision.capability,
                    "decision": _words(a.decision.decision),
                    "final": a.is_final,
                    "partner_considered": _text(a.decision.partner_considered),
                    "rationale": _text(a.decision.rationale),
                    "decided_on": a.decision.decided_on.isoformat() if a.decision.decided_on else None,
                    "review_date": a.review_date.isoformat() if a.review_date else None,
                }
                for a in (assess_decision(decision) for decision in session.decisions)
            ],
            "okrs": [
                {
                    "objective": objective.text,
                    "key_results": [
                        {
                            "text": kr.text,
                            "kind": kr.kind.value if kr.kind is not None else None,
                            "target": _text(kr.target),
                            "owner": _text(kr.owner),
                            "due": kr.due.isoformat() if kr.due else None,
                            "measure": kr.measure.value if kr.measure is not None else None,
                            "measure_value": _number(kr.measure_value),
                            "measure_unit": _text(kr.unit) if kr.measure is not None else None,
                        }
                        for kr in objective.key_results
                    ],
                }
                for objective in session.objectives
            ],
        }
    }


# --------------------------------------------------------------------------- YAML

_YAML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _yaml_char(char: str) -> str:
    escaped = _YAML_ESCAPES.get(char)
    if escaped is not None:
        return escaped
    code = ord(char)
    # YAML's printable set, narrowed: C0, DEL, C1 (NEL too), the line and paragraph
    # separators (line breaks in YAML 1.1), surrogates, U+FEFF and the non-characters.
    if (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
        or 0xD800 <= code <= 0xDFFF
    ):
        return f"\\u{code:04x}"
    return char


_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')
"""Every character :func:`_yaml_char` changes (the rest it returns as they are)."""


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that reads back exactly."""
    # only the characters that need it go through _yaml_char (a big map's names and notes
    # are ≈ 20,000 characters, nearly all printable)
    return '"' + _NEEDS_ESCAPE.sub(lambda found: _yaml_char(found.group()), value) + '"'


def _reference_yaml_string(value: str) -> str:
    """:func:`yaml_string` a character at a time, as first written: what its test compares with."""
    return '"' + "".join(_yaml_char(c) for c in value) + '"'


def _yaml_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return repr(value)
    if isinstance(value, str):
        return yaml_string(value)
    raise TypeError(f"no YAML form for {type(value).__name__}")


def _yaml_lines(value: Any, indent: int) -> list[str]:
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(_yaml_lines(item, indent + 1))
            else:
                empty = "{}" if isinstance(item, dict) else "[]" if isinstance(item, list) else None
                lines.append(f"{pad}{key}: {empty or _yaml_scalar(item)}")
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                inner = _yaml_lines(item, indent + 1)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines.extend(inner[1:])
            else:
                empty = "{}" if isinstance(item, dict) else "[]" if isinstance(item, list) else None
                lines.append(f"{pad}- {empty or _yaml_scalar(item)}")
    return lines


def to_yaml(data: dict[str, Any]) -> str:
    """The block as YAML: block style, two-space indents, every string double-quoted."""
    return "\n".join(_yaml_lines(data, 0)) + "\n"


def to_json(data: dict[str, Any]) -> str:
    """The block as JSON (UTF-8 text, two-space indents)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
