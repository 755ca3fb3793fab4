"""`tandem calendar --workspace W --person NAME`: print that person's calendar feed, exactly as served."""
from __future__ import annotations

import argparse
import sys

from bot.calendar.feed import feed_for
from bot.config import Config
from core.clock import SystemClock
from storage.database import make_engine
from storage.dump import find_workspaces
from storage.uow import SqlUnitOfWorkFactory


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("calendar", help="print a person's calendar feed (iCalendar) to standard output")
    parser.add_argument("--workspace", required=True, help="the workspace (its name or platform id)")
    parser.add_argument("--person", required=True, help="the person (their handle or display name)")


def run(args: argparse.Namespace, config: Config) -> int:
    engine = make_engine(config.database.url)
    try:
        with engine.connect() as connection:
            workspaces = find_workspaces(connection, args.workspace)
        if len(workspaces) != 1:
            what = "No workspace is called" if not workspaces else "Several workspaces are called"
            print(f"{what} {args.workspace!r}. Give its name or its platform id (the Slack team id, the Discord "
                  "server id, or the console workspace name).", file=sys.stderr)
            return 2
        uow_factory = SqlUnitOfWorkFactory(engine)
        with uow_factory() as uow:
            people = uow.people.find(workspaces[0][0], args.person.lstrip("@"))
        exact = [p for p in people if p.handle.lower() == args.person.lstrip("@").lower()]
        found = exact if len(exact) == 1 else people
        if len(found) != 1 or found[0].id is None:
            what = "Nobody is called" if not found else "Several people are called"
            print(f"{what} {args.person!r} in {args.workspace!r}. Give their exact handle.", file=sys.stderr)
            return 2
        feed = feed_for(uow_factory, found[0].id, SystemClock().now(), config.web.base_url)
        sys.stdout.write((feed or b"").decode("utf-8"))
        return 0
    finally:
        engine.dispose()
