"""Personal settings: time zone, working days and hours, language."""
from __future__ import annotations

import re
from datetime import time

from core.commands import ShowSettings, UpdateSettings
from core.errors import InvalidInput
from core.handlers.context import Context
from core.i18n import LANGUAGES, _, speaking_to
from core.people import WEEKDAYS, Person, format_days
from core.validation.zones import zone_name

HOLIDAY_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


def show_settings(cmd: ShowSettings, ctx: Context) -> str:
    me = ctx.me
    return _("Your settings: time zone {tz}; working days {days}; hours {hours}; digest {digest} ({on}); "
             "language {lang}; public holidays {holidays}.", tz=me.tz, days=format_days(me.working_days),
             hours=f"{me.work_start:%H:%M}-{me.work_end:%H:%M}", digest=f"{me.digest_time:%H:%M}",
             on=_("on") if me.digest_enabled else _("off"), lang=me.lang, holidays=me.holiday_country or _("none"))


def update_settings(cmd: UpdateSettings, ctx: Context) -> str:
    setting, value = cmd.setting.lower(), cmd.value.strip()
    me = ctx.me
    if setting in ("tz", "timezone", "zone"):
        me.tz = zone_name(value)
    elif setting in ("days", "workdays"):
        me.working_days = parse_days(value)
    elif setting == "hours":
        me.work_start, me.work_end = parse_hours(value)
    elif setting in ("holidays", "holiday"):
        me.holiday_country = parse_holiday_country(value)
    elif setting in ("lang", "language"):
        choose_language(me, value)
    else:
        raise InvalidInput(_("Settings are tz, days, hours, lang, holidays. Example: /task settings tz Europe/Berlin"))
    ctx.uow.people.save(me)
    with speaking_to(me.lang):  # a new language answers in itself
        return _("Saved. {settings}", settings=show_settings(ShowSettings(), ctx))


def choose_language(me: Person, value: str) -> None:
    """The person's own choice, kept from then on; "auto" follows the platform's language again."""
    if value.lower() == "auto":
        me.lang_chosen = False
        return
    if value.lower() not in LANGUAGES:
        raise InvalidInput(_("Languages: {languages} (or auto: as your chat app). Example: /task settings lang de",
                             languages=", ".join(LANGUAGES)))
    me.lang, me.lang_chosen = value.lower(), True


def parse_holiday_country(value: str) -> str | None:
    """"DE", "de-by", "US-CA", or "none"."""
    if value.lower() in ("none", "off", "-"):
        return None
    if not HOLIDAY_CODE.match(value.upper()):
        raise InvalidInput(_("Public holidays follow a country code, optionally with a region: DE, US-CA, DE-BY "
                             "(or none)."))
    return value.upper()


def parse_days(value: str) -> frozenset[int]:
    """"mon-fri", "mon,wed,fri", "sun-thu"."""
    days: set[int] = set()
    for part in value.lower().replace(" ", "").split(","):
        ends = part.split("-")
        if len(ends) > 2 or any(e[:3] not in WEEKDAYS for e in ends):
            raise InvalidInput(_("Working days look like mon-fri or mon,tue,thu."))
        first, last = WEEKDAYS.index(ends[0][:3]), WEEKDAYS.index(ends[-1][:3])
        days.update((first + i) % 7 for i in range((last - first) % 7 + 1))
    return frozenset(days)


def parse_hours(value: str) -> tuple[time, time]:
    """"09:00-17:30"."""
    try:
        start, end = (time.fromisoformat(v.strip().zfill(5)) for v in value.split("-"))
    except ValueError:
        raise InvalidInput(_("Working hours look like 09:00-17:30.")) from None
    if start >= end:
        raise InvalidInput(_("Working hours must start before they end, e.g. 09:00-17:30."))
    return start, end
