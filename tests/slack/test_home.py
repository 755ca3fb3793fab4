"""The App Home is "my work": sections with totals, answer buttons that work from the home, and More by key."""
from __future__ import annotations

from typing import Any

from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient


def _homes(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    return [p["view"] for p in fake.published if p["user_id"] == user]


def _open_home(slack: SlackClient, fake: FakeSlack, user: str, n: int) -> dict[str, Any]:
    before = len(_homes(fake, user))
    assert slack.event({"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home"},
                       f"EvHome{n}")[0] == 200
    return eventually(lambda: _homes(fake, user)[before:])[-1]


def _texts(view: dict[str, Any]) -> list[str]:
    found = []
    for block in view["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        found += [e["text"] for e in block.get("elements", []) if isinstance(e.get("text"), str)]
    return found


def _button(view: dict[str, Any], value: str) -> tuple[dict[str, Any], str]:
    for block in view["blocks"]:
        for element in block.get("elements", []):
            if element.get("value") == value:
                return element, str(block.get("block_id") or "b")
    raise AssertionError(f"no button {value} in {view['blocks']}")


def _add(slack: SlackClient, fake: FakeSlack, user: str, text: str, name: str) -> None:
    slack.command(user, f"add {text}", fake.response_url(name))
    eventually(lambda: fake.responses(name))


def test_the_home_is_my_work_and_its_accept_button_answers_from_there(slack: SlackClient, fake_slack: FakeSlack,
                                                                      ) -> None:
    _add(slack, fake_slack, "UALICE", "<@UBOB> send the Q3 report by friday", "a")
    _add(slack, fake_slack, "UBOB", "renew my badge", "b")
    home = _open_home(slack, fake_slack, "UBOB", 1)
    texts = _texts(home)
    assert texts[0] == "Your work: 2 of 2"
    assert "Needs your answer (1)" in texts and "Your own tasks (1)" in texts
    assert any("T-1 send the Q3 report" in t for t in texts)
    button, block = _button(home, "/task accept T-1")
    before = len(_homes(fake_slack, "UBOB"))
    assert slack.click_home("UBOB", button, block)[0] == 200
    reply = eventually(lambda: fake_slack.posts_to("UBOB"))[-1]
    assert "committed" in reply.text.lower()
    refreshed = eventually(lambda: [h for h in _homes(fake_slack, "UBOB")[before:]
                                    if "You committed to (1)" in _texts(h)])
    assert refreshed


def test_the_home_pages_by_key_with_a_more_button(slack: SlackClient, fake_slack: FakeSlack) -> None:
    for i in range(1, 24):
        _add(slack, fake_slack, "UALICE", f"chore {i}", f"c{i}")
    home = _open_home(slack, fake_slack, "UALICE", 2)
    texts = _texts(home)
    assert texts[0] == "Your work: 20 of 23" and "20 of 23 shown. More: /task list more" in texts
    button, block = _button(home, "/task list more")
    before = len(_homes(fake_slack, "UALICE"))
    assert slack.click_home("UALICE", button, block)[0] == 200
    second = _texts(eventually(lambda: _homes(fake_slack, "UALICE")[before:])[-1])
    assert second[0] == "Your work: 21–23 of 23"
    assert [t.split(" ")[0] for t in second if t.startswith("T-")] == ["T-21", "T-22", "T-23"]


def test_a_list_command_says_how_many_and_its_more_button_replaces_it_with_the_next_page(
        slack: SlackClient, fake_slack: FakeSlack) -> None:
    for i in range(1, 22):
        _add(slack, fake_slack, "UALICE", f"chore {i}", f"c{i}")
    slack.command("UALICE", "list", fake_slack.response_url("list"))
    first = eventually(lambda: fake_slack.responses("list"))[0]
    assert "Your work: 20 of 21" in first["text"] and "/task list more" in str(first["blocks"])
    more = next(e for b in first["blocks"] for e in b.get("elements", []) if e.get("value") == "/task list more")
    message = {"ts": "1", "text": first["text"], "blocks": first["blocks"]}
    slack.click("UALICE", more["action_id"], more["value"], message, "C1", fake_slack.response_url("more"))
    second = eventually(lambda: fake_slack.responses("more"))[0]
    assert second["replace_original"] is True and "Your work: 21–21 of 21" in second["text"]
    assert "T-21 chore 21" in str(second["blocks"]) and "T-20 " not in str(second["blocks"])
