"""Following up requests asked of a group that nobody claimed: nudge the group in its conversation, then tell
the requester."""
from __future__ import annotations

from datetime import datetime

from core.i18n import _, ngettext
from core.i18n_dates import day_text
from core.outbox import OutboxEntry, entry_for
from core.outcome import Action, Notice
from core.people import Person
from core.ports import UnitOfWork
from core.schedule.policy import HolidayCalendar, SchedulePolicy
from core.schedule.wall import local_date
from core.schedule.working_time import add_working_hours, next_working_moment
from core.tasks import Task
from core.teams import Group, TeamRequest, claim_actions, open_card
from core.wording import due_phrase, task_card


def run_team_follow_ups(uow: UnitOfWork, now: datetime, policy: SchedulePolicy, holidays: HolidayCalendar,
                        batch: int) -> int:
    """One batch of due follow-ups, in the caller's transaction; how many requests were handled."""
    requests = uow.teams.claim_due_follow_ups(now, batch)
    out: list[OutboxEntry] = []
    for request in requests:
        out.extend(_follow_up(uow, request, now, policy, holidays))
        uow.teams.save_request(request)
    uow.outbox.add_many(out)
    return len(requests)


def _follow_up(uow: UnitOfWork, request: TeamRequest, now: datetime, policy: SchedulePolicy,
               holidays: HolidayCalendar) -> list[OutboxEntry]:
    task = uow.tasks.get_by_id(request.task_id)
    group = uow.teams.group(request.group_id)
    requester = uow.people.get(request.requester_id)
    request.follow_up_at = None
    if task is None or group is None or requester is None or not task.is_open or not request.is_open:
        return []
    if request.nudges < policy.escalate_after_nudges and request.conversation:
        request.nudges += 1
        request.follow_up_at = add_working_hours(requester, now, policy.follow_up_after_hours, holidays)
        notice = _nudge(uow, task, group, requester, request, now)
        return [entry_for(notice, task.workspace_id, now)]
    notice = _escalation(task, group, requester, request)
    return [entry_for(notice, task.workspace_id, now, next_working_moment(requester, now, holidays))]


def _nudge(uow: UnitOfWork, task: Task, group: Group, requester: Person, request: TeamRequest,
           now: datetime) -> Notice:
    day = local_date(task.created_at, requester.tz)
    text = _("Still open for {group}: {ref} {title} ({due}), asked by {who} on {day}. Can someone take it? Claim, "
             "or /task claim {ref}.", group=group.mention, ref=task.ref, title=task.title,
             due=due_phrase(task.due, requester.tz, now), who=requester.mention, day=day_text(day))
    card = open_card(task_card(task, {requester.id or 0: requester}, requester, now), group)
    return Notice(0, "team nudge", text, task.id, card, claim_actions(task.ref),
                  dedupe_key=f"team-nudge:{request.id}:{request.nudges}",
                  conversation=request.conversation).said_in(requester.lang)  # the requester's language, there too


def _escalation(task: Task, group: Group, requester: Person, request: TeamRequest) -> Notice:
    text = ngettext("Nobody in {group} has claimed {ref} {title} after {n} reminder. Ask someone directly "
                    "(/task assign {ref} @name), change the date, or cancel it.",
                    "Nobody in {group} has claimed {ref} {title} after {n} reminders. Ask someone directly "
                    "(/task assign {ref} @name), change the date, or cancel it.",
                    request.nudges, group=group.mention, ref=task.ref, title=task.title)
    actions = (Action("assign", _("Ask someone"), f"/task assign {task.ref} @name"),
               Action("due", _("Change date"), f"/task due {task.ref} <date>"),
               Action("cancel", _("Cancel"), f"/task cancel {task.ref}", "danger"))
    return Notice(requester.id or 0, "team escalation", text, task.id, actions=actions,
                  dedupe_key=f"team-escalation:{request.id}").said_in(requester.lang)
