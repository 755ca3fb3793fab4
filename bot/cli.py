"""The `tandem` command: console, run, db, config, init, health, export/import, with one error policy at the top."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from adapters.discord import invite as discord_invite
from adapters.slack import manifest as slack_manifest
from bot import parse_command
from bot.backup import commands as backup
from bot.calendar import command as calendar_command
from bot.config import Config, ConfigError, load_config
from bot.install import health
from bot.install import init as init_command
from bot.logs.json_lines import handler_for
from bot.serving import console as console_main
from bot.serving import run
from core.errors import new_reference_id
from storage.database import DatabaseUnavailable, make_engine
from storage.migrate import current, head, upgrade

log = logging.getLogger("tandem")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tandem", description="Ask, commit and follow through, in chat.")
    parser.add_argument("--config", type=Path, help="path to app.yaml (default: ./app.yaml or $TANDEM_CONFIG)")
    parser.add_argument("--version", action="version", version=f"tandem {init_command.tandem_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    console_main.register(sub)
    sub.add_parser("run", help="start every adapter enabled in app.yaml, plus the scheduler")
    db = sub.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade", "current", "backup"],
                    help="upgrade to the latest schema, show it, or back up a SQLite database to PATH")
    db.add_argument("path", nargs="?", type=Path, help="for backup: the new file to write")
    config = sub.add_parser("config", help="check app.yaml")
    config.add_argument("action", choices=["check"])
    sub.add_parser("health", help="exit 0 when the database answers and its schema is current")
    init_command.register(sub)
    backup.register(sub)
    calendar_command.register(sub)
    parse_command.register(sub)
    slack_manifest.register(sub)
    discord_invite.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "parse":
        return parse_command.run(args)
    if args.command == "slack":
        return slack_manifest.run(args)
    if args.command == "discord":
        return discord_invite.run(args)
    if args.command == "init":
        return init_command.run(args)
    try:
        config = load_config(args.config)
        _configure_logging(config)
        return _dispatch(args, config)
    except ConfigError as error:
        print(error.render(), file=sys.stderr)
        return 2
    except DatabaseUnavailable as error:
        print(f"Tandem can't use its database: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:
        reference = new_reference_id()
        log.exception("unexpected error %s", reference)
        print(f"Tandem stopped on an unexpected error (reference {reference}); see the log.", file=sys.stderr)
        return 1


def _configure_logging(config: Config) -> None:
    """Log to stderr (or logging.file), as text or JSON lines; migrations, the job runner's every-second lines
    and discord.py's voice notices stay quiet unless something is wrong."""
    logging.basicConfig(level=config.logging.level, handlers=[handler_for(config.logging)])
    for chatty in ("alembic", "apscheduler", "discord.client"):
        logging.getLogger(chatty).setLevel(max(logging.WARNING, logging.getLogger().level))
    logging.getLogger("discord.client").addFilter(lambda record: "voice will NOT be supported" not in
                                                  record.getMessage())


def _dispatch(args: argparse.Namespace, config: Config) -> int:
    if args.command == "console":
        return console_main.run(args, config)
    if args.command == "db":
        return backup.run_backup(args.path, config) if args.action == "backup" else _db(args.action, config)
    if args.command == "health":
        return health.run(config)
    if args.command == "calendar":
        return calendar_command.run(args, config)
    if args.command == "export":
        return backup.run_export(args, config)
    if args.command == "import":
        return backup.run_import(args, config)
    if args.command == "config":
        print(f"app.yaml is valid. {config.summary()}")
        return 0
    if args.command == "run":
        return _run(config)
    return 2


def _db(action: str, config: Config) -> int:
    if action == "upgrade":
        engine = make_engine(config.database.url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        print(f"Database is at the latest schema ({head()}).")
        return 0
    print(f"Database schema: {current(config.database.url) or 'empty'} (latest: {head()}).")
    return 0


NOTHING_TO_RUN = (
    "Nothing to run: neither Slack nor Discord nor the web server is enabled in app.yaml. Enable one "
    "(`slack: enabled: true`, see docs/slack.md, `discord: enabled: true`, see docs/discord.md, or `web: enabled: "
    "true` for calendar feeds and metrics, see docs/operations.md) and check it with `tandem config check`; "
    "to chat with Tandem in this terminal, use `tandem console`."
)


def _run(config: Config) -> int:
    """`tandem run` is for a service manager: with no platform to serve it says so and fails, terminal or not."""
    if not (config.slack.enabled or config.discord.enabled or config.web.enabled):
        print(NOTHING_TO_RUN, file=sys.stderr)
        return 2
    return run.run(config)
