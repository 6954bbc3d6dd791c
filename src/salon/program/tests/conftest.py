import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import register
from salon.accreditation.models import Registration, RegistrationStatus
from salon.accreditation.tests.conftest import person
from salon.conftest import make_user
from salon.program.domain.sessions import SessionData, add_room, add_speaker, add_track, save_session

PARIS = ZoneInfo("Europe/Paris")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A Paris time on November `day`, 2025 (the test edition runs 18–21 November)."""
    return dt.datetime(2025, 11, day, hour, minute, tzinfo=PARIS)


def accredited(user, edition, sector: str, document: str) -> Registration:
    registration = register(
        edition,
        person(
            given_names=user.username.title(), family_name="Test", sector=sector, id_document_number=document
        ),
        actor=user,
    )
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.ACCREDITED)
    return registration


@pytest.fixture
def program(edition, organizer):
    """Two rooms, two tracks, two speakers, an open keynote and a police-only workshop."""
    auditorium = add_room(edition, name="Auditorium", capacity=300, actor=organizer)
    small = add_room(edition, name="Salle 2", capacity=2, actor=organizer)
    ai = add_track(edition, code="ai", name_en="AI and policing", name_fr="IA et police", actor=organizer)
    justice = add_track(edition, code="justice", name_en="Justice", name_fr="Justice", actor=organizer)
    ada = add_speaker(
        edition, full_name="Ada Marchal", organization="INRIA", kind="research", actor=organizer
    )
    ben = add_speaker(
        edition, full_name="Ben Okafor", organization="Europol", kind="institution", actor=organizer
    )

    def session(title: str, start, end, room=auditorium, track=ai, speakers=(), **extra):
        data = SessionData(
            title_en=title,
            title_fr=extra.pop("title_fr", f"{title} (fr)"),
            format=extra.pop("format", "panel"),
            language=extra.pop("language", "fr"),
            starts_at=start,
            ends_at=end,
            room_id=room.pk,
            track_id=track.pk if track else None,
            speaker_ids=[s.pk for s in speakers],
            **extra,
        )
        return save_session(edition, data, actor=organizer).session

    keynote = session("Opening keynote", at(18, 10), at(18, 11), speakers=[ada], format="keynote")
    restricted = session(
        "Covert surveillance workshop",
        at(18, 14),
        at(18, 16),
        room=small,
        track=justice,
        speakers=[ben],
        format="workshop",
        language="en",
        restricted=True,
        allowed_sectors=["police"],
    )
    return {
        "edition": edition,
        "rooms": (auditorium, small),
        "tracks": (ai, justice),
        "speakers": (ada, ben),
        "keynote": keynote,
        "restricted": restricted,
        "session": session,
    }


@pytest.fixture
def police_visitor(edition):
    user = make_user("paula", Role.VISITOR)
    accredited(user, edition, "police", "POL12345")
    return user


@pytest.fixture
def press_visitor(edition):
    user = make_user("pierre", Role.VISITOR)
    accredited(user, edition, "press", "PRS12345")
    return user
