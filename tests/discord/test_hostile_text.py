"""Property, end to end through discord.py: hostile text in every echoed field pings no one and links nowhere."""
from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot.delivery.deliverer import Deliverer
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import BOB, GUILD, THREAD
from tests.discord.flows import answer, buttons, click, task, until
from tests.fakediscord import FakeDiscord
from tests.hostile import WORDLESS, discord_problems, hostile_text

PEOPLE = itertools.count(1)
ECHOED = st.fixed_dictionaries({
    "title": hostile_text(), "note": hostile_text(), "comment": hostile_text(), "reason": hostile_text(),
    "display": hostile_text(max_size=2), "project": st.sampled_from(WORDLESS), "goal": hostile_text(max_size=2),
})


def everything_sent(fake: FakeDiscord) -> list[Any]:
    """The JSON body of every request the bot made: messages, edits, interaction answers and follow-ups."""
    return [r.body for r in fake.requests if r.body is not None]


@settings(max_examples=5, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(echoed=ECHOED)
def test_hostile_titles_notes_comments_reasons_names_and_projects_reach_discord_defused(
        echoed: dict[str, str], discord_bot: RunningBot, fake_discord: FakeDiscord, deliverer: Deliverer,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    n = next(PEOPLE)
    user = f"9000000000000{2000 + n}"
    fake_discord.add_member(GUILD, user, f"h{n}{echoed['project']}", echoed["display"])  # hostile handle and name
    fake_discord.close_dms(BOB)  # Bob's notices fall back to a mention in the channel: the one ping allowed
    answer(task(fake_discord, user, "add", text=f'<@{BOB}> "{echoed["title"]}" #{echoed["project"]}'))
    answer(task(fake_discord, user, "goal", action="new", name=echoed["goal"]))
    ref = f"T-{latest_task(uow_factory)}"
    answer(task(fake_discord, user, "edit", task=ref, field="notes", value=echoed["note"]))
    answer(task(fake_discord, BOB, "comment", task=ref, text=echoed["comment"]))
    answer(task(fake_discord, BOB, "decline", task=ref, reason=echoed["reason"]))
    bot = fake_discord.bot_user_id
    before = len(said_by(fake_discord, bot))
    fake_discord.post_message(GUILD, THREAD, user, f"<@{bot}> can <@{BOB}> {echoed['title']} by friday",
                              mentions=[bot, BOB])
    card = until(lambda: said_by(fake_discord, bot)[before:], what="the draft card")[0]
    if "Create" in buttons(card):
        click(fake_discord, card, "Create", user).wait_response()
    while deliverer.run_once():
        pass

    assert list(discord_problems(everything_sent(fake_discord), frozenset({BOB}))) == []


def said_by(fake: FakeDiscord, author: str) -> list[Any]:
    return [m for m in fake.messages(THREAD) if m["author"]["id"] == author]


def latest_task(uow_factory: SqlUnitOfWorkFactory) -> int:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("discord", GUILD)
        number = 0
        while workspace is not None and uow.tasks.get(workspace.id or 0, number + 1) is not None:
            number += 1
        return number
