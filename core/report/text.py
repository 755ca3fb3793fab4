"""Report wording: roll-up lines, the forecast against the target, commitment health."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from core.i18n import ngettext
from core.report.figures import WorkFigures
from core.report.forecast import Forecast
from core.report.health import Health
from core.schedule.wall import local_date


def day(value: date) -> str:
    """"Thu 30 Apr"."""
    return f"{value:%a} {value.day} {value:%b}"


def finish_day(deadline: datetime, tz: str) -> date:
    """The day a deadline instant belongs to: a date's deadline is the midnight that ends it."""
    return local_date(deadline - timedelta(microseconds=1), tz)


def figures_line(figures: WorkFigures) -> str:
    """"58% done (7 of 12) · 4 committed · 1 unanswered · 2 undated · 1 overdue · 1 slipped"."""
    return (f"{figures.percent_done}% done ({figures.done} of {figures.total}) · {figures.committed} committed · "
            f"{figures.unanswered} unanswered · {figures.undated} undated · {figures.overdue} overdue · "
            f"{figures.slipped} slipped")


def forecast_lines(outlook: Forecast, target: date | None, tz: str, now: datetime) -> list[str]:
    """The promised finish against the target, what is unknown, and the likely finish."""
    if outlook.promised is None and outlook.likely is None and not outlook.unknown and not outlook.stalled:
        return ["Forecast finish: nothing open."]
    promised = "Forecast finish: no committed dates yet"
    if outlook.promised is not None:
        promised = f"Forecast finish: {day(finish_day(outlook.promised, tz))}"
        if outlook.promised <= now:
            promised = f"Forecast finish: overdue (the latest commitment was {day(finish_day(outlook.promised, tz))})"
    if target is not None and outlook.at_risk:
        promised += (f" — at risk: {_count(outlook.at_risk, 'commitment')} "
                     f"{'falls' if outlook.at_risk == 1 else 'fall'} after the target of {target.day} {target:%b}")
    elif target is not None and outlook.promised is not None:
        promised += f" — within the target of {target.day} {target:%b}"
    lines = [promised + "."]
    if outlook.unknown:
        lines.append(f"Unknown: {_count(outlook.unknown, 'open task')} without an agreed date "
                     "(undated or unanswered), not counted in that date.")
    if outlook.stalled:
        lines.append("Likely finish: not in sight — work is being added as fast as it is done.")
    elif outlook.likely is not None:
        lines.append(f"Likely finish: {day(finish_day(outlook.likely, tz))} (owners' record of slipping "
                     "and the trend of work added).")
    return lines


def short_forecast(outlook: Forecast, tz: str) -> str:
    """"forecast Fri 8 May, likely Tue 19 May, 2 unknown" for one line of a roll-up."""
    parts = [f"forecast {day(finish_day(outlook.promised, tz))}" if outlook.promised else "no committed dates"]
    if outlook.stalled:
        parts.append("likely: not in sight")
    elif outlook.likely is not None:
        parts.append(f"likely {day(finish_day(outlook.likely, tz))}")
    if outlook.unknown:
        parts.append(f"{outlook.unknown} unknown")
    if outlook.at_risk:
        parts.append(f"{outlook.at_risk} after the target")
    return ", ".join(parts)


def health_lines(whose: str, record: Health) -> list[str]:
    """Commitment health in a few lines, for /task stats."""
    return [f"Commitment health of {whose}:",
             f"• kept on time: {_kept(record.kept_month, record.due_month)} in the last 30 days, "
             f"{_kept(record.kept_quarter, record.due_quarter)} in the last 90",
             "• renegotiations per request: " + (f"{record.renegotiations_per_task:.1f}"
                                                  if record.renegotiations_per_task is not None else "no requests"),
             "• median time to answer a request: " + (_duration(record.median_answer)
                                                       if record.median_answer is not None else "no answers yet"),
             f"• open load: {_count(record.open_load, 'open commitment')}"]


def kept_line(kept: int, due: int, you: bool = True) -> str | None:
    """"You kept 9 of 10 commitments this month"; None when none came due."""
    if not due:
        return None
    if you:
        return ngettext("You kept {kept} of {n} commitment on time in the last 30 days.",
                        "You kept {kept} of {n} commitments on time in the last 30 days.", due, kept=kept)
    return ngettext("The team kept {kept} of {n} commitment on time in the last 30 days.",
                    "The team kept {kept} of {n} commitments on time in the last 30 days.", due, kept=kept)


def load_line(load: int) -> str | None:
    """"You already have 6 commitments due that week" for the moment of committing."""
    if not load:
        return None
    return ngettext("You already have {n} commitment due that week.",
                    "You already have {n} commitments due that week.", load)


def _kept(kept: int, due: int) -> str:
    return f"{kept} of {due}" if due else "none came due"


def _duration(value: timedelta) -> str:
    hours = value.total_seconds() / 3600
    if hours * 60 < 1:
        return "under a minute"
    if hours < 1:
        return f"{round(hours * 60)} min"
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
