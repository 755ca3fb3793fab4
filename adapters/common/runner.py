"""Runs core commands for an async adapter: in worker threads (the bus is synchronous), inside one error policy."""
from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TypeVar

from adapters.common.errors import safely
from adapters.common.grammar import HelpRequest, parse_command
from adapters.common.help import help_text
from core.bus import Bus
from core.cards import ReplyCard
from core.commands import Checked, Command, Speaker, TaskCommand
from core.errors import DomainError
from core.i18n import speaking_to
from core.outcome import Reply

T = TypeVar("T")
log = logging.getLogger("tandem.cards")
BUS_THREADS = 2  # worker threads for the synchronous bus: SQLite serialises writers, more threads only contend


@dataclass(frozen=True)
class Answer:
    """A reply, and whether the command went through (False: the reply explains the error)."""

    reply: Reply
    ok: bool


@dataclass
class BusRunner:
    """Bus calls off the event loop, so a slow command never delays an acknowledgement."""

    bus: Bus
    threads: int = BUS_THREADS
    _executor: ThreadPoolExecutor | None = field(default=None, init=False, repr=False)

    async def in_thread(self, work: Callable[..., T], *args: object) -> T:
        """`work(*args)` in one of the bus's worker threads."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.threads, thread_name_prefix="tandem-bus")
        # The worker runs in a copy of this context, so it logs under the request being served.
        context = contextvars.copy_context()
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(context.run, work, *args))

    async def run_text(self, text: str, speaker: Speaker, version: str = "") -> Answer:
        """A `/task ...` line, parsed and run; errors become the reply (shown, or a reference id).
        With the `version` a button carried, a task that changed since is shown instead of acted on."""
        return await self.attempt(lambda: text, speaker, version)

    async def run(self, command: Command, speaker: Speaker) -> Answer:
        return await self.attempt(lambda: command, speaker)

    async def attempt(self, build: Callable[[], Command | str], speaker: Speaker, version: str = "") -> Answer:
        """Build the command (or command text) and run it in a worker thread, inside the one error policy."""
        finished: list[bool] = []

        def work() -> Reply:
            made = build()
            reply = self._parse_and_run(made, speaker, version) if isinstance(made, str) else self.bus.execute(
                checked(made, version), speaker).reply
            finished.append(True)
            return reply

        reply = await self.in_thread(in_language, speaker.lang, lambda: safely(work))
        return Answer(reply, bool(finished))

    def _parse_and_run(self, text: str, speaker: Speaker, version: str = "") -> Reply:
        try:
            command = parse_command(text)
        except DomainError:
            with speaking_to(self.bus.language_of(speaker)):  # people are cached: read their language afresh
                parse_command(text)  # the same refusal, in the language the person reads now
            raise
        if isinstance(command, HelpRequest):
            with speaking_to(self.bus.language_of(speaker)):
                return Reply(help_text(command.topic))

        return self.bus.execute(checked(command, version), speaker).reply

    async def remember_card(self, speaker: Speaker, reply: Reply, where: ReplyCard) -> None:
        """Best effort: remember the task card a direct reply showed (`where` names it by the reply's card), so a
        later change edits it while the platform allows. A reply without a task's card is not remembered."""
        card = reply.card
        if card is None or not card.ref or not where.handle:
            return
        try:
            await self.in_thread(self.bus.remember_reply_card, speaker, replace(where, ref=card.ref))
        except Exception:  # the reply was shown; only its later edit is lost
            log.warning("could not remember the card of %s shown as a reply", card.ref, exc_info=True)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)


def in_language(lang: str, work: Callable[[], T]) -> T:
    """`work()` with everything it says (replies, errors, help) in `lang`."""
    with speaking_to(lang):
        return work()


def checked(command: Command, version: str) -> Command:
    """A task command from a button that carried the task's version: run only while the task is unchanged."""
    return Checked(command, version) if version and isinstance(command, TaskCommand) else command
