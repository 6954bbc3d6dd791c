"""Live occupancy: who is inside each zone now, and entries per hour of a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncHour
from django.utils import timezone

from salon.access.models import Direction, Presence, Scan
from salon.editions.models import Edition, Zone


@dataclass(frozen=True)
class ZoneOccupancy:
    code: str
    name_en: str
    name_fr: str
    kind: str
    capacity: int | None
    present: int
    entries_today: int
    entries_by_hour: dict[str, int]  # "HH:00" local time -> admitted entries

    @property
    def load(self) -> float | None:
        return round(self.present / self.capacity, 3) if self.capacity else None


def occupancy(edition: Edition, *, day: dt.date | None = None) -> list[ZoneOccupancy]:
    day = day or timezone.localdate()
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    present = dict(
        Presence.objects.filter(zone__edition=edition, inside=True)
        .values_list("zone_id")
        .annotate(n=Count("pk"))
        .values_list("zone_id", "n")
    )
    hourly = (
        Scan.objects.filter(
            edition=edition,
            admitted=True,
            direction=Direction.IN,
            effective_at__gte=start,
            effective_at__lt=start + dt.timedelta(days=1),
        )
        .annotate(hour=TruncHour("effective_at", tzinfo=tz))
        .values_list("zone_id", "hour")
        .annotate(n=Count("pk"))
        .order_by("zone_id", "hour")
    )
    by_zone: dict[int, dict[str, int]] = {}
    for zone_id, hour, count in hourly:
        by_zone.setdefault(zone_id, {})[timezone.localtime(hour, tz).strftime("%H:00")] = count
    return [
        ZoneOccupancy(
            code=zone.code,
            name_en=zone.name_en,
            name_fr=zone.name_fr,
            kind=zone.kind,
            capacity=zone.capacity,
            present=present.get(zone.pk, 0),
            entries_today=sum(by_zone.get(zone.pk, {}).values()),
            entries_by_hour=by_zone.get(zone.pk, {}),
        )
        for zone in Zone.objects.filter(edition=edition).order_by("code")
    ]
