"""Slack's Web-API sending side: the outbox sender, its pacing, and Block Kit rendering of notices."""
