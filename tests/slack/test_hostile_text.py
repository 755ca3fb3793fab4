"""Property, end to end through bolt and slack_sdk: hostile text in every echoed field never reaches Slack active."""
from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot.delivery.deliverer import Deliverer
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.hostile import WORDLESS, hostile_text, slack_problems
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_modals import text_value
from tests.slack.test_negotiation import as_message, button

PEOPLE = itertools.count(1)
ECHOED = st.fixed_dictionaries({
    "title": hostile_text(), "note": hostile_text(), "comment": hostile_text(), "reason": hostile_text(),
    "display": hostile_text(max_size=2), "project": st.sampled_from(WORDLESS), "goal": hostile_text(max_size=2),
})


def everything_sent(fake: FakeSlack) -> dict[str, Any]:
    """Every message, response, modal and App Home the bot sent to the fake Slack."""
    with fake.state.lock:
        return {
            "posted": [{"text": p.text, "blocks": p.blocks} for p in fake.state.posted],
            "updated": [{"text": p.text, "blocks": p.blocks} for p in fake.state.updated],
            "ephemeral": [{"text": p.text, "blocks": p.blocks} for p in fake.state.ephemeral],
            "responses": [body for _, body in fake.state.responses],
            "views": list(fake.state.views), "published": list(fake.state.published),
        }


def latest_task(uow_factory: SqlUnitOfWorkFactory) -> int:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("slack", "T1")
        assert workspace is not None
        number = 0
        while uow.tasks.get(workspace.id or 0, number + 1) is not None:
            number += 1
        return number


@settings(max_examples=6, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(echoed=ECHOED)
def test_hostile_titles_notes_comments_reasons_names_and_projects_reach_slack_escaped(
        echoed: dict[str, str], slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    n = next(PEOPLE)
    user = f"UH{n}"
    fake_slack.add_user("U123", team_id="T1", name="u123")  # mentioned in hostile text
    fake_slack.add_user(user, team_id="T1", name=f"h{n}{echoed['project']}", real_name=echoed["display"],
                        tz="Europe/Berlin")  # a hostile handle as well as a hostile display name
    said = f'add <@UBOB|bob> "{echoed["title"]}" #{echoed["project"]}'
    _answered(slack.command(user, said, fake_slack.response_url(f"add{n}")), fake_slack, f"add{n}")
    _answered(slack.command(user, f"goal new {echoed['goal']}", fake_slack.response_url(f"goal{n}")), fake_slack,
              f"goal{n}")
    number = latest_task(uow_factory)
    for who, words in ((user, f"edit T-{number} notes {echoed['note']}"), ("UBOB", f"comment T-{number} "
                                                                          f"{echoed['comment']}")):
        _answered(slack.command(who, words, fake_slack.response_url(f"c{n}{who}")), fake_slack, f"c{n}{who}")
    asked = [p for p in _delivered(deliverer, fake_slack, "UBOB") if "tandem:decline" in str(p.blocks)]
    if asked:
        request, opened = asked[-1], len(fake_slack.views)
        slack.click("UBOB", "tandem:decline", button(request, "decline")["value"], as_message(request), "DUBOB",
                    fake_slack.response_url(f"d{n}"))
        modal = eventually(lambda: fake_slack.views[opened:])[0]["view"]
        assert slack.submit("UBOB", modal, {"reason": text_value(echoed["reason"])})[0] == 200
        eventually(lambda: fake_slack.responses(f"d{n}"))
    mention = {"type": "app_mention", "user": user, "channel": "C1", "ts": f"17000000{n:02d}.000100",
               "text": f"<@UTANDEM> can <@UBOB|bob> {echoed['title']} by friday"}
    before = len(fake_slack.posts_to("C1")) + len(fake_slack.ephemeral)
    assert slack.event(mention, f"EvH{n}")[0] == 200
    eventually(lambda: len(fake_slack.posts_to("C1")) + len(fake_slack.ephemeral) > before)  # a card, or why not
    published = len(fake_slack.published)
    assert slack.event({"type": "app_home_opened", "user": user, "tab": "home"}, f"EvHome{n}")[0] == 200
    eventually(lambda: len(fake_slack.published) > published)
    _delivered(deliverer, fake_slack, user)

    assert list(slack_problems(everything_sent(fake_slack))) == []


def _answered(sent: tuple[int, str], fake: FakeSlack, name: str) -> None:
    assert sent[0] == 200
    eventually(lambda: fake.responses(name))


def _delivered(deliverer: Deliverer, fake: FakeSlack, channel: str) -> list[Any]:
    """Run delivery until the outbox is empty; what reached `channel`."""
    while deliverer.run_once():
        pass
    return fake.posts_to(channel)
