"""Is an HTTP request really from Slack? Its timestamp and signature, checked before anything reads the body."""
from __future__ import annotations

import re
from collections.abc import Mapping

from slack_sdk.signature import Clock, SignatureVerifier

MAX_BODY = 1024 * 1024  # bytes; Slack's commands, events and interactions are far smaller
MAX_SKEW = 300  # seconds between Slack's timestamp and our clock, as Slack recommends
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class SlackVerifier:
    """Says why a request must be refused (None when it is Slack's): slack_sdk's check, after a stricter reading of
    the headers, so a missing, empty or malformed header is a refusal and never an exception."""

    def __init__(self, signing_secret: str, clock: Clock | None = None) -> None:
        if not signing_secret.strip():
            raise ValueError("slack.signing_secret is needed to serve Slack over HTTP")
        self.clock = clock or Clock()
        self.signatures = SignatureVerifier(signing_secret, self.clock)

    def header_problem(self, headers: Mapping[str, str]) -> str | None:
        """What is wrong with the timestamp and signature headers alone (checked before the body is read)."""
        timestamp, signature = _header(headers, "X-Slack-Request-Timestamp"), _header(headers, "X-Slack-Signature")
        if not timestamp or not signature:
            return "no timestamp or signature"
        if not TIMESTAMP.fullmatch(timestamp) or not SIGNATURE.fullmatch(signature):
            return "malformed timestamp or signature"
        if abs(self.clock.now() - int(timestamp)) > MAX_SKEW:
            return "stale timestamp"
        return None

    def refusal(self, headers: Mapping[str, str], body: bytes) -> str | None:
        """Why the request is not Slack's, or None when its signature matches the body."""
        problem = self.header_problem(headers)
        if problem:
            return problem
        timestamp, signature = _header(headers, "X-Slack-Request-Timestamp"), _header(headers, "X-Slack-Signature")
        if not self.signatures.is_valid(body, timestamp, signature):
            return "wrong signature"
        return None


def _header(headers: Mapping[str, str], name: str) -> str:
    return (headers.get(name) or "").strip()
