"""The conference timetable: rooms, tracks, speakers and sessions, with conflict checks on every save.

Each write checks the organizer role itself, validates everything before writing anything, and runs
in one transaction with its audit entry, so a refused change leaves no trace.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from salon.accounts.domain.roles import Role, has_role, require_role
from salon.accreditation.models import Registration, RegistrationStatus, Sector
from salon.audit.domain.chain import record
from salon.editions.models import Edition, Zone
from salon.errors import DomainError, NotFound
from salon.program.domain.timetable import (
    Conflict,
    Hours,
    Slot,
    check_session,
    timetable_conflicts,
)
from salon.program.models import (
    ProgramSettings,
    Room,
    Session,
    SessionFormat,
    SessionLanguage,
    Speaker,
    SpeakerKind,
    Track,
)

ORGANIZERS_ONLY = "Only organizers edit the conference program."


class ProgramError(DomainError):
    pass


class SessionConflict(ProgramError):
    """The save was refused: the timetable would hold a blocking conflict. Lists every one of them."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        super().__init__(
            str(conflicts[0].kind), " ".join(c.detail for c in conflicts), status=409, field="starts_at"
        )


# ---------------------------------------------------------------- settings, rooms, tracks, speakers


def program_settings(edition: Edition) -> ProgramSettings:
    row, _ = ProgramSettings.objects.get_or_create(edition=edition)
    return row


def edition_tz(edition: Edition) -> ZoneInfo:
    return ZoneInfo(program_settings(edition).time_zone)


def hours_of(edition: Edition) -> Hours:
    row = program_settings(edition)
    span = (edition.end_date - edition.start_date).days
    return Hours(
        days=frozenset(edition.start_date + dt.timedelta(days=d) for d in range(span + 1)),
        opens=row.opens_at,
        closes=row.closes_at,
        tz=ZoneInfo(row.time_zone),
    )


@transaction.atomic
def update_settings(
    edition: Edition, *, opens_at: dt.time, closes_at: dt.time, time_zone: str, actor
) -> ProgramSettings:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    if closes_at <= opens_at:
        raise ProgramError("closes_before_opens", "Rooms must close after they open.", field="closes_at")
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ProgramError(
            "unknown_time_zone", f"Unknown time zone {time_zone!r}.", field="time_zone"
        ) from exc
    row = program_settings(edition)
    row.opens_at, row.closes_at, row.time_zone = opens_at, closes_at, time_zone
    row.save()
    record(
        actor=actor,
        action="program.settings_changed",
        target=row,
        edition_id=edition.pk,
        payload={"opens_at": opens_at, "closes_at": closes_at, "time_zone": time_zone},
    )
    return row


def _text(value: str, limit: int, name: str, *, required: bool = True) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise ProgramError("required", f"{name} is required.", field=name)
    if len(text) > limit:
        raise ProgramError("too_long", f"{name} has at most {limit} characters.", field=name)
    return text


@transaction.atomic
def add_room(edition: Edition, *, name: str, capacity: int, zone_code: str = "", actor) -> Room:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    name = _text(name, 120, "name")
    if capacity is None or int(capacity) < 1:
        raise ProgramError("invalid_capacity", "A room seats at least one person.", field="capacity")
    zone = None
    if zone_code:
        zone = Zone.objects.filter(edition=edition, code=zone_code).first()
        if zone is None:
            raise ProgramError("unknown_zone", f"No zone {zone_code!r} at this edition.", field="zone")
    if Room.objects.filter(edition=edition, name=name).exists():
        raise ProgramError("duplicate_room", f"A room {name!r} already exists.", status=409, field="name")
    return Room.objects.create(edition=edition, name=name, capacity=int(capacity), zone=zone)


@transaction.atomic
def add_track(edition: Edition, *, code: str, name_en: str, name_fr: str, actor) -> Track:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    code = _text(code, 40, "code").lower()
    if Track.objects.filter(edition=edition, code=code).exists():
        raise ProgramError("duplicate_track", f"A track {code!r} already exists.", status=409, field="code")
    name_en = _text(name_en or name_fr, 200, "name_en")
    return Track.objects.create(
        edition=edition, code=code, name_en=name_en, name_fr=_text(name_fr or name_en, 200, "name_fr")
    )


