"""Command handlers: each takes a command and a Context and returns a Reply."""
