"""The help text: every command with an example, shared by every platform; what each does in the reader's language."""
from __future__ import annotations

from core.i18n import N_, _

COMMANDS: dict[str, tuple[str, str]] = {
    "add": ("/task add @alice send the Q3 report by friday !high #finance ~2h",
            N_("create a task or ask someone (~2h, ~1d: an optional estimate of the work)")),
    "list": ("/task list [mine|inbox|waiting|here|overdue|all|project NAME|search TEXT] [@person #project +label "
             "!high done overdue, due this week] — /task list more for the next page",
             N_("your work (no view), or a view; filters combine")),
    "show": ("/task show T-3", N_("one task with its comments and history")),
    "accept": ("/task accept T-3 [your date]", N_("commit to a request (to your own date if you give one), "
               "or accept a proposed date")),
    "propose": ("/task propose T-3 next monday Need the numbers first", N_("ask for another date")),
    "decline": ("/task decline T-3 I'm out that week", N_("say no, with a reason")),
    "done": ("/task done T-3 [note]", N_("mark it done; the requester is told, with your note")),
    "reopen": ("/task reopen T-3 [reason]", N_("open a done or cancelled task again")),
    "start": ("/task start T-3", N_("mark it in progress (also: /task block T-3)")),
    "edit": ("/task edit T-3 title Send the Q4 report",
             N_("change title, notes, priority, project, labels, parent (subtask of), effort (~3h), private")),
    "assign": ("/task assign T-3 @bob", N_("give it to someone else")),
    "due": ("/task due T-3 tomorrow 3pm", N_("change the due date of your own task or request")),
    "comment": ("/task comment T-3 The draft is in the shared folder", N_("add a comment")),
    "watch": ("/task watch T-3", N_("hear about changes (stop with /task unwatch T-3)")),
    "cancel": ("/task cancel T-3 no longer needed", N_("cancel it; everyone involved is told")),
    "undo": ("/task undo T-3", N_("withdraw a task you just created")),
    "snooze": ("/task snooze T-3 2h (or: tomorrow, monday, 2026-04-10 9:00)", N_("remind me later")),
    "away": ("/task away until 2026-04-10 (back early: /task away off)", N_("no digests; rotations skip you")),
    "digest": ("/task digest now | off | on | at 08:30 mon-thu", N_("your morning digest")),
    "repeat": ("/task repeat T-3 every monday (or: on done, on schedule, off)", N_("a recurring duty")),
    "rotate": ("/task rotate T-3 @ana @bo @cy", N_("take turns owning a recurring duty")),
    "visibility": ("/task visibility T-3 workspace | conversation | private",
                   N_("who sees it besides the people taking part (the requester or an admin)")),
    "project": ("/task project new launch [--private] | list | status launch | join launch | goal launch grow-revenue",
                N_("projects (private ones are for their members only) and the goal each serves")),
    "goal": ("/task goal add grow-revenue by 30 jun owner @alice — double the pipeline | edit | status | list",
             N_("goals that projects serve: owner, target date, description")),
    "settings": ("/task settings tz Europe/Berlin (also: days mon-fri, hours 09:00-17:30, holidays DE-BY, lang de)",
                 N_("your settings; admins: thread-updates off stops answers being posted in their threads")),
    "calendar": ("/task calendar (a new address: /task calendar reset)",
                 N_("your private calendar feed of dated tasks, for Google, Outlook or Apple Calendar")),
    "claim": ("/task claim T-3", N_("take a request asked of a group you are in; the first claim wins")),
    "intake": ("/task settings intake @design round-robin | open | join | leave",
               N_("how a group takes requests: claimed openly, or handed out in turn; join or leave its intake")),
    "remind": ("/task remind #general submit your timesheets every friday at 3pm (also: list, cancel R-3)",
               N_("post a reminder in a channel you and Tandem are in, once or on a repeat")),
    "notices": ("/task settings notices now | every 30m | digest",
                N_("how comments and changes to tasks you watch reach you: at once, batched, or at digest time")),
    "help": ("/task help [command]", N_("this list")),
    "portfolio": ("/task portfolio",
                  N_("every goal and its projects: percent done, counts, forecast and likely finish")),
    "stats": ("/task stats [@bob | #launch]", N_("commitment health: kept on time, renegotiations, answer time, load")),
    "admin": ("/task admin settings | promote @person | demote @person | deactivate @person [to @someone] | "
              "reactivate @person | export @person | forget @person | audit [page]",
              N_("for workspace admins: the workspace's defaults, admins, people who left, personal data, "
                 "the audit log")),
}


def help_text(topic: str = "") -> str:
    """All commands, or one in detail."""
    if topic in COMMANDS:
        example, what = COMMANDS[topic]
        return _("/task {topic}: {what}.\nExample: {example}", topic=topic, what=_(what), example=example)
    lines = [_("Tandem keeps track of who does what by when. Commands:")]
    lines += [f"  {example}  — {_(what)}" for example, what in COMMANDS.values()]
    lines.append(_("Or just ask in a conversation: @tandem can @alice send the Q3 report by Friday?"))
    return "\n".join(lines)
