"""Calendar arithmetic the method's rules need: months, quarters, "N months to the day"."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from datetime import date

from workshop.method.currency import current as current_currency

_QUARTER = re.compile(r"^([0-9]{4})-Q([1-4])$")  # ASCII digits only: "20٢٥" is no year


def add_months(day: date, months: int) -> date:
    """The same calendar day ``months`` later (or earlier), clamped to the month's last day.

    ``add_months(date(2024, 2, 29), 12)`` is 2025-02-28; ``add_months(date(2024, 8, 31), -6)``
    is 2024-02-29.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


def parse_quarter(label: str) -> tuple[int, int]:
    """``"2025-Q3"`` -> ``(2025, 3)``; raises ValueError on anything else."""
    match = _QUARTER.match(label)
    if match is None:
        raise ValueError(f"not a quarter (YYYY-Qn): {label!r}")
    return int(match.group(1)), int(match.group(2))


@lru_cache(maxsize=4096)
def quarter_index(label: str) -> int:
    """A running number, so that consecutive quarters differ by exactly one."""
    year, number = parse_quarter(label)
    return year * 4 + number - 1


@lru_cache(maxsize=4096)
def quarter_end(label: str) -> date:
    """The last day of a quarter: the date its QBR results are taken at."""
    year, number = parse_quarter(label)
    month = number * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: date) -> str:
    """The quarter a date falls in, as ``"YYYY-Qn"``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def money(amount: float | int) -> str:
    """Whole units of the session's currency with thousands separators: ``$1,250,000``, ``£1,250,000``."""
    return f"{current_currency().symbol}{round(amount):,}"
