"""Discord DMs with the bot (plain words, /task), the server they act in, ✅ by the owner, and follow-through."""
from __future__ import annotations

from typing import Any

from bot.delivery.deliverer import Deliverer
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GENERAL, GUILD, THREAD
from tests.discord.flows import answer, buttons, settings, shown, task, until
from tests.discord.test_negotiation import request_to_bob
from tests.fakediscord import FakeDiscord

Json = dict[str, Any]
OTHER_GUILD, OTHER_CHANNEL = "900000000000000002", "900000000000000200"


def dm(fake: FakeDiscord, user: str, text: str, seen: int) -> Json:
    """`user` writes to the bot in their DM; returns the bot's next answer there."""
    fake.post_message(None, None, user, text)
    bot = fake.bot_user_id
    return until(lambda: (lambda mine: mine[seen] if len(mine) > seen else None)(
        [m for m in fake.dms(user) if m["author"]["id"] == bot]), what="an answer in the DM")


def test_a_dm_acts_in_the_server_last_used_and_answers_a_request(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                                 deliverer: Deliverer) -> None:
    request_to_bob(fake_discord, deliverer)
    seen = len([m for m in fake_discord.dms(BOB) if m["author"]["id"] == fake_discord.bot_user_id])
    plate = dm(fake_discord, BOB, "what's on my plate?", seen)
    assert "T-1 send the Q3 report" in shown(plate)
    accepted = dm(fake_discord, BOB, "yes", seen + 1)
    assert shown(accepted).startswith("You committed to T-1 send the Q3 report")


def test_a_dm_from_someone_in_two_servers_asks_once_which_one(discord_bot: RunningBot,
                                                              fake_discord: FakeDiscord) -> None:
    fake_discord.add_guild(OTHER_GUILD, "Globex")
    fake_discord.add_channel(OTHER_GUILD, OTHER_CHANNEL, "general")
    for user, name in ((ALICE, "alice"), (BOB, "bob")):
        fake_discord.add_member(OTHER_GUILD, user, name, name.title())
    until(lambda: discord_bot.bot.get_guild(int(OTHER_GUILD)), what="the second server")
    answer(task(fake_discord, BOB, "add", text=f"<@{ALICE}> review the deck by friday"))
    other = [{"type": 1, "name": "add", "options": [{"type": 3, "name": "text",
                                                      "value": f"<@{ALICE}> book the offsite by friday"}]}]
    answer(fake_discord.slash(OTHER_GUILD, OTHER_CHANNEL, BOB, "task", other))
    asked = dm(fake_discord, ALICE, "what's on my plate?", 0)
    assert "Which one should your DMs act in?" in shown(asked)
    assert set(buttons(asked)) == {"Acme", "Globex"}
    fake_discord.click(asked, buttons(asked)["Globex"], ALICE).wait_response()
    # the button runs /task list mine there: its list takes the question's place
    fake_discord.wait_for_message(lambda m: m["id"] == asked["id"] and "T-1 book the offsite" in shown(m))
    plate = dm(fake_discord, ALICE, "what's on my plate?", 1)
    assert "T-1 book the offsite" in shown(plate) and "review the deck" not in shown(plate)


def test_task_commands_work_in_the_bots_dm(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    answer(task(fake_discord, ALICE, "add", text="water the plants by friday"))
    got = answer(fake_discord.slash(None, None, ALICE, "task", [{"type": 1, "name": "list"}]))
    assert "T-1 water the plants" in shown(got)


def test_a_tick_by_the_owner_marks_done_with_undo_and_anyone_elses_is_ignored(
        discord_bot: RunningBot, fake_discord: FakeDiscord, deliverer: Deliverer) -> None:
    request = request_to_bob(fake_discord, deliverer)
    dm_channel = fake_discord.dm_channel_of(BOB)
    fake_discord.react(GUILD, GENERAL, request["id"], ALICE)  # not even this message's channel: nothing
    fake_discord.react(None, dm_channel, request["id"], BOB, emoji="🎉")
    fake_discord.react(None, dm_channel, request["id"], BOB)
    done = until(lambda: [m for m in fake_discord.dms(BOB) if shown(m).startswith("Done: T-1")], what="done")
    assert buttons(done[0]).get("Undo", "").endswith(":reopen T-1")
    assert not [m for m in fake_discord.dms(ALICE) if shown(m).startswith("Done")]


def test_an_answer_is_told_in_the_thread_the_request_came_from(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                              deliverer: Deliverer) -> None:
    request = request_to_bob(fake_discord, deliverer)
    fake_discord.click(request, buttons(request)["Accept"], BOB).wait_response()
    bot = fake_discord.bot_user_id
    line = until(lambda: (deliverer.run_once(), [m for m in fake_discord.messages(THREAD) if m["author"]["id"] == bot
                                                 and "accepted T-1" in shown(m)])[1], what="a line in the thread")
    assert shown(line[0]).startswith("@bob accepted T-1 send the Q3 report, due ")
    assert line[0].get("message_reference", {}).get("channel_id") == THREAD
    card = [m for m in fake_discord.messages(THREAD) if m["author"]["id"] == bot]  # the first: the request's card
    until(lambda: "State: committed" in shown(fake_discord.message(card[0]["id"]) or {}), what="the card edited")


def test_thread_updates_is_a_setting_only_admins_change(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    refused = answer(settings(fake_discord, BOB, "thread-updates", on="off"))
    assert "Only a workspace admin" in shown(refused)


def test_a_dm_acts_in_the_server_where_tandem_was_used_last(discord_bot: RunningBot,
                                                           fake_discord: FakeDiscord) -> None:
    fake_discord.add_guild(OTHER_GUILD, "Globex")
    fake_discord.add_channel(OTHER_GUILD, OTHER_CHANNEL, "general")
    fake_discord.add_member(OTHER_GUILD, ALICE, "alice", "Alice")
    until(lambda: discord_bot.bot.get_guild(int(OTHER_GUILD)), what="the second server")
    answer(task(fake_discord, ALICE, "add", text="water the plants by friday"))
    other = [{"type": 1, "name": "add", "options": [{"type": 3, "name": "text", "value": "book the offsite"}]}]
    answer(fake_discord.slash(OTHER_GUILD, OTHER_CHANNEL, ALICE, "task", other))
    assert "book the offsite" in shown(dm(fake_discord, ALICE, "my tasks", 0))
    answer(task(fake_discord, ALICE, "list"))
    assert "water the plants" in shown(dm(fake_discord, ALICE, "my tasks", 1))
