"""Personal agendas: sessions someone booked, merged with their B2B meetings, overlaps flagged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from salon.accounts.domain.roles import Role, has_role
from salon.editions.models import Edition
from salon.errors import DomainError, NotAllowed, NotFound
from salon.program.domain.calendar import CalendarEvent, build_calendar
from salon.program.domain.meetings import meetings_for
from salon.program.domain.sessions import accredited_sectors, edition_tz, may_attend, visible_sessions
from salon.program.domain.timetable import Busy, agenda_overlaps
from salon.program.models import AgendaItem, Session, Track


class AgendaError(DomainError):
    pass


def _signed_in(user) -> None:
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotAllowed("Sign in to build your agenda.", code="sign_in_required")


@transaction.atomic
def add_to_agenda(user, session: Session) -> AgendaItem:
    """Book a seat. Restricted sessions only for the categories allowed; never above the room's seats."""
    _signed_in(user)
    sectors = accredited_sectors(user, session.edition)
    if not may_attend(session, sectors):
        if not has_role(user, Role.ORGANIZER):
            raise NotFound("No such session.")
        raise NotAllowed(
            "This session is restricted to other categories of visitors.", code="restricted_session"
        )
    # Lock the session row so two last-seat bookings queue instead of both succeeding.
    session = Session.objects.select_for_update(of=("self",)).select_related("room").get(pk=session.pk)
    existing = AgendaItem.objects.filter(user=user, session=session).first()
    if existing is not None:
        return existing
    if session.agenda_items.count() >= session.room.capacity:
        raise AgendaError("session_full", "This session is fully booked.", status=409)
    try:
        with transaction.atomic():
            return AgendaItem.objects.create(user=user, session=session)
    except IntegrityError:
        return AgendaItem.objects.get(user=user, session=session)


@transaction.atomic
def remove_from_agenda(user, session: Session) -> None:
    _signed_in(user)
    AgendaItem.objects.filter(user=user, session=session).delete()


@dataclass(frozen=True)
class AgendaEntry:
    key: str
    kind: str  # "session" or "meeting"
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str
    session: Session | None = None
    conflict: bool = False


def agenda_of(owner, edition: Edition) -> list[AgendaEntry]:
    """The owner's sessions (those they may still attend) and meetings, in time order, overlaps flagged."""
    sessions = (
        visible_sessions(edition, owner)
        .filter(agenda_items__user=owner)
        .select_related("room", "track")
        .prefetch_related("speakers")
    )
    entries = [
        AgendaEntry(f"session-{s.pk}", "session", s.title, s.starts_at, s.ends_at, s.room.name, session=s)
        for s in sessions
    ]
    entries += [
        AgendaEntry(m.key, "meeting", m.title, m.starts_at, m.ends_at, m.location)
        for m in meetings_for(owner, edition)
    ]
    clashing = agenda_overlaps([Busy(e.key, e.starts_at, e.ends_at) for e in entries]).keys
    entries = [
        AgendaEntry(e.key, e.kind, e.title, e.starts_at, e.ends_at, e.location, e.session, e.key in clashing)
        for e in entries
    ]
    return sorted(entries, key=lambda e: (e.starts_at, e.key))


def require_own_agenda(viewer, owner_id: int) -> None:
    """An agenda says where someone will be and when: only its owner reads it."""
    _signed_in(viewer)
    if viewer.pk != owner_id:
        raise NotAllowed("You may only read your own agenda.", code="not_your_agenda")


def _event(session: Session, edition: Edition) -> CalendarEvent:
    speakers = ", ".join(p.full_name for p in session.speakers.all())
    description = session.abstract + (f"\n\n{speakers}" if speakers else "")
    return CalendarEvent(
        uid=f"session-{session.pk}@{edition.slug}.salon",
        title=session.title,
        start=session.starts_at,
        end=session.ends_at,
        location=f"{session.room.name}, {edition.venue}",
        description=description.strip(),
        categories=(session.get_format_display(),),
    )


def agenda_ical(viewer, owner_id: int, edition: Edition) -> bytes:
    require_own_agenda(viewer, owner_id)
    events = []
    for entry in agenda_of(viewer, edition):
        if entry.session is not None:
            events.append(_event(entry.session, edition))
        else:
            events.append(
                CalendarEvent(
                    uid=f"{entry.key}@{edition.slug}.salon",
                    title=entry.title,
                    start=entry.starts_at,
                    end=entry.ends_at,
                    location=entry.location,
                )
            )
    return build_calendar(f"{edition.name}", events, edition_tz(edition), stamp=timezone.now())


def track_ical(track: Track) -> bytes:
    """The public feed of one track: its open sessions only (restricted ones are never published)."""
    edition = track.edition
    sessions = (
        Session.objects.filter(edition=edition, track=track, restricted=False)
        .select_related("room")
        .prefetch_related("speakers")
    )
    return build_calendar(
        f"{edition.name} — {track.name}",
        [_event(s, edition) for s in sessions],
        edition_tz(edition),
        stamp=timezone.now(),
    )
