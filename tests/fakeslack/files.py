"""The fake's file upload flow: files.getUploadURLExternal, the upload URL, files.completeUploadExternal."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakeslack.state import SlackState

Args = dict[str, Any]


@dataclass(frozen=True)
class Uploaded:
    """One completed upload, shared to a channel."""

    team: str
    channel: str
    filename: str
    title: str
    data: bytes
    initial_comment: str


class Files:
    """Hands out upload URLs on the fake itself, keeps the bytes, and shares them on completion."""

    def __init__(self, state: SlackState) -> None:
        self.state = state
        self.port = 0
        self.pending: dict[str, tuple[str, int, bytes | None]] = {}  # file id -> (filename, length, bytes)
        self.uploaded: list[Uploaded] = []

    def methods(self) -> dict[str, Any]:
        return {"files.getUploadURLExternal": self.get_upload_url,
                "files.completeUploadExternal": self.complete_upload}

    def get_upload_url(self, team: str, args: Args) -> web.Response:
        filename, length = str(args.get("filename") or ""), int(args.get("length") or 0)
        if not filename or length <= 0:
            return web.json_response({"ok": False, "error": "invalid_arguments"})
        with self.state.lock:
            file_id = f"F{len(self.pending) + 1:04d}"
            self.pending[file_id] = (filename, length, None)
        return web.json_response({"ok": True, "file_id": file_id,
                                  "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}"})

    async def upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["id"]
        data = await request.read()
        with self.state.lock:
            if file_id not in self.pending or len(data) != self.pending[file_id][1]:
                return web.Response(status=400, text="bad upload")
            filename, length, _ = self.pending[file_id]
            self.pending[file_id] = (filename, length, data)
        return web.Response(text=f"OK - {len(data)}")

    def complete_upload(self, team: str, args: Args) -> web.Response:
        files = json.loads(args.get("files") or "[]")
        channel = str(args.get("channel_id") or "")
        if not channel or not self.state.knows_channel(channel):
            return web.json_response({"ok": False, "error": "channel_not_found"})
        shared = []
        with self.state.lock:
            for item in files:
                filename, _, data = self.pending.get(item.get("id"), ("", 0, None))
                if data is None:
                    return web.json_response({"ok": False, "error": "file_not_found"})
                self.uploaded.append(Uploaded(team, channel, filename, str(item.get("title") or ""), data,
                                              str(args.get("initial_comment") or "")))
                shared.append({"id": item["id"], "title": item.get("title")})
        return web.json_response({"ok": True, "files": shared})
