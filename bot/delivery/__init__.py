"""Delivery: the outbox to the platforms' senders, with retries and leases."""
