"""The lists: my work (no view word) and the views mine, inbox, waiting, here, overdue, project, search, all;
paged by key, each saying how many there are and how to see more."""
from __future__ import annotations

from dataclasses import replace

from core.actions import actions_for
from core.commands import ListTasks
from core.handlers.context import Context
from core.handlers.list_words import ListSpec, read_list
from core.i18n import N_, _
from core.outcome import Action, Reply
from core.work import ListCursor, Section, WorkPage
from core.work_text import (
    MORE,
    counts_line,
    empty,
    footer,
    item_line,
    no_cursor,
    project_title,
    range_line,
    section_title,
)

TITLES = {"mine": N_("Your tasks"), "inbox": N_("Waiting for your answer"), "waiting": N_("You're waiting on"),
          "here": N_("Tasks from this conversation"), "overdue": N_("Overdue"), "all": N_("Open tasks")}
ANSWER_BUTTONS = 5  # tasks on a page whose answer buttons come with the list


def list_tasks(cmd: ListTasks, ctx: Context) -> Reply:
    """A list by key pages: my work (no view word) or a view, narrowed by filters; `more` continues the last one."""
    words = f"{cmd.view} {cmd.argument}".strip()
    me = ctx.me.id or 0
    shown = 0
    if words.lower() == "more":
        cursor = ctx.uow.cursors.get(me)
        if cursor is None:
            return Reply(no_cursor())
        words, shown = cursor.words, cursor.shown
        spec = read_list(words, ctx)
        spec = replace(spec, query=replace(spec.query, after=cursor.key))
    else:
        spec = read_list(words, ctx)
    page = ctx.uow.tasks.work_page(spec.query)
    if page.more and page.items:
        ctx.uow.cursors.save(ListCursor(me, words, page.items[-1].key, shown + len(page.items), ctx.now))
    elif shown or ctx.uow.cursors.get(me) is not None:
        ctx.uow.cursors.drop(me)  # so `more` never continues an older list
    return _page_reply(spec, page, shown, ctx)


def _title(spec: ListSpec, ctx: Context) -> str:
    mine = spec.subject.id == ctx.me.id
    if spec.view == "project":
        title = _("Project #{project}", project=spec.project)
    elif spec.view == "search":
        title = _("Tasks matching '{text}'", text=spec.query.text or "")
    elif spec.view:
        view = _(TITLES[spec.view])
        title = view if mine else _("{view} (for {person})", view=view, person=spec.subject.mention)
    else:
        title = _("Your work") if mine else _("{person}'s work", person=spec.subject.mention)
    return _("{title}, done in the last 14 days", title=title) if spec.done else title


def _page_reply(spec: ListSpec, page: WorkPage, shown: int, ctx: Context) -> Reply:
    title = _title(spec, ctx)
    if not page.items:
        return Reply(empty(title) if not shown else footer(shown, page.total, False, shown + 1))
    first, last = shown + 1, shown + len(page.items)
    lines = [range_line(title, first, last, page.total)]
    if spec.query.grouped and len(page.by_section) > 1:
        lines.append(counts_line(page, spec.subject, ctx.me))
    lines += _grouped(spec, page, ctx) if spec.query.grouped else _flat(page, ctx)
    end = footer(last, page.total, page.more, first)
    actions = _answer_actions(page, ctx) + ((Action("list", _("More"), MORE),) if page.more else ())
    return Reply("\n".join([*lines, end] if end else lines), actions=actions)


def _flat(page: WorkPage, ctx: Context) -> list[str]:
    tasks = [item.task for item in page.items]
    people = ctx.people({p for t in tasks for p in (t.owner_id, t.requester_id, *t.rotation)})
    return [item_line(t, people, ctx.me, ctx.now) for t in tasks]


def _grouped(spec: ListSpec, page: WorkPage, ctx: Context) -> list[str]:
    """Section headings, then project headings (with goal), each with its total over the whole list."""
    tasks = [item.task for item in page.items]
    people = ctx.people({p for t in tasks for p in (t.owner_id, t.requester_id, *t.rotation)})
    lines: list[str] = []
    heading: tuple[object, ...] = ()
    for item in page.items:
        section, project_id = item.section, item.task.project_id
        if heading[:1] != (section,):
            lines.append(f"{section_title(section, spec.subject, ctx.me)} ({page.by_section.get(section, 0)})")
        if heading != (section, project_id):
            names = page.projects.get(project_id) if project_id else None
            lines.append("  " + project_title(names, page.by_project.get((section, project_id), 0)))
        heading = (section, project_id)
        lines.append("    " + item_line(item.task, people, ctx.me, ctx.now))
    return lines


def _answer_actions(page: WorkPage, ctx: Context) -> tuple[Action, ...]:
    waiting = [i.task for i in page.items if i.section is Section.ANSWER][:ANSWER_BUTTONS]
    return tuple(a for task in waiting for a in actions_for(task, ctx.me.id, ctx.me.tz))
