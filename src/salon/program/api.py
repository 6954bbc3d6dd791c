"""REST API of the conference program: public reading, organizer editing, personal agendas and iCal."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.responses import Status

from salon.accounts.api import API_AUTH
from salon.accounts.domain.roles import Role, require_role
from salon.editions.api import get_edition
from salon.editions.models import Edition
from salon.program.domain import agenda, sessions
from salon.program.interfaces.schemas import (
    AgendaOut,
    ConflictOut,
    RoomIn,
    RoomOut,
    SavedSessionOut,
    SessionIn,
    SessionOut,
    SettingsIn,
    SettingsOut,
    SpeakerIn,
    SpeakerOut,
    TrackIn,
    TrackOut,
)
from salon.program.models import Room, Session, Speaker, Track

router = Router(tags=["program"])


def _anonymous(request):
    """Public reads work without credentials; wrong credentials still get 401."""
    return None if "HTTP_AUTHORIZATION" in request.META else AnonymousUser()


OPTIONAL_AUTH = [*API_AUTH, _anonymous]
ICAL_TYPE = "text/calendar; charset=utf-8"


def _ical(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=ICAL_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


def filter_sessions(
    edition: Edition,
    user,
    *,
    day: dt.date | None = None,
    track: str = "",
    format: str = "",
    language: str = "",
):
    """The sessions `user` may see, narrowed by the public program's filters (shared with the web pages)."""
    found = sessions.visible_sessions(edition, user).select_related("room__zone", "track")
    if day:
        tz = sessions.edition_tz(edition)
        start = dt.datetime.combine(day, dt.time(), tzinfo=tz)
        found = found.filter(starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1))
    if track:
        found = found.filter(track__code=track)
    if format:
        found = found.filter(format=format)
    if language:
        found = found.filter(language=language)
    return found.prefetch_related("speakers").order_by("starts_at", "room__name", "pk")


# ---------------------------------------------------------------- settings, tracks, rooms, speakers


@router.get("/editions/{ref}/program/settings", response=SettingsOut)
def get_settings(request, ref: str):
    require_role(request.auth, Role.ORGANIZER, message=sessions.ORGANIZERS_ONLY)
    return sessions.program_settings(get_edition(ref))


@router.put("/editions/{ref}/program/settings", response=SettingsOut)
def put_settings(request, ref: str, body: SettingsIn):
    return sessions.update_settings(get_edition(ref), actor=request.auth, **body.dict())


@router.get("/editions/{ref}/program/tracks", response=list[TrackOut], auth=None)
def list_tracks(request, ref: str):
    return Track.objects.filter(edition=get_edition(ref))


@router.post("/editions/{ref}/program/tracks", response={201: TrackOut})
def new_track(request, ref: str, body: TrackIn):
    return Status(201, sessions.add_track(get_edition(ref), actor=request.auth, **body.dict()))


@router.get("/editions/{ref}/program/tracks/{track_id}/ical", auth=None)
def track_feed(request, ref: str, track_id: int):
    """Public iCal feed of a track's open sessions."""
    track = get_object_or_404(Track.objects.select_related("edition"), edition=get_edition(ref), pk=track_id)
    return _ical(agenda.track_ical(track), f"{track.edition.slug}-{track.code}")


@router.get("/editions/{ref}/program/rooms", response=list[RoomOut], auth=None)
def list_rooms(request, ref: str):
    return Room.objects.filter(edition=get_edition(ref)).select_related("zone")


@router.post("/editions/{ref}/program/rooms", response={201: RoomOut})
def new_room(request, ref: str, body: RoomIn):
    room = sessions.add_room(
        get_edition(ref), name=body.name, capacity=body.capacity, zone_code=body.zone, actor=request.auth
    )
    return Status(201, room)


@router.get("/editions/{ref}/program/speakers", response=list[SpeakerOut], auth=None)
def list_speakers(request, ref: str):
    return Speaker.objects.filter(edition=get_edition(ref))


