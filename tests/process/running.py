"""Running real `tandem run` processes in tests: their app.yaml, start, stop, and waiting on them."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.due import Due
from core.tasks import Task
from storage.database import make_engine
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack, running_fake_slack
from tests.fakeslack.limits import Limits

TOKEN = "xoxb-process-test"
ROOT = Path(__file__).resolve().parents[2]


def migrated_sqlite(folder: Path) -> str:
    """The URL of a new SQLite database in `folder`, at the latest schema."""
    url = f"sqlite:///{folder / 'tandem.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_config(folder: Path, database_url: str, fake: FakeSlack, lease_seconds: int = 5, name: str = "app",
                 port: int | None = None) -> Path:
    """An app.yaml for a headless Tandem: Slack sending to the fake, fast ticks, short delivery leases."""
    path = folder / f"{name}.yaml"
    port = port or free_port()
    path.write_text(
        f"database:\n  url: \"{database_url}\"\n"
        "console:\n  enabled: false\n"
        f"slack:\n  enabled: true\n  mode: http\n  api_url: {fake.api_url}\n"
        f"  bot_token: {TOKEN}\n  signing_secret: process-test-secret\n"
        f"web:\n  port: {port}\n  public_url: http://127.0.0.1:{port}\n"
        f"scheduler:\n  tick_seconds: 1\n  delivery_lease_seconds: {lease_seconds}\n"
        "logging:\n  level: WARNING\n"
    )
    return path


READY = "Tandem is running"


class Tandem:
    """A `tandem run` child process whose standard error is read as it comes, so tests can wait for a line."""

    def __init__(self, config: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TANDEM_"))}
        self.process = subprocess.Popen([sys.executable, "-m", "bot", "--config", str(config), "run"], cwd=ROOT,
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.pid = self.process.pid
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._lock:
                self._lines.append(line)

    @property
    def errors(self) -> str:
        with self._lock:
            return "".join(self._lines)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        """Until standard error shows `text`; fails at once if the process ends first."""
        wait_until(lambda: text in self.errors or self.process.poll() is not None, timeout, repr(text))
        if text not in self.errors:
            self._reader.join(5)
            if text not in self.errors:
                raise AssertionError(f"tandem run ended ({self.process.returncode}) without {text!r}:\n{self.errors}")

    def wait_ready(self, timeout: float = 60) -> None:
        self.wait_for(READY, timeout)

    def exit_code(self, timeout: float = 60) -> int:
        code = self.process.wait(timeout)
        self._reader.join(5)
        return code

    def poll(self) -> int | None:
        return self.process.poll()

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, like a crash or the OOM killer."""
        self.process.send_signal(signal.SIGKILL)
        self.exit_code()

    def stop(self) -> str:
        """Ask the process to stop (SIGTERM), wait for it, and return what it wrote to standard error."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self._reader.join(5)
        return self.errors


def start_tandem(config: Path) -> Tandem:
    return Tandem(config)


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll `condition` (a log line, the database, the fake platform) until it holds; `timeout` only bounds a hang."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.05)


def stop(process: Tandem) -> str:
    """Ask the process to stop (SIGTERM) and return what it wrote to standard error."""
    return process.stop()


def add_due_reminders(uow_factory: SqlUnitOfWorkFactory, workspace_id: int, owner_ids: list[int]) -> None:
    """One committed task per owner whose advance reminder is already due."""
    now = datetime.now(UTC)
    with uow_factory() as uow:
        for owner_id in owner_ids:
            task = Task(workspace_id, uow.tasks.next_number(workspace_id), f"file report {owner_id}", owner_id,
                        owner_id, now, now, due=Due.instant(now + timedelta(minutes=30), "UTC"),
                        next_reminder_at=now - timedelta(minutes=1), reminder_stage="before")
            uow.tasks.add(task)
        uow.commit()


@contextmanager
def fake_slack_with(users: list[str]) -> Iterator[FakeSlack]:
    """A fake Slack paced like the real one, knowing TOKEN's workspace T1 and `users`."""
    with running_fake_slack(Limits(channel_rate=1.0, channel_burst=5, workspace_rate=50, workspace_burst=50)) as fake:
        fake.add_token(TOKEN, "T1")
        for user in users:
            fake.add_user(user)
        yield fake
