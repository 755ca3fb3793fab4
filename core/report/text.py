"""Report wording: roll-up lines, the forecast against the target, commitment health."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from core.i18n import _, joined, ngettext
from core.i18n_dates import day_text, month_day_text
from core.language.effort import estimate_words
from core.report.figures import WorkFigures
from core.report.forecast import Forecast
from core.report.health import Health
from core.schedule.wall import local_date


def day(value: date) -> str:
    """"Thu 30 Apr", in the reader's language."""
    return day_text(value)


def finish_day(deadline: datetime, tz: str) -> date:
    """The day a deadline instant belongs to: a date's deadline is the midnight that ends it."""
    return local_date(deadline - timedelta(microseconds=1), tz)


def figures_line(figures: WorkFigures) -> str:
    """"58% done (7 of 12) · 4 committed · 1 unanswered · 2 undated · 1 overdue · 1 slipped"."""
    return _("{percent} done ({done} of {total}) · {committed} committed · {unanswered} unanswered · {undated} undated "
             "· {overdue} overdue · {slipped} slipped", percent=f"{figures.percent_done}%", done=figures.done,
             total=figures.total, committed=figures.committed, unanswered=figures.unanswered,
             undated=figures.undated, overdue=figures.overdue, slipped=figures.slipped)


def forecast_lines(outlook: Forecast, target: date | None, tz: str, now: datetime) -> list[str]:
    """The promised finish against the target, what is unknown, and the likely finish."""
    if outlook.promised is None and outlook.likely is None and not outlook.unknown and not outlook.stalled:
        return [_("Forecast finish: nothing open.")]
    promised = _("Forecast finish: no committed dates yet")
    if outlook.promised is not None:
        promised = _("Forecast finish: {day}", day=day(finish_day(outlook.promised, tz)))
        if outlook.promised <= now:
            promised = _("Forecast finish: overdue (the latest commitment was {day})",
                         day=day(finish_day(outlook.promised, tz)))
    if target is not None and outlook.at_risk:
        promised = joined([promised, ngettext("at risk: {n} commitment falls after the target of {target}",
                                              "at risk: {n} commitments fall after the target of {target}",
                                              outlook.at_risk, target=month_day_text(target))], " — ")
    elif target is not None and outlook.promised is not None:
        promised = joined([promised, _("within the target of {target}", target=month_day_text(target))], " — ")
    lines = [joined([promised, "."], "")]
    if outlook.unknown:
        lines.append(ngettext("Unknown: {n} open task without an agreed date (undated or unanswered), not counted in "
                              "that date.",
                              "Unknown: {n} open tasks without an agreed date (undated or unanswered), not counted in "
                              "that date.", outlook.unknown))
    if outlook.stalled:
        lines.append(_("Likely finish: not in sight — work is being added as fast as it is done."))
    elif outlook.likely is not None:
        lines.append(_("Likely finish: {day} (owners' record of slipping and the trend of work added).",
                       day=day(finish_day(outlook.likely, tz))))
    return lines


def short_forecast(outlook: Forecast, tz: str) -> str:
    """"forecast Fri 8 May, likely Tue 19 May, 2 unknown" for one line of a roll-up."""
    parts = [_("forecast {day}", day=day(finish_day(outlook.promised, tz))) if outlook.promised
             else _("no committed dates")]
    if outlook.stalled:
        parts.append(_("likely: not in sight"))
    elif outlook.likely is not None:
        parts.append(_("likely {day}", day=day(finish_day(outlook.likely, tz))))
    if outlook.unknown:
        parts.append(_("{n} unknown", n=outlook.unknown))
    if outlook.at_risk:
        parts.append(_("{n} after the target", n=outlook.at_risk))
    return joined(parts, ", ")


def health_lines(whose: str, record: Health) -> list[str]:
    """Commitment health in a few lines, for /task stats."""
    renegotiations = (f"{record.renegotiations_per_task:.1f}" if record.renegotiations_per_task is not None
                      else _("no requests"))
    answer = _duration(record.median_answer) if record.median_answer is not None else _("no answers yet")
    return [_("Commitment health of {whose}:", whose=whose),
            "• " + _("kept on time: {month} in the last 30 days, {quarter} in the last 90",
                     month=_kept(record.kept_month, record.due_month),
                     quarter=_kept(record.kept_quarter, record.due_quarter)),
            "• " + _("renegotiations per request: {value}", value=renegotiations),
            "• " + _("median time to answer a request: {value}", value=answer),
            "• " + ngettext("open load: {n} open commitment", "open load: {n} open commitments", record.open_load)]


def kept_line(kept: int, due: int, you: bool = True) -> str | None:
    """"You kept 9 of 10 commitments this month"; None when none came due."""
    if not due:
        return None
    if you:
        return ngettext("You kept {kept} of {n} commitment on time in the last 30 days.",
                        "You kept {kept} of {n} commitments on time in the last 30 days.", due, kept=kept)
    return ngettext("The team kept {kept} of {n} commitment on time in the last 30 days.",
                    "The team kept {kept} of {n} commitments on time in the last 30 days.", due, kept=kept)


def load_line(load: int, effort_minutes: int = 0) -> str | None:
    """"You already have 6 commitments due that week (~14h estimated)." for the moment of committing; the
    estimate only when some of that work has one."""
    if not load:
        return None
    if not effort_minutes:
        return ngettext("You already have {n} commitment due that week.",
                        "You already have {n} commitments due that week.", load)
    return ngettext("You already have {n} commitment due that week ({effort} estimated).",
                    "You already have {n} commitments due that week ({effort} estimated).", load,
                    effort=estimate_words(effort_minutes))


def _kept(kept: int, due: int) -> str:
    return _("{kept} of {due}", kept=kept, due=due) if due else _("none came due")


def _duration(value: timedelta) -> str:
    hours = value.total_seconds() / 3600
    if hours * 60 < 1:
        return _("under a minute")
    if hours < 1:
        return _("{n} min", n=round(hours * 60))
    return _("{n} h", n=f"{hours:.1f}") if hours < 48 else _("{n} days", n=f"{hours / 24:.1f}")
