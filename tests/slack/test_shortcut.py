"""The "Make it a task" message shortcut: a prefilled modal, then a task that links back to the message."""
from __future__ import annotations

from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient

MESSAGE = {"type": "message", "user": "UBOB", "ts": "1700000005.000200", "text": "Update the 9/11 Report slides"}


def test_a_message_becomes_a_task_with_a_link_back(slack: SlackClient, fake_slack: FakeSlack,
                                                   uow_factory: SqlUnitOfWorkFactory) -> None:
    status, _ = slack.interaction({"type": "message_action", "callback_id": "make_it_a_task", "trigger_id": "t-1",
                                   "user": {"id": "UALICE"}, "channel": {"id": "C1"}, "message": MESSAGE,
                                   "response_url": fake_slack.response_url("sc")})
    assert status == 200
    modal = eventually(lambda: fake_slack.views)[0]["view"]
    assert modal["callback_id"] == "tandem:make_task"
    owner = next(b for b in modal["blocks"] if b["block_id"] == "owner")
    assert owner["element"]["initial_user"] == "UBOB"
    values = {"title": {"value": {"type": "plain_text_input", "value": MESSAGE["text"]}},
              "owner": {"value": {"type": "users_select", "selected_user": "UBOB"}},
              "due": {"value": {"type": "datepicker", "selected_date": "2026-03-06"}}}
    assert slack.submit("UALICE", modal, values)[0] == 200
    reply = eventually(lambda: fake_slack.posts_to("C1"))[0]
    assert reply.thread_ts == MESSAGE["ts"] and "T-1" in str(reply.blocks)
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("slack", "T1")
        task = uow.tasks.get(workspace.id or 0, 1) if workspace else None
    assert task is not None and "9/11 Report" in task.title
    assert task.origin is not None and task.origin.link == "https://fake.slack.test/archives/C1/p1700000005.000200"
    assert task.due is not None and task.due.on is not None and task.due.on.isoformat() == "2026-03-06"
