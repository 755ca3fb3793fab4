"""Channel reminders: `/task remind #channel <text> <when>` and "remind the channel to …", listed and cancelled."""
from __future__ import annotations

import re

from core.channel_reminders import TEXT_LIMIT, ChannelReminder, first_at
from core.commands import CancelChannelReminder, ListChannelReminders, RemindChannel
from core.due import Due
from core.errors import InvalidInput, NotAllowed, NotFound
from core.handlers.context import Context
from core.handlers.create import read
from core.i18n import N_, _, joined
from core.outcome import Action, Reply
from core.repeat_words import repeat_words
from core.wording import when

REMIND_HERE = re.compile(r"^(?:please\s+)?remind\s+(?:the|this|our)\s+(?:channel|room|group|team)\s+(?:to\s+)?(.+)$",
                         re.IGNORECASE | re.DOTALL)
HIDDEN = {"@": "\ue000", "#": "\ue001", "+": "\ue002", "!": "\ue003"}
MARK = re.compile(r"(?<!\S)([@#+!])(?=\w)")
EXAMPLE = "/task remind #general submit your timesheets every friday at 3pm"
NOT_THERE = N_("I can only post reminders in a conversation both you and I are in. Invite me there (on Slack: "
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
        raise InvalidInput(_("Say what to post and when: {example}", example=EXAMPLE))
    if len(text) > TEXT_LIMIT:
        raise InvalidInput(_("A reminder is at most {limit} characters; yours is {length}. Link to the details.",
                             limit=TEXT_LIMIT, length=len(text)))
    at = first_at(reading.due, ctx.me.work_start)
    if at <= ctx.now and not reading.recurrence:
        raise InvalidInput(_("{date} has already passed. Say a time to come, e.g. {example}",
                             date=when(reading.due, ctx.me.tz, ctx.now), example=EXAMPLE))
    reminder = ctx.uow.channel_reminders.add(ChannelReminder(
        ctx.workspace.id or 0, ctx.me.id or 0, conversation, text, ctx.me.tz, ctx.now, reading.recurrence, at))
    where = _where(ctx, conversation, cmd.channel_name)
    said = {"ref": reminder.ref, "text": text, "date": when(reading.due, ctx.me.tz, ctx.now)}
    if reading.recurrence:
        done = _("{ref}: I'll post \"{text}\" {where} on {date}, then {repeat}.", where=where,
                 repeat=repeat_words(reading.recurrence, reading.due, ctx.me.tz), **said)
    else:
        done = _("{ref}: I'll post \"{text}\" {where} on {date}.", where=where, **said)
    return Reply(done, actions=(Action("cancel", _("Cancel"), f"/task remind cancel {reminder.ref}", "danger"),))


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
        return Reply(_("No reminders to post {where}. Add one: {example}", where=where, example=EXAMPLE))
    authors = ctx.people(r.author_id for r in found)
    lines = [_("Reminders to post {where}:", where=where)]
    for reminder in found:
        assert reminder.next_at is not None
        author = authors[reminder.author_id].mention if reminder.author_id in authors else _("someone")
        said = {"ref": reminder.ref, "text": reminder.text, "who": author,
                "date": when(Due.instant(reminder.next_at, reminder.tz), ctx.me.tz, ctx.now)}
        if reminder.recurrence:
            lines.append(_("{ref} {date} (repeats): \"{text}\" by {who}", **said))
        else:
            lines.append(_("{ref} {date}: \"{text}\" by {who}", **said))
    lines.append(_("Cancel one with /task remind cancel R-n."))
    return Reply(joined(lines, "\n"))


def cancel_channel_reminder(cmd: CancelChannelReminder, ctx: Context) -> Reply:
    reminder = ctx.uow.channel_reminders.get(cmd.number)
    missing = NotFound(_("There is no reminder R-{number} that you can see. /task remind list shows them.",
                         number=cmd.number))
    if reminder is None or reminder.workspace_id != ctx.workspace.id or not reminder.is_active:
        raise missing
    if not _in(ctx, reminder.conversation):
        raise missing
    if ctx.me.is_limited and reminder.author_id != ctx.me.id:
        raise NotAllowed(_("Only the person who set this reminder can cancel it."))
    reminder.next_at = None
    ctx.uow.channel_reminders.save(reminder)
    return Reply(_("Cancelled {ref}: \"{text}\" won't be posted again.", ref=reminder.ref, text=reminder.text))


def _conversation(ctx: Context, channel: str) -> str:
    """The conversation meant ("" = where the speaker is), refused unless both Tandem and the speaker are in it."""
    conversation = channel.strip() or ctx.speaker.conversation
    if not conversation:
        raise InvalidInput(_("Say which channel: {example}", example=EXAMPLE))
    if not _in(ctx, conversation):
        raise NotAllowed(_(NOT_THERE))
    return conversation


def _in(ctx: Context, conversation: str) -> bool:
    """Whether Tandem can read `conversation` and the speaker is one of its members."""
    found = ctx.uow.conversations.get(ctx.workspace.id or 0, conversation)
    return (found is not None and found.readable and not found.archived
            and ctx.uow.conversations.has_member(ctx.workspace.id or 0, conversation, ctx.me.identities.values()))


def _where(ctx: Context, conversation: str, name: str) -> str:
    if conversation == ctx.speaker.conversation:
        return _("here")
    channel = "#" + (name or conversation).lstrip("#")
    return _("in {channel}", channel=channel)
