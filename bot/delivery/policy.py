"""When to try a failed delivery again, and when to give up on it."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from core.delivery import DeliveryFailed


@dataclass
class RetryPolicy:
    """Exponential backoff with jitter (2, 4, 8, 16 s … capped); the platform's Retry-After wins when given."""

    max_attempts: int = 6
    base: float = 2.0
    cap: float = 300.0
    jitter: float = 0.2
    rng: random.Random = field(default_factory=random.Random)

    def gives_up(self, attempt: int, failure: DeliveryFailed) -> bool:
        """True when `attempt` (1 for the first try) was the last one this failure allows."""
        return failure.permanent or attempt >= self.max_attempts

    def delay(self, attempt: int, failure: DeliveryFailed) -> float:
        """Seconds to wait before the attempt after `attempt`."""
        if failure.retry_after is not None:
            return max(0.0, failure.retry_after)
        backoff = min(self.cap, self.base * 2 ** (attempt - 1))
        return float(backoff * self.rng.uniform(1 - self.jitter, 1 + self.jitter))
