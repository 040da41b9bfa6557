"""Signing the thesis off, and taking the sign-off back: the one place both happen.

A sign-off is dated no later than today: a date after it is refused at entry
(:func:`sign_thesis`), and a file that has one fails the sign-off rule (see
:func:`future_signoff` and ``workshop.method.health``).  Both moves go into the audit trail.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from workshop.method.audit import record_signoff, record_withdrawal
from workshop.method.models import AuditEntry, Session, SignOff, utc_now


class FutureSignOffError(ValueError):
    """A sign-off dated after today."""


def signoff_moment(signed_on: date, today: date) -> datetime:
    """When a sign-off dated ``signed_on`` took place: now if it is today (and now is that
    day in UTC too), else that day at noon UTC (a date written on paper, recorded later; or a
    local day that UTC has already left — the sign-off keeps the team's date, so it is never
    judged to be after "today").  Refuses a day after ``today``."""
    if signed_on > today:
        raise FutureSignOffError(
            f"the sign-off date {signed_on.isoformat()} is after today ({today.isoformat()}): "
            "a thesis can only be signed off on a day that has come"
        )
    now = utc_now()
    if signed_on == today and now.date() == today:
        return now
    return datetime.combine(signed_on, time(12, 0), tzinfo=timezone.utc)


def future_signoff(session: Session, today: date) -> bool:
    """The recorded sign-off is dated after ``today`` (written by hand, or a wrong clock)."""
    signoff = session.thesis.signoff
    return signoff is not None and signoff.signed_at.date() > today


def sign_thesis(session: Session, signoff: SignOff, today: date, who: str) -> AuditEntry:
    """Record ``signoff`` on the session's thesis, with its audit entry.

    Refused (:class:`FutureSignOffError`) when it is dated after ``today``; refused
    (``ValueError``) when the thesis is already signed: withdraw first.
    """
    if session.thesis.signoff is not None:
        raise ValueError("the thesis is already signed off: withdraw the sign-off first to sign again")
    if signoff.signed_at.date() > today:
        raise FutureSignOffError(
            f"the sign-off date {signoff.signed_at.date().isoformat()} is after today "
            f"({today.isoformat()}): a thesis can only be signed off on a day that has come"
        )
    session.thesis.signoff = signoff
    return record_signoff(session, signoff, who)


def withdraw_signoff(session: Session, who: str) -> AuditEntry | None:
    """Take the sign-off back (recruitment goes back on hold), with its audit entry."""
    signoff = session.thesis.signoff
    if signoff is None:
        return None
    session.thesis.signoff = None
    return record_withdrawal(session, signoff, who)
