"""Deliverers on one database with different platforms: each takes only its own platform's notices."""
from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import Engine

from adapters.console.render import BotMessage
from adapters.console.sender import ConsoleSender
from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from core.outbox import OutboxEntry
from core.people import Person, Workspace
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import Seeded, accept_notice, enqueue, outbox_states


class RecordingSender:
    """Records which entries it was given, for one platform."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.sent: Counter[str] = Counter()
        self._lock = threading.Lock()

    def send(self, entry: OutboxEntry, workspace: Workspace, recipient: Person | None) -> None:
        assert workspace.platform == self.platform
        with self._lock:
            self.sent[entry.dedupe_key] += 1


def discord_person(uow_factory: SqlUnitOfWorkFactory) -> tuple[int, Person]:
    with uow_factory() as uow:
        guild = uow.workspaces.add(Workspace(platform="discord", external_id="930000000000000001", name="Acme"))
        assert guild.id is not None
        bob = uow.people.add(Person(workspace_id=guild.id, display_name="bob", handle="bob"))
        uow.people.link_identity(bob, "discord", "930000000000001002")
        uow.commit()
    return guild.id, bob


def test_a_process_never_takes_or_fails_a_notice_for_a_platform_it_does_not_serve(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, clock: FixedClock
) -> None:
    guild_id, bob = discord_person(uow_factory)
    slack_people = list(seeded.people.values())
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(p, f"slack:{p.id}") for p in slack_people])
    enqueue(uow_factory, guild_id, [accept_notice(bob, "discord:bob")])
    printed: list[BotMessage] = []

    console = Deliverer(uow_factory, {"console": ConsoleSender(printed.append)}, clock, "console-process")
    assert console.run_batch().claimed == 0
    assert printed == []
    untouched = {key: (row.state, row.attempts, row.claimed_by) for key, row in outbox_states(engine).items()}
    keys = [*(f"slack:{p.id}" for p in slack_people), "discord:bob"]
    assert untouched == dict.fromkeys(keys, ("pending", 0, None))

    slack, discord = RecordingSender("slack"), RecordingSender("discord")
    slack_only = Deliverer(uow_factory, {"slack": slack}, clock, "slack-process")
    assert slack_only.run_batch().claimed == len(slack_people)
    row = outbox_states(engine)["discord:bob"]
    assert (row.state, row.attempts, row.last_error, row.claimed_by) == ("pending", 0, None, None)

    discord_only = Deliverer(uow_factory, {"discord": discord}, clock, "discord-process")
    assert discord_only.run_once() == 1
    assert slack.sent == Counter({f"slack:{p.id}": 1 for p in slack_people})
    assert discord.sent == Counter({"discord:bob": 1})
    assert {row.state for row in outbox_states(engine).values()} == {"sent"}


def test_two_deliverers_with_different_platforms_draining_together_each_send_only_their_own(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, clock: FixedClock
) -> None:
    guild_id, bob = discord_person(uow_factory)
    slack_people = list(seeded.people.values())
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(slack_people[i % 4], f"s:{i}") for i in range(60)])
    enqueue(uow_factory, guild_id, [accept_notice(bob, f"d:{i}") for i in range(60)])
    senders = {"slack": RecordingSender("slack"), "discord": RecordingSender("discord")}
    workers = [Deliverer(uow_factory, {name: sender}, clock, name, batch=7) for name, sender in senders.items()]

    def drain(worker: Deliverer) -> None:
        while worker.run_batch().claimed:
            pass

    threads = [threading.Thread(target=drain, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert senders["slack"].sent == Counter({f"s:{i}": 1 for i in range(60)})
    assert senders["discord"].sent == Counter({f"d:{i}": 1 for i in range(60)})
    assert {row.state for row in outbox_states(engine).values()} == {"sent"}
