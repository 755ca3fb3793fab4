"""The fake's conversations: conversations.info and paged conversations.members, and the membership events a
change makes Slack send (member_joined_channel, member_left_channel, channel_archive, group_archive, ...)."""
from __future__ import annotations

from typing import Any

from aiohttp import web

from tests.fakeslack.state import SlackState

Args = dict[str, Any]


class Conversations:
    """Channels as Slack describes them. A channel the bot is not in answers channel_not_found when private."""

    def __init__(self, state: SlackState) -> None:
        self.state = state

    def methods(self) -> dict[str, Any]:
        return {"conversations.info": self.info, "conversations.members": self.members}

    def add(self, channel: str, *, private: bool = False, im: bool = False, mpim: bool = False,
            members: tuple[str, ...] | None = None, bot_in: bool = True) -> None:
        """`members` None: everyone the fake knows (a public #general)."""
        with self.state.lock:
            self.state.channels.add(channel)
            self.state.conversations[channel] = {
                "id": channel, "is_private": private or im or mpim, "is_im": im, "is_mpim": mpim,
                "is_archived": False, "is_channel": not (private or im or mpim), "is_group": private}
            if members is not None:
                self.state.members[channel] = list(members)
            if not bot_in:
                self.state.bot_outside.add(channel)

    def change(self, channel: str, user: str, joined: bool) -> dict[str, Any]:
        """Move `user` in or out of `channel`; the event Slack would send about it."""
        with self.state.lock:
            present = self.state.members.setdefault(channel, [])
            if joined and user not in present:
                present.append(user)
            if not joined and user in present:
                present.remove(user)
        kind = "G" if self.state.conversations.get(channel, {}).get("is_private") else "C"
        return {"type": "member_joined_channel" if joined else "member_left_channel", "user": user,
                "channel": channel, "channel_type": kind, "team": "T1"}

    def archive(self, channel: str, archived: bool = True) -> dict[str, Any]:
        with self.state.lock:
            info = self.state.conversations[channel]
            info["is_archived"] = archived
        prefix = "group" if info["is_private"] else "channel"
        return {"type": f"{prefix}_{'archive' if archived else 'unarchive'}", "channel": channel, "user": "UALICE"}

    def info(self, team: str, args: Args) -> web.Response:
        channel = str(args.get("channel") or "")
        found = self.state.conversations.get(channel)
        if found is None and channel in self.state.channels:
            found = {"id": channel, "is_private": False, "is_im": False, "is_mpim": False, "is_archived": False}
        if found is None and self._dm_with(channel):  # as Slack: every person has a DM with the bot, "D…"
            found = {"id": channel, "is_private": True, "is_im": True, "is_mpim": False, "is_archived": False,
                     "user": self._dm_with(channel)}
        if found is None or (found["is_private"] and channel in self.state.bot_outside):
            return web.json_response({"ok": False, "error": "channel_not_found"})
        return web.json_response({"ok": True, "channel": found})

    def _dm_with(self, channel: str) -> str | None:
        """The person whose DM with the bot `channel` is (the fake names it "D" + their user id)."""
        user = channel.removeprefix("D")
        return user if channel.startswith("D") and user in self.state.users else None

    def members(self, team: str, args: Args) -> web.Response:
        channel = str(args.get("channel") or "")
        if (user := self._dm_with(channel)) is not None and channel not in self.state.channels:
            return web.json_response({"ok": True, "members": [user, "UTANDEM"],
                                      "response_metadata": {"next_cursor": ""}})
        if channel not in self.state.channels or channel in self.state.bot_outside:
            return web.json_response({"ok": False, "error": "channel_not_found"})
        everyone = self.state.members.get(channel, list(self.state.users))
        start, limit = int(args.get("cursor") or 0), int(args.get("limit") or 100)
        page, rest = everyone[start:start + limit], everyone[start + limit:]
        with self.state.lock:
            self.state.member_pages += 1
        return web.json_response({"ok": True, "members": page,
                                  "response_metadata": {"next_cursor": str(start + limit) if rest else ""}})
