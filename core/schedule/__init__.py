"""Scheduling rules: working time, reminders, follow-ups, digests and recurrences, as pure functions."""
