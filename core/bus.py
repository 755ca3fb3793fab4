"""The message bus: runs each command in one unit of work and stores its notices in the same transaction."""
from __future__ import annotations

from core.clock import Clock
from core.commands import Command, Speaker
from core.handlers.context import Context
from core.handlers.registry import HANDLERS
from core.identity import Identity, person_for, workspace_for
from core.outbox import OutboxEntry
from core.outcome import Notice, Outcome, Reply
from core.ports import UnitOfWorkFactory


class Bus:
    """The one way into the core for every adapter."""

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, default_tz: str = "UTC") -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self.default_tz = default_tz

    def execute(self, command: Command, speaker: Speaker) -> Outcome:
        """Run `command` for `speaker`. Domain errors propagate with nothing written."""
        handler = HANDLERS.get(type(command))
        if handler is None:
            raise TypeError(f"no handler for {type(command).__name__}")
        with self.uow_factory() as uow:
            ctx = Context.load(uow, self.clock, speaker)
            result = handler(command, ctx)
            for notice in ctx.notices:
                uow.outbox.add(_entry(notice, speaker.workspace_id, ctx))
            uow.commit()
        reply = Reply(result) if isinstance(result, str) else result
        return Outcome(reply, ctx.notices)

    def identify(self, who: Identity, conversation: str | None = None, message: str | None = None,
                 link: str | None = None) -> Speaker:
        """The speaker behind a platform identity, creating workspace and person on first sight."""
        with self.uow_factory() as uow:
            workspace = workspace_for(uow, who, self.default_tz)
            person = person_for(uow, workspace, who)
            uow.commit()
        return Speaker(workspace.id or 0, person.id or 0, conversation, message, link)


def _entry(notice: Notice, workspace_id: int, ctx: Context) -> OutboxEntry:
    return OutboxEntry(
        workspace_id=workspace_id, kind=notice.kind, payload=notice.payload(),
        dedupe_key=notice.dedupe_key or f"{notice.kind}:{notice.recipient_id}:{ctx.now.isoformat()}",
        created_at=ctx.now, not_before=ctx.now, recipient_id=notice.recipient_id,
        conversation=notice.conversation, task_id=notice.task_id,
    )
