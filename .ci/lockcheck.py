"""Fail (without asking any registry) when pyproject.toml's dependencies differ from what the locks were compiled from.

`make lock` records a hash of the dependency lists in each lock's header; this recomputes it and compares.
Run as `python3 .ci/lockcheck.py` (check) or `python3 .ci/lockcheck.py --print` (the hash `make lock` records).
"""
from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ("requirements.lock", "requirements-dev.lock")
MARK = "# pyproject-dependencies-sha256: "


def dependencies_hash() -> str:
    """A hash of every dependency specifier pyproject.toml declares (runtime, extras, build requirements)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {"dependencies": project["project"].get("dependencies", []),
                "optional": project["project"].get("optional-dependencies", {}),
                "build": project.get("build-system", {}).get("requires", [])}
    return hashlib.sha256(json.dumps(declared, sort_keys=True).encode()).hexdigest()


def recorded(lock: Path) -> str | None:
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(MARK):
            return line.removeprefix(MARK).strip()
    return None


def main() -> int:
    expected = dependencies_hash()
    if sys.argv[1:] == ["--print"]:
        print(expected)
        return 0
    stale = [name for name in LOCKS if not (ROOT / name).is_file() or recorded(ROOT / name) != expected]
    if stale:
        print(f"{', '.join(stale)} no longer match(es) the dependencies in pyproject.toml. "
              "Run `make lock` and commit pyproject.toml with the lock files.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
