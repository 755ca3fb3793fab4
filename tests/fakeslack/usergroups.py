"""The fake's user groups: usergroups.users.list as Slack answers it (no paging; no_such_subteam for unknown ids)."""
from __future__ import annotations

from typing import Any

from aiohttp import web

Args = dict[str, Any]


class Usergroups:
    """User groups (S…) with their handles and members, as an admin set them up in Slack."""

    def __init__(self) -> None:
        self.groups: dict[str, dict[str, Any]] = {}
        self.listed = 0

    def methods(self) -> dict[str, Any]:
        return {"usergroups.users.list": self.users_list}

    def add(self, group: str, handle: str, users: tuple[str, ...]) -> None:
        self.groups[group] = {"id": group, "handle": handle, "users": list(users)}

    def users_list(self, team: str, args: Args) -> web.Response:
        found = self.groups.get(str(args.get("usergroup") or ""))
        if found is None:
            return web.json_response({"ok": False, "error": "no_such_subteam"})
        self.listed += 1
        return web.json_response({"ok": True, "users": list(found["users"])})
