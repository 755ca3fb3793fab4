"""Asking a group: an open request in the conversation that the first member to claim it takes."""
from __future__ import annotations

from dataclasses import replace

from core.actions import answer_actions
from core.commands import ClaimRequest
from core.errors import Conflict, InvalidInput, NotAllowed
from core.handlers.context import Context
from core.handlers.create import create_tasks, request_text
from core.i18n import _
from core.language import Reading
from core.outcome import Card, Notice, Reply
from core.schedule.working_time import add_working_hours
from core.tasks import Agreement, Origin, Task
from core.team_pick import next_in_turn
from core.teams import Group, Intake, TeamRequest, claim_actions, open_card, team_title
from core.wording import due_phrase, when


def asked_group(ctx: Context, reading: Reading) -> Group | None:
    """The group a request names ("someone from @design"), or None when it names only people."""
    groups = [g for g in (ctx.uow.teams.group_by_handle(ctx.workspace.id or 0, name.lstrip("@").lower())
                          for name in reading.assignees) if g is not None]
    if not groups:
        return None
    if len(reading.assignees) > 1:
        raise InvalidInput(_("Ask one group at a time, without naming people too: "
                             "@tandem can someone from {group} review the mockups by Friday?", group=groups[0].mention))
    return groups[0]


def group_card(ctx: Context, reading: Reading, group: Group) -> Card:
    """A request to a group shown back before anything is created."""
    due = due_phrase(reading.due, ctx.me.tz, ctx.now) if reading.due else _("no due date yet")
    asked = _("anyone in {group}", group=group.mention)
    return Card(heading=team_title(reading.title), fields=((_("Asked of"), asked), (_("Due"), due)))


def ask_group(ctx: Context, reading: Reading, group: Group, origin: Origin | None) -> Reply:
    """Create the task (the requester holds it until someone takes it) and open it to the group, or hand it
    to the next member in turn when the group takes requests round-robin."""
    task = create_tasks(ctx, replace(reading, title=team_title(reading.title), assignees=()), origin, False)[0]
    request = ctx.uow.teams.add_request(TeamRequest(
        ctx.workspace.id or 0, task.id or 0, group.id or 0, ctx.me.id or 0,
        origin.conversation if origin else None, ctx.now,
        follow_up_at=add_working_hours(ctx.me, ctx.now, ctx.policy.follow_up_after_hours, ctx.holidays)))
    ctx.log(task, "asked", f"anyone in {group.mention}")
    if group.intake is Intake.ROUND_ROBIN:
        chosen = next_in_turn(ctx, group, task)
        if chosen is not None:
            return _handed_out(ctx, task, request, group, chosen)
    if request.conversation is None:
        return Reply(_("Asked {group} for {ref} {title}. Anyone in {group} can take it with /task claim {ref}.",
                       group=group.mention, ref=task.ref, title=task.title),
                     open_card(ctx.card(task), group), claim_actions(task.ref), ephemeral=False)
    ctx.notices.append(Notice(0, "team request", open_text(ctx, task, group), task.id,
                              open_card(ctx.card(task), group), claim_actions(task.ref), urgent=True,
                              dedupe_key=f"team-request:{task.id}", conversation=request.conversation))
    return Reply(_("Asked {group} for {ref} {title}; the first of them to claim it takes it. I'll tell you who.",
                   group=group.mention, ref=task.ref, title=task.title), ephemeral=True)


def open_text(ctx: Context, task: Task, group: Group) -> str:
    return _("{who} asks {group}: {ref} {title} ({due}). Anyone in {group} can take it: Claim, or /task claim {ref}.",
             who=ctx.me.mention, group=group.mention, ref=task.ref, title=task.title,
             due=due_phrase(task.due, ctx.me.tz))


