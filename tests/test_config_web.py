"""The web section: where Tandem's one web server listens, its public address, and the older slack.host/port."""
from __future__ import annotations

from pathlib import Path

from bot.config import load_config
from tests.test_config import problems_of, write


def test_the_web_section_sets_the_address_and_the_public_url_that_calendar_links_start_with(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, """
        web:
          enabled: true
          host: 0.0.0.0
          port: 8080
          public_url: https://tandem.example.com/
    """), env={})
    assert (config.web.enabled, config.web.host, config.web.port) == (True, "0.0.0.0", 8080)
    assert config.web.base_url == "https://tandem.example.com"
    assert config.serves_web and "web on 0.0.0.0:8080" in config.summary()


def test_without_a_public_url_links_use_the_local_address(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "web:\n  host: 0.0.0.0\n  port: 8080\n"), env={})
    assert config.web.base_url == "http://localhost:8080"
    assert not config.serves_web  # neither enabled nor needed by Slack's HTTP mode


def test_slack_host_and_port_are_still_read_when_web_does_not_set_them(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "slack:\n  host: 0.0.0.0\n  port: 4000\n"), env={})
    assert (config.web.host, config.web.port) == ("0.0.0.0", 4000)


def test_two_different_ports_for_the_one_web_server_are_a_problem(tmp_path: Path) -> None:
    found = problems_of(write(tmp_path, "slack:\n  port: 4000\nweb:\n  port: 5000\n"))
    assert [p.render() for p in found] == [
        "web.port: is 5000 but slack.port is 4000; Tandem has one web server. Example: remove slack.port and "
        "keep web.port: 5000"]


def test_a_public_url_that_is_not_an_address_is_a_problem_with_an_example(tmp_path: Path) -> None:
    found = problems_of(write(tmp_path, "web:\n  public_url: tandem.example.com\n  prot: 3000\n"))
    assert [(p.where, p.example) for p in found] == [
        ("web.public_url", "https://tandem.example.com"), ("web.prot", "one of: enabled, host, port, public_url")]
    assert "did you mean 'port'?" in found[1].what
