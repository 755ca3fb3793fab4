"""Run every benchmark in the bench package: `python -m bench` (flags go to the modules that take them)."""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    """Import each bench module and run its main(), returning the worst exit code."""
    worst = 0
    for module in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
        if module.startswith("_"):
            continue
        runner = getattr(importlib.import_module(f"bench.{module}"), "main", None)
        if callable(runner):
            print(f"\n## bench.{module}\n", flush=True)
            worst = max(worst, int(runner() or 0))
    return worst


if __name__ == "__main__":
    sys.exit(main())
