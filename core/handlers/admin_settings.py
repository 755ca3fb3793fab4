"""`/task admin settings`: the workspace's defaults that newcomers start with."""
from __future__ import annotations

from datetime import time

from core.commands import AdminSettings
from core.errors import InvalidInput
from core.handlers.admin import record, require_admin
from core.handlers.context import Context
from core.handlers.settings import parse_days, parse_holiday_country, parse_hours
from core.i18n import LANGUAGES
from core.identity import newcomer_defaults
from core.people import format_days
from core.validation.zones import zone_name

FORM = ("/task admin settings tz Europe/Berlin (also: days mon-fri, hours 09:00-17:30, digest 08:30, "
        "holidays DE-BY, lang de)")


def admin_settings(cmd: AdminSettings, ctx: Context) -> str:
    require_admin(ctx)
    if not cmd.setting:
        return _shown(ctx)
    setting, value = cmd.setting.lower(), cmd.value.strip()
    if not value:
        raise InvalidInput(f"Give a value: {FORM}")
    workspace = ctx.workspace
    if setting in ("tz", "timezone", "zone"):
        workspace.default_tz = zone_name(value)
    elif setting in ("days", "workdays"):
        workspace.working_days = parse_days(value)
    elif setting == "hours":
        workspace.work_start, workspace.work_end = parse_hours(value)
    elif setting == "digest":
        workspace.digest_time = _clock(value)
    elif setting in ("holidays", "holiday"):
        workspace.holiday_country = parse_holiday_country(value)
    elif setting in ("lang", "language"):
        if value.lower() not in LANGUAGES:
            raise InvalidInput(f"Languages: {', '.join(LANGUAGES)}. Example: /task admin settings lang de")
        workspace.lang = value.lower()
    else:
        raise InvalidInput(f"Workspace settings are tz, days, hours, digest, holidays, lang. Example: {FORM}")
    ctx.uow.workspaces.save(workspace)
    record(ctx, "settings", detail=f"{setting} to {value}")
    return "Saved. " + _shown(ctx)


def _clock(value: str) -> time:
    try:
        return time.fromisoformat(value.zfill(5))
    except ValueError:
        raise InvalidInput("The digest time looks like 08:30.") from None


def _shown(ctx: Context) -> str:
    start = newcomer_defaults(ctx.workspace, ctx.defaults)
    return (f"Workspace defaults for newcomers: time zone {start.tz}; working days {format_days(start.working_days)}; "
            f"hours {start.work_start:%H:%M}-{start.work_end:%H:%M}; digest {start.digest_time:%H:%M}; "
            f"language {start.lang}; public holidays {start.holiday_country or 'none'}. People who already "
            "set their own keep theirs.")
