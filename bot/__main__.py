"""`python -m bot` is the `tandem` command."""
import sys

from bot.cli import main

sys.exit(main())
