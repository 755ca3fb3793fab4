"""The web section: where Tandem's one web server listens and the public URL people reach it at."""
from __future__ import annotations

from bot.config import values as v
from bot.config.locations import parse_http_url
from bot.config.model import SlackConfig, WebConfig
from bot.config.problems import Invalid
from bot.config.reader import Section

PUBLIC_URL_EXAMPLE = "https://tandem.example.com"


def read_web(sec: Section, slack: SlackConfig) -> WebConfig:
    """web.host and web.port, falling back on slack.host and slack.port (their older place) when unset."""
    host = sec.optional("host", lambda raw: v.parse_text(raw, "0.0.0.0"))
    port = sec.optional("port", lambda raw: v.parse_int(raw, 1, 65535, "3000"))
    built = WebConfig(
        enabled=sec.value("enabled", v.parse_bool, False),
        host=host or slack.host or WebConfig.host,
        port=port or slack.port or WebConfig.port,
        public_url=sec.optional("public_url", _public_url),
    )
    sec.finish()
    for key, here, there in (("host", host, slack.host), ("port", port, slack.port)):
        if here is not None and there is not None and here != there:
            sec.report(key, f"is {here} but slack.{key} is {there}; Tandem has one web server",
                       f"remove slack.{key} and keep web.{key}: {here}")
    return built


def _public_url(raw: object) -> str:
    url = parse_http_url(raw, PUBLIC_URL_EXAMPLE)
    if "?" in url or "#" in url:
        raise Invalid(f"{url!r} has a query or fragment; give only the address", PUBLIC_URL_EXAMPLE)
    return url.rstrip("/")