@transaction.atomic
def add_speaker(
    edition: Edition,
    *,
    full_name: str,
    organization: str,
    kind: str,
    bio_en: str = "",
    bio_fr: str = "",
    actor,
) -> Speaker:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    if kind not in SpeakerKind.values:
        raise ProgramError(
            "invalid_kind", f"{kind!r} is not one of {', '.join(SpeakerKind.values)}.", field="kind"
        )
    return Speaker.objects.create(
        edition=edition,
        full_name=_text(full_name, 200, "full_name"),
        organization=_text(organization, 200, "organization"),
        kind=kind,
        bio_en=str(bio_en or "").strip(),
        bio_fr=str(bio_fr or "").strip(),
    )


# ---------------------------------------------------------------- sessions


@dataclass
class SessionData:
    title_en: str
    title_fr: str
    format: str
    language: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room_id: int
    track_id: int | None = None
    abstract_en: str = ""
    abstract_fr: str = ""
    interpretation: bool = False
    expected_audience: int = 0
    restricted: bool = False
    allowed_sectors: list[str] = field(default_factory=list)
    speaker_ids: list[int] = field(default_factory=list)


@dataclass
class Saved:
    session: Session
    warnings: list[Conflict]


def slot_of(session: Session, speakers: list[Speaker] | None = None) -> Slot:
    people = speakers if speakers is not None else list(session.speakers.all())
    return Slot(
        key=session.pk or "new",
        title=session.title_en or session.title_fr,
        start=session.starts_at,
        end=session.ends_at,
        room=session.room_id,
        room_name=session.room.name if session.room_id else "",
        room_capacity=session.room.capacity if session.room_id else None,
        expected_audience=session.expected_audience,
        speakers=tuple((p.pk, p.full_name) for p in people),
    )


def edition_slots(edition: Edition, *, exclude: int | None = None) -> list[Slot]:
    sessions = Session.objects.filter(edition=edition).select_related("room").prefetch_related("speakers")
    if exclude:
        sessions = sessions.exclude(pk=exclude)
    return [slot_of(s, list(s.speakers.all())) for s in sessions]


def _aware(moment: dt.datetime, tz: ZoneInfo, name: str) -> dt.datetime:
    if not isinstance(moment, dt.datetime):
        raise ProgramError("invalid_time", f"{name} must be a date and time.", field=name)
    return moment.replace(tzinfo=tz) if timezone.is_naive(moment) else moment


def _clean(edition: Edition, data: SessionData) -> tuple[dict, Room, list[Speaker]]:
    title_en = _text(data.title_en or data.title_fr, 300, "title_en")
    title_fr = _text(data.title_fr or data.title_en, 300, "title_fr")
    if data.format not in SessionFormat.values:
        raise ProgramError(
            "invalid_format",
            f"{data.format!r} is not one of {', '.join(SessionFormat.values)}.",
            field="format",
        )
    if data.language not in SessionLanguage.values:
        raise ProgramError(
            "invalid_language",
            f"{data.language!r} is not one of {', '.join(SessionLanguage.values)}.",
            field="language",
        )
    room = Room.objects.filter(edition=edition, pk=data.room_id).first()
    if room is None:
        raise ProgramError("unknown_room", "Choose a room of this edition.", field="room")
    track = None
    if data.track_id:
        track = Track.objects.filter(edition=edition, pk=data.track_id).first()
        if track is None:
            raise ProgramError("unknown_track", "Choose a track of this edition.", field="track")
    speaker_ids = list(dict.fromkeys(data.speaker_ids or []))
    speakers = list(Speaker.objects.filter(edition=edition, pk__in=speaker_ids))
    if len(speakers) != len(speaker_ids):
        raise ProgramError("unknown_speaker", "Choose speakers of this edition.", field="speakers")
    sectors = list(dict.fromkeys(str(s).strip() for s in data.allowed_sectors or [] if str(s).strip()))
    unknown = [s for s in sectors if s not in Sector.values]
    if unknown:
        raise ProgramError(
            "unknown_sector",
            f"Unknown categories: {', '.join(unknown)} (one of {', '.join(Sector.values)}).",
            field="allowed_sectors",
        )
    if data.restricted and not sectors:
        raise ProgramError(
            "no_allowed_sector",
            "A restricted session needs at least one category allowed.",
            field="allowed_sectors",
        )
    if data.expected_audience is not None and int(data.expected_audience) < 0:
        raise ProgramError(
            "invalid_audience", "The expected audience cannot be negative.", field="expected_audience"
        )
    tz = edition_tz(edition)
    values = dict(
        title_en=title_en,
        title_fr=title_fr,
        abstract_en=str(data.abstract_en or "").strip(),
        abstract_fr=str(data.abstract_fr or "").strip(),
        format=data.format,
        language=data.language,
        interpretation=bool(data.interpretation),
        starts_at=_aware(data.starts_at, tz, "starts_at"),
        ends_at=_aware(data.ends_at, tz, "ends_at"),
        expected_audience=int(data.expected_audience or 0),
        restricted=bool(data.restricted),
        allowed_sectors=sectors if data.restricted else [],
        room=room,
        track=track,
    )
    return values, room, speakers


