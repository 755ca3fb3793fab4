"""The CLI side of back up and move: argument parsing and friendly outcomes for export, import and backup."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.backup.export import ExportRefused, export
from bot.backup.load import ImportRefused, load
from bot.config import Config
from storage.backup import BackupRefused, sqlite_backup
from storage.database import make_engine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    out = sub.add_parser("export", help="write every workspace's data (or one's) as JSON lines")
    out.add_argument("--workspace", help="only this workspace (its name or platform id)")
    out.add_argument("--with-secrets", action="store_true", help="include Slack OAuth tokens")
    out.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    into = sub.add_parser("import", help="read an export into this database (safe to repeat)")
    into.add_argument("file", type=Path, help="a file written by `tandem export`, or - for standard input")


def run_export(args: argparse.Namespace, config: Config) -> int:
    engine = make_engine(config.database.url)
    try:
        if args.output is None:
            summary = export(engine, sys.stdout, args.workspace, args.with_secrets)
        else:
            with args.output.open("w", encoding="utf-8") as out:
                summary = export(engine, out, args.workspace, args.with_secrets)
    except ExportRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(summary.render(), file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace, config: Config) -> int:
    if str(args.file) != "-" and not args.file.is_file():
        print(f"There is no file {args.file}. Give the file written by `tandem export`.", file=sys.stderr)
        return 2
    engine = make_engine(config.database.url)
    try:
        if str(args.file) == "-":
            outcome = load(engine, sys.stdin)
        else:
            with args.file.open(encoding="utf-8") as source:
                outcome = load(engine, source)
    except ImportRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(outcome.render())
    return 0


def run_backup(path: Path | None, config: Config) -> int:
    if path is None:
        print("Say where to write the backup: tandem db backup PATH (a new file).", file=sys.stderr)
        return 2
    try:
        size = sqlite_backup(config.database.url, path)
    except BackupRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    print(f"Backed up the database to {path} ({size} bytes).")
    return 0
