"""Discord wiring: starting the Discord bot beside the scheduler."""
