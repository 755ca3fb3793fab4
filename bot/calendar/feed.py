"""A person's calendar feed as iCalendar text (RFC 5545), written with the icalendar package."""
from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from core.calendar import CalendarEntry, entries_for
from core.i18n import speaking_to
from core.people import Person
from core.ports import UnitOfWorkFactory

PRODUCT = "-//Tandem//Tandem calendar feed//EN"


def feed_for(uow_factory: UnitOfWorkFactory, person_id: int, now: datetime, base_url: str) -> bytes | None:
    """The feed of person `person_id` (None when they are gone), read in one unit of work."""
    with uow_factory() as uow:
        person = uow.people.get(person_id)
        if person is None:
            return None
        with speaking_to(person.lang):  # "(waiting on @bo)" and the like in the person's language
            entries = entries_for(uow, person)
    return render(person, entries, now, base_url)


def render(person: Person, entries: list[CalendarEntry], now: datetime, base_url: str) -> bytes:
    """A VCALENDAR with one VEVENT per entry: all-day for a date, a point in time (UTC) for an instant."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Tandem: {person.display_name}")
    calendar.add("x-wr-timezone", person.tz)
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", timedelta(hours=1))
    domain = urlsplit(base_url).hostname or "tandem"
    for entry in entries:
        calendar.add_component(_event(entry, now, domain))
    return bytes(calendar.to_ical())


def _event(entry: CalendarEntry, now: datetime, domain: str) -> Event:
    event = Event()
    event.add("uid", f"task-{entry.task_id}@{domain}")  # stable: the same task is the same event forever
    event.add("dtstamp", now)
    event.add("summary", entry.summary)
    if entry.day is not None:
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
    else:
        assert entry.at is not None
        event.add("dtstart", entry.at)  # aware UTC: written as ...Z; no DTEND, so the event is that instant
    if entry.updated_at is not None:
        event.add("last-modified", entry.updated_at)
    if entry.notes:
        event.add("description", entry.notes)
    event.add("transp", "TRANSPARENT")  # a deadline doesn't make anyone busy
    return event
