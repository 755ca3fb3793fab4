"""Tandem's one web server: Slack's HTTP endpoints, calendar feeds, /healthz, /readyz and /metrics."""
