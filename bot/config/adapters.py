"""The Slack and Discord sections, and the check that an enabled adapter has the secrets it needs."""
from __future__ import annotations

from bot.config import values as v
from bot.config.locations import parse_http_url, parse_ws_url
from bot.config.model import DiscordConfig, SlackConfig
from bot.config.reader import Section
from bot.config.shards import MAX_SHARDS, check_shards, parse_shard_ids


def read_slack(sec: Section) -> SlackConfig:
    sec.needed = sec.value("enabled", v.parse_bool, False)
    mode = sec.value("mode", lambda raw: v.parse_choice(raw, ("http", "socket"), "socket"), "http")
    built = SlackConfig(
        enabled=sec.needed,
        mode="socket" if mode == "socket" else "http",
        host=sec.optional("host", lambda raw: v.parse_text(raw, "0.0.0.0")),
        port=sec.optional("port", lambda raw: v.parse_int(raw, 1, 65535, "3000")),
        api_url=sec.value("api_url", _slack_api_url, "https://slack.com/api/"),
        bot_token=_secret(sec, "bot_token"),
        app_token=_secret(sec, "app_token"),
        signing_secret=_secret(sec, "signing_secret"),
        client_id=_secret(sec, "client_id"),
        client_secret=_secret(sec, "client_secret"),
    )
    sec.finish()
    if built.enabled:
        _check_slack(sec, built)
    return built


def _secret(sec: Section, key: str) -> str | None:
    name = f"SLACK_{key.upper()}"
    return sec.optional(key, lambda raw: v.parse_text(raw, f"${{{name}}}"), absent=f"${{{name}}}")


def _slack_api_url(raw: object) -> str:
    return parse_http_url(raw, "https://slack.com/api/", trailing_slash=True)


def _check_slack(sec: Section, slack: SlackConfig) -> None:
    """Socket Mode needs app and bot tokens; HTTP needs the signing secret and a bot token or OAuth."""
    if slack.mode == "socket":
        _require(sec, "app_token", slack.app_token, "Socket Mode needs an app-level token (xapp-…)")
        _require(sec, "bot_token", slack.bot_token, "Socket Mode needs a bot token (xoxb-…)")
    else:
        _require(sec, "signing_secret", slack.signing_secret, "HTTP mode needs the app's signing secret")
        if slack.bot_token is None:
            _check_oauth(sec, slack)
    if slack.bot_token is not None and slack.bot_token.startswith("xapp-"):
        sec.report("bot_token", "holds an app-level token (xapp-…); it wants the bot token", "xoxb-…")
    if slack.app_token is not None and slack.app_token.startswith(("xoxb-", "xoxp-")):
        sec.report("app_token", "holds a bot or user token; it wants the app-level token", "xapp-…")


def _check_oauth(sec: Section, slack: SlackConfig) -> None:
    if slack.client_id is None and slack.client_secret is None:
        names = [sec.env_name(key, f"SLACK_{key.upper()}") for key in ("bot_token", "client_id", "client_secret")]
        what = "HTTP mode needs a bot token (one workspace) or client_id and client_secret (OAuth); none is set"
        sec.report("bot_token", what, f"set {names[0]}, or {names[1]} and {names[2]}, in the environment")
        return
    _require(sec, "client_id", slack.client_id, "OAuth needs the app's client ID with the client secret")
    _require(sec, "client_secret", slack.client_secret, "OAuth needs the app's client secret with the client ID")


def _require(sec: Section, key: str, value: str | None, why: str) -> None:
    if value is None:
        prefix = "DISCORD" if sec.where == "discord" else "SLACK"
        name = sec.env_name(key, f"{prefix}_{key.upper()}")
        sec.report(key, f"{why}, but it is not set", f"set {name} in the environment: export {name}=…")


def read_discord(sec: Section) -> DiscordConfig:
    sec.needed = sec.value("enabled", v.parse_bool, False)
    built = DiscordConfig(
        enabled=sec.needed,
        token=sec.optional("token", lambda raw: v.parse_text(raw, "${DISCORD_TOKEN}"), absent="${DISCORD_TOKEN}"),
        api_url=sec.value("api_url", lambda raw: parse_http_url(raw, DiscordConfig.api_url), DiscordConfig.api_url),
        gateway_url=sec.value("gateway_url", lambda raw: parse_ws_url(raw, DiscordConfig.gateway_url),
                              DiscordConfig.gateway_url),
        guest_role=sec.optional("guest_role", lambda raw: v.parse_text(raw, "Guest")),
        default_timezone=sec.optional("default_timezone", v.parse_zone),
        shard_count=sec.optional("shard_count", lambda raw: v.parse_int(raw, 1, MAX_SHARDS, "2")),
        shard_ids=sec.optional("shard_ids", parse_shard_ids),
    )
    sec.finish()
    check_shards(sec, built.shard_count, built.shard_ids)
    if built.enabled:
        _require(sec, "token", built.token, "Discord needs the bot token")
    return built
