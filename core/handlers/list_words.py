"""Reading `/task list …`: a view word (or none: my work) and filters that combine, into a WorkQuery."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from core import i18n
from core.errors import InvalidInput
from core.handlers.context import Context
from core.people import Person
from core.tasks import Priority
from core.validation import limits
from core.work import Section, WorkQuery

MY_WORK = (Section.ANSWER, Section.COMMITTED, Section.OWN, Section.RECURRING, Section.WAITING)
VIEWS: dict[str, tuple[Section, ...]] = {
    "mine": (Section.MINE,), "inbox": (Section.INBOX,), "waiting": (Section.ASKED,), "here": (Section.ANY,),
    "overdue": (Section.ANY,), "all": (Section.ANY,), "project": (Section.ANY,), "search": (Section.ANY,)}
PRIORITIES = {"!urgent": Priority.URGENT, "!high": Priority.HIGH, "!normal": Priority.NORMAL, "!low": Priority.LOW}
RECENT = timedelta(days=14)  # what `done` shows
FILTERS_HELP = i18n.N_("Filters: @person, #project, +label, !high (or !urgent, !normal, !low), done, due this week, "
                       "overdue. Views: mine, inbox, waiting, here, overdue, all, project NAME, search TEXT. "
                       "Example: /task list #launch !high due this week")


@dataclass(frozen=True)
class ListSpec:
    """What the words asked for: the view (empty: my work), whose work, and the query to page through."""

    view: str
    subject: Person
    query: WorkQuery
    done: bool = False
    project: str = ""


def read_list(words: str, ctx: Context) -> ListSpec:
    """Read the words after `/task list`; a word that is no view and no filter is explained, never ignored."""
    words = limits.within(words.strip(), limits.SEARCH, "list", FILTERS_HELP)
    first, _, rest = words.partition(" ")
    view = first.lower() if first.lower() in VIEWS else ""
    tail = rest if view else words
    base = WorkQuery(ctx.workspace.id or 0, ctx.me, ctx.me.id or 0, VIEWS.get(view, MY_WORK), grouped=not view,
                     escalate_after=ctx.policy.escalate_after_nudges)
    if view == "search":
        if len(tail.strip()) < 2:
            raise InvalidInput(i18n._("Search for at least two characters: /task list search report"))
        return ListSpec(view, ctx.me, replace(base, text=tail.strip(), open_only=False))
    if view == "here":
        if not ctx.speaker.conversation:
            raise InvalidInput(i18n._("This view needs a conversation. Try /task list mine."))
        base = replace(base, conversation=ctx.speaker.conversation)
    if view == "overdue":
        base = replace(base, due_until=ctx.now)
    project = ""
    if view == "project":
        name, _, tail = tail.strip().partition(" ")
        if not name:
            raise InvalidInput(i18n._("Which project? Example: /task list project launch"))
        found = ctx.project(name)
        base, project = replace(base, project_id=found.id), found.name
    return _filtered(view, base, tail.split(), ctx, project)


def _filtered(view: str, query: WorkQuery, words: list[str], ctx: Context, project: str) -> ListSpec:
    subject, done = ctx.me, False
    while words:
        word = words.pop(0)
        low = word.lower()
        if low.startswith("@") and subject is ctx.me:
            subject = ctx.person_named(word)
            query = replace(query, subject_id=subject.id or 0)
        elif low.startswith("#") and query.project_id is None:
            found = ctx.project(word)
            query, project = replace(query, project_id=found.id), found.name
        elif low.startswith("+") and len(low) > 1:
            query = replace(query, labels=(*query.labels, low[1:]))
        elif low in PRIORITIES:
            query = replace(query, priorities=(*query.priorities, PRIORITIES[low]))
        elif low == "done":
            query, done = replace(query, done_since=ctx.now - RECENT), True
        elif low == "overdue":
            query = replace(query, due_until=ctx.now)
        elif low == "due" and [w.lower() for w in words[:2]] == ["this", "week"]:
            del words[:2]
            query = _this_week(query, ctx.now, ctx.me.tz)
        else:
            shown = " ".join([word, *words])[:60]
            raise InvalidInput(i18n._("/task list takes a view and filters, and I won't ignore '{shown}'. {filters}",
                                     shown=shown, filters=i18n._(FILTERS_HELP)))
    if not view and subject is not ctx.me:
        query = replace(query, sections=MY_WORK[:-1])  # what they own or committed to, not what they wait on
    return ListSpec(view, subject, query, done, project)


def _this_week(query: WorkQuery, now: datetime, tz: str) -> WorkQuery:
    """Due after Monday 00:00 up to the end of Sunday, in the reader's zone (the week of `now`): a date due the
    Sunday before ends exactly at Monday 00:00 and is not this week's."""
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    start = datetime.combine(monday, time(0), zone)
    end = datetime.combine(monday + timedelta(days=7), time(0), zone)
    return replace(query, due_from=start, due_until=end)
