"""Back up and move: `tandem export`, `tandem import` and `tandem db backup`."""