@transaction.atomic
def save_session(edition: Edition, data: SessionData, *, actor, session: Session | None = None) -> Saved:
    """Create (or, given `session`, update) a session; blocking conflicts refuse it, warnings come back."""
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    if session is not None and session.edition_id != edition.pk:
        raise NotFound("No such session at this edition.")
    values, _room, speakers = _clean(edition, data)
    candidate = Session(pk=session.pk if session else None, edition=edition, **values)
    conflicts = check_session(
        slot_of(candidate, speakers), edition_slots(edition, exclude=candidate.pk), hours_of(edition)
    )
    blocking = [c for c in conflicts if c.blocking]
    if blocking:
        raise SessionConflict(blocking)
    before = None
    if session is not None:
        before = (session.restricted, sorted(session.allowed_sectors or []))
        for name, value in values.items():
            setattr(session, name, value)
        session.save()
    else:
        session = Session.objects.create(edition=edition, **values)
    session.speakers.set(speakers)
    record(
        actor=actor,
        action="program.session_updated" if before else "program.session_created",
        target=session,
        edition_id=edition.pk,
        payload={
            "title": session.title_en,
            "room": session.room.name,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "warnings": [str(c.kind) for c in conflicts],
        },
    )
    after = (session.restricted, sorted(session.allowed_sectors))
    if (before or (False, [])) != after:
        record(
            actor=actor,
            action="program.session_access_changed",
            target=session,
            edition_id=edition.pk,
            payload={"restricted": after[0], "allowed_sectors": after[1]},
        )
    return Saved(session, conflicts)


@transaction.atomic
def delete_session(session: Session, *, actor) -> None:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    record(
        actor=actor,
        action="program.session_deleted",
        target=session,
        edition_id=session.edition_id,
        payload={"title": session.title_en, "bookings": session.agenda_items.count()},
    )
    session.delete()


def edition_conflicts(edition: Edition) -> list[Conflict]:
    return timetable_conflicts(edition_slots(edition), hours_of(edition))


# ---------------------------------------------------------------- who sees restricted sessions


def accredited_sectors(user, edition: Edition) -> set[str]:
    """The categories of the user's accredited registrations at this edition (usually one)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Registration.objects.filter(
            edition=edition, registrant=user, status=RegistrationStatus.ACCREDITED, purged_at__isnull=True
        ).values_list("sector", flat=True)
    )


def may_attend(session: Session, sectors: set[str]) -> bool:
    return not session.restricted or bool(sectors & set(session.allowed_sectors or []))


def visible_sessions(edition: Edition, user) -> QuerySet[Session]:
    """Organizers see the whole timetable; others see open sessions and restricted ones they may attend."""
    sessions = Session.objects.filter(edition=edition)
    if has_role(user, Role.ORGANIZER):
        return sessions
    sectors = accredited_sectors(user, edition)
    # allowed_sectors is a short JSON list; SQLite cannot search inside it, so the (few) restricted
    # sessions are checked here.
    allowed = [
        pk
        for pk, listed in sessions.filter(restricted=True).values_list("pk", "allowed_sectors")
        if sectors & set(listed or [])
    ]
    return sessions.filter(Q(restricted=False) | Q(pk__in=allowed))


def visible_session(edition: Edition, user, session_id: int) -> Session:
    """A restricted session someone may not attend does not exist for them (404, not 403)."""
    session = visible_sessions(edition, user).select_related("room", "track").filter(pk=session_id).first()
    if session is None:
        raise NotFound("No such session.")
    return session
