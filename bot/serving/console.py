"""`tandem console`: the chat room in a terminal or behind a pipe, with a sandbox clock."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from adapters.console.render import BotMessage
from adapters.console.room import ConsoleRoom
from adapters.console.sender import ConsoleSender
from bot.bootstrap import Tandem, build
from bot.config import Config
from core.errors import InvalidInput
from core.sandbox import Sandbox, SandboxClock
from core.validation.zones import zone_name


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("console", help="chat with Tandem in the terminal")
    parser.add_argument("--as", dest="speaker", help="who you speak as by default (default: from app.yaml)")
    parser.add_argument("--now", help="start the sandbox clock here, e.g. 2026-03-26T17:30 (local to --tz)")
    parser.add_argument("--tz", help="time zone for --now and for new people, e.g. Europe/Berlin")
    parser.add_argument("--workspace", help="console workspace name (default: from app.yaml)")
    parser.add_argument("--json", action="store_true", help="one JSON object per bot message")


def sandbox_clock(now: str | None, tz: str) -> SandboxClock:
    """Fixed at --now (wall time in `tz` unless it carries an offset), else real time."""
    if not now:
        return SandboxClock()
    try:
        start = datetime.fromisoformat(now)
    except ValueError:
        raise InvalidInput(f"--now takes an ISO date and time, e.g. 2026-03-26T17:30 (not {now[:40]!r}).") from None
    if start.tzinfo is None:
        start = start.replace(tzinfo=ZoneInfo(tz))
    return SandboxClock(start)


def run(args: argparse.Namespace, config: Config) -> int:
    try:
        tz = zone_name(args.tz) if args.tz else config.defaults.timezone
        clock = sandbox_clock(args.now, tz)
    except InvalidInput as error:
        print(f"tandem console: {error.user_message}", file=sys.stderr)
        return 2
    config = replace(config, defaults=replace(config.defaults, timezone=tz)) if args.tz else config
    tandem = build(config, clock)
    emit = _printer(args.json)
    room = make_room(tandem, clock, emit, args.workspace or config.console.workspace,
                     args.speaker or config.console.default_speaker, tz)
    interactive = sys.stdin.isatty()
    if interactive:
        print("Tandem console. Type /task help, or :help for console commands. Ctrl-D quits.")
    try:
        for line in _lines(interactive, room):
            if not room.handle(line):
                break
    finally:
        tandem.close()
    return 0


def make_room(tandem: Tandem, clock: SandboxClock, emit: Callable[[BotMessage], None], workspace: str,
              speaker: str, tz: str) -> ConsoleRoom:
    """A room wired to the real bus and deliverer; `:advance` moves the clock and delivers."""
    sender = ConsoleSender(emit)
    deliverer = tandem.deliverer({"console": sender})
    return ConsoleRoom(tandem.bus, workspace, speaker, emit, deliverer.run_once,
                       Sandbox(clock, tandem.scheduler, tz), sender)


def _printer(as_json: bool) -> Callable[[BotMessage], None]:
    def emit(message: BotMessage) -> None:
        print(message.as_json() if as_json else message.as_text(), flush=True)
    return emit


def _lines(interactive: bool, room: ConsoleRoom) -> Iterator[str]:
    if not interactive:
        yield from sys.stdin
        return
    while True:
        try:
            yield input(f"{room.speaker}> ")
        except EOFError:
            return
