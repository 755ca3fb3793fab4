"""The SQLite scheduler lease: held by one live `tandem run`; a dead holder on this host is replaced at once."""
from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.clock import Clock, SystemClock
from core.ports import Lease, UnitOfWorkFactory

LEASE = "scheduler"


def holder_id() -> str:
    """host:pid, so a refusal can say where to look and a restart on this host can tell the holder is gone."""
    return f"{socket.gethostname()}:{os.getpid()}"


class SchedulerLease:
    """Taken and renewed on real time (never a sandbox clock), so a dead holder's lease always runs out."""

    def __init__(self, uow_factory: UnitOfWorkFactory, holder: str, ttl: timedelta, clock: Clock | None = None):
        self.uow_factory, self.holder, self.ttl = uow_factory, holder, ttl
        self.clock = clock or SystemClock()

    def claim(self) -> bool:
        """Take or renew the lease; take it from a holder on this host whose process is gone."""
        now = self.clock.now()
        with self.uow_factory() as uow:
            taken = uow.leases.acquire(LEASE, self.holder, now, self.ttl)
            if not taken:
                lease = uow.leases.current(LEASE)
                if lease is not None and not holder_alive(lease.holder):
                    taken = uow.leases.take_over(LEASE, lease.holder, self.holder, now, self.ttl)
            uow.commit()
        return taken

    def release(self) -> None:
        with self.uow_factory() as uow:
            uow.leases.release(LEASE, self.holder)
            uow.commit()

    def refusal(self) -> str:
        """Who holds the lease, since and until when, and how to check that process."""
        with self.uow_factory() as uow:
            lease = uow.leases.current(LEASE)
        return refusal_text(lease)


def refusal_text(lease: Lease | None) -> str:
    if lease is None:
        who, since, until, check = "another process", "", "", ""
    else:
        host, _, pid = lease.holder.rpartition(":")
        who = lease.holder
        since = f" since {_clock_time(lease.since)}" if lease.since else ""
        until = f" (its lease runs until {_clock_time(lease.until)} unless it renews it)"
        check = f" Check it with `ps -p {pid}` on {host}."
    return (f"Another Tandem process ({who}) has been running the scheduler on this SQLite database{since}{until}."
            f"{check} SQLite serves one process: stop the other one, or use PostgreSQL to run several.")


def holder_alive(holder: str) -> bool:
    """False only when `holder` ran on this host and its pid is gone or is no longer a Tandem process."""
    host, _, raw_pid = holder.rpartition(":")
    if host != socket.gethostname() or not raw_pid.isdigit():
        return True  # another machine: only its lease expiring tells
    pid = int(raw_pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    return _is_tandem(pid)


def _is_tandem(pid: int) -> bool:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return not Path("/proc/self").exists()  # no /proc (not Linux): the pid alone has to do
    except OSError:
        return True
    args = [arg for arg in raw.decode(errors="replace").split("\0") if arg]
    if not args:
        return False  # a zombie: killed, not yet reaped
    modules = {args[i + 1] for i, arg in enumerate(args[:-1]) if arg == "-m"}
    return "bot" in modules or any(Path(arg).name == "tandem" for arg in args)


def _clock_time(when: datetime) -> str:
    return f"{when.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"
