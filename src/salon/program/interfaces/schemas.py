"""API shapes of the conference program."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class TrackIn(Schema):
    code: str = Field(max_length=40)
    name_en: str = Field(max_length=200)
    name_fr: str = Field("", max_length=200)


class TrackOut(Schema):
    id: int
    code: str
    name_en: str
    name_fr: str


class RoomIn(Schema):
    name: str = Field(max_length=120)
    capacity: int = Field(ge=1)
    zone: str = Field("", max_length=40, description="Code of the venue zone holding the room")


class RoomOut(Schema):
    id: int
    name: str
    capacity: int
    zone: str | None

    @staticmethod
    def resolve_zone(obj) -> str | None:
        return obj.zone.code if obj.zone_id else None


class SpeakerIn(Schema):
    full_name: str = Field(max_length=200)
    organization: str = Field(max_length=200)
    kind: str = Field(description="security_force, justice, research, industry or institution")
    bio_en: str = ""
    bio_fr: str = ""


class SpeakerOut(Schema):
    id: int
    full_name: str
    organization: str
    kind: str
    bio_en: str
    bio_fr: str


class SessionIn(Schema):
    title_en: str = Field(max_length=300)
    title_fr: str = Field("", max_length=300)
    abstract_en: str = ""
    abstract_fr: str = ""
    format: str = Field(description="keynote, panel, workshop or demonstration")
    language: str = Field(description="fr or en")
    interpretation: bool = False
    starts_at: dt.datetime = Field(description="Without an offset: the edition's local time")
    ends_at: dt.datetime
    room_id: int
    track_id: int | None = None
    expected_audience: int = Field(0, ge=0)
    restricted: bool = False
    allowed_sectors: list[str] = Field(default_factory=list, max_length=20)
    speaker_ids: list[int] = Field(default_factory=list, max_length=50)


class SessionOut(Schema):
    id: int
    title_en: str
    title_fr: str
    abstract_en: str
    abstract_fr: str
    format: str
    language: str
    interpretation: bool
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: RoomOut
    track: TrackOut | None
    expected_audience: int
    restricted: bool
    allowed_sectors: list[str]
    speakers: list[SpeakerOut]

    @staticmethod
    def resolve_speakers(obj) -> list:
        return list(obj.speakers.all())


class ConflictOut(Schema):
    kind: str
    blocking: bool
    session_id: int | str
    other_session_id: int | str | None
    speaker_id: int | str | None
    detail: str

    @staticmethod
    def resolve_kind(obj) -> str:
        return str(obj.kind)

    @staticmethod
    def resolve_session_id(obj):
        return obj.session

    @staticmethod
    def resolve_other_session_id(obj):
        return obj.other

    @staticmethod
    def resolve_speaker_id(obj):
        return obj.speaker


class SavedSessionOut(Schema):
    session: SessionOut
    warnings: list[ConflictOut]


class SettingsIn(Schema):
    opens_at: dt.time
    closes_at: dt.time
    time_zone: str = Field(max_length=64)


class SettingsOut(Schema):
    opens_at: dt.time
    closes_at: dt.time
    time_zone: str


class AgendaEntryOut(Schema):
    key: str
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str
    session_id: int | None
    conflict: bool

    @staticmethod
    def resolve_session_id(obj) -> int | None:
        return obj.session.pk if obj.session is not None else None


class AgendaOut(Schema):
    user_id: int
    entries: list[AgendaEntryOut]
    ical_url: str
