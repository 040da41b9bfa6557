"""Request rate limits for the room: a token bucket per caller (a phone's token, an address).

A phone that polls and answers sends a request every few seconds; a script sending a thousand a
second is refused (HTTP 429) once its bucket is empty, and nothing it sent is looked at.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class RateLimiter:
    """``rate`` requests a second on average, bursts of up to ``burst``, for each key."""

    def __init__(self, rate: float, burst: int, *, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 10_000) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, key: str) -> bool:
        now = self.clock()
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        if key not in self._buckets and len(self._buckets) >= self.max_keys:
            self._forget_full(now)
        self._buckets[key] = (tokens, now)
        return allowed

    def _forget_full(self, now: float) -> None:
        """Drop the buckets that have filled up again (they hold nothing worth keeping)."""
        full = [k for k, (t, last) in self._buckets.items() if t + (now - last) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) >= self.max_keys:
            self._buckets.clear()
