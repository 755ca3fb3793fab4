"""End-to-end tests of the Discord bot against the fake Discord."""
