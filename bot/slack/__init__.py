"""Slack wiring: starting the Slack app and its OAuth installation store."""
