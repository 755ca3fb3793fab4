"""A real discord.py client (and an AutoShardedClient) against FakeDiscord: login, gateway, commands, components."""
from __future__ import annotations

import asyncio
import json
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import discord
import pytest
from aiohttp import ClientSession, WSMsgType
from discord import app_commands

from tests.fakediscord import FakeDiscord, running_fake_discord
from tests.fakediscord.botthread import running_bot

GUILD = str(100 << 22)  # shard 0 of 2
OTHER_GUILD = str(101 << 22)  # shard 1 of 2
GENERAL, THREAD = "300000000000000001", "300000000000000002"
ALICE, BOB = "200000000000000001", "200000000000000002"
ROLE = "400000000000000001"


@pytest.fixture
def fake() -> Iterator[FakeDiscord]:
    with running_fake_discord() as fake:
        fake.add_guild(GUILD, "Tandem HQ", roles={ROLE: "organisers"})
        fake.add_channel(GUILD, GENERAL, "general")
        fake.add_channel(GUILD, THREAD, "planning", type=11, parent_id=GENERAL)
        fake.add_member(GUILD, ALICE, "alice", "Alice", roles=[ROLE])
        fake.add_member(GUILD, BOB, "bob")
        yield fake


def client() -> discord.Client:
    return discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.1)


class Accept(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=r"tandem:accept:(?P<id>\d+)"):
    def __init__(self, proposal: int) -> None:
        super().__init__(discord.ui.Button(label="Accept", custom_id=f"tandem:accept:{proposal}"))
        self.proposal = proposal

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> Accept:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.edit_message(content=f"accepted {self.proposal} by {interaction.user.name}")


class Feedback(discord.ui.Modal, title="Feedback"):
    note: discord.ui.TextInput[Feedback] = discord.ui.TextInput(label="Note", custom_id="note")

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message(f"thanks: {self.note.value}", ephemeral=True)
        self.sent.set()

    sent = threading.Event()


