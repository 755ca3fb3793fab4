"""Snooze, away, digest settings, repeat and rotation: the person's say over the scheduler."""
from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from core.commands import DigestCommand, SetAway, SetRepeat, SetRotation, SnoozeTask
from core.due import Due
from core.errors import InvalidInput
from core.handlers.context import Context
from core.handlers.settings import parse_days
from core.i18n import N_, _
from core.language import Reading
from core.outcome import Reply
from core.permissions import Act
from core.ports import DigestMaterial
from core.repeat_words import repeat_words
from core.report.health import MONTH
from core.schedule.digest import compose_digest, next_digest_at
from core.schedule.plan import snooze_until
from core.schedule.recurrence import sub_daily
from core.schedule.wall import local_instant
from core.tasks import RepeatMode
from core.validation.dates import read_request
from core.wording import at, logged, when

DIGEST_HELP = N_("Try: /task digest now, /task digest off, /task digest on, /task digest at 08:30 mon-thu")
REPEAT_MODES = {RepeatMode.ON_DONE: N_("{ref} repeats {repeat}; the next one is made on done."),
                RepeatMode.ON_SCHEDULE: N_("{ref} repeats {repeat}; the next one is made on schedule.")}


def snooze_task(cmd: SnoozeTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    due = ctx.read_when(cmd.when)
    until = due.at or datetime.combine(due.local_date(), ctx.me.work_start, ZoneInfo(ctx.me.tz))
    if until <= ctx.now:
        raise InvalidInput(_("That is already past. Snooze to a later time, e.g. /task snooze {ref} 2h", ref=task.ref))
    snooze_until(task, until)
    task.updated_at = ctx.now
    ctx.uow.tasks.save(task)
    ctx.log(task, "snoozed until", logged(Due.instant(until, ctx.me.tz)))
    return _("Snoozed {ref}: I'll remind you {date}.", ref=task.ref, date=at(until, ctx.me.tz, ctx.now))


def set_away(cmd: SetAway, ctx: Context) -> str:
    text = cmd.until.strip().removeprefix("until").strip()
    me = ctx.me
    if text.lower() in ("off", "back", "none"):
        me.away_until = None
        reply = _("Welcome back: digests and reminders are on again.")
    else:
        if not text:
            raise InvalidInput(_("Say until when: /task away until 2026-04-10 (or /task away off)"))
        until = ctx.read_when(text)
        me.away_until = until.local_date(me.tz)
        reply = _("Away until {date}: no digests until then, and recurring duties skip you.",
                  date=when(until, me.tz, ctx.now))
    me.next_digest_at = next_digest_at(me, ctx.now, ctx.holidays)
    ctx.uow.people.save(me)
    return reply


def digest_command(cmd: DigestCommand, ctx: Context) -> Reply | str:
    word, _space, rest = cmd.action.strip().partition(" ")
    me = ctx.me
    if word.lower() in ("", "now"):
        return _digest_now(ctx)
    if word.lower() in ("off", "on"):
        me.digest_enabled = word.lower() == "on"
    elif word.lower() == "at":
        me.digest_time, me.digest_days = _digest_schedule(rest)
    else:
        raise InvalidInput(_(DIGEST_HELP))
    me.next_digest_at = next_digest_at(me, ctx.now, ctx.holidays)
    ctx.uow.people.save(me)
    if not me.digest_enabled:
        return _("Daily digest off. Turn it back on with /task digest on.")
    upcoming = at(me.next_digest_at, me.tz, ctx.now) if me.next_digest_at else _("never")
    return _("Your digest comes at {time}; next one {next}.", time=f"{me.digest_time:%H:%M}", next=upcoming)


def _digest_schedule(text: str) -> tuple[time, frozenset[int] | None]:
    clock, _space, days = text.strip().partition(" ")
    try:
        at = time.fromisoformat(clock.zfill(5))
    except ValueError:
        raise InvalidInput(_(DIGEST_HELP)) from None
    return at, parse_days(days) if days.strip() else None


def _digest_now(ctx: Context) -> Reply:
    material = ctx.uow.tasks.digest_material([ctx.me], ctx.now).get(ctx.me.id or 0, DigestMaterial([], [], []))
    ids = {p for t in (*material.owned, *material.requested, *material.done_for_them)
           for p in (t.owner_id, t.requester_id)}
    kept = ctx.uow.reports.kept_by_owner([ctx.me], ctx.now - MONTH, ctx.now).get(ctx.me.id or 0)
    notice = compose_digest(ctx.me, material, ctx.people(ids), ctx.now, kept)
    if notice is None:
        return Reply(_("Nothing for your digest right now: no overdue, due or waiting work."))
    return Reply(notice.text, actions=notice.actions)


def set_repeat(cmd: SetRepeat, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    how = cmd.how.strip().lower()
    if how in ("on done", "ondone", "done"):
        task.repeat_mode = RepeatMode.ON_DONE
    elif how in ("on schedule", "schedule"):
        task.repeat_mode = RepeatMode.ON_SCHEDULE
    elif how in ("off", "never", "none"):
        task.recurrence = None
    else:
        reading = read_request(f"x {how}", now=ctx.now, tz=ctx.me.tz, lang=ctx.me.lang, workday=ctx.workday)
        if reading.recurrence is None:
            raise InvalidInput(_("Say how it repeats: /task repeat {ref} every monday (or: on done, on schedule, off)",
                                 ref=task.ref))
        task.recurrence = reading.recurrence
        task.due = _repeating_due(ctx, task.due, reading)
    ctx.touch(task)
    ctx.log(task, "repeat", how)
    if task.recurrence is None:
        return _("{ref} no longer repeats.", ref=task.ref)
    return _(REPEAT_MODES[task.repeat_mode], ref=task.ref,
             repeat=repeat_words(task.recurrence, task.due, ctx.me.tz))


def _repeating_due(ctx: Context, due: Due | None, reading: Reading) -> Due | None:
    """The task's due under its new repeat: at the time the repeat names ("every weekday at 9:15"), and an
    instant for an hourly repeat, from the start of the working day on the task's day (see docs/scheduler.md).

    When that instant is already past, the repeat's own first occurrence after now is the due.
    """
    said = reading.due
    hourly = reading.recurrence is not None and sub_daily(reading.recurrence)
    if said is None or said.at is None or (hourly and due is not None and due.at is not None):
        return due
    if due is None:
        return said
    clock = ctx.me.work_start if hourly else said.at.astimezone(ZoneInfo(said.tz)).time()
    first = local_instant(due.local_date(ctx.me.tz), clock, ctx.me.tz)
    return Due.instant(first, ctx.me.tz) if first > ctx.now else said


def set_rotation(cmd: SetRotation, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    people = [ctx.person_named(name) for name in cmd.names]
    if len(people) < 2:
        raise InvalidInput(_("Name at least two people to take turns: /task rotate {ref} @ana @bo @cy", ref=task.ref))
    task.rotation = tuple(p.id or 0 for p in people)
    ctx.touch(task)
    ctx.log(task, "rotates between", " ".join(p.mention for p in people))
    return _("{ref} now rotates between {people}, skipping anyone away.", ref=task.ref,
             people=", ".join(p.mention for p in people))