def claim_request(cmd: ClaimRequest, ctx: Context) -> Reply:
    """The first member of the group to claim the request takes it; everyone after is told who did."""
    task = ctx.task(cmd.number)
    request = ctx.uow.teams.request_for_task(task.id or 0)
    if request is None:
        raise Conflict(_("{ref} wasn't asked of a group, so there is nothing to claim. "
                         "To take it over, ask its owner or use /task assign {ref} @you.", ref=task.ref))
    group = ctx.uow.teams.group(request.group_id)
    if group is None or not set(ctx.me.identities.values()) & ctx.uow.teams.members(group.id or 0):
        raise NotAllowed(_members_only(ctx, group.mention if group else "", task))
    if not request.is_open or not ctx.uow.teams.claim(request.id or 0, ctx.me.id or 0, ctx.now):
        raise _taken(ctx, task)
    _give(ctx, task, ctx.me.id or 0)
    ctx.log(task, "claimed", f"for {group.mention}")
    said = {"who": ctx.me.mention, "ref": task.ref, "title": task.title}
    ctx.notify(request.requester_id, "claimed", _("{who} took {ref} {title} (asked of {group}).",
                                                  group=group.mention, **said), task, urgent=True)
    ctx.notices.extend(_channel_edits(ctx, task, _("{who} took {ref} {title}.", **said)))
    if task.due is None:
        return Reply(_("You took {ref} {title}. By when can you do it? Answer with your date: "
                       "/task accept {ref} next friday", **said), ctx.card(task), verb="claim")
    return Reply(_("You took {ref} {title}, due {due}. I've told the requester.",
                   due=when(task.due, ctx.me.tz, ctx.now), **said), ctx.card(task), verb="claim")


def _members_only(ctx: Context, group: str, task: Task) -> str:
    """Who may claim, and how to become one of them on this platform (`group` "" when it is gone)."""
    if not group:
        return _("Only members of the group can claim {ref}.", ref=task.ref)
    if ctx.workspace.platform == "discord":
        return _("Only members of {group} can claim {ref}. If you have the role, or want to take its requests, "
                 "join its intake: /task settings intake {group} join", group=group, ref=task.ref)
    if ctx.workspace.platform == "slack":
        return _("Only members of {group} can claim {ref}. Ask a Slack admin to add you to the user group; "
                 "I read its members each time it is mentioned.", group=group, ref=task.ref)
    return _("Only members of {group} can claim {ref}. Join its intake: /task settings intake {group} join",
             group=group, ref=task.ref)


def _taken(ctx: Context, task: Task) -> Conflict:
    """The answer for a request someone already has (re-read: a concurrent claim may have just won)."""
    request = ctx.uow.teams.request_for_task(task.id or 0)
    taker = ctx.people([request.claimed_by]).get(request.claimed_by) if request and request.claimed_by else None
    if taker is not None and taker.id == ctx.me.id:
        return Conflict(_("You already have {ref}.", ref=task.ref))
    if taker is None:
        return Conflict(_("Someone already took {ref} {title}. Nothing changed.", ref=task.ref, title=task.title))
    return Conflict(_("{who} already took {ref} {title}. Nothing changed.", who=taker.mention, ref=task.ref,
                      title=task.title))


def _give(ctx: Context, task: Task, owner_id: int) -> None:
    """Make `owner_id` the task's owner: committed to the asked date, or asked for theirs when none was set."""
    task.owner_id = owner_id
    task.agreement = Agreement.COMMITTED if task.due is not None else Agreement.REQUESTED
    ctx.touch(task)


def _handed_out(ctx: Context, task: Task, request: TeamRequest, group: Group, chosen_id: int) -> Reply:
    """Round-robin: the request goes to `chosen_id` as an ordinary request they accept, propose or decline."""
    ctx.uow.teams.claim(request.id or 0, chosen_id, ctx.now)
    task.owner_id = chosen_id
    task.agreement = Agreement.REQUESTED
    ctx.touch(task)
    chosen = ctx.people([chosen_id])[chosen_id]
    ctx.log(task, "handed out", f"{chosen.mention}, in turn for {group.mention}")
    ctx.notify(chosen_id, "request", request_text(ctx, task, chosen), task, answer_actions(task))
    return Reply(_("Asked {group} for {ref} {title}: it's {who}'s turn, so I've asked {who} to accept, propose "
                   "another date or decline.", group=group.mention, ref=task.ref, title=task.title,
                   who=chosen.mention), ctx.card(task), ephemeral=False)


def _channel_edits(ctx: Context, task: Task, text: str) -> list[Notice]:
    """The open request's card, wherever it was posted in a conversation, edited to show who took it."""
    return [Notice(0, "card", text, task.id, ctx.card(task), (), dedupe_key=f"claimed-card:{card.id}",
                   conversation=card.channel, edit=card.message)
            for card in ctx.uow.cards.for_task(task.id or 0) if card.recipient_id is None]
