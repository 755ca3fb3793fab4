"""A test double's aiohttp app on 127.0.0.1 (an ephemeral port), served by its own event loop in a thread."""
from __future__ import annotations

import asyncio
import threading
from typing import Self

from aiohttp import web


class LoopServer:
    """Subclasses build the app (`make_app`); tests stay synchronous and call `start` / `stop`."""

    thread_name = "fake-server"
    backlog = 128

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    def make_app(self) -> web.Application:
        raise NotImplementedError

    def serving(self) -> None:
        """Called on the server's loop once it listens on `port`."""

    def start(self) -> Self:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), name=self.thread_name, daemon=True)
        self._thread.start()
        if not ready.wait(10) or not self.port:
            raise RuntimeError(f"{self.thread_name} did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._loop = self._thread = None

    def _serve(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._start_site())
            self._loop = loop
        finally:
            ready.set()
        try:
            loop.run_forever()
        finally:
            if self._runner is not None:
                loop.run_until_complete(self._runner.cleanup())
            loop.close()

    async def _start_site(self) -> None:
        self._runner = web.AppRunner(self.make_app(), access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0, backlog=self.backlog).start()
        self.port = int(self._runner.addresses[0][1])
        self.serving()
