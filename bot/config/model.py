"""The typed, frozen configuration objects that load_config returns, with a secret-free startup summary."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path
from typing import Literal

DEFAULT_DATABASE_URL = "sqlite:///data/tandem.sqlite"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class WorkingHours:
    """The working day, e.g. 09:00-17:30 local time; `end` is the end of the working day."""

    start: time
    end: time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True, repr=False)
class DatabaseConfig:
    """Where Tandem keeps its data; relative SQLite paths are already resolved against app.yaml's folder."""

    url: str = DEFAULT_DATABASE_URL

    def __repr__(self) -> str:
        return f"DatabaseConfig(url={hide_password(self.url)!r})"


@dataclass(frozen=True)
class Defaults:
    """Defaults for every workspace and person until they choose otherwise."""

    timezone: str = "UTC"
    working_days: frozenset[int] = frozenset(range(5))
    working_hours: WorkingHours = WorkingHours(time(9), time(17, 30))
    digest_time: time = time(9)
    language: str = "en"
    holiday_country: str | None = None
    thread_updates: bool = True

    @property
    def end_of_day(self) -> time:
        """When the working day ends: "by end of day" means this time."""
        return self.working_hours.end


@dataclass(frozen=True)
class ConsoleConfig:
    """The local console adapter."""

    enabled: bool = True
    workspace: str = "console"
    default_speaker: str = "you"


@dataclass(frozen=True)
class SlackConfig:
    """The Slack adapter: HTTP events (one workspace or OAuth) or Socket Mode."""

    enabled: bool = False
    mode: Literal["http", "socket"] = "http"
    host: str | None = None  # the older place for web.host, still read when web.host is not set
    port: int | None = None  # likewise for web.port
    api_url: str = "https://slack.com/api/"
    bot_token: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    client_id: str | None = field(default=None, repr=False)
    client_secret: str | None = field(default=None, repr=False)

    @property
    def uses_oauth(self) -> bool:
        """True when Tandem installs into workspaces through OAuth instead of a single bot token."""
        return self.mode == "http" and self.bot_token is None and self.client_id is not None


@dataclass(frozen=True)
class DiscordConfig:
    """The Discord adapter."""

    enabled: bool = False
    token: str | None = field(default=None, repr=False)
    api_url: str = "https://discord.com/api/v10"
    gateway_url: str = "wss://gateway.discord.gg"
    guest_role: str | None = None
    default_timezone: str | None = None
    shard_count: int | None = None  # None: as many as Discord recommends, all in this process
    shard_ids: tuple[int, ...] | None = None  # None: every shard of shard_count

    def shards_owned(self) -> str:
        """" (shards 0,1 of 4)" when sharding is configured, else nothing: for the startup summary."""
        if self.shard_count is None:
            return ""
        ids = self.shard_ids or tuple(range(self.shard_count))
        return f" (shards {','.join(str(shard) for shard in ids)} of {self.shard_count})"


@dataclass(frozen=True)
class WebConfig:
    """Tandem's one web server: Slack's HTTP endpoints, calendar feeds, /healthz, /readyz and /metrics."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 3000
    public_url: str | None = None  # how people (and Slack) reach this server, e.g. https://tandem.example.com

    @property
    def base_url(self) -> str:
        """public_url, else this machine's address as seen from itself (enough for a local try)."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "localhost" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"


@dataclass(frozen=True)
class SchedulerConfig:
    """The background scheduler that sends reminders, follow-ups, escalations and digests."""

    enabled: bool = True
    tick_seconds: int = 15
    reminder_lead: timedelta = timedelta(hours=1)
    follow_up_after_hours: float = 4.0
    escalate_after_nudges: int = 2
    overdue_notify_project_owner: bool = False
    project_digest_day: int = 0
    delivery_lease_seconds: int = 60


@dataclass(frozen=True)
class RetentionConfig:
    """How long delivered notices and seen-event keys are kept before the cleanup job removes them."""

    delivered_days: int = 30
    seen_events_days: int = 7

    @property
    def delivered_age(self) -> timedelta:
        return timedelta(days=self.delivered_days)

    @property
    def seen_events_age(self) -> timedelta:
        return timedelta(days=self.seen_events_days)


@dataclass(frozen=True)
class LoggingConfig:
    """How much Tandem logs, and where (standard error unless `file` is set)."""

    level: str = "INFO"
    file: Path | None = None
    format: str = "text"  # or "json": one JSON object a line, with the request id


@dataclass(frozen=True)
class Config:
    """Everything Tandem reads from app.yaml and the environment; `source` is the file read, if any."""

    database: DatabaseConfig = DatabaseConfig()
    defaults: Defaults = Defaults()
    console: ConsoleConfig = ConsoleConfig()
    slack: SlackConfig = SlackConfig()
    discord: DiscordConfig = DiscordConfig()
    web: WebConfig = WebConfig()
    scheduler: SchedulerConfig = SchedulerConfig()
    retention: RetentionConfig = RetentionConfig()
    logging: LoggingConfig = LoggingConfig()
    source: Path | None = None

    def summary(self) -> str:
        """Two lines for the startup log; passwords and tokens never appear."""
        source = str(self.source) if self.source is not None else "built-in defaults"
        first = f"config {source}; database {hide_password(self.database.url)}"
        d = self.defaults
        second = (
            f"timezone {d.timezone}, {format_days(d.working_days)} {d.working_hours}, language {d.language}; "
            f"adapters: {', '.join(self.adapter_names()) or 'none'}; "
            f"scheduler {'every ' + str(self.scheduler.tick_seconds) + 's' if self.scheduler.enabled else 'off'}"
            f"{f'; web on {self.web.host}:{self.web.port}' if self.serves_web else ''}"
        )
        return f"{first}\n{second}"

    @property
    def serves_web(self) -> bool:
        """Whether `tandem run` opens the web server: asked for in `web:`, or needed by Slack's HTTP mode."""
        return self.web.enabled or (self.slack.enabled and self.slack.mode == "http")

    def adapter_names(self) -> list[str]:
        """The enabled adapters, e.g. ['console', 'slack (socket)']."""
        names = ["console"] if self.console.enabled else []
        if self.slack.enabled:
            names.append(f"slack ({'oauth' if self.slack.uses_oauth else self.slack.mode})")
        if self.discord.enabled:
            names.append(f"discord{self.discord.shards_owned()}")
        return names


def hide_password(url: str) -> str:
    """The URL with any password replaced by ***."""
    return re.sub(r"(://[^/:@]*:)[^/@]*@", r"\1***@", url)


def format_days(days: frozenset[int]) -> str:
    """Working days as people write them: mon-fri, or mon,wed,fri."""
    ordered = sorted(days)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{DAY_NAMES[ordered[0]]}-{DAY_NAMES[ordered[-1]]}"
    return ",".join(DAY_NAMES[day] for day in ordered)
