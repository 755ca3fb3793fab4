"""`tandem init`: write the commented reference app.yaml (shipped inside the package) into a folder."""
from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from importlib.resources import files
from pathlib import Path


def reference_config() -> str:
    """The repository's app.yaml, as shipped inside the package: every setting with its default."""
    return files("bot.install").joinpath("app.yaml").read_text(encoding="utf-8")


def tandem_version() -> str:
    try:
        return installed_version("tandem")
    except PackageNotFoundError:
        return "unknown (not installed)"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser("init", help="write a commented app.yaml into the current folder")
    init.add_argument("--force", action="store_true", help="overwrite an existing app.yaml")
    init.add_argument("--path", type=Path, default=Path("app.yaml"), help="where to write it (default: ./app.yaml)")


def run(args: argparse.Namespace) -> int:
    target: Path = args.path
    if target.exists() and not args.force:
        print(f"{target} already exists; Tandem left it as it is. Use `tandem init --force` to replace it "
              "with the reference file.", file=sys.stderr)
        return 2
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(reference_config(), encoding="utf-8")
    except OSError as error:
        print(f"Cannot write {target}: {error.strerror}.", file=sys.stderr)
        return 2
    print(f"Wrote {target}. Edit it (every setting is explained inside), then run "
          "`tandem config check` and `tandem db upgrade`.")
    return 0