@router.post("/editions/{ref}/program/speakers", response={201: SpeakerOut})
def new_speaker(request, ref: str, body: SpeakerIn):
    return Status(201, sessions.add_speaker(get_edition(ref), actor=request.auth, **body.dict()))


# ---------------------------------------------------------------- sessions


@router.get("/editions/{ref}/program/sessions", response=list[SessionOut], auth=OPTIONAL_AUTH)
def list_sessions(
    request, ref: str, day: dt.date | None = None, track: str = "", format: str = "", language: str = ""
):
    """The program as the caller may see it: restricted sessions only for the categories allowed."""
    return filter_sessions(
        get_edition(ref), request.auth, day=day, track=track, format=format, language=language
    )


@router.post("/editions/{ref}/program/sessions", response={201: SavedSessionOut})
def new_session(request, ref: str, body: SessionIn):
    saved = sessions.save_session(get_edition(ref), sessions.SessionData(**body.dict()), actor=request.auth)
    return Status(201, {"session": saved.session, "warnings": saved.warnings})


@router.get("/editions/{ref}/program/sessions/{session_id}", response=SessionOut, auth=OPTIONAL_AUTH)
def session_detail(request, ref: str, session_id: int):
    return sessions.visible_session(get_edition(ref), request.auth, session_id)


def _session(edition: Edition, session_id: int) -> Session:
    return get_object_or_404(Session, edition=edition, pk=session_id)


@router.put("/editions/{ref}/program/sessions/{session_id}", response=SavedSessionOut)
def edit_session(request, ref: str, session_id: int, body: SessionIn):
    require_role(request.auth, Role.ORGANIZER, message=sessions.ORGANIZERS_ONLY)
    edition = get_edition(ref)
    saved = sessions.save_session(
        edition,
        sessions.SessionData(**body.dict()),
        actor=request.auth,
        session=_session(edition, session_id),
    )
    return {"session": saved.session, "warnings": saved.warnings}


@router.delete("/editions/{ref}/program/sessions/{session_id}", response={204: None})
def remove_session(request, ref: str, session_id: int):
    require_role(request.auth, Role.ORGANIZER, message=sessions.ORGANIZERS_ONLY)
    edition = get_edition(ref)
    sessions.delete_session(_session(edition, session_id), actor=request.auth)
    return Status(204, None)


@router.get("/editions/{ref}/program/conflicts", response=list[ConflictOut])
def conflicts(request, ref: str):
    """Every conflict of the timetable as it stands (warnings included)."""
    require_role(request.auth, Role.ORGANIZER, message=sessions.ORGANIZERS_ONLY)
    return sessions.edition_conflicts(get_edition(ref))


# ---------------------------------------------------------------- personal agenda


def _agenda(request, edition: Edition) -> dict:
    return {
        "user_id": request.auth.pk,
        "entries": agenda.agenda_of(request.auth, edition),
        "ical_url": f"/api/v1/editions/{edition.slug}/agendas/{request.auth.pk}/ical",
    }


@router.get("/editions/{ref}/agenda", response=AgendaOut)
def my_agenda(request, ref: str):
    """The caller's agenda: booked sessions and B2B meetings, with overlapping entries flagged."""
    return _agenda(request, get_edition(ref))


@router.post("/editions/{ref}/agenda/{session_id}", response={201: AgendaOut})
def book_session(request, ref: str, session_id: int):
    edition = get_edition(ref)
    agenda.add_to_agenda(request.auth, sessions.visible_session(edition, request.auth, session_id))
    return Status(201, _agenda(request, edition))


@router.delete("/editions/{ref}/agenda/{session_id}", response=AgendaOut)
def unbook_session(request, ref: str, session_id: int):
    edition = get_edition(ref)
    agenda.remove_from_agenda(request.auth, _session(edition, session_id))
    return _agenda(request, edition)


@router.get("/editions/{ref}/agendas/{user_id}/ical")
def agenda_feed(request, ref: str, user_id: int):
    """One's own agenda as iCal; anyone else's is refused (403)."""
    edition = get_edition(ref)
    return _ical(agenda.agenda_ical(request.auth, user_id, edition), f"{edition.slug}-agenda")
