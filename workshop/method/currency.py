"""The session's currency: its ISO code and the symbol money is shown with (issue 21).

A session has one currency (``intake.currency``, USD by default): every amount in it is in that
currency, shown as ``£1,250,000`` and typed as ``£1.25M``, ``1.25M GBP`` or ``1250000``.
Amounts are never converted: changing the currency relabels them.

Money is formatted in many places (the economics' sentences, tier reasons, tables, exports), so
the currency in use is set once where a session is taken up — the App when it opens a session
or the currency is edited, an export or check for its duration (:func:`session_currency`) —
and :func:`current` gives it to the formatters, as a locale does. Pure: no imports of the app.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    """ISO 4217: ``USD``, ``GBP``, ``EUR``…"""
    symbol: str
    """Written before the amount: ``$``, ``£``, ``CHF `` (a code-like symbol ends in a space)."""
    name: str


KNOWN: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("USD", "$", "US dollar"),
        Currency("GBP", "£", "pound sterling"),
        Currency("EUR", "€", "euro"),
        Currency("CAD", "CA$", "Canadian dollar"),
        Currency("AUD", "A$", "Australian dollar"),
        Currency("NZD", "NZ$", "New Zealand dollar"),
        Currency("JPY", "¥", "Japanese yen"),
        Currency("CHF", "CHF ", "Swiss franc"),
        Currency("SEK", "SEK ", "Swedish krona"),
        Currency("NOK", "NOK ", "Norwegian krone"),
        Currency("DKK", "DKK ", "Danish krone"),
        Currency("INR", "₹", "Indian rupee"),
        Currency("SGD", "S$", "Singapore dollar"),
        Currency("BRL", "R$", "Brazilian real"),
    )
}
DEFAULT = "USD"


def currency_of(code: str) -> Currency:
    """The currency of an ISO code; one not in :data:`KNOWN` is written with its code."""
    return KNOWN.get(code) or Currency(code, f"{code} ", code)


_current = KNOWN[DEFAULT]


def current() -> Currency:
    """The currency money is shown in now."""
    return _current


def use(code: str) -> Currency:
    """Show money in ``code`` from now on (the App, when a session opens or its currency changes)."""
    global _current
    _current = currency_of(code)
    return _current


@contextmanager
def session_currency(code: str) -> Iterator[Currency]:
    """Show money in ``code`` for a while (an export, a check), then as before."""
    global _current
    before = _current
    _current = currency_of(code)
    try:
        yield _current
    finally:
        _current = before


def in_session_currency(func: F) -> F:
    """Run ``func(session, …)`` with money shown in ``session.intake.currency``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        session = kwargs["session"] if "session" in kwargs else args[0]
        with session_currency(session.intake.currency):
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
