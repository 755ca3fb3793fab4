"""Rate limits on demand: the next N matching requests get Discord's 429; all others get roomy X-RateLimit headers."""
from __future__ import annotations

import hashlib
import math
import re
import time
from dataclasses import dataclass
from typing import Any

BUCKET_LIMIT = 50


@dataclass
class Rule:
    """Answer the next `times` requests matching method and path regex with 429."""

    method: str
    path: re.Pattern[str]
    times: int
    retry_after: float
    global_: bool

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and self.method in ("*", method) and self.path.search(path) is not None


def bucket_of(method: str, path: str) -> str:
    """A stable bucket hash per route shape (ids replaced), as Discord's X-RateLimit-Bucket."""
    shape = re.sub(r"\d{5,}", "{id}", path)
    return hashlib.sha1(f"{method} {shape}".encode()).hexdigest()[:16]


def ok_headers(method: str, path: str) -> dict[str, str]:
    """Plausible headers for a normal answer; Remaining stays well above 0 so discord.py never pre-emptively waits."""
    return {
        "X-RateLimit-Limit": str(BUCKET_LIMIT), "X-RateLimit-Remaining": str(BUCKET_LIMIT - 1),
        "X-RateLimit-Reset": f"{time.time() + 1.0:.3f}", "X-RateLimit-Reset-After": "1.000",
        "X-RateLimit-Bucket": bucket_of(method, path), "Via": "1.1 google",
    }


def limited(method: str, path: str, rule: Rule) -> tuple[dict[str, str], dict[str, Any]]:
    """Headers and body of Discord's 429.

    The `Via: 1.1 google` header is essential: discord.py treats a 429 without `Via` as a Cloudflare ban
    (an HTML/IP-level block) and raises HTTPException instead of sleeping `retry_after` and retrying.
    Real Discord 429s always come through Google's front end and carry it, so the fake always sends it.
    """
    headers = {
        "Via": "1.1 google", "Retry-After": str(max(1, math.ceil(rule.retry_after))),
        "X-RateLimit-Limit": str(BUCKET_LIMIT), "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": f"{time.time() + rule.retry_after:.3f}",
        "X-RateLimit-Reset-After": f"{rule.retry_after:.3f}", "X-RateLimit-Bucket": bucket_of(method, path),
        "X-RateLimit-Scope": "global" if rule.global_ else "user",
    }
    if rule.global_:
        headers["X-RateLimit-Global"] = "true"
    body = {"message": "You are being rate limited.", "retry_after": rule.retry_after, "global": rule.global_,
            "code": 0}
    return headers, body
