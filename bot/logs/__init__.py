"""Logging: text lines for people, or JSON lines (with the request id) for log collectors."""
