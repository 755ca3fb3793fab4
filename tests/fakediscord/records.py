"""What tests observe: recorded REST requests and the life of each dispatched interaction."""
from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]


@dataclass(frozen=True)
class RequestRecord:
    """One REST request: method, path below /api/v10 (no query), answered status, perf_counter time, and the
    JSON body the bot sent (None for bodiless or non-JSON requests)."""

    method: str
    path: str
    status: int
    at: float
    body: Any = None


@dataclass
class Interaction:
    """An interaction the fake dispatched and everything the bot answered to it (read under the fake's lock)."""

    id: str
    token: str
    type: int
    payload: Json
    cond: threading.Condition = field(repr=False)
    dispatched_at: float | None = None
    first_response_at: float | None = None
    first_followup_at: float | None = None
    acked: bool = False
    delivered: int = 0
    ack_deadline_missed: bool = False
    _responses: list[tuple[int, Json]] = field(default_factory=list)
    _followups: list[Json] = field(default_factory=list)
    _original: Json | None = None

    @property
    def responses(self) -> list[tuple[int, Json]]:
        """Callbacks (POST /interactions/{id}/{token}/callback) as (type, data), in arrival order."""
        with self.cond:
            return copy.deepcopy(self._responses)

    @property
    def followups(self) -> list[Json]:
        """Messages created through the interaction webhook (POST /webhooks/{app}/{token})."""
        with self.cond:
            return copy.deepcopy(self._followups)

    @property
    def original(self) -> Json | None:
        """The @original response message as it stands now (after edits), or None."""
        with self.cond:
            return copy.deepcopy(self._original)

    @property
    def latency(self) -> float | None:
        """Seconds from dispatch to the first callback, or None if unanswered."""
        with self.cond:
            if self.dispatched_at is None or self.first_response_at is None:
                return None
            return self.first_response_at - self.dispatched_at

    @property
    def modal(self) -> Json | None:
        """The modal (callback type 9 data) this interaction was answered with, if any."""
        return next((data for kind, data in self.responses if kind == 9), None)

    @property
    def choices(self) -> list[Json] | None:
        """The autocomplete choices (callback type 8), if answered."""
        data = next((data for kind, data in self.responses if kind == 8), None)
        return None if data is None else list(data.get("choices", []))

    def wait(self, predicate: Callable[[Interaction], bool] | None = None, timeout: float = 30.0) -> Interaction:
        """Block until `predicate(self)` holds (default: any callback arrived); raise TimeoutError otherwise."""
        check = predicate or (lambda it: bool(it._responses))
        deadline = time.monotonic() + timeout
        with self.cond:
            while not check(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"interaction {self.id} (type {self.type}, delivered to {self.delivered} "
                                       f"gateway sessions): condition not met within {timeout}s")
                self.cond.wait(left)
        return self

    def wait_response(self, timeout: float = 30.0) -> tuple[int, Json]:
        """The first callback (type, data), waiting for it."""
        self.wait(None, timeout)
        return self.responses[0]

    def wait_followup(self, timeout: float = 30.0) -> Json:
        """The first follow-up message, waiting for it."""
        self.wait(lambda it: bool(it._followups), timeout)
        return self.followups[0]

    def wait_original(self, predicate: Callable[[Json], bool] | None = None, timeout: float = 30.0) -> Json:
        """The @original message once it exists (and matches `predicate`)."""
        check = predicate or (lambda _m: True)
        self.wait(lambda it: it._original is not None and check(it._original), timeout)
        original = self.original
        assert original is not None
        return original
