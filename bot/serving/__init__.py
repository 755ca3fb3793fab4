"""Serving: `tandem run` and `tandem console`, the long-running processes."""
