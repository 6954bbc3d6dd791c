"""API shapes of badges and check-in. Scan inputs are lenient on purpose: a gate's offline queue must never
be refused as a whole because one scan in it is odd; each bad scan gets its own verdict."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

MAX_BATCH = 500


class ScanIn(Schema):
    payload: str = Field(max_length=2000)
    gate: int | str
    direction: str = Field("in", max_length=10)
    scan_id: str = Field(max_length=200)
    device_time: str | None = Field(
        None, max_length=40, description="ISO 8601, the device's clock at the scan"
    )
    sent_at: str | None = Field(None, max_length=40, description="ISO 8601, the device's clock at upload")


class BatchIn(Schema):
    sent_at: str | None = Field(None, max_length=40, description="ISO 8601, the device's clock at upload")
    scans: list[ScanIn] = Field(max_length=MAX_BATCH)


class VerdictOut(Schema):
    scan_id: str
    reason: str
    admitted: bool
    recorded: bool
    replayed: bool
    warnings: list[str]
    message: str
    badge_id: int | None = None
    category: str = ""
    holder: str = ""
    organization: str = ""
    gate: str = ""
    zone: str = ""
    direction: str = ""
    effective_at: dt.datetime | None = None
    skew_seconds: int | None = None


class BatchOut(Schema):
    results: list[VerdictOut]
    recorded: int
    replayed: int
    server_time: dt.datetime


class BadgeIn(Schema):
    holder_name: str = Field(max_length=300)
    category: str = Field(max_length=20)
    organization: str = Field("", max_length=200)
    country: str = Field("", max_length=2)
    zones: list[str] | None = Field(
        None, max_length=32, description="zone codes; default: the category's zones"
    )
    days: list[dt.date] | None = Field(None, max_length=16)


class ReasonIn(Schema):
    reason: str = Field(min_length=5, max_length=300)


class BadgeOut(Schema):
    id: int
    edition: str
    category: str
    holder_name: str
    organization: str
    country: str
    zones: list[str]
    days: list[str]
    version: int
    key_version: int
    status: str
    payload: str
    issued_at: dt.datetime
    revoked_at: dt.datetime | None
    registration_id: int | None
    staff_member_id: int | None

    @staticmethod
    def resolve_edition(obj) -> str:
        return obj.edition.slug

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""

    @staticmethod
    def resolve_zones(obj) -> list[str]:
        from salon.access.domain.badges import zone_codes

        return zone_codes(obj)


class ZoneRuleIn(Schema):
    days: list[dt.date] = Field(default_factory=list, max_length=31)
    opens: dt.time | None = None
    closes: dt.time | None = None


class ZoneRuleOut(Schema):
    zone: str
    category: str
    days: list[str]
    opens: dt.time | None
    closes: dt.time | None


class GateIn(Schema):
    code: str = Field(max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")
    name: str = Field(max_length=120)
    zone: str = Field(max_length=40)


class GateOut(Schema):
    id: int
    code: str
    name: str
    zone: str


class ZoneOccupancyOut(Schema):
    code: str
    name_en: str
    name_fr: str
    kind: str
    capacity: int | None
    present: int
    load: float | None
    entries_today: int
    entries_by_hour: dict[str, int]


class OccupancyOut(Schema):
    edition: str
    day: dt.date
    present: int
    zones: list[ZoneOccupancyOut]


class RotationOut(Schema):
    key_version: int
    badges_reissued: int
