"""Builds each section of the Config from app.yaml, checking that enabled adapters have their secrets."""
from __future__ import annotations

from pathlib import Path

from bot.config import values as v
from bot.config.adapters import read_discord, read_slack
from bot.config.locations import parse_database_url, parse_path
from bot.config.model import (
    DEFAULT_DATABASE_URL,
    Config,
    ConsoleConfig,
    DatabaseConfig,
    Defaults,
    LoggingConfig,
    RetentionConfig,
    SchedulerConfig,
)
from bot.config.problems import Invalid, Problem
from bot.config.reader import Section
from bot.config.web import read_web

DATABASE_OVERRIDE = "TANDEM_DATABASE_URL"


def build_config(root: Section, base: Path, source: Path | None) -> Config:
    """Every section of the configuration; problems accumulate in root.problems."""
    database = _database(root.section("database"), base)
    defaults = _defaults(root.section("defaults"))
    console = _console(root.section("console"))
    slack = read_slack(root.section("slack"))
    config = Config(
        database=database,
        defaults=defaults,
        console=console,
        slack=slack,
        discord=read_discord(root.section("discord")),
        web=read_web(root.section("web"), slack),
        scheduler=_scheduler(root.section("scheduler")),
        retention=_retention(root.section("retention")),
        logging=_logging(root.section("logging"), base),
        source=source,
    )
    root.finish()
    return config


def _database(sec: Section, base: Path) -> DatabaseConfig:
    """The URL from app.yaml, unless the TANDEM_DATABASE_URL environment variable overrides it."""
    override = sec.env.get(DATABASE_OVERRIDE, "").strip()
    sec.needed = not override
    url = sec.value("url", lambda raw: parse_database_url(raw, base), parse_database_url(DEFAULT_DATABASE_URL, base))
    sec.finish()
    if override:
        try:
            return DatabaseConfig(url=parse_database_url(override, base))
        except Invalid as invalid:
            sec.problems.append(Problem(DATABASE_OVERRIDE, invalid.what, invalid.example))
    return DatabaseConfig(url=url)


def _defaults(sec: Section) -> Defaults:
    built = Defaults(
        timezone=sec.value("timezone", v.parse_zone, "UTC"),
        working_days=sec.value("working_days", v.parse_days, Defaults.working_days),
        working_hours=sec.value("working_hours", v.parse_hours, Defaults.working_hours),
        digest_time=sec.value("digest_time", v.parse_clock, Defaults.digest_time),
        language=sec.value("language", lambda raw: v.parse_choice(raw, v.LANGUAGES, "de"), "en"),
        holiday_country=sec.optional("holiday_country", v.parse_country),
        thread_updates=sec.value("thread_updates", v.parse_bool, True),
    )
    sec.finish()
    return built


def _console(sec: Section) -> ConsoleConfig:
    built = ConsoleConfig(
        enabled=sec.value("enabled", v.parse_bool, True),
        workspace=sec.value("workspace", lambda raw: v.parse_text(raw, "console"), "console"),
        default_speaker=sec.value("default_speaker", lambda raw: v.parse_text(raw, "you"), "you"),
    )
    sec.finish()
    return built


def _scheduler(sec: Section) -> SchedulerConfig:
    built = SchedulerConfig(
        enabled=sec.value("enabled", v.parse_bool, True),
        tick_seconds=sec.value("tick_seconds", lambda raw: v.parse_int(raw, 1, 3600, "15"), 15),
        reminder_lead=sec.value("reminder_lead", v.parse_duration, SchedulerConfig.reminder_lead),
        follow_up_after_hours=sec.value(
            "follow_up_after_hours", lambda raw: v.parse_number(raw, 0, 240, "4"), SchedulerConfig.follow_up_after_hours
        ),
        escalate_after_nudges=sec.value("escalate_after_nudges", lambda raw: v.parse_int(raw, 1, 20, "2"), 2),
        overdue_notify_project_owner=sec.value("overdue_notify_project_owner", v.parse_bool, False),
        project_digest_day=sec.value("project_digest_day", v.parse_day, 0),
        delivery_lease_seconds=sec.value(
            "delivery_lease_seconds", lambda raw: v.parse_int(raw, 5, 3600, "60"), 60
        ),
    )
    sec.finish()
    return built


def _retention(sec: Section) -> RetentionConfig:
    built = RetentionConfig(
        delivered_days=sec.value("delivered_days", lambda raw: v.parse_int(raw, 1, 3650, "30"), 30),
        seen_events_days=sec.value("seen_events_days", lambda raw: v.parse_int(raw, 1, 3650, "7"), 7),
    )
    sec.finish()
    return built


def _logging(sec: Section, base: Path) -> LoggingConfig:
    built = LoggingConfig(
        level=sec.value("level", lambda raw: v.parse_choice(raw, v.LOG_LEVELS, "INFO"), "INFO"),
        file=sec.optional("file", lambda raw: parse_path(raw, base, "logs/tandem.log")),
        format=sec.value("format", lambda raw: v.parse_choice(raw, v.LOG_FORMATS, "json"), "text"),
    )
    sec.finish()
    return built
