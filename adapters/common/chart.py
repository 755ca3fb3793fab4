"""Draws a burn-up series as a PNG with matplotlib's Agg canvas (headless, no pyplot state)."""
from __future__ import annotations

import io
from datetime import date
from typing import Any

from core.i18n import _, speaking_to
from core.report.burnup import BurnUp

WIDTH, HEIGHT, DPI = 8.0, 4.5, 100  # 800 x 450 pixels
FILENAME = "burn-up.png"


def chart_of(payload: dict[str, Any]) -> BurnUp | None:
    """The burn-up a notice carries, if any."""
    raw = payload.get("chart")
    return BurnUp.from_dict(raw) if isinstance(raw, dict) else None


def render_burn_up(series: BurnUp) -> bytes:
    """Done and total over time, with dashed lines from today to the promised and the likely finish."""
    # Imported on the first chart, so starting Tandem (and every sender) doesn't pay for matplotlib.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days: Any = list(series.days)  # matplotlib plots dates; its stubs only name numbers
    with speaking_to(series.lang):
        axes.plot(days, series.total, label=_("total"), color="#6b7280", linewidth=2)
        axes.plot(days, series.done, label=_("done"), color="#2563eb", linewidth=2)
        axes.fill_between(days, series.done, color="#2563eb", alpha=0.15)
        _finish_line(axes, series, series.promised, _("promised finish"), "#16a34a")
        _finish_line(axes, series, series.likely, _("likely finish"), "#dc2626")
        axes.set_title(_("Burn-up · {project}", project=series.title))
        axes.set_ylabel(_("tasks"))
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend(loc="best")
    figure.autofmt_xdate()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _finish_line(axes: Any, series: BurnUp, finish: date | None, label: str, color: str) -> None:
    """From today's done count to the total on the finish day: the forecast."""
    if finish is None or not series.days or finish <= series.days[-1]:
        return
    line: Any = [series.days[-1], finish]
    axes.plot(line, [series.done[-1], series.total[-1]], linestyle="--", color=color,
              label=label)
