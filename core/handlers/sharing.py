"""Who sees a task: the requester (or an admin who sees it) widens or narrows it; the change is in its history."""
from __future__ import annotations

from core.commands import SetVisibility
from core.errors import InvalidInput
from core.handlers.context import Context
from core.i18n import N_, _
from core.permissions import Act
from core.tasks import Visibility

LEVELS = {"workspace": Visibility.WORKSPACE, "public": Visibility.WORKSPACE, "conversation": Visibility.CONVERSATION,
          "channel": Visibility.CONVERSATION, "private": Visibility.PRIVATE}
AUDIENCE = {
    Visibility.WORKSPACE: N_("the workspace's members"),
    Visibility.CONVERSATION: N_("the members of the conversation it was asked in"),
    Visibility.PRIVATE: N_("only the people taking part"),
}


def set_visibility(cmd: SetVisibility, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.SHARE)
    wanted = LEVELS.get(cmd.level.strip().lower())
    if wanted is None:
        raise InvalidInput(_("Say who should see it: /task visibility {ref} workspace, conversation or private.",
                             ref=task.ref))
    if wanted is Visibility.CONVERSATION and task.origin is None:
        raise InvalidInput(_("{ref} wasn't asked in a conversation: choose workspace or private.", ref=task.ref))
    if wanted is task.visibility:
        return _("{ref} is already visible to {audience}.", ref=task.ref, audience=_(AUDIENCE[wanted]))
    before, task.visibility = task.visibility, wanted
    ctx.touch(task)
    ctx.log(task, "changed who sees it", f"{before} → {wanted}")
    return _("{ref} is now visible to {audience}; its requester, owner and watchers always see it. Guests and "
             "external people still see only what they take part in.", ref=task.ref, audience=_(AUDIENCE[wanted]))
