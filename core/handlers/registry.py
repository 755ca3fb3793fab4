"""Which handler serves which command."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core import commands as c
from core.actions import actions_for, version_of
from core.handlers import (
    adding,
    admin,
    admin_people,
    admin_privacy,
    admin_settings,
    calendar,
    converse,
    editing,
    followthrough,
    goals,
    intake,
    lifecycle,
    lists,
    negotiate,
    notices,
    projects,
    reactions,
    remind,
    reports,
    scheduling,
    settings,
    sharing,
    teams,
    views,
)
from core.handlers.context import Context
from core.i18n import _
from core.outcome import Reply


def run_checked(cmd: c.Checked, ctx: Context) -> Reply | str:
    """A click on a card of a task that changed since shows the task as it is now instead of acting."""
    task = ctx.task(cmd.command.number)
    if version_of(task) != cmd.version:
        return Reply(_("{ref} changed since this card was sent; here it is now.", ref=task.ref), ctx.card(task),
                     actions_for(task, ctx.me.id, ctx.me.tz), verb="stale")
    return HANDLERS[type(cmd.command)](cmd.command, ctx)


HANDLERS: dict[type[c.Command], Callable[[Any, Context], Reply | str]] = {
    c.AddTask: adding.add_task,
    c.DraftRequest: adding.draft_request,
    c.ConfirmDraft: adding.confirm_draft,
    c.DiscardDraft: adding.discard_draft,
    c.ReviseDraft: adding.revise_draft,
    c.ShowTask: views.show_task,
    c.ListTasks: lists.list_tasks,
    c.SuggestTasks: views.suggest_tasks,
    c.SuggestPeople: views.suggest_people,
    c.CompleteTask: lifecycle.complete_task,
    c.ReopenTask: lifecycle.reopen_task,
    c.CancelTask: lifecycle.cancel_task,
    c.UndoAdd: lifecycle.undo_add,
    c.SetStatus: lifecycle.set_status,
    c.EditTask: editing.edit_task,
    c.AssignTask: editing.assign_task,
    c.SetVisibility: sharing.set_visibility,
    c.SetDue: editing.set_due,
    c.CommentOnTask: editing.comment_on_task,
    c.WatchTask: editing.watch_task,
    c.AcceptTask: negotiate.accept_task,
    c.ProposeDue: negotiate.propose_due,
    c.DeclineTask: negotiate.decline_task,
    c.CreateProject: projects.create_project,
    c.ProjectStatusQuery: projects.project_status,
    c.ListProjects: projects.list_projects,
    c.JoinProject: projects.join_project,
    c.CreateGoal: goals.create_goal,
    c.EditGoal: goals.edit_goal,
    c.SetProjectGoal: goals.set_project_goal,
    c.ListGoals: goals.list_goals,
    c.GoalStatus: reports.goal_status,
    c.ShowPortfolio: reports.portfolio,
    c.ShowStats: reports.stats,
    c.UpdateSettings: settings.update_settings,
    c.ShowSettings: settings.show_settings,
    c.CalendarLink: calendar.calendar_link,
    c.SnoozeTask: scheduling.snooze_task,
    c.SetAway: scheduling.set_away,
    c.DigestCommand: scheduling.digest_command,
    c.SetRepeat: scheduling.set_repeat,
    c.SetRotation: scheduling.set_rotation,
    c.ClaimRequest: teams.claim_request,
    c.GroupIntake: intake.group_intake,
    c.RemindChannel: remind.remind_channel,
    c.ListChannelReminders: remind.list_channel_reminders,
    c.CancelChannelReminder: remind.cancel_channel_reminder,
    c.SetNotices: notices.set_notices,
    c.Checked: run_checked,
    c.Converse: converse.converse,
    c.ReactDone: reactions.react_done,
    c.RememberCard: reactions.remember_card,
    c.SetThreadUpdates: followthrough.set_thread_updates,
    c.AdminSettings: admin_settings.admin_settings,
    c.PromoteAdmin: admin.promote,
    c.DemoteAdmin: admin.demote,
    c.DeactivatePerson: admin_people.deactivate,
    c.ReactivatePerson: admin_people.reactivate,
    c.ExportPerson: admin_privacy.export,
    c.ForgetPerson: admin_privacy.forget,
    c.ShowAudit: admin.audit,
}
