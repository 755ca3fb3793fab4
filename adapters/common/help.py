"""The help text: every command with an example, shared by every platform."""
from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    "add": ("/task add @alice send the Q3 report by friday !high #finance ~2h",
            "create a task or ask someone (~2h, ~1d: an optional estimate of the work)"),
    "list": ("/task list [mine|inbox|waiting|here|overdue|all|project NAME|search TEXT] [@person #project +label "
             "!high done overdue, due this week] — /task list more for the next page",
             "your work (no view), or a view; filters combine"),
    "show": ("/task show T-3", "one task with its comments and history"),
    "accept": ("/task accept T-3 [your date]", "commit to a request (to your own date if you give one), "
               "or accept a proposed date"),
    "propose": ("/task propose T-3 next monday Need the numbers first", "ask for another date"),
    "decline": ("/task decline T-3 I'm out that week", "say no, with a reason"),
    "done": ("/task done T-3 [note]", "mark it done; the requester is told, with your note"),
    "reopen": ("/task reopen T-3 [reason]", "open a done or cancelled task again"),
    "start": ("/task start T-3", "mark it in progress (also: /task block T-3)"),
    "edit": ("/task edit T-3 title Send the Q4 report",
             "change title, notes, priority, project, labels, parent (subtask of), effort (~3h), private"),
    "assign": ("/task assign T-3 @bob", "give it to someone else"),
    "due": ("/task due T-3 tomorrow 3pm", "change the due date of your own task or request"),
    "comment": ("/task comment T-3 The draft is in the shared folder", "add a comment"),
    "watch": ("/task watch T-3", "hear about changes (stop with /task unwatch T-3)"),
    "cancel": ("/task cancel T-3 no longer needed", "cancel it; everyone involved is told"),
    "undo": ("/task undo T-3", "withdraw a task you just created"),
    "snooze": ("/task snooze T-3 2h (or: tomorrow, monday, 2026-04-10 9:00)", "remind me later"),
    "away": ("/task away until 2026-04-10 (back early: /task away off)", "no digests; rotations skip you"),
    "digest": ("/task digest now | off | on | at 08:30 mon-thu", "your morning digest"),
    "repeat": ("/task repeat T-3 every monday (or: on done, on schedule, off)", "a recurring duty"),
    "rotate": ("/task rotate T-3 @ana @bo @cy", "take turns owning a recurring duty"),
    "visibility": ("/task visibility T-3 workspace | conversation | private",
                   "who sees it besides the people taking part (the requester or an admin)"),
    "project": ("/task project new launch [--private] | list | status launch | join launch | goal launch grow-revenue",
                "projects (private ones are for their members only) and the goal each serves"),
    "goal": ("/task goal add grow-revenue by 30 jun owner @alice — double the pipeline | edit | status | list",
             "goals that projects serve: owner, target date, description"),
    "settings": ("/task settings tz Europe/Berlin (also: days mon-fri, hours 09:00-17:30, holidays DE-BY)",
                 "your settings; admins: thread-updates off stops answers being posted in their threads"),
    "calendar": ("/task calendar (a new address: /task calendar reset)",
                 "your private calendar feed of dated tasks, for Google, Outlook or Apple Calendar"),
    "claim": ("/task claim T-3", "take a request asked of a group you are in; the first claim wins"),
    "intake": ("/task settings intake @design round-robin | open | join | leave",
               "how a group takes requests: claimed openly, or handed out in turn; join or leave its intake"),
    "remind": ("/task remind #general submit your timesheets every friday at 3pm (also: list, cancel R-3)",
               "post a reminder in a channel you and Tandem are in, once or on a repeat"),
    "notices": ("/task settings notices now | every 30m | digest",
                "how comments and changes to tasks you watch reach you: at once, batched, or at digest time"),
    "help": ("/task help [command]", "this list"),
    "portfolio": ("/task portfolio", "every goal and its projects: % done, counts, forecast and likely finish"),
    "stats": ("/task stats [@bob | #launch]", "commitment health: kept on time, renegotiations, answer time, load"),
    "admin": ("/task admin settings | promote @person | demote @person | deactivate @person [to @someone] | "
              "reactivate @person | export @person | forget @person | audit [page]",
              "for workspace admins: the workspace's defaults, admins, people who left, personal data, the audit log"),
}


def help_text(topic: str = "") -> str:
    """All commands, or one in detail."""
    if topic in COMMANDS:
        example, what = COMMANDS[topic]
        return f"/task {topic}: {what}.\nExample: {example}"
    lines = ["Tandem keeps track of who does what by when. Commands:"]
    lines += [f"  {example}  — {what}" for example, what in COMMANDS.values()]
    lines.append("Or just ask in a conversation: @tandem can @alice send the Q3 report by Friday?")
    return "\n".join(lines)
