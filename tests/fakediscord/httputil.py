"""JSON answers exactly as Discord sends them (Content-Type application/json), its error shape, and body parsing."""
from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from tests.fakediscord.ids import snowflake

Json = dict[str, Any]


class ApiError(Exception):
    """A Discord error answer: HTTP status plus JSON {"message", "code"}."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """Bytes body, so aiohttp adds no charset: discord.py parses JSON only if Content-Type is exactly that."""
    return web.Response(status=status, body=json.dumps(body).encode(), content_type="application/json",
                        headers=headers)


def no_content() -> web.Response:
    return web.Response(status=204)


async def read_body(request: web.Request) -> Any:
    """The request's JSON; for multipart/form-data, `payload_json` plus an attachment per uploaded file."""
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        raw = form.get("payload_json")
        body: Json = json.loads(raw) if isinstance(raw, str) else {}
        uploads = [(name, value) for name, value in form.items() if isinstance(value, web.FileField)]
        if uploads:
            attachments: list[Json] = []
            for _name, upload in uploads:
                data = upload.file.read()
                size = len(data)
                attachments.append({
                    "signature": data[:8].hex(),  # only the fake adds this: lets tests see what was sent
                    "id": snowflake(), "filename": upload.filename, "size": size,
                    "url": f"https://cdn.example.invalid/attachments/{upload.filename}",
                    "proxy_url": f"https://media.example.invalid/attachments/{upload.filename}",
                    "content_type": upload.content_type,
                })
            body["attachments"] = attachments
        return body
    text = await request.text()
    if not text:
        return {}
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ApiError(400, 50109, "The request body contains invalid JSON.") from error
