"""The method's bracketed placeholders (``$[X]/yr``, ``[N]``, ``[date]``…): still empty until replaced.

The method's templates leave holes for the team to fill: "Top MDF allocation ($[X]/yr)" in a
tier's benefits, "drives [X]% of ARR" in an objective, "Partner-sourced pipeline > $[X]" on the
roadmap.  A text that still has one is not finished: the completeness count says so, and the
export shows what the session already knows in its place — a tier's MDF benefit names the
tier's MDF per year once it is set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workshop.method.values import format_money

PLACEHOLDER = re.compile(r"\$?\[(?:[A-Z]|date|year|month|quarter|name)\]")
"""A placeholder of the method's templates: ``[X]``, ``[N]``, ``$[X]``, ``[date]``, ``[year]``…"""

_MDF_HOLE = re.compile(r"\$\[X\](?=\s*/\s*(?:yr|year)\b)")
"""The amount of "MDF allocation ($[X]/yr)": the tier's MDF per year fills it."""


def has_placeholder(text: str) -> bool:
    """True if ``text`` still holds one of the method's placeholders."""
    return "[" in text and PLACEHOLDER.search(text) is not None


def with_mdf(text: str, mdf_per_year: int | None) -> str:
    """``text`` with an MDF benefit's ``$[X]/yr`` filled in from the tier's MDF per year
    (unchanged when that is not set, or the text is not about MDF)."""
    if mdf_per_year is None or "MDF" not in text.upper():
        return text
    return _MDF_HOLE.sub(format_money(mdf_per_year).replace("\\", "\\\\"), text)


def tier_benefits(benefits: Iterable[str], mdf_per_year: int | None) -> list[str]:
    """A tier's benefits as the blueprint states them: placeholders the tier's figures answer,
    filled in."""
    return [with_mdf(text, mdf_per_year) for text in benefits]


def with_placeholders(texts: Iterable[str]) -> list[str]:
    """The texts (non-blank) that still hold a placeholder, in order."""
    return [text for text in texts if text.strip() and has_placeholder(text)]
