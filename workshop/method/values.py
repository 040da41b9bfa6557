"""Typed values as a facilitator types and reads them: parse and format, with clear messages.

Pure functions used by the screens' fields (and anything else that takes text from a person).
Every parser takes the raw text and returns the value, ``None`` for an empty entry, or raises
:class:`ValueError` whose message can be shown next to the field as it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from workshop.method.currency import Currency
from workshop.method.currency import current as current_currency
from workshop.method.models import MAX_MONEY

_MONEY = re.compile(r"^([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*([kKmMbB]?)$")
_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "b": 1_000_000_000}


def _strip_currency(raw: str, currency: Currency) -> str:
    """``£1.25M``, ``GBP 1.25M``, ``1.25M GBP`` -> ``1.25M`` in GBP; another currency's sign stays
    (and so is refused: amounts are never converted)."""
    for mark in sorted({currency.symbol.strip(), currency.code}, key=len, reverse=True):
        if raw[: len(mark)].upper() == mark.upper():
            return raw[len(mark) :].strip()
        if raw[-len(mark) :].upper() == mark.upper():
            return raw[: -len(mark)].strip()
    return raw


def parse_money(text: str, currency: Currency | None = None) -> int | None:
    """``"$1,250,000"``, ``"1.25M"``, ``"500k"`` or ``"2000000"`` -> whole units of the session's
    currency (``£1.25M`` or ``1.25M GBP`` in a GBP session)."""
    currency = currency or current_currency()
    raw = text.strip()
    if not raw:
        return None
    if raw.startswith("-"):
        raise ValueError("an amount of money cannot be negative")
    number_text = _strip_currency(raw, currency)
    match = _MONEY.match(number_text)
    if not match or (match.group(1).count(",") and not re.fullmatch(r"\d{1,3}(,\d{3})*(\.\d+)?", match.group(1))):
        symbol = currency.symbol
        raise ValueError(f"not an amount in {currency.code}: {raw!r} (try 1250000, {symbol}1,250,000, 1.25M or 500k)")
    number = float(match.group(1).replace(",", "")) * _SCALE[match.group(2).lower()]
    if number > MAX_MONEY:  # the same limit, in the same words, as the model's
        raise ValueError(f"Must be at most {format_money(MAX_MONEY, currency)}")
    return round(number)


def format_money(value: int | None, currency: Currency | None = None) -> str:
    """``$1,250,000``; ``£1,250,000`` in a GBP session."""
    return "" if value is None else f"{(currency or current_currency()).symbol}{value:,}"


_LIMITS = {"le": "at most", "ge": "at least", "lt": "below", "gt": "above"}


def limit_words(context: dict[str, Any], kind: str = "") -> str | None:
    """A validation limit as the room says it — ``"at most 1,000,000,000,000"``, ``"at most
    $1,000,000,000,000"`` for money, ``"at least 1900"`` for a year — from the context of a
    pydantic error (``{"le": 10**12}``); None if it has no limit."""
    key = next((key for key in _LIMITS if key in context), None)
    if key is None:
        return None
    bound = context[key]
    if kind == "money" and isinstance(bound, int):
        shown = format_money(bound)
    elif isinstance(bound, bool) or not isinstance(bound, (int, float)):
        shown = str(bound.isoformat() if hasattr(bound, "isoformat") else bound)
    elif isinstance(bound, int):  # 1,000,000,000,000 grouped; a year (2200) not
        shown = f"{bound:,}" if abs(bound) >= 10_000 else str(bound)
    else:
        shown = f"{bound:,.15g}"
    return f"{_LIMITS[key]} {shown}"


def _parse_float(text: str, what: str, low: float, high: float) -> float | None:
    raw = text.strip().rstrip("%").strip()
    if not raw:
        return None
    try:
        number = float(raw)
    except ValueError:
        raise ValueError(f"not a number: {text.strip()!r}") from None
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"not a number: {text.strip()!r}")
    if not low <= number <= high:
        raise ValueError(f"{what} must be between {low:g} and {high:g}")
    return number


def parse_percent(text: str) -> float | None:
    """``"25"`` or ``"25%"`` -> 25.0, between 0 and 100."""
    return _parse_float(text, "a percentage", 0, 100)


def parse_rating(text: str) -> float | None:
    """An attractiveness rating, 0-100."""
    return _parse_float(text, "a rating", 0, 100)


def parse_decimal(text: str) -> float | None:
    """A non-negative decimal such as a cost ratio."""
    return _parse_float(text, "the value", 0, 1_000_000)


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".")


def parse_count(text: str) -> int | None:
    """A whole number, zero or more."""
    raw = text.strip().replace(",", "")
    if not raw:
        return None
    if not re.fullmatch(r"\d+", raw):
        raise ValueError(f"not a whole number: {text.strip()!r}")
    return int(raw)


def format_count(value: int | None) -> str:
    return "" if value is None else str(value)


def parse_date(text: str) -> date | None:
    """An ISO date, ``YYYY-MM-DD``."""
    raw = text.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"not a date: {raw!r} (use YYYY-MM-DD, e.g. 2027-03-31)") from None


def format_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def parse_lines(text: str) -> list[str]:
    """One entry a line; blank lines are dropped, the rest kept exactly as typed."""
    return [line for line in text.split("\n") if line.strip()]


def format_lines(values: list[str]) -> str:
    return "\n".join(values)


def parse_text(text: str) -> str:
    return text


def format_text(value: str | None) -> str:
    return value or ""


def enum_label(value: Enum | None) -> str:
    if value is None:
        return ""
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else str(value.value)


Parser = Callable[[str], Any]
Formatter = Callable[[Any], str]

KINDS: dict[str, tuple[Parser, Formatter]] = {
    "text": (parse_text, format_text),
    "multiline": (parse_text, format_text),
    "money": (parse_money, format_money),
    "percent": (parse_percent, format_number),
    "rating": (parse_rating, format_number),
    "decimal": (parse_decimal, format_number),
    "count": (parse_count, format_count),
    "date": (parse_date, format_date),
    "lines": (parse_lines, format_lines),
}
"""Text-entry kinds: how a typed string becomes a value and back."""
