"""`/task admin settings`: the workspace's defaults that newcomers start with."""
from __future__ import annotations

from datetime import time

from core.commands import AdminSettings
from core.errors import InvalidInput
from core.handlers.admin import record, require_admin
from core.handlers.context import Context
from core.handlers.settings import parse_days, parse_holiday_country, parse_hours
from core.i18n import LANGUAGES, _
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
        raise InvalidInput(_("Give a value: {example}", example=FORM))
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
            raise InvalidInput(_("Languages: {languages}. Example: /task admin settings lang de",
                                 languages=", ".join(LANGUAGES)))
        workspace.lang = value.lower()
    else:
        raise InvalidInput(_("Workspace settings are tz, days, hours, digest, holidays, lang. Example: {example}",
                             example=FORM))
    ctx.uow.workspaces.save(workspace)
    record(ctx, "settings", detail=f"{setting} to {value}")
    return _("Saved. {settings}", settings=_shown(ctx))


def _clock(value: str) -> time:
    try:
        return time.fromisoformat(value.zfill(5))
    except ValueError:
        raise InvalidInput(_("The digest time looks like 08:30.")) from None


def _shown(ctx: Context) -> str:
    start = newcomer_defaults(ctx.workspace, ctx.defaults)
    said = {"tz": start.tz, "days": format_days(start.working_days), "language": start.lang,
            "hours": f"{start.work_start:%H:%M}-{start.work_end:%H:%M}", "digest": f"{start.digest_time:%H:%M}"}
    if start.holiday_country:
        return _("Workspace defaults for newcomers: time zone {tz}; working days {days}; hours {hours}; digest "
                 "{digest}; language {language}; public holidays {holidays}. People who already set their own keep "
                 "theirs.", holidays=start.holiday_country, **said)
    return _("Workspace defaults for newcomers: time zone {tz}; working days {days}; hours {hours}; digest {digest}; "
             "language {language}; public holidays none. People who already set their own keep theirs.", **said)