class Bot(discord.Client):
    """A small bot with a /task group, /feedback (modal), /slow (answers late) and a dynamic Accept button."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.1, **kwargs)
        self.tree = app_commands.CommandTree(self)
        self.errors: list[BaseException] = []
        self.done = threading.Event()
        task = app_commands.Group(name="task", description="Tasks")

        @task.command(name="add", description="Add a task")
        async def add(interaction: discord.Interaction[Any], text: str) -> None:
            await interaction.response.defer()
            await interaction.followup.send(f"added {text!r} for {interaction.user.name}")

        @add.autocomplete("text")
        async def suggest(_interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=f"{current} tomorrow", value=f"{current} tomorrow")]

        @app_commands.command(name="feedback", description="Send feedback")
        async def feedback(interaction: discord.Interaction[Any]) -> None:
            await interaction.response.send_modal(Feedback())

        @app_commands.command(name="slow", description="Answers too late")
        async def slow(interaction: discord.Interaction[Any]) -> None:
            await asyncio.sleep(0.5)
            try:
                await interaction.response.send_message("too late")
            except discord.HTTPException as error:
                self.errors.append(error)
            self.done.set()

        commands: tuple[app_commands.Group | app_commands.Command[Any, Any, Any], ...] = (task, feedback, slow)
        for command in commands:
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(Accept)
        await self.tree.sync()


def test_login_ready_and_guild_create(fake: FakeDiscord) -> None:
    with running_bot(fake, client) as (bot, _thread):
        guild = bot.get_guild(int(GUILD))
        assert guild is not None and guild.name == "Tandem HQ"
        assert bot.user is not None and str(bot.user.id) == fake.bot_user_id
        assert guild.get_channel(int(GENERAL)).name == "general"  # type: ignore[union-attr]
        thread = guild.get_thread(int(THREAD))
        assert thread is not None and thread.parent_id == int(GENERAL)
        assert guild.default_role.id == int(GUILD) and guild.get_role(int(ROLE)).name == "organisers"  # type: ignore[union-attr]
        assert guild.me is not None
    paths = [(r.method, r.path) for r in fake.requests]
    assert ("GET", "/users/@me") in paths and ("GET", "/oauth2/applications/@me") in paths


def test_slash_command_defer_then_followup(fake: FakeDiscord) -> None:
    with running_bot(fake, Bot):
        assert [c["name"] for c in fake.commands()] == ["task", "feedback", "slow"]
        options = [{"type": 1, "name": "add", "options": [{"type": 3, "name": "text", "value": "buy milk"}]}]
        it = fake.slash(GUILD, GENERAL, ALICE, "task", options)
        assert it.payload["data"]["id"] == fake.commands()[0]["id"]
        followup = it.wait_followup()
        assert it.responses[0][0] == 5  # deferred
        assert followup["content"] == "added 'buy milk' for alice"
        assert it.original is not None and it.original["content"] == followup["content"]  # fills the "thinking" reply
        assert it.latency is not None and it.latency < 1.0
        assert fake.wait_for_message(lambda m: m["content"].startswith("added"))["channel_id"] == GENERAL

        gym = [{"type": 1, "name": "add", "options": [{"type": 3, "name": "text", "value": "gym"}]}]
        typed = fake.autocomplete(GUILD, GENERAL, ALICE, "task", gym, focused="text")
        typed.wait()
        assert typed.choices == [{"name": "gym tomorrow", "value": "gym tomorrow"}]

        dm = fake.slash(None, None, BOB, "task", [{"type": 1, "name": "add",
                                                    "options": [{"type": 3, "name": "text", "value": "nap"}]}])
        assert "member" not in dm.payload and dm.payload["user"]["id"] == BOB
        assert dm.wait_followup()["content"] == "added 'nap' for bob"


def test_button_click_reaches_dynamic_item(fake: FakeDiscord) -> None:
    with running_bot(fake, Bot) as (bot, thread):
        async def post() -> int:
            channel = bot.get_channel(int(GENERAL))
            assert isinstance(channel, discord.TextChannel)
            view = discord.ui.View(timeout=None)
            view.add_item(Accept(42))
            return (await channel.send("proposal 42", view=view)).id

        message = fake.message(str(thread.call(post())))
        assert message is not None and message["author"]["id"] == fake.bot_user_id
        click = fake.click(message, "tandem:accept:42", BOB)
        assert click.wait_response()[0] == 7
        edited = fake.wait_for_message(lambda m: m["id"] == message["id"] and m["edited_timestamp"] is not None)
        assert edited["content"] == "accepted 42 by bob"
        assert fake.messages(GENERAL)[-1]["content"] == "accepted 42 by bob"


def test_modal_round_trip(fake: FakeDiscord) -> None:
    with running_bot(fake, Bot):
        opened = fake.slash(GUILD, GENERAL, ALICE, "feedback", [])
        assert opened.wait_response()[0] == 9
        submitted = fake.submit_modal_for(opened, {"note": "lovely"})
        kind, data = submitted.wait_response()
        assert (kind, data["content"], data["flags"] & 64) == (4, "thanks: lovely", 64)
        assert Feedback.sent.wait(5)
        assert submitted.original is not None and all(m["content"] != "thanks: lovely" for m in fake.messages(GENERAL))


def test_429_with_via_is_retried_once(fake: FakeDiscord) -> None:
    # The fake never sends a 429 without `Via`: discord.py takes that for a Cloudflare ban and raises at once.
    fake.rate_limit("POST", r"^/channels/\d+/messages$", times=1, retry_after=0.3)
    with running_bot(fake, client) as (bot, thread):
        async def send() -> None:
            channel = bot.get_channel(int(GENERAL))
            assert isinstance(channel, discord.TextChannel)
            await channel.send("hello after a 429")

        thread.call(send())
    assert [m["content"] for m in fake.messages(GENERAL)] == ["hello after a 429"]
    statuses = [r.status for r in fake.requests if r.method == "POST" and r.path == f"/channels/{GENERAL}/messages"]
    assert statuses == [429, 200]


def test_closed_dms_raise_forbidden_50007(fake: FakeDiscord) -> None:
    fake.close_dms(BOB)
    with running_bot(fake, client) as (bot, thread):
        async def dm() -> discord.Forbidden:
            user = await bot.fetch_user(int(BOB))
            with pytest.raises(discord.Forbidden) as caught:
                await user.send("hello")
            return caught.value

        error = thread.call(dm())
    assert error.code == 50007 and error.status == 403
    assert fake.dm_channel_of(BOB) is not None and fake.dms(BOB) == []


def test_late_initial_response_is_unknown_interaction(fake: FakeDiscord) -> None:
    fake.interaction_ttl = 0.3
    with running_bot(fake, Bot) as (bot, _thread):
        it = fake.slash(GUILD, GENERAL, ALICE, "slow", [])
        assert bot.done.wait(5)
        assert it.ack_deadline_missed and it.responses == []
        [error] = bot.errors
        assert isinstance(error, discord.NotFound) and error.code == 10062


def test_auto_sharded_client_gets_each_guild_on_its_shard(fake: FakeDiscord) -> None:
    fake.add_guild(OTHER_GUILD, "Elsewhere")

    class Sharded(discord.AutoShardedClient):
        async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
            """discord.py waits 5 s between shard IDENTIFYs by default (max_concurrency 1); not needed here."""

    def sharded() -> discord.AutoShardedClient:
        return Sharded(intents=discord.Intents.default(), guild_ready_timeout=0.1, shard_count=2)

    with running_bot(fake, sharded) as (bot, _thread):
        assert bot.get_guild(int(GUILD)).shard_id == 0  # type: ignore[union-attr]
        assert bot.get_guild(int(OTHER_GUILD)).shard_id == 1  # type: ignore[union-attr]
        assert fake.connections == 2


def test_raw_http_contract(fake: FakeDiscord) -> None:
    def get(path: str, token: str | None) -> tuple[int, dict[str, str], Any]:
        auth = {"Authorization": f"Bot {token}"} if token else {}
        request = urllib.request.Request(fake.api_url + path, headers=auth)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, dict(response.headers), json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), json.loads(error.read())

    assert get("/users/@me", None)[0::2] == (401, {"message": "401: Unauthorized", "code": 0})
    status, headers, body = get("/users/@me", fake.token)
    assert status == 200 and headers["Content-Type"] == "application/json" and body["bot"] is True
    fake.rate_limit("GET", r"^/users/@me$", retry_after=0.25, global_=True)
    status, headers, body = get("/users/@me", fake.token)
    assert status == 429 and headers["Via"] == "1.1 google" and headers["Retry-After"] == "1"
    assert headers["X-RateLimit-Global"] == "true" and body["retry_after"] == 0.25 and body["global"] is True
    assert get("/channels/1/messages/2", fake.token)[0::2] == (404, {"message": "Unknown Channel", "code": 10003})


def test_message_command_and_mention(fake: FakeDiscord) -> None:
    seen: list[str] = []

    def factory() -> discord.Client:
        bot = client()
        tree = app_commands.CommandTree(bot)

        @tree.context_menu(name="Remember", guild=discord.Object(int(GUILD)))
        async def remember(interaction: discord.Interaction[Any], message: discord.Message) -> None:
            await interaction.response.send_message(f"remembered {message.content!r}")

        @bot.event
        async def on_message(message: discord.Message) -> None:
            seen.append(message.content)

        async def setup_hook() -> None:
            await tree.sync(guild=discord.Object(int(GUILD)))

        bot.setup_hook = setup_hook  # type: ignore[method-assign]
        return bot

    with running_bot(fake, factory):
        assert [c["name"] for c in fake.commands(GUILD)] == ["Remember"]
        mention = fake.post_message(GUILD, GENERAL, ALICE, f"<@{fake.bot_user_id}> standup at 9", [fake.bot_user_id])
        quiet = fake.post_message(GUILD, GENERAL, BOB, "lunch?")
        it = fake.message_command(GUILD, GENERAL, BOB, "Remember", mention)
        assert it.payload["data"]["guild_id"] == GUILD and it.payload["data"]["target_id"] == mention["id"]
        assert it.wait_response()[1]["content"] == f"remembered '<@{fake.bot_user_id}> standup at 9'"
        assert quiet["content"] == "lunch?"
    assert seen[:2] == [f"<@{fake.bot_user_id}> standup at 9", ""]  # no message content intent: empty content


def test_gateway_handshake_heartbeat_resume_and_bad_token(fake: FakeDiscord) -> None:
    async def scenario() -> None:
        async with ClientSession() as session:
            async with session.ws_connect(fake.gateway_url + "?v=10&encoding=json&compress=zlib-stream") as ws:
                assert (await ws.receive_json())["d"]["heartbeat_interval"] == 41250
                await ws.send_json({"op": 2, "d": {"token": "wrong", "intents": 1}})
                closed = await ws.receive()
                assert closed.type == WSMsgType.CLOSE and closed.data == 4004
            async with session.ws_connect(fake.gateway_url) as ws:
                await ws.receive_json()
                await ws.send_json({"op": 2, "d": {"token": fake.token, "intents": 1}})
                ready = await ws.receive_json()
                assert ready["t"] == "READY" and ready["s"] == 1
                assert ready["d"]["guilds"] == [{"id": GUILD, "unavailable": True}]
                assert (await ws.receive_json())["t"] == "GUILD_CREATE"
                await ws.send_json({"op": 1, "d": 2})
                assert (await ws.receive_json())["op"] == 11
                session_id = ready["d"]["session_id"]
            await asyncio.sleep(0.05)
            async with session.ws_connect(ready["d"]["resume_gateway_url"]) as ws:
                await ws.receive_json()
                await ws.send_json({"op": 6, "d": {"token": fake.token, "session_id": session_id, "seq": 2}})
                resumed = await ws.receive_json()
                assert (resumed["t"], resumed["s"]) == ("RESUMED", 3)

    asyncio.run(scenario())


def test_two_clients_at_once_and_seeding_after_connect(fake: FakeDiscord) -> None:
    with running_bot(fake, client) as (first, one), running_bot(fake, client) as (second, two):
        assert fake.connections == 2
        fake.add_channel(GUILD, "300000000000000009", "late")

        async def seen_by(bot: discord.Client) -> str:
            """The CHANNEL_CREATE dispatch reaches each client in its own time: wait for it, however busy."""
            deadline = asyncio.get_running_loop().time() + 30
            while (channel := bot.get_channel(300000000000000009)) is None:
                assert asyncio.get_running_loop().time() < deadline, "the new channel never reached the client"
                await asyncio.sleep(0.01)
            return str(channel)

        assert two.call(seen_by(second), timeout=40) == "late"
        assert one.call(seen_by(first), timeout=40) == "late"
