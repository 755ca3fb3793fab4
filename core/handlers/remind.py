"""Channel reminders: `/task remind #channel <text> <when>` and "remind the channel to …", listed and cancelled."""
from __future__ import annotations

import re

from core.channel_reminders import TEXT_LIMIT, ChannelReminder, first_at
from core.commands import CancelChannelReminder, ListChannelReminders, RemindChannel
from core.due import Due
from core.errors import InvalidInput, NotAllowed, NotFound
from core.handlers.context import Context
from core.handlers.create import read
from core.outcome import Action, Reply
from core.repeat_words import repeat_words
from core.wording import when

REMIND_HERE = re.compile(r"^(?:please\s+)?remind\s+(?:the|this|our)\s+(?:channel|room|group|team)\s+(?:to\s+)?(.+)$",
                         re.IGNORECASE | re.DOTALL)
HIDDEN = {"@": "\ue000", "#": "\ue001", "+": "\ue002", "!": "\ue003"}
MARK = re.compile(r"(?<!\S)([@#+!])(?=\w)")
EXAMPLE = "/task remind #general submit your timesheets every friday at 3pm"
NOT_THERE = ("I can only post reminders in a conversation both you and I are in. Invite me there (on Slack: "
             "/invite @Tandem) and make sure you are in it too.")


def remind_here(text: str) -> RemindChannel | None:
    """"remind the channel to submit timesheets every monday at 9" said to the bot, as a reminder here."""
    found = REMIND_HERE.match(text.strip())
    return RemindChannel("", found.group(1)) if found else None


def remind_channel(cmd: RemindChannel, ctx: Context) -> Reply:
    conversation = _conversation(ctx, cmd.channel)
    reading = read(ctx, _kept_marks(cmd.text))
    text = _restored(re.sub(r"^to\s+", "", reading.title.strip(), flags=re.IGNORECASE).strip())
    if not text or reading.due is None:
        raise InvalidInput(f"Say what to post and when: {EXAMPLE}")
    if len(text) > TEXT_LIMIT:
        raise InvalidInput(f"A reminder is at most {TEXT_LIMIT} characters; yours is {len(text)}. Link to the details.")
    at = first_at(reading.due, ctx.me.work_start)
    if at <= ctx.now and not reading.recurrence:
        raise InvalidInput(f"{when(reading.due, ctx.me.tz, ctx.now)} has already passed. Say a time to come, "
                           f"e.g. {EXAMPLE}")
    reminder = ctx.uow.channel_reminders.add(ChannelReminder(
        ctx.workspace.id or 0, ctx.me.id or 0, conversation, text, ctx.me.tz, ctx.now, reading.recurrence, at))
    where = _where(ctx, conversation, cmd.channel_name)
    repeats = f", then {repeat_words(reading.recurrence, reading.due, ctx.me.tz)}" if reading.recurrence else ""
    return Reply(f"{reminder.ref}: I'll post \"{text}\" {where} on {when(reading.due, ctx.me.tz, ctx.now)}{repeats}.",
                 actions=(Action("cancel", "Cancel", f"/task remind cancel {reminder.ref}", "danger"),))


def _kept_marks(text: str) -> str:
    """A reminder's @names, #channels, +labels and !words are part of what it says, not a task's markers: they are
    hidden from the reader (which takes only the time and the repeat) and restored after."""
    return MARK.sub(lambda m: HIDDEN[m.group(1)], text)


def _restored(text: str) -> str:
    for mark, hidden in HIDDEN.items():
        text = text.replace(hidden, mark)
    return text


def list_channel_reminders(cmd: ListChannelReminders, ctx: Context) -> Reply:
    conversation = _conversation(ctx, cmd.channel)
    found = ctx.uow.channel_reminders.active(ctx.workspace.id or 0, conversation)
    where = _where(ctx, conversation, cmd.channel_name)
    if not found:
        return Reply(f"No reminders to post {where}. Add one: {EXAMPLE}")
    authors = ctx.people(r.author_id for r in found)
    lines = [f"Reminders to post {where}:"]
    for reminder in found:
        assert reminder.next_at is not None
        repeats = " (repeats)" if reminder.recurrence else ""
        author = authors[reminder.author_id].mention if reminder.author_id in authors else "someone"
        next_time = when(Due.instant(reminder.next_at, reminder.tz), ctx.me.tz, ctx.now)
        lines.append(f"{reminder.ref} {next_time}{repeats}: \"{reminder.text}\" by {author}")
    lines.append("Cancel one with /task remind cancel R-n.")
    return Reply("\n".join(lines))


def cancel_channel_reminder(cmd: CancelChannelReminder, ctx: Context) -> Reply:
    reminder = ctx.uow.channel_reminders.get(cmd.number)
    missing = NotFound(f"There is no reminder R-{cmd.number} that you can see. /task remind list shows them.")
    if reminder is None or reminder.workspace_id != ctx.workspace.id or not reminder.is_active:
        raise missing
    if not _in(ctx, reminder.conversation):
        raise missing
    if ctx.me.is_limited and reminder.author_id != ctx.me.id:
        raise NotAllowed("Only the person who set this reminder can cancel it.")
    reminder.next_at = None
    ctx.uow.channel_reminders.save(reminder)
    return Reply(f"Cancelled {reminder.ref}: \"{reminder.text}\" won't be posted again.")


def _conversation(ctx: Context, channel: str) -> str:
    """The conversation meant ("" = where the speaker is), refused unless both Tandem and the speaker are in it."""
    conversation = channel.strip() or ctx.speaker.conversation
    if not conversation:
        raise InvalidInput(f"Say which channel: {EXAMPLE}")
    if not _in(ctx, conversation):
        raise NotAllowed(NOT_THERE)
    return conversation


def _in(ctx: Context, conversation: str) -> bool:
    """Whether Tandem can read `conversation` and the speaker is one of its members."""
    found = ctx.uow.conversations.get(ctx.workspace.id or 0, conversation)
    return (found is not None and found.readable and not found.archived
            and ctx.uow.conversations.has_member(ctx.workspace.id or 0, conversation, ctx.me.identities.values()))


def _where(ctx: Context, conversation: str, name: str) -> str:
    if conversation == ctx.speaker.conversation:
        return "here"
    return f"in #{(name or conversation).lstrip('#')}"
