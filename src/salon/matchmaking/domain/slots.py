"""An edition's meeting slots: its days cut by the meeting settings (e.g. 30 minutes from 09:00 to 17:00)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from salon.editions.models import Edition
from salon.matchmaking.models import MeetingSettings


@dataclass(frozen=True)
class Slot:
    id: str  # "2025-11-18T09:30", local time of the venue
    day: dt.date
    start: dt.datetime
    end: dt.datetime


def meeting_settings(edition: Edition) -> MeetingSettings:
    settings_row, _ = MeetingSettings.objects.get_or_create(edition=edition)
    return settings_row


def edition_slots(edition: Edition) -> list[Slot]:
    settings_row = meeting_settings(edition)
    zone = timezone.get_default_timezone()
    length = dt.timedelta(minutes=settings_row.slot_minutes)
    day_start, day_end = _as_time(settings_row.day_start), _as_time(settings_row.day_end)
    slots = []
    day = edition.start_date
    while day <= edition.end_date:
        start = dt.datetime.combine(day, day_start, tzinfo=zone)
        close = dt.datetime.combine(day, day_end, tzinfo=zone)
        while start + length <= close:
            slots.append(Slot(start.strftime("%Y-%m-%dT%H:%M"), day, start, start + length))
            start += length
        day += dt.timedelta(days=1)
    return slots


def slot_length(edition: Edition) -> dt.timedelta:
    """Read-only (a dashboard GET must not create settings rows): the model default when none exist."""
    minutes = MeetingSettings.objects.filter(edition=edition).values_list("slot_minutes", flat=True).first()
    return dt.timedelta(minutes=minutes or MeetingSettings._meta.get_field("slot_minutes").default)


def _as_time(value) -> dt.time:
    return value if isinstance(value, dt.time) else dt.time.fromisoformat(str(value))


def slot_by_start(edition: Edition) -> dict[dt.datetime, Slot]:
    return {slot.start: slot for slot in edition_slots(edition)}
