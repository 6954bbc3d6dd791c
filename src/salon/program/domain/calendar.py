"""iCalendar files of agendas and track feeds (pure Python: icalendar only, no Django).

Times are written in the edition's own time zone with its VTIMEZONE, so a calendar abroad shows
the session at the right local hour and the venue's clock stays the reference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Calendar, Event

PRODID = "-//Salon//Conference program//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    start: dt.datetime
    end: dt.datetime
    location: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()


def build_calendar(name: str, events: Iterable[CalendarEvent], tz: dt.tzinfo, *, stamp: dt.datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    starts: list[dt.datetime] = []
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("summary", item.title)
        event.add("dtstart", item.start.astimezone(tz))
        event.add("dtend", item.end.astimezone(tz))
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.categories:
            event.add("categories", list(item.categories))
        calendar.add_component(event)
        starts.append(item.start)
    if starts:
        # Only the transitions around the events: a compact VTIMEZONE instead of seventy years of them.
        first = min(starts).date()
        calendar.add_missing_timezones(
            first_date=first.replace(month=1, day=1), last_date=first.replace(year=first.year + 2)
        )
    return calendar.to_ical()
