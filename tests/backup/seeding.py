"""A workspace with a bit of everything, made through the console the way people would."""
from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from bot.backup.export import export
from core.outbox import OutboxEntry
from storage.uow import SqlUnitOfWorkFactory
from tests.harness import ChatHarness

THURSDAY_EVENING = datetime(2026, 3, 26, 17, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def seed(engine: Engine, workspace: str = "acme") -> ChatHarness:
    """People with settings, a goal, a project, asks with negotiation, subtasks, comments, watchers, recurrence,
    a pending draft and unsent notices."""
    chat = ChatHarness(SqlUnitOfWorkFactory(engine), THURSDAY_EVENING, workspace=workspace)
    for line in (
        "@alice: hello", "@bob: hello", "@carol: hello",
        "@bob: /task digest at 08:30 mon-thu", "@bob: /task settings holidays DE",
        "@carol: /task away until 2026-04-03",
        "@alice: /task goal new grow-revenue", "@alice: /task project new launch grow-revenue",
        "@alice: /task add @bob draft the budget by April 8",
        "@bob: /task accept T-1",
        "@alice: /task add book the venue by friday",
        "@alice: /task edit T-2 parent T-1",
        "@bob: /task comment T-1 Started on the numbers",
        "@carol: /task watch T-1",
        "@alice: /task add @bob take out the bins every monday",
        "@alice: /task add @carol write the press release by monday",
        "@carol: /task decline T-4 not my area",
    ):
        chat.say(line)
    chat.say("@alice: @tandem @bob fix the login page by monday")  # a draft waiting for confirmation
    _hold_a_notice(chat)
    return chat


def _hold_a_notice(chat: ChatHarness) -> None:
    """One notice still waiting in the outbox (held until Monday morning), next to the ones already sent."""
    now = chat.clock.now()
    with chat.uow_factory() as uow:
        workspace = uow.workspaces.by_external("console", chat.workspace)
        assert workspace is not None and workspace.id is not None
        uow.outbox.add(OutboxEntry(workspace.id, "digest", {"text": "held"}, f"held:{chat.workspace}", now,
                                   now + timedelta(days=4), conversation="general"))
        uow.commit()


def exported(engine: Engine, workspace: str | None = None, with_secrets: bool = False) -> list[dict[str, object]]:
    """The export's rows (without its header line), parsed."""
    out = io.StringIO()
    export(engine, out, workspace, with_secrets)
    return [json.loads(line) for line in out.getvalue().splitlines()[1:]]


def as_file(engine: Engine, workspace: str | None = None, with_secrets: bool = False) -> io.StringIO:
    out = io.StringIO()
    export(engine, out, workspace, with_secrets)
    out.seek(0)
    return out
