"""Metrics: the Observer port measured with prometheus-client, and what is computed when /metrics is read."""
