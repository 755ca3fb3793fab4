"""The Discord adapter: slash commands, mentions, buttons, modals and DMs, translated into core commands."""
