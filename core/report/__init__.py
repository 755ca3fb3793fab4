"""Reports: roll-ups, forecasts, commitment health and burn-up series, computed as plain numbers."""
